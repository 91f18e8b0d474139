// Shared by the tests of parties, articles, documents and history (not a test file itself).
import type { TestClient } from '../../../test/harness';
import { until } from '../../../test/until';

export const DOC_FIELDS = `
  id type status number date dueDate version partyId partyName subject notes lineCount
  totalExclVatCents totalVatCents totalInclVatCents
  vatBreakdown { vatRate baseCents vatCents }
  lines { id position articleId description quantity unit unitPriceCents discountPercent vatRate totalExclVatCents sourceLineId }
  sourceDocument { id type number }
  derivedDocuments { id type number }
  allowedStatuses canEdit canDelete canConvertTo
  createdAt updatedAt createdBy { id name } updatedBy { id name }
`;

export interface Line {
  id: string;
  description: string;
  quantity: number;
  unitPriceCents: number;
  discountPercent: number;
  vatRate: number;
  totalExclVatCents: number;
  sourceLineId: string | null;
}

export interface Doc {
  id: string;
  type: string;
  status: string;
  number: string | null;
  date: string;
  version: number;
  partyId: string | null;
  partyName: string;
  lineCount: number;
  totalExclVatCents: number;
  totalVatCents: number;
  totalInclVatCents: number;
  vatBreakdown: { vatRate: number; baseCents: number; vatCents: number }[];
  lines: Line[];
  sourceDocument: { id: string; type: string; number: string | null } | null;
  derivedDocuments: { id: string; type: string; number: string | null }[];
  allowedStatuses: string[];
  canEdit: boolean;
  canDelete: boolean;
  canConvertTo: string | null;
  createdBy: { id: string; name: string } | null;
  updatedBy: { id: string; name: string } | null;
}

export const CREATE_MUTATION: Record<string, string> = {
  QUOTE: 'createQuote',
  INVOICE: 'createInvoice',
  CREDIT_NOTE: 'createCreditNote',
  PRICE_REQUEST: 'createPriceRequest',
  SUPPLIER_ORDER: 'createSupplierOrder',
};

export const line = (over: Record<string, unknown> = {}) => ({
  description: 'Prestation',
  quantity: 1,
  unitPriceCents: 10_000,
  vatRate: 20,
  ...over,
});

export async function createCustomer(client: TestClient, legalName = 'Boulangerie Martin'): Promise<{ id: string; version: number }> {
  const data = await client.data<{ createCustomer: { id: string; version: number } }>(
    'mutation($input: CustomerInput!) { createCustomer(input: $input) { id version } }',
    { input: { legalName } },
  );
  return data.createCustomer;
}

export async function createSupplier(client: TestClient, legalName = 'Métaux du Rhône'): Promise<{ id: string; version: number }> {
  const data = await client.data<{ createSupplier: { id: string; version: number } }>(
    'mutation($input: SupplierInput!) { createSupplier(input: $input) { id version } }',
    { input: { legalName } },
  );
  return data.createSupplier;
}

export async function createDoc(client: TestClient, type: string, input: Record<string, unknown>): Promise<Doc> {
  const name = CREATE_MUTATION[type];
  const data = await client.data<Record<string, Doc>>(`mutation($input: DocumentInput!) { d: ${name}(input: $input) { ${DOC_FIELDS} } }`, { input });
  return data.d;
}

export async function getDoc(client: TestClient, id: string): Promise<Doc> {
  return (await client.data<{ document: Doc }>(`query($id: ID!) { document(id: $id) { ${DOC_FIELDS} } }`, { id })).document;
}

export const ISSUE = `mutation($id: ID!, $version: Int!) { issueDocument(id: $id, version: $version) { ${DOC_FIELDS} } }`;
export const SEND = `mutation($id: ID!, $version: Int!) { sendDocument(id: $id, version: $version) { ${DOC_FIELDS} } }`;
export const CHANGE_STATUS = `mutation($id: ID!, $version: Int!, $status: DocumentStatus!) { changeDocumentStatus(id: $id, version: $version, status: $status) { ${DOC_FIELDS} } }`;
export const UPDATE = `mutation($id: ID!, $version: Int!, $input: DocumentInput!) { updateDocument(id: $id, version: $version, input: $input) { ${DOC_FIELDS} } }`;
export const DELETE = 'mutation($id: ID!, $version: Int!) { deleteDocument(id: $id, version: $version) }';
export const DUPLICATE = `mutation($id: ID!) { duplicateDocument(id: $id) { ${DOC_FIELDS} } }`;
export const CONVERT_QUOTE = `mutation($id: ID!, $version: Int!) { convertQuoteToInvoice(id: $id, version: $version) { ${DOC_FIELDS} } }`;
export const CONVERT_PRICE_REQUEST = `mutation($id: ID!, $version: Int!) { convertPriceRequestToSupplierOrder(id: $id, version: $version) { ${DOC_FIELDS} } }`;
export const CREDIT = `mutation($invoiceId: ID!, $lines: [CreditNoteLineInput!]) { createCreditNoteFromInvoice(invoiceId: $invoiceId, lines: $lines) { ${DOC_FIELDS} } }`;

export const HISTORY = `query($id: ID!) { document(id: $id) { history {
  id sequence type entityType entityId documentId user { id name } createdAt
  changes { field before after } fromStatus toStatus number label relationDirection relatedDocumentId relatedDocumentType relatedDocumentNumber
} } }`;

export interface HistoryItem {
  type: string;
  user: { id: string; name: string } | null;
  changes: { field: string; before: string | null; after: string | null }[];
  fromStatus: string | null;
  toStatus: string | null;
  number: string | null;
  relationDirection: string | null;
  relatedDocumentId: string | null;
  relatedDocumentType: string | null;
  sequence: number;
}

export async function historyOfDoc(client: TestClient, id: string): Promise<HistoryItem[]> {
  return (await client.data<{ document: { history: HistoryItem[] } }>(HISTORY, { id })).document.history;
}

/** Waits for the `pdf.render` job of an issued invoice or credit note (its PDF_STORED entry); returns the history then. */
export async function pdfStored(client: TestClient, id: string, timeoutMs = 30_000): Promise<HistoryItem[]> {
  return until(() => historyOfDoc(client, id), (h) => h.some((e) => e.type === 'PDF_STORED'), timeoutMs, `the stored PDF of ${id}`);
}

export function firstError(result: { errors?: { extensions?: Record<string, unknown> }[] }): Record<string, unknown> {
  return result.errors?.[0]?.extensions ?? {};
}
