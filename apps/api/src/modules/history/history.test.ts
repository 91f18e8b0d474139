import { Profile } from '@comptoir/schema';
import { createDossier, type FixtureDossier } from '../../../test/fixtures';
import { createTestApp, type TestApp } from '../../../test/harness';
import { CONVERT_QUOTE, createCustomer, createDoc, DELETE, DUPLICATE, historyOfDoc, ISSUE, line, SEND, UPDATE, type Doc } from '../documents/document.test-kit';
import { HistoryEntry, HistoryEntryType } from './history-entry.entity';

const VERIFY = '{ verifyHistory { ok checkedEntries brokenAtSequence brokenEntryId reason } }';
type Verify = { verifyHistory: { ok: boolean; checkedEntries: number; brokenAtSequence: number | null; brokenEntryId: string | null; reason: string | null } };

describe('history', () => {
  let t: TestApp;
  let d: FixtureDossier;
  beforeAll(async () => {
    t = await createTestApp();
    d = await createDossier(t, { profiles: [Profile.OWNER, Profile.ADV, Profile.COMMERCIAL] });
  });
  afterAll(() => t.close());

  it('records who did what on a quote and the invoice it became, with the changed fields', async () => {
    const commercial = d.client(Profile.COMMERCIAL);
    const adv = d.client(Profile.ADV);
    const customer = await createCustomer(commercial, 'Fromagerie Vidal');
    const quote = await createDoc(commercial, 'QUOTE', { partyId: customer.id, subject: 'Vitrine', lines: [line({ quantity: 2 })] });
    const edited = (await adv.data<{ updateDocument: Doc }>(UPDATE, {
      id: quote.id,
      version: quote.version,
      input: { partyId: customer.id, subject: 'Vitrine réfrigérée', lines: [line({ quantity: 3 }), line({ description: 'Livraison', unitPriceCents: 5000, vatRate: 10 })] },
    })).updateDocument;
    const sent = (await adv.data<{ sendDocument: Doc }>(SEND, { id: quote.id, version: edited.version })).sendDocument;
    const invoice = (await adv.data<{ convertQuoteToInvoice: Doc }>(CONVERT_QUOTE, { id: quote.id, version: sent.version })).convertQuoteToInvoice;
    const issued = (await adv.data<{ issueDocument: Doc }>(ISSUE, { id: invoice.id, version: invoice.version })).issueDocument;

    const quoteHistory = await historyOfDoc(adv, quote.id);
    expect(quoteHistory.map((h) => [h.type, h.user?.name])).toEqual([
      ['CREATED', d.as.COMMERCIAL!.user.name],
      ['UPDATED', d.as.ADV!.user.name],
      ['SENT', d.as.ADV!.user.name],
      ['STATUS_CHANGED', d.as.ADV!.user.name],
      ['CONVERTED', d.as.ADV!.user.name],
    ]);
    const changes = quoteHistory[1].changes;
    expect(changes).toEqual(
      expect.arrayContaining([
        { field: 'subject', before: 'Vitrine', after: 'Vitrine réfrigérée' },
        { field: 'lines.0.quantity', before: '2', after: '3' },
        expect.objectContaining({ field: 'lines.1', before: null }),
        expect.objectContaining({ field: 'totalExclVatCents', before: '20000', after: '35000' }),
      ]),
    );
    expect(quoteHistory[3]).toMatchObject({ fromStatus: 'SENT', toStatus: 'ACCEPTED' });
    expect(quoteHistory[4]).toMatchObject({ relationDirection: 'TO', relatedDocumentId: invoice.id, relatedDocumentType: 'INVOICE' });

    const invoiceHistory = await historyOfDoc(adv, invoice.id);
    expect(invoiceHistory.map((h) => h.type)).toEqual(['CREATED', 'CONVERTED', 'ISSUED']);
    expect(invoiceHistory[1]).toMatchObject({ relationDirection: 'FROM', relatedDocumentId: quote.id, relatedDocumentType: 'QUOTE' });
    expect(invoiceHistory[2]).toMatchObject({ number: issued.number, fromStatus: 'DRAFT', toStatus: 'ISSUED' });

    const customerHistory = await adv.data<{ customer: { createdBy: { name: string }; history: { type: string }[] } }>(
      'query($id: ID!) { customer(id: $id) { createdBy { name } history { type } } }',
      { id: customer.id },
    );
    expect(customerHistory.customer).toEqual({ createdBy: { name: d.as.COMMERCIAL!.user.name }, history: [{ type: 'CREATED' }] });
  });

  it('keeps the entries of duplicated and deleted drafts', async () => {
    const adv = d.client(Profile.ADV);
    const quote = await createDoc(adv, 'INVOICE', { lines: [line()] });
    const copy = (await adv.data<{ duplicateDocument: Doc }>(DUPLICATE, { id: quote.id })).duplicateDocument;
    await adv.data(DELETE, { id: copy.id, version: copy.version });
    const rows = await t.app.dataSource.getRepository(HistoryEntry).find({ where: { entityId: copy.id }, order: { sequence: 'ASC' } });
    expect(rows.map((r) => r.type)).toEqual(['CREATED', 'DUPLICATED', 'DELETED']);
    expect((await historyOfDoc(adv, quote.id)).map((h) => h.type)).toEqual(['CREATED', 'DUPLICATED']);
  });

  it('records an edit at the documented input limits (40 lines of 2,000 characters) on every database', async () => {
    const adv = d.client(Profile.ADV);
    const text = (seed: string) => `${seed} ${'é«»"\\'.repeat(5)}${'x'.repeat(2000)}`.slice(0, 2000);
    const quote = await createDoc(adv, 'QUOTE', { lines: Array.from({ length: 40 }, (_, i) => line({ description: text(`avant ${i}`) })) });
    const edited = (await adv.data<{ updateDocument: Doc }>(UPDATE, {
      id: quote.id,
      version: quote.version,
      input: { lines: Array.from({ length: 40 }, (_, i) => line({ description: text(`après ${i}`) })) },
    })).updateDocument;
    expect(edited.version).toBe(quote.version + 1);
    const [entry] = await t.app.dataSource.getRepository(HistoryEntry).find({ where: { entityId: quote.id, type: HistoryEntryType.UPDATED } });
    const changes = (entry.data as { changes: { field: string; before: string | null; after: string | null }[] }).changes;
    expect(changes.filter((c) => /^lines\.\d+\.description$/.test(c.field))).toHaveLength(40);
    expect(changes.find((c) => c.field === 'lines.39.description')).toEqual({ field: 'lines.39.description', before: text('avant 39'), after: text('après 39') });
    expect((await d.client(Profile.OWNER).data<Verify>(VERIFY)).verifyHistory.ok).toBe(true);
  });

  it('verifies the hash chain, and reports the first entry altered directly in the database', async () => {
    const owner = d.client(Profile.OWNER);
    const ok = await owner.data<Verify>(VERIFY);
    expect(ok.verifyHistory.ok).toBe(true);
    expect(ok.verifyHistory.checkedEntries).toBeGreaterThan(10);
    const victim = await t.app.dataSource.getRepository(HistoryEntry).findOneOrFail({ where: { dossierId: d.dossier.id, sequence: 4 } });
    await t.app.dataSource.query('UPDATE `history_entries` SET `data` = ? WHERE `id` = ?', [JSON.stringify({ from: 'DRAFT', to: 'REFUSED' }), victim.id]);
    const broken = await owner.data<Verify>(VERIFY);
    expect(broken.verifyHistory).toMatchObject({ ok: false, brokenAtSequence: 4, brokenEntryId: victim.id, reason: expect.stringMatching(/hash/) });
    expect(await d.client(Profile.COMMERCIAL).errorCode(VERIFY)).toBe('FORBIDDEN');
  });

  it('reports a deleted entry as a missing link', async () => {
    const t2 = await createTestApp();
    try {
      const f = await createDossier(t2, { profiles: [Profile.OWNER] });
      const owner = f.client(Profile.OWNER);
      for (let i = 0; i < 3; i++) await createCustomer(owner, `Client ${i}`);
      await t2.app.dataSource.query('DELETE FROM `history_entries` WHERE `dossierId` = ? AND `sequence` = 2', [f.dossier.id]);
      const result = await owner.data<Verify>(VERIFY);
      expect(result.verifyHistory).toMatchObject({ ok: false, brokenAtSequence: 2 });
    } finally {
      await t2.close();
    }
  });

  it('offers no operation that edits or deletes history', async () => {
    const mutations = Object.keys(t.schema.getMutationType()?.getFields() ?? {});
    expect(mutations.filter((m) => /history/i.test(m))).toEqual([]);
  });
});
