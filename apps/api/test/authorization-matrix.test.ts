// The role × operation matrix of SPEC.md ("Profiles"): one client per profile of one
// dossier, each operation asserted allowed or refused with FORBIDDEN. A root operation
// on dossier data that no row below exercises fails the coverage test at the end.
import { ALL_PROFILES, Profile, shortId } from '@comptoir/schema';
import { getDirective } from '@graphql-tools/utils';
import { createDossier, type FixtureDossier } from './fixtures';
import { createTestApp, type GraphQLResult, type TestApp, type TestClient } from './harness';
import { DOCUMENT_INPUT, newArticle, newCustomer, newDocument, newIssuedInvoice, newOverdueInvoice, newPastBatch, newSupplier } from './matrix-kit';

const { OWNER, ADV, COMMERCIAL, ACHAT, ACCOUNTANT } = Profile;

interface MatrixRow {
  /** The SPEC.md matrix line this operation belongs to. */
  fn: string;
  /** Root operations this row exercises (for the coverage check). */
  ops: string[];
  allowed: Profile[];
  run(client: TestClient, owner: TestClient): Promise<GraphQLResult>;
}

const q = (query: string, variables?: Record<string, unknown>) => (c: TestClient) => c.exec(query, variables);

const ROWS: MatrixRow[] = [
  // Quotes: read, create, edit, send, accept/refuse
  { fn: 'Quotes: read', ops: ['quotes'], allowed: [OWNER, ADV, COMMERCIAL], run: q('{ quotes(first: 5) { totalCount } }') },
  { fn: 'Quotes: create', ops: ['createQuote'], allowed: [OWNER, ADV, COMMERCIAL], run: (c) => c.exec(`mutation { createQuote(input: { lines: [{ description: "x", quantity: 1, unitPriceCents: 100, vatRate: 20 }] }) { id } }`) },
  {
    fn: 'Quotes: edit',
    ops: ['updateDocument'],
    allowed: [OWNER, ADV, COMMERCIAL],
    run: async (c, owner) => {
      const quote = await newDocument(owner, 'createQuote');
      return c.exec(`mutation($id: ID!, $v: Int!, $input: DocumentInput!) { updateDocument(id: $id, version: $v, input: $input) { id } }`, { id: quote.id, v: quote.version, input: DOCUMENT_INPUT });
    },
  },
  {
    fn: 'Quotes: send',
    ops: ['sendDocument'],
    allowed: [OWNER, ADV, COMMERCIAL],
    run: async (c, owner) => {
      const quote = await newDocument(owner, 'createQuote');
      return c.exec(`mutation($id: ID!, $v: Int!) { sendDocument(id: $id, version: $v) { id } }`, { id: quote.id, v: quote.version });
    },
  },
  {
    fn: 'Quotes: accept/refuse',
    ops: ['changeDocumentStatus'],
    allowed: [OWNER, ADV, COMMERCIAL],
    run: async (c, owner) => {
      const quote = await newDocument(owner, 'createQuote');
      const sent = (await owner.data<{ s: { version: number } }>(`mutation($id: ID!, $v: Int!) { s: sendDocument(id: $id, version: $v) { version } }`, { id: quote.id, v: quote.version })).s;
      return c.exec(`mutation($id: ID!, $v: Int!) { changeDocumentStatus(id: $id, version: $v, status: ACCEPTED) { id } }`, { id: quote.id, v: sent.version });
    },
  },
  {
    fn: 'Quotes: duplicate and cancel (numbered: never deleted)',
    ops: ['duplicateDocument', 'cancelDocument'],
    allowed: [OWNER, ADV, COMMERCIAL],
    run: async (c, owner) => {
      const quote = await newDocument(owner, 'createQuote');
      const dup = await c.exec<{ duplicateDocument: { id: string; version: number } }>(`mutation($id: ID!) { duplicateDocument(id: $id) { id version } }`, { id: quote.id });
      if (dup.errors) return dup;
      return c.exec(`mutation($id: ID!, $v: Int!) { cancelDocument(id: $id, version: $v) { id } }`, { id: quote.id, v: quote.version });
    },
  },
  {
    fn: 'Invoices: delete a draft',
    ops: ['deleteDocument'],
    allowed: [OWNER, ADV],
    run: async (c, owner) => {
      const invoice = await newDocument(owner, 'createInvoice');
      return c.exec(`mutation($id: ID!, $v: Int!) { deleteDocument(id: $id, version: $v) }`, { id: invoice.id, v: invoice.version });
    },
  },
  // Customers
  { fn: 'Customers: read', ops: ['customers', 'customer'], allowed: [OWNER, ADV, COMMERCIAL, ACCOUNTANT], run: async (c, owner) => c.exec(`query($id: ID!) { customers(first: 5) { totalCount } customer(id: $id) { legalName } }`, { id: (await newCustomer(owner)).id }) },
  { fn: 'Customers: create', ops: ['createCustomer'], allowed: [OWNER, ADV, COMMERCIAL], run: q(`mutation { createCustomer(input: { legalName: "Nouveau client" }) { id } }`) },
  {
    fn: 'Customers: edit',
    ops: ['updateCustomer'],
    allowed: [OWNER, ADV, COMMERCIAL],
    run: async (c, owner) => {
      const customer = await newCustomer(owner);
      return c.exec(`mutation($id: ID!, $v: Int!) { updateCustomer(id: $id, version: $v, input: { legalName: "Renommé" }) { id } }`, { id: customer.id, v: customer.version });
    },
  },
  // Invoices and credit notes: read, create, edit drafts, issue
  { fn: 'Invoices and credit notes: read', ops: ['invoices', 'creditNotes'], allowed: [OWNER, ADV, ACCOUNTANT], run: q('{ invoices(first: 5) { totalCount } creditNotes(first: 5) { totalCount } }') },
  { fn: 'Invoices: create', ops: ['createInvoice'], allowed: [OWNER, ADV], run: q(`mutation { createInvoice(input: { lines: [{ description: "x", quantity: 1, unitPriceCents: 100, vatRate: 20 }] }) { id } }`) },
  { fn: 'Credit notes: create', ops: ['createCreditNote'], allowed: [OWNER, ADV], run: q(`mutation { createCreditNote(input: { lines: [{ description: "x", quantity: 1, unitPriceCents: 100, vatRate: 20 }] }) { id } }`) },
  {
    fn: 'Invoices: edit drafts',
    ops: ['updateDocument'],
    allowed: [OWNER, ADV],
    run: async (c, owner) => {
      const invoice = await newDocument(owner, 'createInvoice');
      return c.exec(`mutation($id: ID!, $v: Int!, $input: DocumentInput!) { updateDocument(id: $id, version: $v, input: $input) { id } }`, { id: invoice.id, v: invoice.version, input: DOCUMENT_INPUT });
    },
  },
  {
    fn: 'Invoices: issue',
    ops: ['issueDocument'],
    allowed: [OWNER, ADV],
    run: async (c, owner) => {
      const invoice = await newDocument(owner, 'createInvoice', (await newCustomer(owner)).id);
      return c.exec(`mutation($id: ID!, $v: Int!) { issueDocument(id: $id, version: $v) { number } }`, { id: invoice.id, v: invoice.version });
    },
  },
  {
    fn: 'Invoices: credit note from an issued invoice',
    ops: ['createCreditNoteFromInvoice'],
    allowed: [OWNER, ADV],
    run: async (c, owner) => c.exec(`mutation($id: ID!) { createCreditNoteFromInvoice(invoiceId: $id) { id } }`, { id: (await newIssuedInvoice(owner)).id }),
  },
  {
    fn: 'Invoices: record a payment, delete a payment (OWNER/ADV)',
    ops: ['recordPayment', 'deletePayment'],
    allowed: [OWNER, ADV],
    run: async (c, owner) => {
      const invoice = await newIssuedInvoice(owner);
      const pay = (who: TestClient) =>
        who.exec<{ recordPayment: { payments: { id: string }[] } }>('mutation($id: ID!) { recordPayment(input: { invoiceId: $id, amountCents: 100, date: "2026-12-01", method: CHECK }) { payments { id } } }', { id: invoice.id });
      const recorded = await pay(c);
      if (recorded.errors) return recorded;
      const paymentId = (await pay(owner)).data!.recordPayment.payments[0].id;
      return c.exec('mutation($id: ID!) { deletePayment(id: $id) { id } }', { id: paymentId });
    },
  },
  {
    fn: 'Invoices: send by e-mail with the PDF (a draft issued first when confirmed)',
    ops: ['emailDocument'],
    allowed: [OWNER, ADV],
    run: async (c, owner) => {
      const invoice = await newDocument(owner, 'createInvoice', (await newCustomer(owner)).id);
      return c.exec('mutation($id: ID!) { emailDocument(input: { documentId: $id, to: ["compta@example.test"], issue: true }) { id } }', { id: invoice.id });
    },
  },
  {
    fn: 'Invoices: payment reminders (relances)',
    ops: ['sendReminder'],
    allowed: [OWNER, ADV],
    run: async (c, owner) => c.exec('mutation($id: ID!) { sendReminder(input: { invoiceId: $id, level: 1, to: ["compta@example.test"] }) { id } }', { id: (await newOverdueInvoice(owner)).id }),
  },
  {
    fn: 'Dossier settings: documents and e-mails (legal mentions, IBAN, templates, logo)',
    ops: ['documentSettings', 'updateDocumentSettings', 'setDossierLogo'],
    allowed: [OWNER, ADV],
    run: async (c) => {
      const read = await c.exec<{ documentSettings: { version: number } }>('{ documentSettings { version } }');
      if (read.errors) return read;
      const v = read.data!.documentSettings.version;
      const updated = await c.exec<{ updateDocumentSettings: { version: number } }>('mutation($v: Int!) { updateDocumentSettings(input: { version: $v, legalForm: "SARL" }) { version } }', { v });
      if (updated.errors) return updated;
      return c.exec('mutation($v: Int!) { setDossierLogo(version: $v, dataUrl: null) { version } }', { v: updated.data!.updateDocumentSettings.version });
    },
  },
  // Convert a quote to an invoice
  {
    fn: 'Convert a quote to an invoice',
    ops: ['convertQuoteToInvoice'],
    allowed: [OWNER, ADV],
    run: async (c, owner) => {
      const quote = await newDocument(owner, 'createQuote', (await newCustomer(owner)).id);
      return c.exec(`mutation($id: ID!, $v: Int!) { convertQuoteToInvoice(id: $id, version: $v) { id } }`, { id: quote.id, v: quote.version });
    },
  },
  // Price requests and supplier orders
  { fn: 'Price requests and supplier orders: read', ops: ['priceRequests', 'supplierOrders'], allowed: [OWNER, ADV, ACHAT], run: q('{ priceRequests(first: 5) { totalCount } supplierOrders(first: 5) { totalCount } }') },
  { fn: 'Price requests: create', ops: ['createPriceRequest'], allowed: [OWNER, ADV, ACHAT], run: q(`mutation { createPriceRequest(input: { lines: [{ description: "x", quantity: 1, unitPriceCents: 100, vatRate: 20 }] }) { id } }`) },
  { fn: 'Supplier orders: create', ops: ['createSupplierOrder'], allowed: [OWNER, ADV, ACHAT], run: q(`mutation { createSupplierOrder(input: { lines: [{ description: "x", quantity: 1, unitPriceCents: 100, vatRate: 20 }] }) { id } }`) },
  {
    fn: 'Price requests: convert to a supplier order',
    ops: ['convertPriceRequestToSupplierOrder'],
    allowed: [OWNER, ADV, ACHAT],
    run: async (c, owner) => {
      const request = await newDocument(owner, 'createPriceRequest', (await newSupplier(owner)).id);
      return c.exec(`mutation($id: ID!, $v: Int!) { convertPriceRequestToSupplierOrder(id: $id, version: $v) { id } }`, { id: request.id, v: request.version });
    },
  },
  // Suppliers
  { fn: 'Suppliers: read', ops: ['suppliers', 'supplier'], allowed: [OWNER, ADV, ACHAT], run: async (c, owner) => c.exec(`query($id: ID!) { suppliers(first: 5) { totalCount } supplier(id: $id) { legalName } }`, { id: (await newSupplier(owner)).id }) },
  { fn: 'Suppliers: create', ops: ['createSupplier'], allowed: [OWNER, ADV, ACHAT], run: q(`mutation { createSupplier(input: { legalName: "Nouveau fournisseur" }) { id } }`) },
  {
    fn: 'Suppliers: edit',
    ops: ['updateSupplier'],
    allowed: [OWNER, ADV, ACHAT],
    run: async (c, owner) => {
      const supplier = await newSupplier(owner);
      return c.exec(`mutation($id: ID!, $v: Int!) { updateSupplier(id: $id, version: $v, input: { legalName: "Renommé" }) { id } }`, { id: supplier.id, v: supplier.version });
    },
  },
  // Articles
  { fn: 'Articles: read', ops: ['articles', 'article'], allowed: [OWNER, ADV, COMMERCIAL, ACHAT], run: async (c, owner) => c.exec(`query($id: ID!) { articles(first: 5) { totalCount } article(id: $id) { label salePriceCents } }`, { id: (await newArticle(owner)).id }) },
  {
    fn: 'Articles: purchase price and margin fields',
    ops: [],
    allowed: [OWNER, ADV, ACHAT],
    run: async (c, owner) => c.exec(`query($id: ID!) { article(id: $id) { purchasePriceCents marginCents marginRate } }`, { id: (await newArticle(owner)).id }),
  },
  { fn: 'Articles: create', ops: ['createArticle'], allowed: [OWNER, ADV], run: (c) => c.exec(`mutation($r: String!) { createArticle(input: { reference: $r, label: "Écrou", salePriceCents: 50, vatRate: 20 }) { id } }`, { r: `NEW-${Math.random().toString(36).slice(2, 10)}` }) },
  {
    fn: 'Articles: edit',
    ops: ['updateArticle'],
    allowed: [OWNER, ADV],
    run: async (c, owner) => {
      const article = await newArticle(owner);
      return c.exec(`mutation($id: ID!, $v: Int!, $r: String!) { updateArticle(id: $id, version: $v, input: { reference: $r, label: "Écrou M6", salePriceCents: 60, vatRate: 20 }) { id } }`, { id: article.id, v: article.version, r: `UPD-${shortId(article.id)}` });
    },
  },
  // Documents of any type: the generic operations answer by type
  { fn: 'Documents list (the types the profile reads)', ops: ['documents', 'document'], allowed: [OWNER, ADV, COMMERCIAL, ACHAT, ACCOUNTANT], run: q('{ documents(first: 5) { totalCount } }') },
  { fn: 'History verification', ops: ['verifyHistory'], allowed: [OWNER, ADV], run: q('{ verifyHistory { ok } }') },
  // Advanced exports (STATS / Exports avancés)
  { fn: 'Advanced exports: columns, preview, presets, log, action summary', ops: ['exportColumns', 'exportPreview', 'exportPresets', 'exportLogs', 'actionSummary'], allowed: [OWNER, ADV], run: q('{ exportColumns { key } exportPreview(columns: ["number", "createdBy"]) { totalCount } exportPresets { id } exportLogs { totalCount } actionSummary { rows { created } } }') },
  {
    fn: 'Advanced exports: save and delete a preset',
    ops: ['saveExportPreset', 'deleteExportPreset'],
    allowed: [OWNER, ADV],
    run: async (c) => {
      const saved = await c.exec<{ saveExportPreset: { id: string } }>('mutation { saveExportPreset(input: { name: "Suivi", columns: ["number", "createdBy"] }) { id } }');
      if (saved.errors) return saved;
      return c.exec('mutation($id: ID!) { deleteExportPreset(id: $id) }', { id: saved.data!.saveExportPreset.id });
    },
  },
  {
    fn: 'Advanced exports: write an export in the background',
    ops: ['runExportInBackground'],
    allowed: [OWNER, ADV],
    run: async (c, owner) => {
      // Started by the caller when they may start one, else by the owner (the refusal must come from @auth).
      const starter = (await c.exec<{ startDocumentsExport: { id: string } }>('mutation { startDocumentsExport(input: { format: CSV, columns: ["number"] }) { id } }'));
      const id = starter.data?.startDocumentsExport.id ?? (await owner.data<{ startDocumentsExport: { id: string } }>('mutation { startDocumentsExport(input: { format: CSV, columns: ["number"] }) { id } }')).startDocumentsExport.id;
      return c.exec('mutation($id: ID!) { runExportInBackground(id: $id) { status } }', { id });
    },
  },
  {
    fn: 'Advanced exports: start, follow and cancel an export',
    ops: ['startDocumentsExport', 'startActionSummaryExport', 'exportJob', 'cancelExport'],
    allowed: [OWNER, ADV],
    run: async (c) => {
      const started = await c.exec<{ startDocumentsExport: { id: string } }>('mutation { startDocumentsExport(input: { format: XLSX, columns: ["number"] }) { id } }');
      if (started.errors) return started;
      const id = started.data!.startDocumentsExport.id;
      const summary = await c.exec('mutation { startActionSummaryExport(input: { format: CSV }) { id } }');
      if (summary.errors) return summary;
      const job = await c.exec('query($id: ID!) { exportJob(id: $id) { status } }', { id });
      if (job.errors) return job;
      return c.exec('mutation($id: ID!) { cancelExport(id: $id) { status } }', { id });
    },
  },
  // Subscription, seats, dossier settings, users list
  { fn: 'Subscription and seats', ops: ['mySubscription'], allowed: [OWNER, ADV], run: q('{ mySubscription { plan seatsUsed } }') },
  {
    fn: 'Order and cancel extra seats',
    ops: ['orderSeats', 'cancelSeatOrder'],
    allowed: [OWNER, ADV],
    run: async (c) => {
      const order = await c.exec<{ orderSeats: { id: string } }>('mutation { orderSeats(quantity: 1) { id } }');
      if (order.errors) return order;
      return c.exec('mutation($id: ID!) { cancelSeatOrder(id: $id) { status } }', { id: order.data!.orderSeats.id });
    },
  },
  { fn: 'Dossier settings', ops: ['dossierSettings'], allowed: [OWNER, ADV], run: q('{ dossierSettings { name invoicePrefix } }') },
  {
    fn: 'Dossier settings: edit',
    ops: ['updateDossierSettings'],
    allowed: [OWNER, ADV],
    run: async (c, owner) => {
      const current = (await owner.data<{ dossierSettings: Record<string, unknown> }>('{ dossierSettings { name version quotePrefix invoicePrefix creditNotePrefix priceRequestPrefix supplierOrderPrefix defaultVatRate paymentTermsDays legalMentions } }')).dossierSettings;
      return c.exec('mutation($input: DossierSettingsInput!) { updateDossierSettings(input: $input) { version } }', { input: { ...current, paymentTermsDays: 45 } });
    },
  },
  { fn: 'Colleagues by name (filters)', ops: ['colleagues'], allowed: [OWNER, ADV, COMMERCIAL, ACHAT, ACCOUNTANT], run: q('{ colleagues { id name } }') },
  { fn: 'Dashboard: revenue, unpaid, quotes awaiting, activity', ops: ['salesDashboard'], allowed: [OWNER, ADV], run: q('{ salesDashboard { revenue { thisMonthCents } unpaid { count } quotesAwaiting { count } activity { subject } } }') },
  { fn: 'Dashboard: my quotes', ops: ['commercialDashboard'], allowed: [OWNER, ADV, COMMERCIAL], run: q('{ commercialDashboard { conversionRate awaiting { count } } }') },
  { fn: 'Dashboard: purchases', ops: ['purchasesDashboard'], allowed: [OWNER, ADV, ACHAT], run: q('{ purchasesDashboard { openPriceRequests { count } ordersToReceive { count } } }') },
  { fn: 'Dashboard: issued this month', ops: ['accountingDashboard'], allowed: [OWNER, ADV, ACCOUNTANT], run: q('{ accountingDashboard { invoices { count } creditNotes { count } } }') },
  // Accounting batches: read, download, mark collected (OWNER, ADV, ACCOUNTANT)
  {
    fn: 'Accounting batches: read, with entries and totals',
    ops: ['accountingBatches', 'accountingBatch', 'documentAccountingEntries'],
    allowed: [OWNER, ADV, ACCOUNTANT],
    run: async (c, owner) => {
      const invoice = await newIssuedInvoice(owner);
      const list = await c.exec<{ accountingBatches: { id: string }[] }>('{ accountingBatches { id number status entryCount } }');
      if (list.errors) return list;
      const one = await c.exec('query($id: ID!) { accountingBatch(id: $id) { entries { lines { debitCents } } accountTotals { accountNumber } } }', { id: list.data!.accountingBatches[0].id });
      if (one.errors) return one;
      return c.exec('query($id: ID!) { documentAccountingEntries(documentId: $id) { totalDebitCents } }', { id: invoice.id });
    },
  },
  {
    fn: 'Accounting batches: cut and mark collected',
    ops: ['cutAccountingBatch', 'collectAccountingBatch'],
    allowed: [OWNER, ADV, ACCOUNTANT],
    run: async (c, owner) => {
      const batch = await newPastBatch(owner);
      const cut = await c.exec<{ cutAccountingBatch: { version: number } }>('mutation($id: ID!, $v: Int!, $until: String!) { cutAccountingBatch(id: $id, version: $v, until: $until) { version } }', {
        id: batch.id,
        v: batch.version,
        until: batch.periodStart.slice(0, 8) + '20',
      });
      if (cut.errors) return cut;
      return c.exec('mutation($id: ID!, $v: Int!) { collectAccountingBatch(id: $id, version: $v) { status } }', { id: batch.id, v: cut.data!.cutAccountingBatch.version });
    },
  },
  {
    fn: 'Accounting: chart of accounts and customer codes',
    ops: ['accountingSettings', 'updateAccountingSettings', 'customerAccounts', 'updateCustomerAccountCode'],
    allowed: [OWNER, ADV, ACCOUNTANT],
    run: async (c, owner) => {
      const customer = await newCustomer(owner);
      const read = await c.exec<{ accountingSettings: Record<string, unknown> }>(
        '{ accountingSettings { version siren salesJournalCode salesJournalName bankJournalCode bankJournalName customerAccount bankAccount goodsRevenueAccount servicesRevenueAccount vatAccount20 vatAccount10 vatAccount55 vatAccount21 } customerAccounts { code } }',
      );
      if (read.errors) return read;
      const saved = await c.exec('mutation($input: AccountingSettingsInput!) { updateAccountingSettings(input: $input) { version } }', { input: read.data!.accountingSettings });
      if (saved.errors) return saved;
      return c.exec('mutation($id: ID!, $code: String!) { updateCustomerAccountCode(customerId: $id, code: $code) { code } }', { id: customer.id, code: `M${shortId(customer.id)}`.slice(0, 14).toUpperCase().replace(/[^A-Z0-9]/g, '') });
    },
  },
  { fn: 'Compliance self-check', ops: ['complianceCheck'], allowed: [OWNER, ADV, ACCOUNTANT], run: q('{ complianceCheck { key ok faults } }') },
  { fn: 'Users list', ops: ['dossierUsers'], allowed: [OWNER, ADV], run: q('{ dossierUsers { members { profile } } }') },
  // Support requests: send and follow (COMMERCIAL, ACHAT, ACCOUNTANT: their own OTHER only)
  {
    fn: 'Support requests: send, follow and write in the thread of an OTHER request',
    ops: ['createSupportRequest', 'supportRequests', 'supportRequest', 'postSupportMessage'],
    allowed: [OWNER, ADV, COMMERCIAL, ACHAT, ACCOUNTANT],
    run: async (c) => {
      const sent = await c.exec<{ createSupportRequest: { id: string } }>('mutation { createSupportRequest(input: { kind: OTHER, other: { subject: "Question", text: "Bonjour" } }) { id } }');
      if (sent.errors) return sent;
      const id = sent.data!.createSupportRequest.id;
      const read = await c.exec('query($id: ID!) { supportRequests { id } supportRequest(id: $id) { status messages { text } history { type } } }', { id });
      if (read.errors) return read;
      return c.exec('mutation($id: ID!) { postSupportMessage(requestId: $id, text: "Précision") { id } }', { id });
    },
  },
  {
    fn: 'Support requests: users, profiles, login e-mails, accountant access',
    ops: ['createSupportRequest'],
    allowed: [OWNER, ADV],
    run: async (c, owner) => {
      const { dossierUsers } = await owner.data<{ dossierUsers: { members: { userId: string; profile: string }[] } }>('{ dossierUsers { members { userId profile } } }');
      const member = dossierUsers.members.find((m) => m.profile === 'COMMERCIAL')!;
      return c.exec('mutation($m: ID!) { createSupportRequest(input: { kind: CHANGE_PROFILE, changeProfile: { memberId: $m, profile: ACHAT } }) { id } }', { m: member.userId });
    },
  },
  {
    fn: 'Support requests: another member’s OTHER request is not theirs to follow',
    ops: [],
    allowed: [OWNER, ADV],
    run: async (c, owner) => {
      const { createSupportRequest } = await owner.data<{ createSupportRequest: { id: string } }>('mutation { createSupportRequest(input: { kind: OTHER, other: { subject: "Du gérant", text: "?" } }) { id } }');
      const result = await c.exec('query($id: ID!) { supportRequest(id: $id) { id } }', { id: createSupportRequest.id });
      // Someone else's request answers as a missing one (NOT_FOUND): in this matrix, a refusal.
      return result.errors?.[0]?.extensions?.code === 'NOT_FOUND' ? { errors: [{ message: 'not theirs', extensions: { code: 'FORBIDDEN' } }] } : result;
    },
  },
];

/**
 * The support team's operations (`@auth(access: SUPPORT)`): every dossier profile is
 * refused, whatever it may do in its own dossier. An operation missing here fails
 * the coverage test below.
 */
const SUPPORT_OPS: Record<string, [string, Record<string, unknown>]> = {
  adminSearchDossiers: ['{ adminSearchDossiers(query: "x") { id } }', {}],
  adminSearchUsers: ['{ adminSearchUsers(query: "x") { id } }', {}],
  adminDossier: ['query($id: ID!) { adminDossier(id: $id) { id } }', { id: '00000000-0000-4000-8000-000000000000' }],
  adminActions: ['{ adminActions { id } }', {}],
  adminJobs: ['{ adminJobs { queue counts { failed } jobs { id } } }', {}],
  adminRetryJob: ['mutation { adminRetryJob(id: "x") }', {}],
  adminOutbox: ['{ adminOutbox(first: 1) { totalCount } }', {}],
  adminChangeLoginEmail: ['mutation($id: ID!) { adminChangeLoginEmail(userId: $id, newEmail: "x@example.test") { id } }', { id: '00000000-0000-4000-8000-000000000000' }],
  adminAddUser: ['mutation($id: ID!) { adminAddUser(dossierId: $id, input: { email: "x@example.test", name: "X", profile: ADV }) { userId } }', { id: '00000000-0000-4000-8000-000000000000' }],
  adminChangeProfile: ['mutation($id: ID!) { adminChangeProfile(dossierId: $id, userId: $id, profile: ADV) { userId } }', { id: '00000000-0000-4000-8000-000000000000' }],
  adminRemoveUser: ['mutation($id: ID!) { adminRemoveUser(dossierId: $id, userId: $id) }', { id: '00000000-0000-4000-8000-000000000000' }],
  adminChangePlan: ['mutation($id: ID!) { adminChangePlan(dossierId: $id, plan: SOLO) { id } }', { id: '00000000-0000-4000-8000-000000000000' }],
  adminMarkSeatOrderPaid: ['mutation($id: ID!) { adminMarkSeatOrderPaid(orderId: $id) { id } }', { id: '00000000-0000-4000-8000-000000000000' }],
  adminCancelSeatOrder: ['mutation($id: ID!) { adminCancelSeatOrder(orderId: $id) { id } }', { id: '00000000-0000-4000-8000-000000000000' }],
  adminSupportQueue: ['{ adminSupportQueue { totalCount } }', {}],
  adminSupportCounts: ['{ adminSupportCounts { status count } }', {}],
  adminSupportRequest: ['query($id: ID!) { adminSupportRequest(id: $id) { id } }', { id: '00000000-0000-4000-8000-000000000000' }],
  adminTakeSupportRequest: ['mutation($id: ID!) { adminTakeSupportRequest(id: $id) { id } }', { id: '00000000-0000-4000-8000-000000000000' }],
  adminAnswerSupportRequest: ['mutation($id: ID!) { adminAnswerSupportRequest(id: $id, text: "x") { id } }', { id: '00000000-0000-4000-8000-000000000000' }],
  adminProcessSupportRequest: ['mutation($id: ID!) { adminProcessSupportRequest(id: $id) { id } }', { id: '00000000-0000-4000-8000-000000000000' }],
  adminRejectSupportRequest: ['mutation($id: ID!) { adminRejectSupportRequest(id: $id, reason: "x") { id } }', { id: '00000000-0000-4000-8000-000000000000' }],
};

describe('SPEC.md role × operation matrix', () => {
  let t: TestApp;
  let d: FixtureDossier;
  beforeAll(async () => {
    t = await createTestApp();
    d = await createDossier(t, { profiles: [OWNER, ADV, COMMERCIAL, ACHAT, ACCOUNTANT] });
  });
  afterAll(() => t.close());

  describe.each(ROWS)('$fn', (row) => {
    it.each(ALL_PROFILES.map((p) => [p, row.allowed.includes(p)] as const))('%s allowed: %s', async (profile, allowed) => {
      const result = await row.run(d.client(profile), d.client(OWNER));
      const codes = (result.errors ?? []).map((e) => e.extensions?.code);
      if (allowed) expect(result.errors ?? []).toEqual([]);
      else expect(codes).toContain('FORBIDDEN');
    });
  });

  it('keeps the rest of an article readable when its purchase price is hidden (COMMERCIAL)', async () => {
    const article = await newArticle(d.client(OWNER));
    const result = await d.client(COMMERCIAL).exec<{ article: { label: string; salePriceCents: number; purchasePriceCents: number | null } }>(
      `query($id: ID!) { article(id: $id) { label salePriceCents purchasePriceCents } }`,
      { id: article.id },
    );
    expect(result.data?.article).toEqual({ label: 'Vis inox', salePriceCents: 120, purchasePriceCents: null });
    expect(result.errors).toEqual([expect.objectContaining({ path: ['article', 'purchasePriceCents'], extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
  });

  it.each(Object.keys(SUPPORT_OPS))('%s is the support team’s only: FORBIDDEN to every profile', async (op) => {
    const [query, variables] = SUPPORT_OPS[op];
    for (const profile of ALL_PROFILES) {
      expect([profile, await d.client(profile).errorCode(query, variables)]).toEqual([profile, 'FORBIDDEN']);
    }
  });

  it('exercises every support operation', () => {
    const uncovered: string[] = [];
    for (const root of [t.schema.getQueryType(), t.schema.getMutationType(), t.schema.getSubscriptionType()]) {
      for (const field of Object.values(root?.getFields() ?? {})) {
        const auth = getDirective(t.schema, field, 'auth')?.[0] as { access?: string } | undefined;
        if (auth?.access === 'SUPPORT' && !SUPPORT_OPS[field.name] && !MATRIX_ELSEWHERE.has(field.name)) uncovered.push(field.name);
      }
    }
    expect(uncovered).toEqual([]);
  });

  it('exercises every root operation on dossier data', () => {
    const covered = new Set(ROWS.flatMap((r) => r.ops));
    const uncovered: string[] = [];
    for (const root of [t.schema.getQueryType(), t.schema.getMutationType(), t.schema.getSubscriptionType()]) {
      for (const field of Object.values(root?.getFields() ?? {})) {
        const auth = getDirective(t.schema, field, 'auth')?.[0] as { profiles?: string[] } | undefined;
        if (auth?.profiles && !covered.has(field.name) && !MATRIX_ELSEWHERE.has(field.name)) uncovered.push(field.name);
      }
    }
    expect(uncovered).toEqual([]);
  });
});

/**
 * Operations whose profile rules are asserted in their own module's tests: the
 * subscriptions, over a real WebSocket (`src/modules/live/live.test.ts`, "authorization matrix").
 */
const MATRIX_ELSEWHERE = new Set<string>(['documentChanged', 'documentPresence', 'supportRequestChanged', 'adminSupportRequestChanged', 'exportProgress', 'accountingBatchProgress', 'adminJobChanged']);
