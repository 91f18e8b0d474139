import fc from 'fast-check';
import { computeTotals, DocumentType, Profile } from '@comptoir/schema';
import { createDossier, type FixtureDossier } from '../../../test/fixtures';
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness';
import { withClock } from '../../core/clock';
import { createCustomer, createDoc, CREDIT, firstError, getDoc, ISSUE, line, type Doc } from '../documents/document.test-kit';
import { AccountingEntry } from './accounting.entity';
import { PCG_DEFAULTS } from './chart';
import { recordPaymentEntry, salesEntryLines, type PostedLine } from './posting.service';

const ENTRY_FIELDS = `id journalKind journalCode number entryDate documentId pieceRef pieceDate label totalDebitCents totalCreditCents validatedAt
  lines { position accountNumber accountLabel auxiliaryAccount auxiliaryLabel debitCents creditCents }`;
const ENTRIES = `query($documentId: ID!) { documentAccountingEntries(documentId: $documentId) { ${ENTRY_FIELDS} } }`;
const SETTINGS_FIELDS = `version siren effectiveSiren salesJournalCode salesJournalName bankJournalCode bankJournalName customerAccount bankAccount
  goodsRevenueAccount servicesRevenueAccount vatAccount20 vatAccount10 vatAccount55 vatAccount21`;

interface EntryLine {
  accountNumber: string;
  auxiliaryAccount: string | null;
  debitCents: number;
  creditCents: number;
}
interface Entry {
  journalCode: string;
  number: number;
  entryDate: string;
  pieceRef: string;
  totalDebitCents: number;
  totalCreditCents: number;
  lines: EntryLine[];
}

async function entriesOf(client: TestClient, documentId: string): Promise<Entry[]> {
  return (await client.data<{ documentAccountingEntries: Entry[] }>(ENTRIES, { documentId })).documentAccountingEntries;
}

export async function issued(client: TestClient, type: string, input: Record<string, unknown>): Promise<Doc> {
  const draft = await createDoc(client, type, input);
  return (await client.data<{ issueDocument: Doc }>(ISSUE, { id: draft.id, version: draft.version })).issueDocument;
}

const sum = (lines: EntryLine[], side: 'debitCents' | 'creditCents', account?: string) =>
  lines.filter((l) => !account || l.accountNumber === account).reduce((s, l) => s + l[side], 0);

describe('accounting entries at issue', () => {
  let t: TestApp;
  let d: FixtureDossier;
  let adv: TestClient;
  let accountant: TestClient;
  let customerId: string;
  beforeAll(async () => {
    t = await createTestApp();
    d = await createDossier(t, { profiles: [Profile.OWNER, Profile.ADV, Profile.COMMERCIAL, Profile.ACHAT, Profile.ACCOUNTANT] });
    adv = d.client(Profile.ADV);
    accountant = d.client(Profile.ACCOUNTANT);
    customerId = (await createCustomer(adv, 'Café Zola SARL')).id;
  });
  afterAll(() => t.close());

  it('writes one balanced sales entry per issued invoice: 411 + code debit, revenue per account and rate, VAT per rate', async () => {
    const goods = await adv.data<{ createArticle: { id: string } }>('mutation($input: ArticleInput!) { createArticle(input: $input) { id kind } }', {
      input: { reference: 'CHAISE', label: 'Chaise', salePriceCents: 4_999, vatRate: '20', kind: 'GOODS' },
    });
    const invoice = await issued(adv, 'INVOICE', {
      partyId: customerId,
      lines: [
        line({ articleId: goods.createArticle.id, description: 'Chaise', quantity: 3, unitPriceCents: 4_999, vatRate: 20, discountPercent: 7.5 }),
        line({ description: 'Pose', quantity: 1.333, unitPriceCents: 3_333, vatRate: 20 }),
        line({ description: 'Livre', quantity: 2, unitPriceCents: 1_999, vatRate: 5.5 }),
        line({ description: 'Travaux', quantity: 1, unitPriceCents: 12_345, vatRate: 10, discountPercent: 12.34 }),
        line({ description: 'Presse', quantity: 7, unitPriceCents: 99, vatRate: 2.1 }),
        line({ description: 'Export', quantity: 1, unitPriceCents: 5_000, vatRate: 0 }),
      ],
    });
    const [entry, ...others] = await entriesOf(accountant, invoice.id);
    expect(others).toHaveLength(0);
    expect(entry).toMatchObject({ journalCode: 'VT', number: 1, entryDate: invoice.date, pieceRef: invoice.number });
    expect(entry.totalDebitCents).toBe(entry.totalCreditCents);
    expect(sum(entry.lines, 'debitCents')).toBe(sum(entry.lines, 'creditCents'));
    const customerLine = entry.lines[0];
    expect(customerLine).toMatchObject({ accountNumber: '411000', auxiliaryAccount: '411CAFEZOLA', debitCents: invoice.totalInclVatCents, creditCents: 0 });
    // Revenue: goods at 20 % on 707000, services per rate on 706000; VAT per rate on its account.
    expect(sum(entry.lines, 'creditCents', '707000')).toBe(invoice.lines[0].totalExclVatCents);
    expect(sum(entry.lines, 'creditCents', '706000')).toBe(invoice.totalExclVatCents - invoice.lines[0].totalExclVatCents);
    for (const vat of invoice.vatBreakdown) {
      const rateBp = Math.round(Number(vat.vatRate) * 100);
      if (rateBp === 0) continue;
      const account = { 2000: '445712', 1000: '445711', 550: '445715', 210: '445713' }[rateBp]!;
      expect(sum(entry.lines, 'creditCents', account)).toBe(vat.vatCents);
    }
    expect(entry.lines.filter((l) => l.accountNumber === '706000')).toHaveLength(5);
  });

  it('writes the reverse entry for a credit note, numbered next in the journal', async () => {
    const invoice = await issued(adv, 'INVOICE', { partyId: customerId, lines: [line({ unitPriceCents: 10_001, vatRate: 20 }), line({ unitPriceCents: 333, quantity: 3, vatRate: 10 })] });
    const draft = (await adv.data<{ createCreditNoteFromInvoice: Doc }>(CREDIT, { invoiceId: invoice.id })).createCreditNoteFromInvoice;
    const credit = (await adv.data<{ issueDocument: Doc }>(ISSUE, { id: draft.id, version: draft.version })).issueDocument;
    const [invoiceEntry] = await entriesOf(accountant, invoice.id);
    const [creditEntry] = await entriesOf(accountant, credit.id);
    expect(creditEntry.number).toBe(invoiceEntry.number + 1);
    expect(creditEntry.lines[0]).toMatchObject({ accountNumber: '411000', debitCents: 0, creditCents: credit.totalInclVatCents });
    expect(creditEntry.lines.map((l) => [l.accountNumber, l.creditCents, l.debitCents])).toEqual(invoiceEntry.lines.map((l) => [l.accountNumber, l.debitCents, l.creditCents]));
  });

  it('entries balance and match the document for random documents (property, through the pricing engine)', () => {
    const rates = [2000, 1000, 550, 210, 0];
    const lineArb = fc.record({
      quantityMilli: fc.integer({ min: 1, max: 5_000_000 }),
      unitPriceCents: fc.integer({ min: -1_000_000, max: 10_000_000 }),
      discountBp: fc.integer({ min: 0, max: 10_000 }),
      vatRateBp: fc.constantFrom(...rates),
      goods: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 40 }), fc.constantFrom(DocumentType.INVOICE, DocumentType.CREDIT_NOTE), (lines, type) => {
        const totals = computeTotals(lines);
        const posted: (PostedLine & { goods: boolean })[] = lines.map((l, i) => ({
          articleId: null,
          totalExclVatCents: Number(totals.lineTotals[i]),
          vatRateBp: l.vatRateBp,
          goods: l.goods,
        }));
        const drafts = salesEntryLines(
          PCG_DEFAULTS,
          {
            id: 'x',
            type,
            number: 'FA-1',
            date: '2026-11-02',
            partyId: 'c',
            partyName: 'C',
            totalInclVatCents: Number(totals.totalInclVatCents),
            vatBreakdown: totals.vatBreakdown.map((v) => ({ vatRateBp: Number(v.vatRateBp), baseCents: Number(v.baseCents), vatCents: Number(v.vatCents) })),
          },
          posted,
          (l) => ((l as (typeof posted)[number]).goods ? 'GOODS' : 'SERVICES'),
          { auxiliaryAccount: '411C', label: 'C' },
        );
        const debit = drafts.reduce((s, l) => s + l.debitCents, 0);
        const credit = drafts.reduce((s, l) => s + l.creditCents, 0);
        expect(debit).toBe(credit);
        const sign = type === DocumentType.CREDIT_NOTE ? -1 : 1;
        const net = (account: (a: string) => boolean) => drafts.filter((l) => account(l.accountNumber)).reduce((s, l) => s + l.creditCents - l.debitCents, 0) * sign + 0;
        expect(net((a) => a.startsWith('411'))).toBe(-Number(totals.totalInclVatCents) + 0);
        expect(net((a) => a.startsWith('70'))).toBe(Number(totals.totalExclVatCents));
        expect(net((a) => a.startsWith('4457'))).toBe(Number(totals.totalVatCents));
        for (const l of drafts) expect(l.debitCents >= 0 && l.creditCents >= 0 && (l.debitCents === 0 || l.creditCents === 0)).toBe(true);
      }),
      { numRuns: 300, seed: 12 },
    );
  });

  it('random documents issued through the API: every entry balances and equals the document', async () => {
    const samples = fc.sample(
      fc.array(
        fc.record({
          quantity: fc.integer({ min: 1, max: 99_999 }).map((q) => q / 1000),
          unitPriceCents: fc.integer({ min: 1, max: 500_000 }),
          discountPercent: fc.integer({ min: 0, max: 5000 }).map((d) => d / 100),
          vatRate: fc.constantFrom(20, 10, 5.5, 2.1, 0),
        }),
        { minLength: 1, maxLength: 8 },
      ),
      { numRuns: 8, seed: 7 },
    );
    for (const lines of samples) {
      const doc = await issued(adv, 'INVOICE', { partyId: customerId, lines: lines.map((l) => line(l)) });
      const [entry] = await entriesOf(accountant, doc.id);
      expect(entry.totalDebitCents).toBe(entry.totalCreditCents);
      expect(entry.totalDebitCents).toBe(sum(entry.lines, 'debitCents'));
      expect(entry.lines[0].debitCents).toBe(doc.totalInclVatCents);
      expect(entry.lines.filter((l) => l.accountNumber.startsWith('70')).reduce((s, l) => s + l.creditCents - l.debitCents, 0)).toBe(doc.totalExclVatCents);
      expect(entry.lines.filter((l) => l.accountNumber.startsWith('4457')).reduce((s, l) => s + l.creditCents - l.debitCents, 0)).toBe(doc.totalVatCents);
    }
  });

  it('the database refuses to change or delete an entry or its lines', async () => {
    const em = t.app.dataSource.manager;
    const entry = await em.findOneByOrFail(AccountingEntry, { dossierId: d.dossier.id });
    await expect(em.query('UPDATE `accounting_entries` SET `label` = ? WHERE `id` = ? AND `dossierId` = ?', ['x', entry.id, d.dossier.id])).rejects.toThrow(/immutable/);
    await expect(em.query('DELETE FROM `accounting_entries` WHERE `id` = ? AND `dossierId` = ?', [entry.id, d.dossier.id])).rejects.toThrow(/immutable/);
    await expect(em.query('UPDATE `accounting_entry_lines` SET `debitCents` = 0 WHERE `entryId` = ? AND `dossierId` = ?', [entry.id, d.dossier.id])).rejects.toThrow(/immutable/);
    await expect(em.query('DELETE FROM `accounting_entry_lines` WHERE `entryId` = ? AND `dossierId` = ?', [entry.id, d.dossier.id])).rejects.toThrow(/immutable/);
  });

  it('recordPaymentEntry writes a balanced bank entry: debit 512, credit the customer 411 + code', async () => {
    const invoice = await issued(adv, 'INVOICE', { partyId: customerId, lines: [line({ unitPriceCents: 12_000 })] });
    const ctx = await adv.context();
    const entry = await recordPaymentEntry(ctx, {
      documentId: invoice.id,
      pieceRef: invoice.number!,
      customerId,
      customerName: 'Café Zola SARL',
      date: invoice.date,
      amountCents: 5_000,
      reference: 'VIR 123',
    });
    expect(entry.journalCode).toBe('BQ');
    const entries = await entriesOf(accountant, invoice.id);
    const bank = entries.find((e) => e.journalCode === 'BQ')!;
    expect(bank.number).toBe(1);
    expect(bank.lines).toEqual([
      expect.objectContaining({ accountNumber: '512000', debitCents: 5_000, creditCents: 0 }),
      expect.objectContaining({ accountNumber: '411000', auxiliaryAccount: '411CAFEZOLA', debitCents: 0, creditCents: 5_000 }),
    ]);
  });

  it('chart of accounts: PCG defaults, SIREN checked with Luhn, stale versions refused', async () => {
    const read = await accountant.data<{ accountingSettings: Record<string, unknown> }>(`{ accountingSettings { ${SETTINGS_FIELDS} } }`);
    expect(read.accountingSettings).toMatchObject({ version: 0, salesJournalCode: 'VT', customerAccount: '411000', servicesRevenueAccount: '706000', goodsRevenueAccount: '707000' });
    const { version: _v, effectiveSiren: _e, ...base } = read.accountingSettings;
    const save = (input: Record<string, unknown>) =>
      accountant.exec(`mutation($input: AccountingSettingsInput!) { updateAccountingSettings(input: $input) { ${SETTINGS_FIELDS} } }`, { input });
    const bad = await save({ ...base, siren: '123456788', version: 0 });
    expect(firstError(bad)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_SIREN', field: 'input.siren' });
    const badAccount = await save({ ...base, vatAccount20: '601000', version: 0 });
    expect(firstError(badAccount)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_ACCOUNT' });
    const ok = await save({ ...base, siren: '732 829 320', salesJournalName: 'Ventes', version: 0 });
    expect(ok.errors).toBeUndefined();
    expect((ok.data as { updateAccountingSettings: Record<string, unknown> }).updateAccountingSettings).toMatchObject({ version: 1, siren: '732829320', effectiveSiren: '732829320', salesJournalName: 'Ventes' });
    const stale = await save({ ...base, version: 0 });
    expect(firstError(stale)).toMatchObject({ code: 'CONFLICT', reason: 'STALE_SETTINGS', currentVersion: 1 });
    expect(await d.client(Profile.COMMERCIAL).errorCode(`{ accountingSettings { version } }`)).toBe('FORBIDDEN');
  });

  it('customer codes: generated, editable until an entry uses them, unique in the dossier', async () => {
    const fresh = (await createCustomer(adv, 'Café Zola & Fils')).id;
    const list = (await accountant.data<{ customerAccounts: { customerId: string; code: string; stored: boolean; used: boolean }[] }>('{ customerAccounts { customerId code stored used } }')).customerAccounts;
    expect(list.find((c) => c.customerId === customerId)).toMatchObject({ code: 'CAFEZOLA', stored: true, used: true });
    expect(list.find((c) => c.customerId === fresh)).toMatchObject({ code: 'CAFEZOLA2', stored: false, used: false });
    const set = (id: string, code: string) => accountant.exec('mutation($id: ID!, $code: String!) { updateCustomerAccountCode(customerId: $id, code: $code) { code used } }', { id, code });
    expect(firstError(await set(customerId, 'ZOLA'))).toMatchObject({ code: 'CONFLICT', reason: 'ACCOUNT_CODE_USED' });
    expect(firstError(await set(fresh, 'cafezola'))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DUPLICATE_ACCOUNT_CODE' });
    expect((await set(fresh, 'zolafils')).data).toEqual({ updateCustomerAccountCode: { code: 'ZOLAFILS', used: false } });
    const invoice = await issued(adv, 'INVOICE', { partyId: fresh, lines: [line()] });
    expect((await entriesOf(accountant, invoice.id))[0].lines[0].auxiliaryAccount).toBe('411ZOLAFILS');
    expect(firstError(await set(fresh, 'OTHER'))).toMatchObject({ code: 'CONFLICT', reason: 'ACCOUNT_CODE_USED' });
  });

  it('a document of another dossier answers NOT_FOUND', async () => {
    const other = await createDossier(t, { profiles: [Profile.ADV] });
    const theirs = await issued(other.client(Profile.ADV), 'INVOICE', { partyId: (await createCustomer(other.client(Profile.ADV))).id, lines: [line()] });
    expect(await accountant.errorCode(ENTRIES, { documentId: theirs.id })).toBe('NOT_FOUND');
    expect(await getDoc(other.client(Profile.ADV), theirs.id)).toMatchObject({ status: 'ISSUED' });
  });

  it('documents issued on past days are dated on their day', async () => {
    const doc = await withClock(new Date('2026-03-15T10:00:00Z'), () => issued(adv, 'INVOICE', { partyId: customerId, lines: [line()] }));
    expect((await entriesOf(accountant, doc.id))[0].entryDate).toBe('2026-03-15');
  });
});
