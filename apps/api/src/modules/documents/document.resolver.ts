import { CONVERTIBLE_FROM, DocumentType, isCancellable, isDeletable, isEditable, nextStatuses, SALES_TYPES } from '@comptoir/schema';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GraphQLDecimal } from '../../core/scalars';
import { Auth, PROFILES } from '../../core/auth/policy';
import type { RequestContext } from '../../core/context';
import type { Page } from '../../core/pagination';
import { selectedFields } from '../../core/selection';
import { ArticleType } from '../articles/article.types';
import type { Article } from '../articles/article.entity';
import { UserSummary, userSummaryLoader, userSummaryOf } from '../identity/user-summary.type';
import { HistoryEntityType } from '../history/history-entry.entity';
import { HistoryEntryView, historyKey, historyLoader } from '../history/history.types';
import type { Customer, Supplier } from '../parties/party.entity';
import { CustomerType, SupplierType } from '../parties/party.types';
import { CONVERSIONS, DOCUMENT_READERS, DOCUMENT_WRITERS, mayAccess, mayConvert } from './document-access';
import { columnsForFields } from './document-columns';
import { documentForPage } from './document-page';
import { Document, DocumentStatus, type DocumentLine } from './document.entity';
import {
  articleLoader,
  creditedLoader,
  customerLoader,
  derivedDocumentsLoader,
  documentLinesLoader,
  documentLoader,
  supplierLoader,
} from './document.loaders';
import {
  cancelDocument,
  changeDocumentStatus,
  convertDocument,
  createCreditNoteFromInvoice,
  createDocument,
  deleteDocument,
  duplicateDocument,
  issueDocument,
  listDocuments,
  sendDocument,
  updateDocument,
} from './document.service';
import {
  CreditNoteLineInput,
  DocumentConnection,
  DocumentGql,
  DocumentInput,
  DocumentLineType,
  DocumentListArgs,
  VatAmountType,
} from './document.types';
import { percentOf, quantityOf } from '../../core/money';

type Connection = Promise<DocumentConnection>;
const asConnection = (page: Promise<unknown>) => page as Connection;

/**
 * A list page: reads only the columns its selected fields show (`columnsForFields`), then
 * loads what they show of other tables (creator, modifier, party, lines), one batch per
 * relation, before the field resolvers run: they then hit the loaders' cache. The
 * statement count of a list is thus fixed by the query, not by when each field resolver
 * happens to run (DataLoader batches split across ticks under load).
 */
async function listPage(ctx: RequestContext, info: GraphQLResolveInfo, types: readonly DocumentType[] | null, args: DocumentListArgs): Promise<Page<Document>> {
  const wanted = selectedFields(info, ['nodes']);
  const page = await listDocuments(ctx, types, args, columnsForFields(wanted));
  const nodes = page.nodes;
  const loads: Promise<unknown>[] = [];
  const users = new Set<string>();
  if (wanted.has('createdBy')) for (const n of nodes) users.add(n.createdById);
  if (wanted.has('updatedBy')) for (const n of nodes) users.add(n.updatedById);
  if (users.size > 0) loads.push(ctx.loader(userSummaryLoader).loadMany([...users]));
  const partyIds = (sales: boolean) => [...new Set(nodes.filter((n) => n.partyId && SALES_TYPES.has(n.type) === sales).map((n) => n.partyId!))];
  const customers = wanted.has('customer') ? partyIds(true) : [];
  if (customers.length > 0) loads.push(ctx.loader(customerLoader).loadMany(customers));
  const suppliers = wanted.has('supplier') ? partyIds(false) : [];
  if (suppliers.length > 0) loads.push(ctx.loader(supplierLoader).loadMany(suppliers));
  if (wanted.has('lines') && nodes.length > 0) loads.push(ctx.loader(documentLinesLoader).loadMany(nodes.map((n) => n.id)));
  await Promise.all(loads);
  return page;
}

/** A line as resolved under its document (knows its document's type and status). */
interface LineView extends DocumentLine {
  documentType: DocumentType;
  documentStatus: DocumentStatus;
}

@Resolver(() => DocumentGql)
export class DocumentResolver {
  // ----- Lists: one per type, each with the readers of that type; plus a generic one.

  @Query(() => DocumentConnection, { description: 'Documents of the types your profile reads (filter.types narrows; FORBIDDEN for a type you may not read)' })
  @Auth(...DOCUMENT_READERS)
  documents(@Ctx() ctx: RequestContext, @Args() args: DocumentListArgs, @Info() info: GraphQLResolveInfo): Connection {
    return asConnection(listPage(ctx, info, null, args));
  }

  @Query(() => DocumentConnection, { description: 'Quotes (devis)' })
  @Auth(...PROFILES.sales)
  quotes(@Ctx() ctx: RequestContext, @Args() args: DocumentListArgs, @Info() info: GraphQLResolveInfo): Connection {
    return asConnection(listPage(ctx, info, [DocumentType.QUOTE], args));
  }

  @Query(() => DocumentConnection, { description: 'Invoices (factures)' })
  @Auth(...PROFILES.invoicingRead)
  invoices(@Ctx() ctx: RequestContext, @Args() args: DocumentListArgs, @Info() info: GraphQLResolveInfo): Connection {
    return asConnection(listPage(ctx, info, [DocumentType.INVOICE], args));
  }

  @Query(() => DocumentConnection, { description: 'Credit notes (avoirs)' })
  @Auth(...PROFILES.invoicingRead)
  creditNotes(@Ctx() ctx: RequestContext, @Args() args: DocumentListArgs, @Info() info: GraphQLResolveInfo): Connection {
    return asConnection(listPage(ctx, info, [DocumentType.CREDIT_NOTE], args));
  }

  @Query(() => DocumentConnection, { description: 'Price requests (demandes de prix)' })
  @Auth(...PROFILES.purchases)
  priceRequests(@Ctx() ctx: RequestContext, @Args() args: DocumentListArgs, @Info() info: GraphQLResolveInfo): Connection {
    return asConnection(listPage(ctx, info, [DocumentType.PRICE_REQUEST], args));
  }

  @Query(() => DocumentConnection, { description: 'Supplier orders (commandes fournisseur)' })
  @Auth(...PROFILES.purchases)
  supplierOrders(@Ctx() ctx: RequestContext, @Args() args: DocumentListArgs, @Info() info: GraphQLResolveInfo): Connection {
    return asConnection(listPage(ctx, info, [DocumentType.SUPPLIER_ORDER], args));
  }

  @Query(() => DocumentGql, { description: 'One document; FORBIDDEN when your profile does not read its type' })
  @Auth(...DOCUMENT_READERS)
  document(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Info() info: GraphQLResolveInfo): Promise<Document> {
    return documentForPage(ctx, id, info);
  }

  // ----- Creation: one per type, each with the writers of that type.

  @Mutation(() => DocumentGql, { description: 'New quote, numbered now' })
  @Auth(...PROFILES.sales)
  createQuote(@Ctx() ctx: RequestContext, @Arg('input', () => DocumentInput) input: DocumentInput): Promise<Document> {
    return createDocument(ctx, DocumentType.QUOTE, input);
  }

  @Mutation(() => DocumentGql, { description: 'New draft invoice, numbered when issued' })
  @Auth(...PROFILES.invoicing)
  createInvoice(@Ctx() ctx: RequestContext, @Arg('input', () => DocumentInput) input: DocumentInput): Promise<Document> {
    return createDocument(ctx, DocumentType.INVOICE, input);
  }

  @Mutation(() => DocumentGql, { description: 'New draft credit note not tied to an invoice, numbered when issued' })
  @Auth(...PROFILES.invoicing)
  createCreditNote(@Ctx() ctx: RequestContext, @Arg('input', () => DocumentInput) input: DocumentInput): Promise<Document> {
    return createDocument(ctx, DocumentType.CREDIT_NOTE, input);
  }

  @Mutation(() => DocumentGql, { description: 'New price request, numbered now' })
  @Auth(...PROFILES.purchases)
  createPriceRequest(@Ctx() ctx: RequestContext, @Arg('input', () => DocumentInput) input: DocumentInput): Promise<Document> {
    return createDocument(ctx, DocumentType.PRICE_REQUEST, input);
  }

  @Mutation(() => DocumentGql, { description: 'New supplier order, numbered now' })
  @Auth(...PROFILES.purchases)
  createSupplierOrder(@Ctx() ctx: RequestContext, @Arg('input', () => DocumentInput) input: DocumentInput): Promise<Document> {
    return createDocument(ctx, DocumentType.SUPPLIER_ORDER, input);
  }

  // ----- Operations on one document: checked against document-access.ts by its type.

  @Mutation(() => DocumentGql, { description: 'Replaces the content (party, dates, lines) while editable; CONFLICT on a stale version' })
  @Auth(...DOCUMENT_WRITERS)
  updateDocument(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => DocumentInput) input: DocumentInput,
  ): Promise<Document> {
    return updateDocument(ctx, id, version, input);
  }

  @Mutation(() => DocumentGql, { description: 'Quote, price request or supplier order: DRAFT → SENT' })
  @Auth(...DOCUMENT_WRITERS)
  sendDocument(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number): Promise<Document> {
    return sendDocument(ctx, id, version);
  }

  @Mutation(() => DocumentGql, { description: 'Invoice or credit note: DRAFT → ISSUED, numbered and frozen' })
  @Auth(...PROFILES.invoicing)
  issueDocument(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number): Promise<Document> {
    return issueDocument(ctx, id, version);
  }

  @Mutation(() => DocumentGql, { description: 'Any allowed transition (see DocumentStatus); CONFLICT when not allowed from the current status' })
  @Auth(...DOCUMENT_WRITERS)
  changeDocumentStatus(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('status', () => DocumentStatus) status: DocumentStatus,
  ): Promise<Document> {
    return changeDocumentStatus(ctx, id, version, status);
  }

  @Mutation(() => DocumentGql, { description: 'New draft invoice from a quote (DRAFT, SENT or ACCEPTED; the quote becomes ACCEPTED)' })
  @Auth(...PROFILES.invoicing)
  convertQuoteToInvoice(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number): Promise<Document> {
    return convertDocument(ctx, id, version, DocumentType.QUOTE);
  }

  @Mutation(() => DocumentGql, { description: 'New supplier order from a price request (DRAFT, SENT or ANSWERED; it becomes ANSWERED)' })
  @Auth(...PROFILES.purchases)
  convertPriceRequestToSupplierOrder(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
  ): Promise<Document> {
    return convertDocument(ctx, id, version, DocumentType.PRICE_REQUEST);
  }

  @Mutation(() => DocumentGql, {
    description: 'Draft credit note for an issued invoice: everything that remains to credit when `lines` is omitted, or the chosen lines and quantities',
  })
  @Auth(...PROFILES.invoicing)
  createCreditNoteFromInvoice(
    @Ctx() ctx: RequestContext,
    @Arg('invoiceId', () => ID) invoiceId: string,
    @Arg('lines', () => [CreditNoteLineInput], { nullable: true }) lines: CreditNoteLineInput[] | null,
  ): Promise<Document> {
    return createCreditNoteFromInvoice(ctx, invoiceId, lines);
  }

  @Mutation(() => DocumentGql, { description: 'New draft of the same type with the same party and lines' })
  @Auth(...DOCUMENT_WRITERS)
  duplicateDocument(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Document> {
    return duplicateDocument(ctx, id);
  }

  @Mutation(() => DocumentGql, {
    description: 'Quote, price request or supplier order (DRAFT or SENT) → CANCELLED: numbered documents are cancelled and kept, never deleted',
  })
  @Auth(...DOCUMENT_WRITERS)
  cancelDocument(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number): Promise<Document> {
    return cancelDocument(ctx, id, version);
  }

  @Mutation(() => ID, { description: 'Deletes an unnumbered draft (invoice or credit note before issue); returns its id. Numbered documents are cancelled instead' })
  @Auth(...DOCUMENT_WRITERS)
  deleteDocument(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number): Promise<string> {
    return deleteDocument(ctx, id, version);
  }

  // ----- Fields.

  @FieldResolver(() => CustomerType, { nullable: true })
  customer(@Root() doc: Document, @Ctx() ctx: RequestContext): Promise<Customer | null> | null {
    return SALES_TYPES.has(doc.type) && doc.partyId ? ctx.loader(customerLoader).load(doc.partyId) : null;
  }

  @FieldResolver(() => SupplierType, { nullable: true })
  supplier(@Root() doc: Document, @Ctx() ctx: RequestContext): Promise<Supplier | null> | null {
    return !SALES_TYPES.has(doc.type) && doc.partyId ? ctx.loader(supplierLoader).load(doc.partyId) : null;
  }

  @FieldResolver(() => [DocumentLineType])
  async lines(@Root() doc: Document, @Ctx() ctx: RequestContext): Promise<LineView[]> {
    const lines = await ctx.loader(documentLinesLoader).load(doc.id);
    return lines.map((line) => Object.assign(Object.create(line) as LineView, line, { documentType: doc.type, documentStatus: doc.status }));
  }

  @FieldResolver(() => [VatAmountType])
  vatBreakdown(@Root() doc: Document): VatAmountType[] {
    return doc.vatBreakdown.map((v) => ({ vatRate: percentOf(v.vatRateBp), baseCents: v.baseCents, vatCents: v.vatCents }));
  }

  @FieldResolver(() => DocumentGql, { nullable: true })
  async sourceDocument(@Root() doc: Document, @Ctx() ctx: RequestContext): Promise<Document | null> {
    if (!doc.sourceDocumentId) return null;
    const source = await ctx.loader(documentLoader).load(doc.sourceDocumentId);
    return source && mayAccess(ctx, source.type, 'read') ? source : null;
  }

  @FieldResolver(() => [DocumentGql])
  async derivedDocuments(@Root() doc: Document, @Ctx() ctx: RequestContext): Promise<Document[]> {
    const derived = await ctx.loader(derivedDocumentsLoader).load(doc.id);
    return derived.filter((d) => mayAccess(ctx, d.type, 'read'));
  }

  @FieldResolver(() => [DocumentStatus])
  allowedStatuses(@Root() doc: Document, @Ctx() ctx: RequestContext): readonly DocumentStatus[] {
    return mayAccess(ctx, doc.type, 'write') ? nextStatuses(doc.type, doc.status) : [];
  }

  @FieldResolver(() => Boolean)
  canEdit(@Root() doc: Document, @Ctx() ctx: RequestContext): boolean {
    return mayAccess(ctx, doc.type, 'write') && isEditable(doc.type, doc.status);
  }

  @FieldResolver(() => Boolean)
  canDelete(@Root() doc: Document, @Ctx() ctx: RequestContext): boolean {
    return mayAccess(ctx, doc.type, 'write') && isDeletable(doc.type, doc.status) && doc.number === null;
  }

  @FieldResolver(() => Boolean)
  canCancel(@Root() doc: Document, @Ctx() ctx: RequestContext): boolean {
    return mayAccess(ctx, doc.type, 'write') && isCancellable(doc.type, doc.status);
  }

  @FieldResolver(() => DocumentType, { nullable: true })
  async canConvertTo(@Root() doc: Document, @Ctx() ctx: RequestContext): Promise<DocumentType | null> {
    const rule = CONVERTIBLE_FROM[doc.type];
    if (!rule || !rule.from.includes(doc.status) || !mayConvert(ctx, doc.type)) return null;
    const to = CONVERSIONS[doc.type]?.to ?? null;
    // A quote becomes one invoice, a price request one order (convertDocument refuses a second):
    // once converted, the conversion is no longer offered. An invoice takes several credit notes.
    if (to === DocumentType.INVOICE || to === DocumentType.SUPPLIER_ORDER) {
      const derived = await ctx.loader(derivedDocumentsLoader).load(doc.id);
      if (derived.some((d) => d.type === to)) return null;
    }
    return to;
  }

  @FieldResolver(() => UserSummary, { nullable: true })
  createdBy(@Root() doc: Document, @Ctx() ctx: RequestContext) {
    return userSummaryOf(ctx, doc.createdById);
  }

  @FieldResolver(() => UserSummary, { nullable: true })
  updatedBy(@Root() doc: Document, @Ctx() ctx: RequestContext) {
    return userSummaryOf(ctx, doc.updatedById);
  }

  @FieldResolver(() => [HistoryEntryView])
  history(@Root() doc: Document, @Ctx() ctx: RequestContext) {
    return ctx.loader(historyLoader).load(historyKey(HistoryEntityType.DOCUMENT, doc.id));
  }
}

@Resolver(() => DocumentLineType)
export class DocumentLineResolver {
  @FieldResolver(() => GraphQLDecimal)
  quantity(@Root() line: LineView): string {
    return quantityOf(line.quantityMilli);
  }

  @FieldResolver(() => GraphQLDecimal)
  discountPercent(@Root() line: LineView): string {
    return percentOf(line.discountBp);
  }

  @FieldResolver(() => GraphQLDecimal)
  vatRate(@Root() line: LineView): string {
    return percentOf(line.vatRateBp);
  }

  @FieldResolver(() => ArticleType, { nullable: true })
  article(@Root() line: LineView, @Ctx() ctx: RequestContext): Promise<Article | null> | null {
    return line.articleId ? ctx.loader(articleLoader).load(line.articleId) : null;
  }

  @FieldResolver(() => GraphQLDecimal, { nullable: true })
  async remainingToCredit(@Root() line: LineView, @Ctx() ctx: RequestContext): Promise<string | null> {
    if (line.documentType !== DocumentType.INVOICE || line.documentStatus === DocumentStatus.DRAFT) return null;
    const credited = await ctx.loader(creditedLoader).load(line.documentId);
    return quantityOf(line.quantityMilli - (credited.get(line.id) ?? 0));
  }
}
