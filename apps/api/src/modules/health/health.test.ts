import { createTestApp, type TestApp } from '../../../test/harness';

describe('health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers the health query without a session', async () => {
    const data = await t.client().data<{ health: { status: string; database: string; version: string } }>(
      '{ health { status database version time } }',
    );
    expect(data.health.status).toBe('ok');
    expect(data.health.database).toBe(t.config.database.kind);
    expect(data.health.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('answers GET /healthz with 200 while the database answers', async () => {
    const base = await t.http();
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', database: t.config.database.kind });
  });
});

describe('health with the database gone', () => {
  it('answers GET /healthz with 503', async () => {
    const t = await createTestApp();
    const base = await t.http();
    // Close the pool under the running server, as a crashed database would.
    await t.app.dataSource.destroy();
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(503);
    await t.app.dataSource.initialize();
    await t.close();
  });
});
