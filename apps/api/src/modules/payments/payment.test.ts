import { Profile } from '@comptoir/schema';
import { createDossier, sessionFor, type FixtureDossier } from '../../../test/fixtures';
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness';
import { withClock } from '../../core/clock';
import { createCustomer, createDoc, CREDIT, firstError, historyOfDoc, ISSUE, line, type Doc } from '../documents/document.test-kit';

const onMySql = /^(mysql|mariadb):/.test(process.env.DATABASE_URL ?? '');

const INVOICE_FIELDS = 'id status version dueDate totalInclVatCents amountPaidCents amountCreditedCents balanceDueCents daysLate payments { id amountCents date method reference createdBy { name } }';
const RECORD = `mutation($input: PaymentInput!) { recordPayment(input: $input) { ${INVOICE_FIELDS} } }`;
const DELETE = `mutation($id: ID!) { deletePayment(id: $id) { ${INVOICE_FIELDS} } }`;
const GET = `query($id: ID!) { document(id: $id) { ${INVOICE_FIELDS} } }`;

interface Invoice {
  id: string;
  status: string;
  version: number;
  dueDate: string | null;
  totalInclVatCents: number;
  amountPaidCents: number | null;
  amountCreditedCents: number | null;
  balanceDueCents: number | null;
  daysLate: number | null;
  payments: { id: string; amountCents: number; date: string; method: string; reference: string | null; createdBy: { name: string } | null }[];
}

async function issuedInvoice(c: TestClient, customerId: string, lines = [line({ unitPriceCents: 10_000 })]): Promise<Invoice> {
  const draft = await createDoc(c, 'INVOICE', { partyId: customerId, lines });
  await c.data(ISSUE, { id: draft.id, version: draft.version });
  return (await c.data<{ document: Invoice }>(GET, { id: draft.id })).document;
}

const pay = (c: TestClient, invoiceId: string, amountCents: number, method = 'TRANSFER') =>
  c.exec<{ recordPayment: Invoice }>(RECORD, { input: { invoiceId, amountCents, date: '2026-12-01', method, reference: 'VIR 42' } });

describe('payments', () => {
  let t: TestApp;
  let d: FixtureDossier;
  let customerId: string;
  beforeAll(async () => {
    t = await createTestApp();
    d = await createDossier(t, { profiles: [Profile.OWNER, Profile.ADV, Profile.COMMERCIAL, Profile.ACCOUNTANT] });
    customerId = (await createCustomer(d.client(Profile.ADV))).id;
  });
  afterAll(() => t.close());

  it('gives an invoice its due date at issue from the customer’s payment terms', async () => {
    const adv = d.client(Profile.ADV);
    const c = await adv.data<{ createCustomer: { id: string } }>('mutation($input: CustomerInput!) { createCustomer(input: $input) { id } }', {
      input: { legalName: 'Fin de mois SA', paymentTerms: 'DAYS_45_END_OF_MONTH', billingEmail: 'compta@fdm.fr' },
    });
    const invoice = await withClock(new Date('2026-01-15T10:00:00Z'), () => issuedInvoice(adv, c.createCustomer.id));
    expect(invoice.dueDate).toBe('2026-03-31');
    const plain = await withClock(new Date('2026-01-15T10:00:00Z'), () => issuedInvoice(adv, customerId));
    expect(plain.dueDate).toBe('2026-02-14'); // 30 days, the customer default
  });

  it('takes partial then full payments: PARTIALLY_PAID, then PAID at balance 0; overpayment refused', async () => {
    const adv = d.client(Profile.ADV);
    const invoice = await issuedInvoice(adv, customerId); // 120.00 TTC
    expect(invoice).toMatchObject({ status: 'ISSUED', totalInclVatCents: 12_000, balanceDueCents: 12_000, amountPaidCents: 0 });
    const partial = (await pay(adv, invoice.id, 5_000)).data!.recordPayment;
    expect(partial).toMatchObject({ status: 'PARTIALLY_PAID', amountPaidCents: 5_000, balanceDueCents: 7_000 });
    expect(partial.payments).toEqual([expect.objectContaining({ amountCents: 5_000, method: 'TRANSFER', reference: 'VIR 42', createdBy: { name: expect.any(String) } })]);

    const over = await pay(adv, invoice.id, 7_001, 'CHECK');
    expect(firstError(over)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'OVERPAYMENT', field: 'input.amountCents', balanceDueCents: 7_000 });
    const full = (await pay(adv, invoice.id, 7_000, 'CHECK')).data!.recordPayment;
    expect(full).toMatchObject({ status: 'PAID', amountPaidCents: 12_000, balanceDueCents: 0, daysLate: null });
    expect(firstError(await pay(adv, invoice.id, 1))).toMatchObject({ code: 'CONFLICT', reason: 'WRONG_STATUS' });

    const history = await historyOfDoc(adv, invoice.id);
    expect(history.filter((h) => h.type === 'PAYMENT_RECORDED')).toHaveLength(2);
    expect(history.filter((h) => h.type === 'STATUS_CHANGED').map((h) => [h.fromStatus, h.toStatus])).toEqual([
      ['ISSUED', 'PARTIALLY_PAID'],
      ['PARTIALLY_PAID', 'PAID'],
    ]);
  });

  it('refuses payments on drafts, on zero or negative amounts, and on other document types', async () => {
    const adv = d.client(Profile.ADV);
    const draft = await createDoc(adv, 'INVOICE', { partyId: customerId, lines: [line()] });
    expect(firstError(await pay(adv, draft.id, 100))).toMatchObject({ code: 'CONFLICT', reason: 'WRONG_STATUS' });
    const invoice = await issuedInvoice(adv, customerId);
    expect(firstError(await pay(adv, invoice.id, 0))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(firstError(await pay(adv, invoice.id, -5))).toMatchObject({ code: 'BAD_USER_INPUT' });
    const quote = await createDoc(adv, 'QUOTE', { partyId: customerId, lines: [line()] });
    expect(firstError(await pay(adv, quote.id, 100))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WRONG_DOCUMENT_TYPE' });
  });

  it('counts issued credit notes of the invoice in its balance', async () => {
    const adv = d.client(Profile.ADV);
    const invoice = await issuedInvoice(adv, customerId, [line({ unitPriceCents: 10_000 }), line({ unitPriceCents: 5_000, vatRate: 10 })]); // 120 + 55
    // Credit only the second line: 55.00.
    const full = (await adv.data<{ document: Doc }>('query($id: ID!) { document(id: $id) { lines { id } } }', { id: invoice.id })).document;
    const partCredit = (await adv.data<{ createCreditNoteFromInvoice: Doc }>(CREDIT, { invoiceId: invoice.id, lines: [{ sourceLineId: full.lines[1].id, quantity: 1 }] })).createCreditNoteFromInvoice;
    await adv.data(ISSUE, { id: partCredit.id, version: partCredit.version });
    const after = (await adv.data<{ document: Invoice }>(GET, { id: invoice.id })).document;
    expect(after).toMatchObject({ status: 'PARTIALLY_PAID', amountCreditedCents: 5_500, balanceDueCents: 12_000 });
    expect(firstError(await pay(adv, invoice.id, 12_001))).toMatchObject({ reason: 'OVERPAYMENT' });
    expect((await pay(adv, invoice.id, 12_000)).data!.recordPayment.status).toBe('PAID');
  });

  it('lets only OWNER and ADV delete a payment, with a history entry; the status follows', async () => {
    const adv = d.client(Profile.ADV);
    const invoice = await issuedInvoice(adv, customerId);
    const paid = (await pay(adv, invoice.id, 12_000)).data!.recordPayment;
    expect(paid.status).toBe('PAID');
    const paymentId = paid.payments[0].id;
    expect(await d.client(Profile.ACCOUNTANT).errorCode(DELETE, { id: paymentId })).toBe('FORBIDDEN');
    expect(await d.client(Profile.COMMERCIAL).errorCode(DELETE, { id: paymentId })).toBe('FORBIDDEN');
    const back = (await d.client(Profile.OWNER).data<{ deletePayment: Invoice }>(DELETE, { id: paymentId })).deletePayment;
    expect(back).toMatchObject({ status: 'ISSUED', balanceDueCents: 12_000, payments: [] });
    const history = await historyOfDoc(adv, invoice.id);
    expect(history.map((h) => h.type)).toContain('PAYMENT_DELETED');
  });

  it('writes the bank-journal entry of each payment (512 / 411) and a reversing one when a payment is deleted', async () => {
    const adv = d.client(Profile.ADV);
    const invoice = await issuedInvoice(adv, customerId);
    const paymentId = (await pay(adv, invoice.id, 5_000)).data!.recordPayment.payments[0].id;
    await d.client(Profile.OWNER).data(DELETE, { id: paymentId });
    const ENTRIES = 'query($id: ID!) { documentAccountingEntries(documentId: $id) { journalKind entryDate label totalDebitCents lines { accountNumber auxiliaryAccount debitCents creditCents } } }';
    type Entry = { journalKind: string; entryDate: string; label: string; totalDebitCents: number; lines: { accountNumber: string; auxiliaryAccount: string | null; debitCents: number; creditCents: number }[] };
    const entries = (await d.client(Profile.ACCOUNTANT).data<{ documentAccountingEntries: Entry[] }>(ENTRIES, { id: invoice.id })).documentAccountingEntries;
    const bank = entries.filter((e) => e.journalKind === 'BANK');
    expect(bank).toHaveLength(2);
    const [received, reversed] = bank;
    expect(received.entryDate).toBe('2026-12-01');
    expect(received.label).toContain('VIR 42');
    const bankLine = (e: Entry) => e.lines.find((l) => l.accountNumber.startsWith('512'))!;
    const customerLine = (e: Entry) => e.lines.find((l) => l.accountNumber.startsWith('411'))!;
    expect([bankLine(received).debitCents, customerLine(received).creditCents]).toEqual([5_000, 5_000]);
    expect(customerLine(received).auxiliaryAccount).toMatch(/^411/);
    // The reversal: the bank credited, the customer debited again.
    expect([bankLine(reversed).creditCents, customerLine(reversed).debitCents]).toEqual([5_000, 5_000]);
  });

  it('lists overdue invoices with their days late', async () => {
    const adv = d.client(Profile.ADV);
    const late = await withClock(new Date('2026-01-02T10:00:00Z'), () => issuedInvoice(adv, customerId)); // due 2026-02-01
    const LIST = `query { invoices(first: 200, filter: { overdue: true }) { nodes { id daysLate status } } }`;
    const nodes = await withClock(new Date('2026-02-11T10:00:00Z'), async () => (await adv.data<{ invoices: { nodes: { id: string; daysLate: number | null }[] } }>(LIST)).invoices.nodes);
    expect(nodes.find((n) => n.id === late.id)).toMatchObject({ daysLate: 10 });
    await pay(adv, late.id, 12_000);
    const after = await withClock(new Date('2026-02-11T10:00:00Z'), async () => (await adv.data<{ invoices: { nodes: { id: string }[] } }>(LIST)).invoices.nodes);
    expect(after.map((n) => n.id)).not.toContain(late.id);
  });

  (onMySql ? it : it.skip)('never lets concurrent payments overpay (row lock on MySQL/MariaDB)', async () => {
    const adv = d.client(Profile.ADV);
    const invoice = await issuedInvoice(adv, customerId); // 12,000
    const clients = await Promise.all(Array.from({ length: 8 }, () => sessionFor(t, d.as.ADV!.user.id, d.dossier.id)));
    const results = await Promise.all(clients.map((c) => pay(c, invoice.id, 5_000)));
    const ok = results.filter((r) => !r.errors);
    expect(ok).toHaveLength(2);
    for (const r of results.filter((x) => x.errors)) expect(firstError(r)).toMatchObject({ reason: 'OVERPAYMENT' });
    const after = (await adv.data<{ document: Invoice }>(GET, { id: invoice.id })).document;
    expect(after).toMatchObject({ amountPaidCents: 10_000, balanceDueCents: 2_000, status: 'PARTIALLY_PAID' });
  });
});
