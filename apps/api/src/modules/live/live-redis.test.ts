// Two API nodes sharing one database and one Redis (REDIS_URL): what happens on A
// reaches the subscribers of B. Redis at REDIS_TEST_URL (default 127.0.0.1:6379);
// skipped with a notice when none answers, unless REQUIRE_REDIS=1 (CI).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Profile } from '@comptoir/schema';
import { createTestApp, type TestApp } from '../../../test/harness';
import { redisAvailable, REDIS_TEST_URL } from '../../../test/redis-kit';
import { createDossier, type FixtureDossier } from '../../../test/fixtures';
import { DOCUMENT_CHANGED, DOCUMENT_PRESENCE, listening, LiveClient, type DocumentChanged, type DocumentPresence } from '../../../test/live-kit';
import { topics } from '../../core/bus';
import { createCustomer, createDoc, line, UPDATE } from '../documents/document.test-kit';
import { exportJobId } from '../exports/export.jobs';

let available = true;
beforeAll(async () => {
  available = await redisAvailable();
  if (!available && process.env.REQUIRE_REDIS === '1') throw new Error(`REQUIRE_REDIS=1 but no Redis answers at ${REDIS_TEST_URL}`);
  if (!available) console.warn(`live-redis: no Redis at ${REDIS_TEST_URL}; two-node tests skipped`);
});

describe('live across two API nodes sharing Redis and the database', () => {
  let a: TestApp;
  let b: TestApp;
  let urlA: string;
  let urlB: string;
  let d: FixtureDossier;
  let exportDir: string;
  const clients: LiveClient[] = [];
  const live = (url: string, token: string | undefined) => {
    const c = new LiveClient(url, token);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    if (!available) return;
    // One prefix per run: test files running at once never hear each other.
    exportDir = mkdtempSync(join(tmpdir(), 'comptoir-exports-'));
    const env = { REDIS_URL: REDIS_TEST_URL, REDIS_PREFIX: `comptoir-test-${randomBytes(4).toString('hex')}:`, EXPORT_DIR: exportDir };
    a = await createTestApp({ env });
    b = await createTestApp({ env, shareWith: a });
    urlA = await a.http();
    urlB = await b.http();
    expect([a.app.bus.kind, b.app.bus.kind]).toEqual(['redis', 'redis']);
    d = await createDossier(a, { profiles: [Profile.OWNER, Profile.ADV] });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
  });
  afterAll(async () => {
    if (!available) return;
    await b.close();
    await a.close();
    rmSync(exportDir, { recursive: true, force: true });
  });

  async function quote() {
    const customer = await createCustomer(d.client(Profile.OWNER));
    return createDoc(d.client(Profile.OWNER), 'QUOTE', { partyId: customer.id, lines: [line()] });
  }

  it('pushes an edit made on A to a subscriber on B within 1 s', async () => {
    if (!available) return;
    const doc = await quote();
    const onB = live(urlB, d.client(Profile.OWNER).sessionToken).subscribe<DocumentChanged>(DOCUMENT_CHANGED, { id: doc.id });
    await listening(b.app, topics.dossier(d.dossier.id));
    // The mutation runs on A (its Apollo server, its database connection, its bus).
    await d.client(Profile.ADV).data(UPDATE, { id: doc.id, version: doc.version, input: { partyId: doc.partyId, lines: [line({ description: 'Par A' })] } });
    const committed = Date.now();
    const event = await onB.event(() => true, 1000);
    expect(Date.now() - committed).toBeLessThan(1000);
    expect(event.documentChanged).toMatchObject({ documentId: doc.id, entryType: 'UPDATED', user: { name: d.as.ADV!.user.name } });
  });

  it('shows presence across nodes, and its end', async () => {
    if (!available) return;
    const doc = await quote();
    const onA = live(urlA, d.client(Profile.OWNER).sessionToken).subscribe<DocumentPresence>(DOCUMENT_PRESENCE, { id: doc.id });
    await onA.event((e) => e.documentPresence.viewers.length === 1);
    const advOnB = live(urlB, d.client(Profile.ADV).sessionToken);
    const seenByAdv = advOnB.subscribe<DocumentPresence>(DOCUMENT_PRESENCE, { id: doc.id });
    await onA.event((e) => e.documentPresence.viewers.length === 2);
    const both = await seenByAdv.event((e) => e.documentPresence.viewers.length === 2);
    expect(both.documentPresence.viewers.map((v) => v.name).sort()).toEqual([d.as.OWNER!.user.name, d.as.ADV!.user.name].sort());
    const seen = onA.events.length;
    await advOnB.dispose();
    const after = await onA.event((e) => e.documentPresence.viewers.length === 1, 5000, seen);
    expect(after.documentPresence.viewers[0].id).toBe(d.as.OWNER!.user.id);
  });

  it('closes on B the sockets of a session revoked on A', async () => {
    if (!available) return;
    const fresh = await createDossier(a, { profiles: [Profile.OWNER] });
    const doc = await createDoc(fresh.client(Profile.OWNER), 'QUOTE', { partyId: (await createCustomer(fresh.client(Profile.OWNER))).id, lines: [line()] });
    const onB = live(urlB, fresh.client(Profile.OWNER).sessionToken);
    const sub = onB.subscribe<DocumentPresence>(DOCUMENT_PRESENCE, { id: doc.id });
    await sub.event();
    await fresh.client(Profile.OWNER).data('mutation { logout }');
    await sub.until(() => onB.closes.length > 0, 5000, 'the socket on B to close');
    expect(onB.closes[0].code).toBe(4401);
  });

  it('writes an export started on A in the background, follows its progress on B, and B serves the file', async () => {
    if (!available) return;
    const owner = d.client(Profile.OWNER);
    await quote();
    const started = (await owner.data<{ startDocumentsExport: { id: string; downloadUrl: string } }>('mutation { startDocumentsExport(input: { format: CSV, columns: ["number", "type"] }) { id downloadUrl } }')).startDocumentsExport;
    const progress = live(urlB, owner.sessionToken).subscribe<{ exportProgress: { state: string; progress: number } }>('subscription($id: ID!) { exportProgress(id: $id) { state progress } }', { id: started.id });
    await listening(b.app, topics.job(exportJobId(started.id)));
    await owner.data('mutation($id: ID!) { runExportInBackground(id: $id) { status } }', { id: started.id });
    await progress.event((e) => e.exportProgress.state === 'completed', 15_000);
    const response = await fetch(urlB + started.downloadUrl, { headers: { cookie: `comptoir_session=${owner.sessionToken}` } });
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toContain('Numéro');
    expect(body.trim().split('\n').length).toBeGreaterThanOrEqual(2);
    // Asked again, from A this time: the same file (it is not written twice).
    const again = await fetch(urlA + started.downloadUrl, { headers: { cookie: `comptoir_session=${owner.sessionToken}` } });
    expect(await again.text()).toBe(body);
  });
});
