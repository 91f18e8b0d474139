import { GraphQLSafeInt } from 'graphql-scalars';
import { DocumentType, VatExemption } from '@comptoir/schema';
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDecimal, GraphQLLocalDate } from '../../core/scalars';
import { Auth, Pending, PROFILES } from '../../core/auth/policy';
import { PageArgs, PageInfo } from '../../core/pagination';
import { ArticleType } from '../articles/article.types';
import { UserSummary } from '../identity/user-summary.type';
import { HistoryEntryView } from '../history/history.types';
import { CustomerType, SupplierType } from '../parties/party.types';
import { DocumentStatus } from './document.entity';

registerEnumType(DocumentStatus, {
  name: 'DocumentStatus',
  description:
    'Quote DRAFT → SENT → ACCEPTED/REFUSED; invoice DRAFT → ISSUED → PAID; credit note DRAFT → ISSUED; price request DRAFT → SENT → ANSWERED/CLOSED; supplier order DRAFT → SENT → RECEIVED/CANCELLED',
});

export enum DocumentSortField {
  DATE = 'DATE',
  NUMBER = 'NUMBER',
  TOTAL = 'TOTAL',
  PARTY_NAME = 'PARTY_NAME',
  UPDATED_AT = 'UPDATED_AT',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(DocumentSortField, { name: 'DocumentSortField', description: 'Sort key of document lists (ties broken by id)' });
registerEnumType(VatExemption, { name: 'VatExemption', description: 'Why a 0 % line carries no VAT (mention printed, Factur-X VAT category)' });

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection' });

/**
 * Every profile reads some documents; which ones is decided per document type by
 * the root operation (`quotes`, `invoices`, …) or, for operations taking an ID, by
 * the table in document-access.ts.
 */
@ObjectType('VatAmount', { description: 'VAT of one rate: base excl. VAT and VAT amount, cents' })
@Auth(...PROFILES.all)
export class VatAmountType {
  @Field(() => GraphQLDecimal, { description: 'Percent: 20, 10, 5.5, 2.1 or 0' })
  vatRate: string;

  @Field(() => GraphQLSafeInt)
  baseCents: number;

  @Field(() => GraphQLSafeInt)
  vatCents: number;
}

@ObjectType('DocumentLine')
@Auth(...PROFILES.all)
export class DocumentLineType {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: '0-based position' })
  position: number;

  @Field(() => ID, { nullable: true })
  articleId: string | null;

  @Field(() => ArticleType, { nullable: true, description: 'The article, for profiles that read articles' })
  @Auth(...PROFILES.articlesRead)
  article: ArticleType | null;

  @Field()
  description: string;

  @Field(() => GraphQLDecimal, { description: 'Up to 3 decimals (stored as thousandths)' })
  quantity: string;

  @Field()
  unit: string;

  @Field(() => GraphQLSafeInt, { description: 'Unit price excl. VAT, cents' })
  unitPriceCents: number;

  @Field(() => GraphQLDecimal, { description: 'Discount in percent, up to 2 decimals' })
  discountPercent: string;

  @Field(() => GraphQLDecimal, { description: 'VAT rate in percent: 20, 10, 5.5, 2.1 or 0' })
  vatRate: string;

  @Field(() => GraphQLSafeInt, { description: 'round(quantity × unit price × (1 − discount)), cents' })
  totalExclVatCents: number;

  @Field(() => ID, { nullable: true, description: 'Credit-note line: the invoice line it credits' })
  sourceLineId: string | null;

  @Field(() => VatExemption, { nullable: true, description: '0 % line: why no VAT (printed mention, Factur-X category)' })
  vatExemption: VatExemption | null;

  @Field(() => GraphQLDecimal, {
    nullable: true,
    description: 'Issued invoice line: quantity not yet credited by credit notes (drafts included)',
  })
  remainingToCredit: string | null;
}

@ObjectType('Document', { description: 'A quote, invoice, credit note, price request or supplier order (pièce)' })
@Auth(...PROFILES.all)
export class DocumentGql {
  @Field(() => ID)
  id: string;

  @Field(() => DocumentType)
  type: DocumentType;

  @Field(() => DocumentStatus)
  status: DocumentStatus;

  @Field(() => String, { nullable: true, description: 'e.g. FA-2026-00042; null for invoice and credit-note drafts' })
  number: string | null;

  @Field(() => GraphQLLocalDate, { description: 'Creation date, or issue date for invoices and credit notes' })
  date: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Validity (quote), due date (invoice), expected date (order)' })
  dueDate: string | null;

  @Field(() => Int, { description: 'Optimistic-locking version: pass it back when changing the document' })
  version: number;

  @Field(() => ID, { nullable: true, description: 'Customer (sales documents) or supplier (purchases)' })
  partyId: string | null;

  @Field({ description: 'Legal name of the party as on the document' })
  partyName: string;

  @Field(() => CustomerType, { nullable: true, description: 'Sales documents' })
  @Auth(...PROFILES.customersRead)
  customer: CustomerType | null;

  @Field(() => SupplierType, { nullable: true, description: 'Purchase documents' })
  @Auth(...PROFILES.purchases)
  supplier: SupplierType | null;

  @Field(() => String, { nullable: true })
  subject: string | null;

  @Field(() => String, { nullable: true })
  notes: string | null;

  @Field(() => [DocumentLineType])
  lines: DocumentLineType[];

  @Field(() => Int)
  lineCount: number;

  @Field(() => GraphQLSafeInt, { description: 'Total excl. VAT (HT), cents' })
  totalExclVatCents: number;

  @Field(() => GraphQLSafeInt, { description: 'Total VAT, cents (sum of the per-rate VAT)' })
  totalVatCents: number;

  @Field(() => GraphQLSafeInt, { description: 'Total incl. VAT (TTC), cents' })
  totalInclVatCents: number;

  @Field(() => [VatAmountType], { description: 'VAT per rate, highest rate first' })
  vatBreakdown: VatAmountType[];

  @Field(() => DocumentGql, { nullable: true, description: 'Converted from (null when none or not readable by your profile)' })
  sourceDocument: DocumentGql | null;

  @Field(() => [DocumentGql], { description: 'Documents converted from this one that your profile may read' })
  derivedDocuments: DocumentGql[];

  @Field(() => Date, { nullable: true })
  issuedAt: Date | null;

  @Field(() => [DocumentStatus], { description: 'Statuses your profile may move this document to now' })
  allowedStatuses: DocumentStatus[];

  @Field({ description: 'Your profile may edit it now (draft, or not yet final for quotes/purchases)' })
  canEdit: boolean;

  @Field({ description: 'Your profile may delete it now (never once an invoice/credit note is issued)' })
  canDelete: boolean;

  @Field({ description: 'Your profile may cancel it now (numbered quote, price request or supplier order, DRAFT or SENT): numbered documents are never deleted' })
  canCancel: boolean;

  @Field(() => DocumentType, { nullable: true, description: 'What it converts to, when your profile may convert it now' })
  canConvertTo: DocumentType | null;

  @Field()
  createdAt: Date;

  @Field(() => UserSummary, { nullable: true })
  createdBy: UserSummary | null;

  @Field({ description: 'Last modification' })
  updatedAt: Date;

  @Field(() => UserSummary, { nullable: true, description: 'Last modifier' })
  updatedBy: UserSummary | null;

  @Field(() => [HistoryEntryView], { description: 'Every action on this document, oldest first (ACTION tab)' })
  history: HistoryEntryView[];
}

@ObjectType('DocumentCount', { description: 'How many documents match, counted up to 1,000: the cost is bounded whatever the dossier size' })
@Auth(...PROFILES.all)
export class DocumentCount {
  @Field(() => Int, { description: 'Documents matching the filters, at most 1,000' })
  value: number;

  @Field({ description: 'True when more than `value` (1,000) documents match: show « plus de 1 000 »' })
  more: boolean;
}

@ObjectType('DocumentConnection')
@Auth(...PROFILES.all)
export class DocumentConnection {
  @Field(() => DocumentCount, { description: 'What a list shows: an exact count up to 1,000, then « more ». Prefer it to `totalCount`, which reads every matching row' })
  @Pending()
  count: DocumentCount;

  @Field(() => [DocumentGql])
  nodes: DocumentGql[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'Rows matching the filters, all pages together' })
  @Pending()
  totalCount: number;
}

/** Limits: description 2000 chars, unit 20; quantity 0 < q ≤ 1,000,000 (3 decimals); |unit price| ≤ 1,000,000,000 cents. */
@InputType('DocumentLineInput')
export class DocumentLineInput {
  @Field(() => ID, { nullable: true })
  articleId?: string | null;

  @Field({ description: 'At most 2000 characters' })
  description: string;

  @Field(() => GraphQLDecimal, { description: '> 0 and ≤ 1,000,000, at most 3 decimals' })
  quantity: string;

  @Field(() => String, { nullable: true, description: 'At most 20 characters; the article’s unit or "u" when omitted' })
  unit?: string | null;

  @Field(() => GraphQLSafeInt, { description: 'Excl. VAT, cents, |x| ≤ 1,000,000,000' })
  unitPriceCents: number;

  @Field(() => GraphQLDecimal, { nullable: true, description: '0 to 100, at most 2 decimals; 0 when omitted' })
  discountPercent?: string | null;

  @Field(() => GraphQLDecimal, { description: '20, 10, 5.5, 2.1 or 0' })
  vatRate: string;

  @Field(() => ID, { nullable: true, description: 'Credit notes made from an invoice: the invoice line credited' })
  sourceLineId?: string | null;

  @Field(() => VatExemption, { nullable: true, description: 'Only for 0 % lines: why no VAT' })
  vatExemption?: VatExemption | null;
}

@InputType('DocumentInput', { description: 'Content of a document (at most 500 lines)' })
export class DocumentInput {
  @Field(() => ID, { nullable: true, description: 'Customer (sales) or supplier (purchases) of your dossier' })
  partyId?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true })
  dueDate?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 200 characters' })
  subject?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 5000 characters' })
  notes?: string | null;

  @Field(() => [DocumentLineInput])
  lines: DocumentLineInput[];
}

@InputType('CreditNoteLineInput')
export class CreditNoteLineInput {
  @Field(() => ID, { description: 'A line of the invoice' })
  sourceLineId: string;

  @Field(() => GraphQLDecimal, { description: 'Quantity to credit: > 0 and at most what remains to credit on that line' })
  quantity: string;
}

@InputType('DocumentFilter')
export class DocumentFilter {
  @Field(() => [DocumentType], { nullable: true, description: 'Generic `documents` list only; the type-specific lists ignore it' })
  types?: DocumentType[] | null;

  @Field(() => [DocumentStatus], { nullable: true })
  statuses?: DocumentStatus[] | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Document date from (inclusive)' })
  dateFrom?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Document date to (inclusive)' })
  dateTo?: string | null;

  @Field(() => ID, { nullable: true, description: 'Customer or supplier' })
  partyId?: string | null;

  @Field(() => ID, { nullable: true })
  createdById?: string | null;

  @Field(() => ID, { nullable: true, description: 'Last modifier' })
  updatedById?: string | null;

  @Field(() => String, { nullable: true, description: 'Contains, on number and party name' })
  search?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Invoices issued or partially paid whose due date is past (en retard)' })
  overdue?: boolean | null;
}

@InputType('DocumentSort')
export class DocumentSort {
  @Field(() => DocumentSortField, { defaultValue: DocumentSortField.DATE })
  field: DocumentSortField = DocumentSortField.DATE;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC })
  direction: SortDirection = SortDirection.DESC;
}

@ArgsType()
export class DocumentListArgs extends PageArgs {
  @Field(() => DocumentFilter, { nullable: true })
  filter?: DocumentFilter | null;

  @Field(() => DocumentSort, { nullable: true })
  sort?: DocumentSort | null;
}
