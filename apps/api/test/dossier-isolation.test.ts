// Dossier isolation: another dossier's OWNER (who may do everything in their own
// dossier) calls every operation that takes an ID with this dossier's IDs, and gets
// NOT_FOUND — exactly as for an ID that does not exist — while nothing is written.
import { Profile } from '@comptoir/schema';
import { getDirective } from '@graphql-tools/utils';
import { isInputObjectType, isListType, isNonNullType, type GraphQLInputType } from 'graphql';
import { createDossier, type FixtureDossier } from './fixtures';
import { createTestApp, type TestApp, type TestClient } from './harness';
import { listening, LiveClient } from './live-kit';
import { topics } from '../src/core/bus';
import { DOCUMENT_INPUT, newArticle, newCustomer, newDocument, newIssuedInvoice, newPastBatch, newSupplier, type Ref } from './matrix-kit';

interface Victim {
  customer: Ref;
  supplier: Ref;
  article: Ref;
  quote: Ref;
  invoice: Ref;
  priceRequest: Ref;
  seatOrder: { id: string };
  preset: { id: string };
  exportJob: { id: string };
  supportRequest: { id: string };
  ownerId: string;
  issuedInvoice: Ref;
  batch: Ref;
  paymentId: string;
}

type Call = (intruder: TestClient, v: Victim) => Promise<{ errors?: { extensions?: Record<string, unknown> }[] }>;

const CASES: Record<string, Call> = {
  customer: (c, v) => c.exec('query($id: ID!) { customer(id: $id) { id } }', { id: v.customer.id }),
  updateCustomer: (c, v) => c.exec('mutation($id: ID!, $v: Int!) { updateCustomer(id: $id, version: $v, input: { legalName: "Volé" }) { id } }', { id: v.customer.id, v: v.customer.version }),
  supplier: (c, v) => c.exec('query($id: ID!) { supplier(id: $id) { id } }', { id: v.supplier.id }),
  updateSupplier: (c, v) => c.exec('mutation($id: ID!, $v: Int!) { updateSupplier(id: $id, version: $v, input: { legalName: "Volé" }) { id } }', { id: v.supplier.id, v: v.supplier.version }),
  article: (c, v) => c.exec('query($id: ID!) { article(id: $id) { id } }', { id: v.article.id }),
  updateArticle: (c, v) => c.exec('mutation($id: ID!, $v: Int!) { updateArticle(id: $id, version: $v, input: { reference: "VOL", label: "Volé", salePriceCents: 1, vatRate: 20 }) { id } }', { id: v.article.id, v: v.article.version }),
  document: (c, v) => c.exec('query($id: ID!) { document(id: $id) { id } }', { id: v.quote.id }),
  updateDocument: (c, v) => c.exec('mutation($id: ID!, $v: Int!, $input: DocumentInput!) { updateDocument(id: $id, version: $v, input: $input) { id } }', { id: v.quote.id, v: v.quote.version, input: DOCUMENT_INPUT }),
  sendDocument: (c, v) => c.exec('mutation($id: ID!, $v: Int!) { sendDocument(id: $id, version: $v) { id } }', { id: v.quote.id, v: v.quote.version }),
  changeDocumentStatus: (c, v) => c.exec('mutation($id: ID!, $v: Int!) { changeDocumentStatus(id: $id, version: $v, status: SENT) { id } }', { id: v.quote.id, v: v.quote.version }),
  duplicateDocument: (c, v) => c.exec('mutation($id: ID!) { duplicateDocument(id: $id) { id } }', { id: v.quote.id }),
  deleteDocument: (c, v) => c.exec('mutation($id: ID!, $v: Int!) { deleteDocument(id: $id, version: $v) }', { id: v.invoice.id, v: v.invoice.version }),
  cancelDocument: (c, v) => c.exec('mutation($id: ID!, $v: Int!) { cancelDocument(id: $id, version: $v) { id } }', { id: v.quote.id, v: v.quote.version }),
  issueDocument: (c, v) => c.exec('mutation($id: ID!, $v: Int!) { issueDocument(id: $id, version: $v) { id } }', { id: v.invoice.id, v: v.invoice.version }),
  convertQuoteToInvoice: (c, v) => c.exec('mutation($id: ID!, $v: Int!) { convertQuoteToInvoice(id: $id, version: $v) { id } }', { id: v.quote.id, v: v.quote.version }),
  convertPriceRequestToSupplierOrder: (c, v) => c.exec('mutation($id: ID!, $v: Int!) { convertPriceRequestToSupplierOrder(id: $id, version: $v) { id } }', { id: v.priceRequest.id, v: v.priceRequest.version }),
  createCreditNoteFromInvoice: (c, v) => c.exec('mutation($id: ID!) { createCreditNoteFromInvoice(invoiceId: $id) { id } }', { id: v.invoice.id }),
  recordPayment: (c, v) => c.exec('mutation($id: ID!) { recordPayment(input: { invoiceId: $id, amountCents: 1, date: "2026-12-01", method: CASH }) { id } }', { id: v.issuedInvoice.id }),
  deletePayment: (c, v) => c.exec('mutation($id: ID!) { deletePayment(id: $id) { id } }', { id: v.paymentId }),
  emailDocument: (c, v) => c.exec('mutation($id: ID!) { emailDocument(input: { documentId: $id, to: ["vol@example.test"] }) { id } }', { id: v.quote.id }),
  sendReminder: (c, v) => c.exec('mutation($id: ID!) { sendReminder(input: { invoiceId: $id, level: 1, to: ["vol@example.test"] }) { id } }', { id: v.issuedInvoice.id }),
  cancelSeatOrder: (c, v) => c.exec('mutation($id: ID!) { cancelSeatOrder(id: $id) { id } }', { id: v.seatOrder.id }),
  deleteExportPreset: (c, v) => c.exec('mutation($id: ID!) { deleteExportPreset(id: $id) }', { id: v.preset.id }),
  exportJob: (c, v) => c.exec('query($id: ID!) { exportJob(id: $id) { id } }', { id: v.exportJob.id }),
  cancelExport: (c, v) => c.exec('mutation($id: ID!) { cancelExport(id: $id) { id } }', { id: v.exportJob.id }),
  runExportInBackground: (c, v) => c.exec('mutation($id: ID!) { runExportInBackground(id: $id) { id } }', { id: v.exportJob.id }),
  supportRequest: (c, v) => c.exec('query($id: ID!) { supportRequest(id: $id) { id } }', { id: v.supportRequest.id }),
  postSupportMessage: (c, v) => c.exec('mutation($id: ID!) { postSupportMessage(requestId: $id, text: "Volé") { id } }', { id: v.supportRequest.id }),
  // Accounting: batches, entries, customer codes.
  accountingBatch: (c, v) => c.exec('query($id: ID!) { accountingBatch(id: $id) { id } }', { id: v.batch.id }),
  collectAccountingBatch: (c, v) => c.exec('mutation($id: ID!, $v: Int!) { collectAccountingBatch(id: $id, version: $v) { id } }', { id: v.batch.id, v: v.batch.version }),
  cutAccountingBatch: (c, v) => c.exec('mutation($id: ID!, $v: Int!) { cutAccountingBatch(id: $id, version: $v, until: "2001-01-15") { id } }', { id: v.batch.id, v: v.batch.version }),
  documentAccountingEntries: (c, v) => c.exec('query($id: ID!) { documentAccountingEntries(documentId: $id) { id } }', { id: v.issuedInvoice.id }),
  updateCustomerAccountCode: (c, v) => c.exec('mutation($id: ID!) { updateCustomerAccountCode(customerId: $id, code: "VOL") { code } }', { id: v.customer.id }),
  // A member of another dossier named in a request's payload.
  createSupportRequest: (c, v) => c.exec('mutation($m: ID!) { createSupportRequest(input: { kind: CHANGE_LOGIN_EMAIL, changeLoginEmail: { memberId: $m, newEmail: "vol@example.test" } }) { id } }', { m: v.ownerId }),
  // IDs inside inputs: a party or an article of another dossier.
  createQuote: (c, v) => c.exec('mutation($p: ID!) { createQuote(input: { partyId: $p, lines: [{ description: "x", quantity: 1, unitPriceCents: 1, vatRate: 20 }] }) { id } }', { p: v.customer.id }),
  createInvoice: (c, v) => c.exec('mutation($a: ID!) { createInvoice(input: { lines: [{ articleId: $a, description: "x", quantity: 1, unitPriceCents: 1, vatRate: 20 }] }) { id } }', { a: v.article.id }),
  createCreditNote: (c, v) => c.exec('mutation($p: ID!) { createCreditNote(input: { partyId: $p, lines: [{ description: "x", quantity: 1, unitPriceCents: 1, vatRate: 20 }] }) { id } }', { p: v.customer.id }),
  createPriceRequest: (c, v) => c.exec('mutation($p: ID!) { createPriceRequest(input: { partyId: $p, lines: [{ description: "x", quantity: 1, unitPriceCents: 1, vatRate: 20 }] }) { id } }', { p: v.supplier.id }),
  createSupplierOrder: (c, v) => c.exec('mutation($a: ID!) { createSupplierOrder(input: { lines: [{ articleId: $a, description: "x", quantity: 1, unitPriceCents: 1, vatRate: 20 }] }) { id } }', { a: v.article.id }),
};

/**
 * Lists take IDs only as filters: filtering on another dossier's party or user
 * must reveal nothing (an empty page, or NOT_FOUND), never the victim's rows.
 */
const LIST_FILTERS: Record<string, (c: TestClient, v: Victim, victimOwnerId: string) => Promise<{ data?: Record<string, { totalCount: number }> | null; errors?: { extensions?: Record<string, unknown> }[] }>> = Object.fromEntries(
  [
    ...['documents', 'quotes', 'invoices', 'creditNotes', 'priceRequests', 'supplierOrders'].map((list) => [
    list,
    (c: TestClient, v: Victim, victimOwnerId: string) =>
      c.exec<Record<string, { totalCount: number }>>(
        `query($p: ID, $u: ID) { a: ${list}(filter: { partyId: $p }) { totalCount } b: ${list}(filter: { createdById: $u }) { totalCount } c: ${list}(filter: { updatedById: $u }) { totalCount } }`,
        { p: v.customer.id, u: victimOwnerId },
      ),
    ]),
    ...[
      ['exportPreview', 'exportPreview(columns: ["number"], filter: $f) { totalCount }'],
      ['startDocumentsExport', 'startDocumentsExport(input: { format: CSV, columns: ["number"], filter: $f }) { totalCount: totalRows }'],
    ].map(([name, call]) => [
      name,
      async (c: TestClient, v: Victim, victimOwnerId: string) => {
        const op = name === 'exportPreview' ? 'query' : 'mutation';
        const results = [];
        for (const f of [{ partyId: v.customer.id }, { createdById: victimOwnerId }, { updatedById: victimOwnerId }]) {
          results.push(await c.exec<Record<string, { totalCount: number }>>(`${op}($f: ExportFilterInput) { r: ${call} }`, { f }));
        }
        return {
          data: Object.fromEntries(results.map((r, i) => [String(i), r.data?.r ?? { totalCount: -1 }])),
          errors: results.flatMap((r) => r.errors ?? []),
        };
      },
    ]),
  ],
);

/** Subscriptions taking an ID: another dossier's ID is refused when subscribing, NOT_FOUND. */
const SUBSCRIPTION_CASES: Record<string, [string, (v: Victim) => Record<string, unknown>]> = {
  documentChanged: ['subscription($id: ID!) { documentChanged(id: $id) { documentId } }', (v) => ({ id: v.quote.id })],
  documentPresence: ['subscription($id: ID!) { documentPresence(id: $id) { documentId } }', (v) => ({ id: v.quote.id })],
  exportProgress: ['subscription($id: ID!) { exportProgress(id: $id) { exportId } }', (v) => ({ id: v.exportJob.id })],
  accountingBatchProgress: ['subscription($id: ID!) { accountingBatchProgress(id: $id) { batchId } }', (v) => ({ id: v.batch.id })],
};

/** Dossier-data operations whose ID arguments are checked in their own module's isolation tests. */
const ISOLATION_ELSEWHERE = new Set<string>([]);

function mentionsId(type: GraphQLInputType, seen = new Set<string>()): boolean {
  if (isNonNullType(type) || isListType(type)) return mentionsId(type.ofType as GraphQLInputType, seen);
  if (isInputObjectType(type)) {
    if (seen.has(type.name)) return false;
    seen.add(type.name);
    return Object.values(type.getFields()).some((f) => mentionsId(f.type, seen));
  }
  return type.name === 'ID';
}

describe('dossier isolation', () => {
  let t: TestApp;
  let victim: FixtureDossier;
  let intruder: TestClient;
  let v: Victim;

  /** Every row the victim dossier owns, with its version where it has one. */
  async function footprint(): Promise<string> {
    const ds = t.app.dataSource;
    const tables = ['customers', 'suppliers', 'parties', 'articles', 'documents', 'document_lines', 'history_entries', 'seat_orders', 'memberships', 'support_requests', 'support_messages', 'accounting_settings', 'customer_accounts', 'accounting_entries', 'accounting_entry_lines', 'accounting_batches', 'accounting_batch_files', 'payments', 'document_pdfs'];
    const existing = new Set((await ds.query(ds.options.type === 'better-sqlite3' ? "SELECT name FROM sqlite_master WHERE type = 'table'" : 'SHOW TABLES')).map((r: Record<string, string>) => Object.values(r)[0]));
    const parts: string[] = [];
    for (const table of tables.filter((name) => existing.has(name))) {
      const columns = (await ds.query(ds.options.type === 'better-sqlite3' ? `PRAGMA table_info(\`${table}\`)` : `SHOW COLUMNS FROM \`${table}\``)).map((c: Record<string, string>) => c.name ?? c.Field);
      if (!columns.includes('dossierId')) continue;
      const rows = await ds.query(`SELECT * FROM \`${table}\` WHERE \`dossierId\` = ? ORDER BY \`id\``, [victim.dossier.id]);
      parts.push(`${table}: ${JSON.stringify(rows)}`);
    }
    // Nothing sent either (the outbox has no dossier column: it must not grow).
    const [outbox] = await ds.query('SELECT COUNT(*) AS n FROM `mail_outbox`');
    parts.push(`outbox: ${Number((outbox as { n: number | string }).n)}`);
    const [dossier] = await ds.query('SELECT * FROM `dossiers` WHERE `id` = ?', [victim.dossier.id]);
    parts.push(`dossier: ${JSON.stringify(dossier)}`);
    return parts.join('\n');
  }

  beforeAll(async () => {
    t = await createTestApp();
    victim = await createDossier(t, { name: 'Victime', profiles: [Profile.OWNER] });
    const other = await createDossier(t, { name: 'Intrus', profiles: [Profile.OWNER] });
    intruder = other.client(Profile.OWNER);
    const owner = victim.client(Profile.OWNER);
    v = {
      customer: await newCustomer(owner),
      supplier: await newSupplier(owner),
      article: await newArticle(owner),
      quote: await newDocument(owner, 'createQuote'),
      invoice: await newDocument(owner, 'createInvoice', (await newCustomer(owner)).id),
      priceRequest: await newDocument(owner, 'createPriceRequest'),
      seatOrder: (await owner.data<{ orderSeats: { id: string } }>('mutation { orderSeats(quantity: 1) { id } }')).orderSeats,
      preset: (await owner.data<{ saveExportPreset: { id: string } }>('mutation { saveExportPreset(input: { name: "Partagé", columns: ["number"], shared: true }) { id } }')).saveExportPreset,
      exportJob: (await owner.data<{ startDocumentsExport: { id: string } }>('mutation { startDocumentsExport(input: { format: CSV, columns: ["number"] }) { id } }')).startDocumentsExport,
      supportRequest: (await owner.data<{ createSupportRequest: { id: string } }>('mutation { createSupportRequest(input: { kind: OTHER, other: { subject: "Privé", text: "?" }, message: "Confidentiel" }) { id } }')).createSupportRequest,
      ownerId: victim.as.OWNER!.user.id,
      issuedInvoice: await newIssuedInvoice(owner),
      batch: await newPastBatch(owner),
      paymentId: '',
    };
    v.paymentId = (
      await owner.data<{ recordPayment: { payments: { id: string }[] } }>(
        'mutation($id: ID!) { recordPayment(input: { invoiceId: $id, amountCents: 100, date: "2026-12-01", method: TRANSFER }) { payments { id } } }',
        { id: v.issuedInvoice.id },
      )
    ).recordPayment.payments[0].id;
    // The issued invoice's PDF and the export are written by jobs: done before any footprint is taken.
    await t.jobsSettled();
  });
  afterAll(() => t.close());

  it.each(Object.keys(CASES))('%s with another dossier’s ID answers NOT_FOUND and writes nothing', async (name) => {
    const before = await footprint();
    const result = await CASES[name](intruder, v);
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(await footprint()).toBe(before);
  });

  it.each(Object.keys(LIST_FILTERS))('%s filtered on another dossier’s party or users reveals nothing', async (name) => {
    const victimOwnerId = victim.as.OWNER!.user.id;
    const result = await LIST_FILTERS[name](intruder, v, victimOwnerId);
    const codes = result.errors?.map((e) => e.extensions?.code) ?? [];
    if (codes.length > 0) expect(new Set(codes)).toEqual(new Set(['NOT_FOUND']));
    else expect(Object.values(result.data ?? {}).map((page) => page.totalCount)).toEqual([0, 0, 0]);
    // The victim itself does see its rows through the same filters (the filter is not simply broken).
    const own = await LIST_FILTERS[name](victim.client(Profile.OWNER), v, victimOwnerId);
    expect(own.errors ?? []).toEqual([]);
  });

  it('answers an ID of another dossier exactly like an ID that does not exist', async () => {
    const missing = await intruder.exec('query($id: ID!) { customer(id: $id) { id } }', { id: '00000000-0000-4000-8000-000000000000' });
    const foreign = await intruder.exec('query($id: ID!) { customer(id: $id) { id } }', { id: v.customer.id });
    const strip = (r: typeof missing) => r.errors?.map((e) => ({ code: e.extensions?.code, message: e.message.replace(/[0-9a-f-]{36}/g, '<id>') }));
    expect(strip(foreign)).toEqual(strip(missing));
  });

  it('never lists another dossier’s records', async () => {
    const lists = await intruder.data<Record<string, { totalCount: number }>>(
      '{ customers { totalCount } suppliers { totalCount } articles { totalCount } documents { totalCount } }',
    );
    expect(Object.values(lists).map((l) => l.totalCount)).toEqual([0, 0, 0, 0]);
  });

  it('never counts another dossier’s documents or history on the dashboards', async () => {
    const dashboards = await intruder.data<{
      salesDashboard: { revenue: { yearToDateCents: number }; unpaid: { count: number }; quotesAwaiting: { count: number }; activity: unknown[] };
      commercialDashboard: { byStatus: { count: number }[] };
      purchasesDashboard: { openPriceRequests: { count: number }; ordersToReceive: { count: number } };
      accountingDashboard: { invoices: { count: number }; creditNotes: { count: number } };
    }>(
      `{ salesDashboard { revenue { yearToDateCents } unpaid { count } quotesAwaiting { count } activity { subject } }
         commercialDashboard { byStatus { count } }
         purchasesDashboard { openPriceRequests { count } ordersToReceive { count } }
         accountingDashboard { invoices { count } creditNotes { count } } }`,
    );
    const { salesDashboard: s, commercialDashboard: c, purchasesDashboard: p, accountingDashboard: a } = dashboards;
    expect([s.revenue.yearToDateCents, s.unpaid.count, s.quotesAwaiting.count, s.activity.length]).toEqual([0, 0, 0, 0]);
    expect(c.byStatus.map((x) => x.count)).toEqual([0, 0, 0, 0]);
    expect([p.openPriceRequests.count, p.ordersToReceive.count, a.invoices.count, a.creditNotes.count]).toEqual([0, 0, 0, 0]);
    // The victim's own dashboard does count them (the query is not simply empty).
    const own = await victim.client(Profile.OWNER).data<{ salesDashboard: { unpaid: { count: number } }; purchasesDashboard: { openPriceRequests: { count: number } } }>(
      '{ salesDashboard { unpaid { count } } purchasesDashboard { openPriceRequests { count } } }',
    );
    // Two unpaid invoices: the one issued today and the past month's one behind the accounting batch.
    expect(own.salesDashboard.unpaid.count).toBe(2);
    expect(own.purchasesDashboard.openPriceRequests.count).toBe(1);
  });

  it('covers every dossier-data operation that takes an ID', () => {
    const missing: string[] = [];
    for (const root of [t.schema.getQueryType(), t.schema.getMutationType(), t.schema.getSubscriptionType()]) {
      for (const field of Object.values(root?.getFields() ?? {})) {
        const auth = getDirective(t.schema, field, 'auth')?.[0] as { profiles?: string[] } | undefined;
        if (!auth?.profiles) continue;
        const covered = CASES[field.name] || LIST_FILTERS[field.name] || SUBSCRIPTION_CASES[field.name] || ISOLATION_ELSEWHERE.has(field.name);
        if (field.args.some((a) => mentionsId(a.type)) && !covered) missing.push(field.name);
      }
    }
    expect(missing).toEqual([]);
  });

  describe('subscriptions (WebSocket)', () => {
    let url: string;
    const clients: LiveClient[] = [];
    const live = (client: TestClient) => {
      const c = new LiveClient(url, client.sessionToken);
      clients.push(c);
      return c;
    };
    beforeAll(async () => {
      url = await t.http();
    });
    afterAll(async () => {
      await Promise.all(clients.map((c) => c.dispose()));
    });

    it.each(Object.keys(SUBSCRIPTION_CASES))('%s on another dossier’s ID is refused NOT_FOUND', async (name) => {
      const [query, variables] = SUBSCRIPTION_CASES[name];
      const sub = live(intruder).subscribe(query, variables(v));
      expect((await sub.error()).extensions?.code).toBe('NOT_FOUND');
      expect(sub.events).toEqual([]);
    });

    it('never delivers another dossier’s events to a session of this one', async () => {
      const intruderDossier = (await intruder.data<{ me: { dossier: { id: string } } }>('{ me { dossier { id } } }')).me.dossier.id;
      const spy = live(intruder).subscribe<{ supportRequestChanged: { requestId: string } }>('subscription { supportRequestChanged { requestId } }');
      const witness = live(victim.client(Profile.OWNER)).subscribe<{ supportRequestChanged: { requestId: string } }>('subscription { supportRequestChanged { requestId } }');
      await listening(t.app, topics.dossier(intruderDossier));
      await listening(t.app, topics.dossier(victim.dossier.id));
      const create = 'mutation { createSupportRequest(input: { kind: OTHER, other: { subject: "Secret", text: "?" } }) { id } }';
      const theirs = (await victim.client(Profile.OWNER).data<{ createSupportRequest: { id: string } }>(create)).createSupportRequest;
      await witness.event((e) => e.supportRequestChanged.requestId === theirs.id);
      // An event of the intruder's own dossier, published after the victim's: once it arrives, the victim's would have too.
      const mine = (await intruder.data<{ createSupportRequest: { id: string } }>(create)).createSupportRequest;
      await spy.event((e) => e.supportRequestChanged.requestId === mine.id);
      expect(spy.events.map((e) => e.supportRequestChanged.requestId)).not.toContain(theirs.id);
      expect(witness.events.map((e) => e.supportRequestChanged.requestId)).not.toContain(mine.id);
    });
  });
});
