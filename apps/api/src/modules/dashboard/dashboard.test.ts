import { Profile } from '@comptoir/schema';
import { createDossier, type FixtureDossier } from '../../../test/fixtures';
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness';
import { withClock } from '../../core/clock';

const at = <T>(day: string, work: () => Promise<T>) => withClock(new Date(`${day}T10:00:00Z`), work);

interface Ref {
  id: string;
  version: number;
}

async function customer(c: TestClient, paymentTermsDays: number): Promise<string> {
  const { r } = await c.data<{ r: { id: string } }>(`mutation($t: Int) { r: createCustomer(input: { legalName: "Client ${paymentTermsDays} j", paymentTermsDays: $t }) { id } }`, { t: paymentTermsDays });
  return r.id;
}

async function draft(c: TestClient, create: string, unitPriceCents: number, partyId?: string): Promise<Ref> {
  const party = partyId ? `partyId: "${partyId}", ` : '';
  const { r } = await c.data<{ r: Ref }>(`mutation { r: ${create}(input: { ${party}lines: [{ description: "Prestation", quantity: 1, unitPriceCents: ${unitPriceCents}, vatRate: 20 }] }) { id version } }`);
  return r;
}

const step = (c: TestClient, mutation: string, doc: Ref, extra = '') =>
  c.data<{ r: Ref }>(`mutation($id: ID!, $v: Int!) { r: ${mutation}(id: $id, version: $v${extra}) { id version } }`, { id: doc.id, v: doc.version }).then((d) => d.r);

/** Records one payment of the whole balance (the invoice becomes PAID). */
async function payInFull(c: TestClient, doc: Ref): Promise<Ref> {
  const { document } = await c.data<{ document: { totalInclVatCents: number } }>('query($id: ID!) { document(id: $id) { totalInclVatCents } }', { id: doc.id });
  const input = { invoiceId: doc.id, amountCents: document.totalInclVatCents, date: '2026-01-01', method: 'TRANSFER' };
  return (await c.data<{ r: Ref }>('mutation($input: PaymentInput!) { r: recordPayment(input: $input) { id version } }', { input })).r;
}

/** An invoice issued on `day`, HT = `cents` (TTC = 1.2 ×). */
function invoiceOn(c: TestClient, day: string, cents: number, partyId: string): Promise<Ref> {
  return at(day, async () => step(c, 'issueDocument', await draft(c, 'createInvoice', cents, partyId)));
}

const SALES = `{ salesDashboard {
  today
  revenue { thisMonthCents thisMonthLastYearCents yearToDateCents lastYearToDateCents lastYearCents months { month revenueCents lastYearCents } }
  unpaid { count totalInclVatCents overdueCount overdueInclVatCents invoices { dueDate daysOverdue document { id number partyName totalInclVatCents } } }
  quotesAwaiting { count totalExclVatCents documents { id status } }
  activity { entry { type entityType user { name } createdAt } document { id number } subject }
} }`;

interface Sales {
  today: string;
  revenue: {
    thisMonthCents: number;
    thisMonthLastYearCents: number;
    yearToDateCents: number;
    lastYearToDateCents: number;
    lastYearCents: number;
    months: { month: string; revenueCents: number; lastYearCents: number }[];
  };
  unpaid: { count: number; totalInclVatCents: number; overdueCount: number; overdueInclVatCents: number; invoices: { dueDate: string; daysOverdue: number; document: { id: string } }[] };
  quotesAwaiting: { count: number; totalExclVatCents: number; documents: { id: string; status: string }[] };
  activity: { entry: { type: string; entityType: string; user: { name: string } | null }; document: { id: string } | null; subject: string | null }[];
}

describe('dashboards', () => {
  let t: TestApp;
  let d: FixtureDossier;
  const owner = () => d.client(Profile.OWNER);
  const adv = () => d.client(Profile.ADV);
  const sales = () => at('2026-06-15', () => owner().data<{ salesDashboard: Sales }>(SALES)).then((r) => r.salesDashboard);

  beforeAll(async () => {
    t = await createTestApp();
    d = await createDossier(t, { profiles: [Profile.OWNER, Profile.ADV, Profile.COMMERCIAL, Profile.ACHAT, Profile.ACCOUNTANT] });
  });
  afterAll(() => t.close());

  describe('OWNER/ADV', () => {
    let lastYear: Ref;
    let june: Ref;
    let quote: Ref;
    beforeAll(async () => {
      const slow = await customer(adv(), 30);
      const patient = await customer(adv(), 45);
      lastYear = await invoiceOn(adv(), '2025-03-10', 100_000, slow); // unpaid, due 2025-04-09
      await invoiceOn(adv(), '2025-06-20', 7_000, slow).then((r) => payInFull(adv(), r)); // after 15 June: not year-to-date
      await invoiceOn(adv(), '2026-03-02', 30_000, patient).then((r) => payInFull(adv(), r));
      june = await invoiceOn(adv(), '2026-06-10', 50_000, patient); // unpaid, due 2026-07-25
      const credited = await invoiceOn(adv(), '2026-06-11', 20_000, slow); // fully credited this month: its balance is 0, so it is PAID (modules/payments)
      await at('2026-06-12', async () => {
        const { r } = await adv().data<{ r: Ref }>('mutation($id: ID!) { r: createCreditNoteFromInvoice(invoiceId: $id) { id version } }', { id: credited.id });
        await step(adv(), 'issueDocument', r);
      });
      await draft(adv(), 'createInvoice', 999_000, slow); // a draft never counts
      quote = await at('2026-06-01', async () => step(adv(), 'sendDocument', await draft(adv(), 'createQuote', 12_300, slow)));
      await draft(owner(), 'createQuote', 1_000); // the owner's own draft: not awaiting, not in the owner's activity
    });

    it('gives revenue HT (invoices minus credit notes) this month and year against last year, per month', async () => {
      const { today, revenue } = await sales();
      expect(today).toBe('2026-06-15');
      expect(revenue).toMatchObject({
        thisMonthCents: 50_000, // 50,000 + 20,000 − 20,000 credited
        thisMonthLastYearCents: 7_000,
        yearToDateCents: 80_000,
        lastYearToDateCents: 100_000,
        lastYearCents: 107_000,
      });
      expect(revenue.months).toHaveLength(12);
      expect(revenue.months[2]).toEqual({ month: '2026-03', revenueCents: 30_000, lastYearCents: 100_000 });
      expect(revenue.months[5]).toEqual({ month: '2026-06', revenueCents: 50_000, lastYearCents: 7_000 });
      expect(revenue.months[11]).toEqual({ month: '2026-12', revenueCents: 0, lastYearCents: 0 });
    });

    it('lists unpaid invoices by due date (issue date + the customer’s terms), overdue ones first', async () => {
      const { unpaid } = await sales();
      expect(unpaid).toMatchObject({ count: 2, totalInclVatCents: 180_000, overdueCount: 1, overdueInclVatCents: 120_000 });
      expect(unpaid.invoices.map((u) => [u.document.id, u.dueDate, u.daysOverdue])).toEqual([
        [lastYear.id, '2025-04-09', 432],
        [june.id, '2026-07-25', 0],
      ]);
    });

    it('counts quotes sent and awaiting an answer', async () => {
      const { quotesAwaiting } = await sales();
      expect(quotesAwaiting).toEqual({ count: 1, totalExclVatCents: 12_300, documents: [{ id: quote.id, status: 'SENT' }] });
    });

    it('shows what colleagues did, newest first, with who and on what — never the viewer’s own actions', async () => {
      const { activity } = await sales();
      expect(activity.length).toBeGreaterThan(0);
      expect(activity.every((a) => a.entry.user?.name === d.as.ADV!.user.name)).toBe(true);
      expect(activity[0]).toMatchObject({ entry: { type: 'SENT', entityType: 'DOCUMENT' }, document: { id: quote.id } });
      const asAdv = (await at('2026-06-15', () => adv().data<{ salesDashboard: Sales }>(SALES))).salesDashboard.activity;
      expect(asAdv.map((a) => a.entry.user?.name)).toEqual([d.as.OWNER!.user.name]);
    });

    it('names the customer an action was on', async () => {
      await customer(adv(), 60);
      const [latest] = (await sales()).activity;
      expect(latest).toMatchObject({ entry: { type: 'CREATED', entityType: 'CUSTOMER' }, document: null, subject: 'Client 60 j' });
    });

    it('costs the same number of statements whatever the number of documents and actions', async () => {
      const first = await t.queries.measure(() => sales());
      const party = await customer(adv(), 30);
      for (let i = 0; i < 4; i++) await invoiceOn(adv(), '2026-06-14', 1_000 + i, party);
      await at('2026-06-14', async () => step(adv(), 'sendDocument', await draft(adv(), 'createQuote', 500, party)));
      await customer(adv(), 90); // the activity window holds documents and a customer again, as in the first run
      const second = await t.queries.measure(() => sales());
      expect(second.result.unpaid.count).toBe(first.result.unpaid.count + 4);
      expect(second.queries).toBe(first.queries);
    });
  });

  it('COMMERCIAL: their own quotes by status and their conversion rate', async () => {
    const c = d.client(Profile.COMMERCIAL);
    const QUERY = '{ commercialDashboard { byStatus { status count totalExclVatCents } conversionRate awaiting { count documents { id } } drafts { count } } }';
    const empty = (await c.data<{ commercialDashboard: { conversionRate: number | null; byStatus: { count: number }[] } }>(QUERY)).commercialDashboard;
    expect(empty.conversionRate).toBeNull();
    expect(empty.byStatus.map((s) => s.count)).toEqual([0, 0, 0, 0]);

    const accepted = await step(c, 'sendDocument', await draft(c, 'createQuote', 10_000));
    await step(c, 'changeDocumentStatus', accepted, ', status: ACCEPTED');
    const refused = await step(c, 'sendDocument', await draft(c, 'createQuote', 20_000));
    await step(c, 'changeDocumentStatus', refused, ', status: REFUSED');
    const waiting = await step(c, 'sendDocument', await draft(c, 'createQuote', 30_000));
    await step(c, 'sendDocument', await draft(c, 'createQuote', 40_000));
    await draft(c, 'createQuote', 5_000);
    await draft(owner(), 'createQuote', 77_000); // someone else's

    const { commercialDashboard } = await c.data<{ commercialDashboard: { byStatus: unknown[]; conversionRate: number; awaiting: { count: number; documents: { id: string }[] }; drafts: { count: number } } }>(QUERY);
    expect(commercialDashboard.byStatus).toEqual([
      { status: 'DRAFT', count: 1, totalExclVatCents: 5_000 },
      { status: 'SENT', count: 2, totalExclVatCents: 70_000 },
      { status: 'ACCEPTED', count: 1, totalExclVatCents: 10_000 },
      { status: 'REFUSED', count: 1, totalExclVatCents: 20_000 },
    ]);
    expect(commercialDashboard.conversionRate).toBeCloseTo(1 / 4);
    expect(commercialDashboard.awaiting.count).toBe(2);
    expect(commercialDashboard.awaiting.documents[0].id).toBe(waiting.id);
    expect(commercialDashboard.drafts.count).toBe(1);
  });

  it('ACHAT: open price requests and supplier orders to receive', async () => {
    const c = d.client(Profile.ACHAT);
    const QUERY = '{ purchasesDashboard { openPriceRequests { count totalExclVatCents } ordersToReceive { count documents { id } } } }';
    await draft(c, 'createPriceRequest', 1_000);
    const answered = await step(c, 'sendDocument', await draft(c, 'createPriceRequest', 2_000));
    await step(c, 'changeDocumentStatus', answered, ', status: ANSWERED');
    const order = await step(c, 'sendDocument', await draft(c, 'createSupplierOrder', 3_000));
    const received = await step(c, 'sendDocument', await draft(c, 'createSupplierOrder', 4_000));
    await step(c, 'changeDocumentStatus', received, ', status: RECEIVED');
    await draft(c, 'createSupplierOrder', 5_000); // draft: not yet sent

    const { purchasesDashboard } = await c.data<{ purchasesDashboard: { openPriceRequests: unknown; ordersToReceive: { count: number; documents: { id: string }[] } } }>(QUERY);
    expect(purchasesDashboard.openPriceRequests).toEqual({ count: 1, totalExclVatCents: 1_000 });
    expect(purchasesDashboard.ordersToReceive).toEqual({ count: 1, documents: [{ id: order.id }] });
  });

  it('ACCOUNTANT: invoices and credit notes issued this month', async () => {
    const QUERY = '{ accountingDashboard { month invoices { count totalExclVatCents } creditNotes { count totalExclVatCents } } }';
    const { accountingDashboard } = await at('2026-06-15', () => d.client(Profile.ACCOUNTANT).data<{ accountingDashboard: unknown }>(QUERY));
    // June 2026 so far (OWNER/ADV block above): 50,000 + 20,000 + 4 × ~1,000 invoices, one 20,000 credit note.
    expect(accountingDashboard).toEqual({
      month: '2026-06',
      invoices: { count: 6, totalExclVatCents: 70_000 + 1_000 + 1_001 + 1_002 + 1_003 },
      creditNotes: { count: 1, totalExclVatCents: 20_000 },
    });
  });

  it('shows nothing of another dossier', async () => {
    const other = await createDossier(t, { profiles: [Profile.OWNER] });
    const { salesDashboard } = await at('2026-06-15', () => other.client(Profile.OWNER).data<{ salesDashboard: Sales }>(SALES));
    expect(salesDashboard.revenue.yearToDateCents).toBe(0);
    expect(salesDashboard.unpaid.count).toBe(0);
    expect(salesDashboard.quotesAwaiting.count).toBe(0);
    expect(salesDashboard.activity).toEqual([]);
  });
});
