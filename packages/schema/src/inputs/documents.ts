import { z } from 'zod';
import { DocumentStatus, DocumentType, VatExemption } from '../enums';
import { MAX_LINES } from '../domain/money';
import { cents, cursor, first, id, intRange, localDate, optionalLocalDate, optionalText, percent, quantity, refuse, vatRate } from './fields';

/** A line of a document. Amounts: `unitPriceCents` in cents; decimals as strings ("2.5", "5.5"). */
export const DocumentLineInputSchema = z.object({
  articleId: id().nullish(),
  /** Filled from the article when empty. */
  description: z.string({ error: 'Required' }).max(2000, { error: 'At most 2000 characters' }),
  quantity: quantity(),
  unit: optionalText(20),
  unitPriceCents: cents(),
  discountPercent: percent().nullish(),
  vatRate: vatRate(),
  sourceLineId: id().nullish(),
  /** 0 % lines: why (mention printed, Factur-X category). */
  vatExemption: z.enum(VatExemption).nullish(),
});

/** `createQuote`, `createInvoice`, …, `updateDocument`. */
export const DocumentInputSchema = z.object({
  partyId: id().nullish(),
  dueDate: optionalLocalDate(),
  subject: optionalText(200),
  notes: optionalText(5000),
  lines: z.array(DocumentLineInputSchema).max(MAX_LINES, { error: `At most ${MAX_LINES} lines` }),
});

/** A line of `createCreditNoteFromInvoice`: how much of an invoice line to credit. */
export const CreditNoteLineInputSchema = z.object({
  sourceLineId: id(),
  quantity: quantity(),
});

type Period = { from?: string | null; to?: string | null };
/** Refuses a period that starts after it ends, on its `from` field. */
export function periodInOrder(fromKey: string, toKey: string) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const period: Period = { from: value[fromKey] as string | null | undefined, to: value[toKey] as string | null | undefined };
    if (period.from && period.to && period.from > period.to) refuse(ctx, 'PERIOD_REVERSED', 'The period starts after it ends', [fromKey]);
  };
}

export const DOCUMENT_SORT_FIELDS = ['CREATED_AT', 'DATE', 'NUMBER', 'PARTY_NAME', 'TOTAL', 'UPDATED_AT'] as const;
export const SORT_DIRECTIONS = ['ASC', 'DESC'] as const;

export const DocumentFilterSchema = z
  .object({
    types: z.array(z.enum(DocumentType)).nullish(),
    statuses: z.array(z.enum(DocumentStatus)).nullish(),
    partyId: id().nullish(),
    createdById: id().nullish(),
    updatedById: id().nullish(),
    dateFrom: optionalLocalDate(),
    dateTo: optionalLocalDate(),
    search: optionalText(100),
    /** Invoices issued or partially paid whose due date is past (en retard). */
    overdue: z.boolean().nullish(),
  })
  .superRefine(periodInOrder('dateFrom', 'dateTo'));

export const DocumentSortSchema = z.object({
  field: z.enum(DOCUMENT_SORT_FIELDS),
  direction: z.enum(SORT_DIRECTIONS),
});

/** Largest page of any list. */
export const MAX_PAGE_SIZE = 200;

export const DocumentListArgsSchema = z.object({
  first: first(MAX_PAGE_SIZE),
  after: cursor(),
  filter: DocumentFilterSchema.nullish(),
  sort: DocumentSortSchema.nullish(),
});

export const DocumentIdArgsSchema = z.object({ id: id() });
export const DocumentVersionArgsSchema = z.object({ id: id(), version: intRange(1, 2_147_483_647) });
export const ChangeDocumentStatusArgsSchema = DocumentVersionArgsSchema.extend({ status: z.enum(DocumentStatus) });
export const CreateDocumentArgsSchema = z.object({ input: DocumentInputSchema });
export const UpdateDocumentArgsSchema = DocumentVersionArgsSchema.extend({ input: DocumentInputSchema });
export const CreateCreditNoteFromInvoiceArgsSchema = z.object({
  invoiceId: id(),
  lines: z.array(CreditNoteLineInputSchema).max(MAX_LINES, { error: `At most ${MAX_LINES} lines` }).nullish(),
});

export { localDate };
