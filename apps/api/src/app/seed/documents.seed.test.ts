import { DocumentType } from '@comptoir/schema';
import { createTestApp, type TestApp } from '../../../test/harness';
import { sessionFor } from '../../../test/fixtures';
import { Document } from '../../modules/documents/document.entity';
import { HistoryEntry } from '../../modules/history/history-entry.entity';
import { verifyHistoryChain } from '../../modules/history/history.service';
import { seedDocuments } from './documents.seed';
import { seedIdentity } from './identity.seed';

describe('demo documents', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('seeds every document type over several months by several users, with a valid history chain, in under 10 s', async () => {
    const identity = await seedIdentity(t.app);
    const started = Date.now();
    const { documents } = await seedDocuments(t.app, identity);
    expect(Date.now() - started).toBeLessThan(10_000);
    const rows = await t.app.dataSource.getRepository(Document).findBy({ dossierId: identity.dossier.id });
    expect(rows).toHaveLength(documents);
    expect(documents).toBeGreaterThanOrEqual(36);
    for (const type of Object.values(DocumentType)) expect(rows.some((r) => r.type === type)).toBe(true);
    expect(new Set(rows.map((r) => r.createdById)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(rows.map((r) => r.updatedById)).size).toBeGreaterThanOrEqual(3);
    const months = new Set(rows.map((r) => r.date.slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(4);
    const issued = rows.filter((r) => r.type === DocumentType.INVOICE && r.number).map((r) => r.numberSequence);
    expect(issued.length).toBeGreaterThan(5);
    const entries = await t.app.dataSource.getRepository(HistoryEntry).countBy({ dossierId: identity.dossier.id });
    expect(entries).toBeGreaterThan(documents);
    const ctx = await (await sessionFor(t, identity.owner.id, identity.dossier.id)).context();
    expect((await verifyHistoryChain(ctx)).ok).toBe(true);
  });
});
