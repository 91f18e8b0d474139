import { Profile } from '@comptoir/schema';
import { createDossier, type FixtureDossier } from '../../../test/fixtures';
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness';
import { CONVERT_QUOTE, CREDIT, createCustomer, createDoc, ISSUE, line, UPDATE, type Doc } from './document.test-kit';

/**
 * The SPA's document page (apps/web document.operations.ts: `DocumentPage`, its `DocumentDetail`
 * fragment and the ACTION tab's `HistoryEntryFields`), written out here field for field: issue 14's
 * budget is 6 statements for a document with its history, whatever the number of its lines,
 * entries and users, the session included (met without a source document, not with one).
 */
const HISTORY_FIELDS = `id sequence type entityType createdAt user { id name } changes { field before after }
  fromStatus toStatus number label relationDirection relatedDocumentId relatedDocumentType relatedDocumentNumber sha256`;
const DOCUMENT_PAGE = `query DocumentPage($id: ID!) { document(id: $id) {
  id type status number date dueDate version partyId partyName subject notes
  lines { id position articleId description quantity unit unitPriceCents discountPercent vatRate totalExclVatCents sourceLineId remainingToCredit vatExemption }
  lineCount totalExclVatCents totalVatCents totalInclVatCents vatBreakdown { vatRate baseCents vatCents }
  sourceDocument { id type number status createdAt createdBy { id name } updatedAt updatedBy { id name } history { ${HISTORY_FIELDS} } }
  derivedDocuments { id type number status }
  issuedAt allowedStatuses canEdit canDelete canCancel canConvertTo
  createdAt createdBy { id name } updatedAt updatedBy { id name }
  history { ${HISTORY_FIELDS} }
} }`;

describe('statements of the document page', () => {
  let t: TestApp;
  let f: FixtureDossier;
  let owner: TestClient;
  let adv: TestClient;
  /** A draft quote edited by two users; an invoice converted from a quote, issued, credited. */
  let edited: Doc;
  let invoice: Doc;

  beforeAll(async () => {
    t = await createTestApp();
    f = await createDossier(t, { profiles: [Profile.OWNER, Profile.ADV] });
    owner = f.client(Profile.OWNER);
    adv = f.client(Profile.ADV);
    const customer = await createCustomer(owner, 'Atelier Zola');
    edited = await createDoc(owner, 'QUOTE', { partyId: customer.id, lines: [line(), line({ quantity: 2 })] });
    for (const [i, client] of [owner, adv, owner, adv].entries()) {
      edited = (await client.data<{ updateDocument: Doc }>(UPDATE, { id: edited.id, version: edited.version, input: { partyId: customer.id, subject: `v${i}`, lines: [line({ quantity: i + 1 }), line()] } })).updateDocument;
    }
    const quote = await createDoc(adv, 'QUOTE', { partyId: customer.id, lines: [line({ quantity: 3 }), line({ vatRate: 5.5 })] });
    const converted = (await owner.data<{ convertQuoteToInvoice: Doc }>(CONVERT_QUOTE, { id: quote.id, version: quote.version })).convertQuoteToInvoice;
    invoice = (await owner.data<{ issueDocument: Doc }>(ISSUE, { id: converted.id, version: converted.version })).issueDocument;
    await adv.data(CREDIT, { invoiceId: invoice.id, lines: [{ sourceLineId: invoice.lines[0].id, quantity: '1' }] });
  });
  afterAll(() => t.close());

  /** Statements of one DocumentPage request, its session's lastSeenAt write kept out (a time condition). */
  async function measure(client: TestClient, id: string) {
    await client.data('{ me { user { id } } }');
    jest.useFakeTimers({ now: Date.now(), doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
    try {
      return await t.queries.measure(() => client.data<{ document: { history: unknown[]; sourceDocument: { history: unknown[] } | null; derivedDocuments: unknown[] } }>(DOCUMENT_PAGE, { id }));
    } finally {
      jest.useRealTimers();
    }
  }

  it('answers a document with its history, edited by two users, in at most 6 statements', async () => {
    const { result, queries, statements } = await measure(owner, edited.id);
    // Session, document, lines, derived documents, history, users (creator, modifier and the entries' users).
    expect(result.document.history.length).toBeGreaterThanOrEqual(5);
    expect(result.document.sourceDocument).toBeNull();
    expect(queries).toBeLessThanOrEqual(6);
    expect(statements.length).toBe(queries);
  });

  // Above the budget, and written down as it is so that it cannot grow unseen: 10 statements (12
  // before issue 14's work). The source document, its history and the history's users are read
  // one level deeper in the query, so their loaders batch apart from the document's own; the
  // credited quantities (`remainingToCredit`) are one more. Open: README, *The document list at scale*.
  it('answers a converted, issued and credited invoice, its source quote and both histories, in at most 10 statements', async () => {
    const { result, queries } = await measure(adv, invoice.id);

    expect(result.document.sourceDocument?.history.length).toBeGreaterThan(0);
    expect(result.document.derivedDocuments).toHaveLength(1);
    expect(result.document.history.length).toBeGreaterThanOrEqual(2);
    expect(queries).toBeLessThanOrEqual(10);
  });
});
