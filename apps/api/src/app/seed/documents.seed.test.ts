import { DocumentType } from '@comptoir/schema';
import { createTestApp, type TestApp } from '../../../test/harness';
import { sessionFor } from '../../../test/fixtures';
import { Document } from '../../modules/documents/document.entity';
import { HistoryEntityType, HistoryEntry, HistoryEntryType } from '../../modules/history/history-entry.entity';
import { verifyHistoryChain } from '../../modules/history/history.service';
import { seedDocuments } from './documents.seed';
import { seedIdentity } from './identity.seed';

describe('demo documents', () => {
  let t: TestApp;
  let identity: Awaited<ReturnType<typeof seedIdentity>>;
  let documents: number;
  beforeAll(async () => {
    t = await createTestApp();
    identity = await seedIdentity(t.app);
    ({ documents } = await seedDocuments(t.app, identity));
    // Hundreds of writes through the services: on a loaded machine (MariaDB) this outlasts the default minute.
  }, 300_000);
  afterAll(() => t.close());

  it('seeds every document type over several months by several users, with a valid history chain', async () => {
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

  it('gives each document the updatedAt and updatedBy of its last history entry', async () => {
    const dossierId = identity.dossier.id;
    const rows = await t.app.dataSource.getRepository(Document).findBy({ dossierId });
    const entries = await t.app.dataSource.getRepository(HistoryEntry).find({ where: { dossierId, entityType: HistoryEntityType.DOCUMENT }, order: { sequence: 'ASC' } });
    // The last entry that changed the document: an entry linking to a document derived from this one
    // (an invoice credited, a document duplicated) leaves it unchanged, unless the same action also
    // changed it (a quote converted), in which case both agree.
    const LINKS = new Set<string>([HistoryEntryType.CONVERTED, HistoryEntryType.DUPLICATED]);
    const agrees = (doc: Document, e: HistoryEntry) => e.userId === doc.updatedById && e.createdAt.getTime() === doc.updatedAt.getTime();
    const lastChange = (doc: Document) => {
      const own = entries.filter((e) => e.entityId === doc.id);
      const last = own[own.length - 1];
      if (!last || agrees(doc, last) || !LINKS.has(last.type)) return last;
      return own.filter((e) => !LINKS.has(e.type)).pop();
    };
    const disagreements = rows
      .map((doc) => ({ doc, entry: lastChange(doc) }))
      .filter(({ doc, entry }) => !entry || !agrees(doc, entry))
      .map(({ doc, entry }) => `${doc.type} ${doc.number ?? doc.id}: ${doc.updatedById} ${doc.updatedAt.toISOString()} vs ${entry?.type} ${entry?.userId} ${entry?.createdAt.toISOString()}`);
    expect(rows.length).toBeGreaterThanOrEqual(36);
    expect(disagreements).toEqual([]);
  });
});
