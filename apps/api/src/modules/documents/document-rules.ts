import { DocumentType } from '@comptoir/schema';
import { DocumentStatus as S } from './document.entity';

/** Allowed transitions per type (SPEC.md, "Documents"). */
export const TRANSITIONS: Record<DocumentType, Partial<Record<S, readonly S[]>>> = {
  [DocumentType.QUOTE]: { [S.DRAFT]: [S.SENT], [S.SENT]: [S.ACCEPTED, S.REFUSED] },
  [DocumentType.INVOICE]: { [S.DRAFT]: [S.ISSUED], [S.ISSUED]: [S.PAID] },
  [DocumentType.CREDIT_NOTE]: { [S.DRAFT]: [S.ISSUED] },
  [DocumentType.PRICE_REQUEST]: { [S.DRAFT]: [S.SENT], [S.SENT]: [S.ANSWERED, S.CLOSED] },
  [DocumentType.SUPPLIER_ORDER]: { [S.DRAFT]: [S.SENT], [S.SENT]: [S.RECEIVED, S.CANCELLED] },
};

/** Numbered when created; the others (invoices, credit notes) when issued, never before. */
export const NUMBERED_AT_CREATION: ReadonlySet<DocumentType> = new Set([
  DocumentType.QUOTE,
  DocumentType.PRICE_REQUEST,
  DocumentType.SUPPLIER_ORDER,
]);

/** Issued documents of these types are immutable (API and database triggers). */
export const ISSUED_TYPES: ReadonlySet<DocumentType> = new Set([DocumentType.INVOICE, DocumentType.CREDIT_NOTE]);

export const SALES_TYPES: ReadonlySet<DocumentType> = new Set([DocumentType.QUOTE, DocumentType.INVOICE, DocumentType.CREDIT_NOTE]);

/** Statuses in which the content (party, lines, …) may still change. */
const EDITABLE: Record<DocumentType, readonly S[]> = {
  [DocumentType.QUOTE]: [S.DRAFT, S.SENT],
  [DocumentType.INVOICE]: [S.DRAFT],
  [DocumentType.CREDIT_NOTE]: [S.DRAFT],
  [DocumentType.PRICE_REQUEST]: [S.DRAFT, S.SENT],
  [DocumentType.SUPPLIER_ORDER]: [S.DRAFT, S.SENT],
};

/** Statuses from which a document converts, and the status the source takes then. */
export const CONVERTIBLE_FROM: Partial<Record<DocumentType, { from: readonly S[]; becomes?: S }>> = {
  [DocumentType.QUOTE]: { from: [S.DRAFT, S.SENT, S.ACCEPTED], becomes: S.ACCEPTED },
  [DocumentType.PRICE_REQUEST]: { from: [S.DRAFT, S.SENT, S.ANSWERED], becomes: S.ANSWERED },
  [DocumentType.INVOICE]: { from: [S.ISSUED, S.PAID] },
};

export function isEditable(type: DocumentType, status: S): boolean {
  return EDITABLE[type].includes(status);
}

/**
 * Only unnumbered drafts (invoices and credit notes before issue) are deleted: a
 * numbered document is never deleted, so no number is ever lost (SPEC.md).
 */
export function isDeletable(type: DocumentType, status: S): boolean {
  return status === S.DRAFT && !NUMBERED_AT_CREATION.has(type);
}

/**
 * Quotes, price requests and supplier orders, numbered at creation, are cancelled
 * (status CANCELLED, kept, in their history) while still open. Issued invoices and
 * credit notes are corrected by a credit note, never cancelled.
 */
export function isCancellable(type: DocumentType, status: S): boolean {
  return NUMBERED_AT_CREATION.has(type) && (status === S.DRAFT || status === S.SENT);
}

export function nextStatuses(type: DocumentType, status: S): readonly S[] {
  return TRANSITIONS[type][status] ?? [];
}

export const TYPE_LABEL: Record<DocumentType, string> = {
  [DocumentType.QUOTE]: 'Quote',
  [DocumentType.INVOICE]: 'Invoice',
  [DocumentType.CREDIT_NOTE]: 'Credit note',
  [DocumentType.PRICE_REQUEST]: 'Price request',
  [DocumentType.SUPPLIER_ORDER]: 'Supplier order',
};
