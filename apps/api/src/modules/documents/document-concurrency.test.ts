import { Profile } from '@comptoir/schema';
import { createDossier, sessionFor, type FixtureDossier } from '../../../test/fixtures';
import { createTestApp, type TestApp } from '../../../test/harness';
import { verifyHistoryChain } from '../history/history.service';
import { createCustomer, createDoc, firstError, getDoc, ISSUE, line, UPDATE, type Doc } from './document.test-kit';

const onMySql = /^(mysql|mariadb):/.test(process.env.DATABASE_URL ?? '');
// SQLite serializes the transactions of a process (core/transaction.ts): real concurrency needs MySQL/MariaDB.
const describeMySql = onMySql ? describe : describe.skip;
if (!onMySql) console.warn('document-concurrency: skipped on SQLite (transactions are serialized there); run with DATABASE_URL=mariadb://…');

describeMySql('documents under concurrent use (MySQL/MariaDB)', () => {
  let t: TestApp;
  let d: FixtureDossier;
  beforeAll(async () => {
    t = await createTestApp();
    d = await createDossier(t, { profiles: [Profile.OWNER, Profile.ADV] });
  });
  afterAll(() => t.close());

  it('gives 50 concurrent issues of 50 drafts 50 distinct, contiguous numbers', async () => {
    const adv = d.client(Profile.ADV);
    const customer = await createCustomer(adv);
    const drafts: Doc[] = [];
    for (let i = 0; i < 50; i++) drafts.push(await createDoc(adv, 'INVOICE', { partyId: customer.id, lines: [line({ quantity: i + 1 })] }));
    // a separate session (own context) per call, as 50 browsers would
    const clients = await Promise.all(drafts.map(() => sessionFor(t, d.as.ADV!.user.id, d.dossier.id)));
    const results = await Promise.all(drafts.map((doc, i) => clients[i].exec<{ issueDocument: Doc }>(ISSUE, { id: doc.id, version: doc.version })));
    expect(results.filter((r) => r.errors)).toEqual([]);
    const sequences = results.map((r) => Number(/-(\d+)$/.exec(r.data!.issueDocument.number as string)![1])).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const ctx = await adv.context();
    const chain = await verifyHistoryChain(ctx);
    // The whole verdict, so a failure says which entry broke and why.
    expect(chain).toEqual(expect.objectContaining({ ok: true, brokenAtSequence: null }));
  });

  it('never gives one legal number twice, even to concurrent invoices and credit notes sharing a prefix', async () => {
    const f = await createDossier(t, { profiles: [Profile.OWNER, Profile.ADV] });
    // Settings from before prefixes were validated distinct: credit notes numbered like invoices.
    const row = (await t.app.dataSource.query('SELECT `settings` FROM `dossiers` WHERE `id` = ?', [f.dossier.id])) as { settings: string }[];
    const settings = { ...(JSON.parse(row[0].settings) as Record<string, string>), creditNotePrefix: 'FA', invoicePrefix: 'FA' };
    await t.app.dataSource.query('UPDATE `dossiers` SET `settings` = ? WHERE `id` = ?', [JSON.stringify(settings), f.dossier.id]);
    const adv = f.client(Profile.ADV);
    const customer = await createCustomer(adv);
    const drafts: Doc[] = [];
    for (let i = 0; i < 12; i++) drafts.push(await createDoc(adv, i % 2 ? 'CREDIT_NOTE' : 'INVOICE', { partyId: customer.id, lines: [line()] }));
    const clients = await Promise.all(drafts.map(() => sessionFor(t, f.as.ADV!.user.id, f.dossier.id)));
    const results = await Promise.all(drafts.map((doc, i) => clients[i].exec<{ issueDocument: Doc }>(ISSUE, { id: doc.id, version: doc.version })));
    const numbers = results.filter((r) => !r.errors).map((r) => r.data!.issueDocument.number as string);
    expect(numbers.length).toBeGreaterThan(0);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const r of results.filter((x) => x.errors)) expect(firstError(r)).toMatchObject({ code: 'CONFLICT', reason: 'NUMBER_TAKEN' });
    const stored = (await t.app.dataSource.query('SELECT `number` FROM `documents` WHERE `dossierId` = ? AND `number` IS NOT NULL', [f.dossier.id])) as { number: string }[];
    expect(new Set(stored.map((s) => s.number)).size).toBe(stored.length);
    // A refused issue gave its number back: the draft is still a draft, issuable again.
    const refused = drafts.filter((_, i) => results[i].errors);
    for (const doc of refused) expect((await getDoc(adv, doc.id)).status).toBe('DRAFT');
  });

  it('lets exactly one of two concurrent updates of one version win; the other gets CONFLICT and nothing is lost', async () => {
    const adv = d.client(Profile.ADV);
    const customer = await createCustomer(adv);
    for (let round = 0; round < 5; round++) {
      const quote = await createDoc(adv, 'QUOTE', { partyId: customer.id, lines: [line()] });
      const [a, b] = await Promise.all([sessionFor(t, d.as.ADV!.user.id, d.dossier.id), sessionFor(t, d.as.OWNER!.user.id, d.dossier.id)]);
      const results = await Promise.all([
        a.exec<{ updateDocument: Doc }>(UPDATE, { id: quote.id, version: quote.version, input: { partyId: customer.id, subject: 'A', lines: [line({ quantity: 2 })] } }),
        b.exec<{ updateDocument: Doc }>(UPDATE, { id: quote.id, version: quote.version, input: { partyId: customer.id, subject: 'B', lines: [line({ quantity: 3 }), line()] } }),
      ]);
      const ok = results.filter((r) => !r.errors);
      const refused = results.filter((r) => r.errors);
      expect(ok).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect(firstError(refused[0])).toMatchObject({ code: 'CONFLICT', currentVersion: quote.version + 1 });
      const winner = ok[0].data!.updateDocument;
      const stored = await getDoc(adv, quote.id);
      expect(stored.version).toBe(quote.version + 1);
      expect(stored.lines.map((l) => l.quantity)).toEqual(winner.lines.map((l) => l.quantity));
      expect(stored.totalInclVatCents).toBe(winner.totalInclVatCents);
    }
  });
});
