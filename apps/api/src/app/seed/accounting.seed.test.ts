import { createTestApp, type TestApp } from '../../../test/harness';
import { AccountingBatch, AccountingEntry } from '../../modules/accounting/accounting.entity';
import { seedAccounting } from './accounting.seed';
import { seedDocuments } from './documents.seed';
import { seedIdentity } from './identity.seed';

describe('demo accounting', () => {
  let t: TestApp;
  let identity: Awaited<ReturnType<typeof seedIdentity>>;
  beforeAll(async () => {
    t = await createTestApp();
    identity = await seedIdentity(t.app);
    await seedDocuments(t.app, identity);
    await seedAccounting(t.app, identity);
  }, 300_000);
  afterAll(() => t.close());

  it('has entries over at least two months and one batch collected by the demo accountant', async () => {
    const entries = await t.app.dataSource.getRepository(AccountingEntry).findBy({ dossierId: identity.dossier.id });
    expect(new Set(entries.map((e) => e.entryDate.slice(0, 7))).size).toBeGreaterThanOrEqual(2);
    const batches = await t.app.dataSource.getRepository(AccountingBatch).findBy({ dossierId: identity.dossier.id });
    const collected = batches.filter((b) => b.status === 'COLLECTED');
    expect(collected).toHaveLength(1);
    expect(collected[0].collectedById).toBe(identity.members.ACCOUNTANT.id);
    expect(batches.filter((b) => b.status === 'OPEN').length).toBeGreaterThanOrEqual(1);
  });
});
