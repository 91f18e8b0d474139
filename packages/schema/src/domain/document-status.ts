import { DocumentStatus as S, DocumentType } from '../enums';

/**
 * The status machine of each document type (SPEC.md, "Documents") and the words
 * for types and statuses, agreed once for the API (rules, exports, mails) and the
 * SPA (badges, filters, history): an invoice is "Émise" everywhere.
 */

export type Language = 'fr' | 'en';

/** Allowed transitions per type. */
export const TRANSITIONS: Record<DocumentType, Partial<Record<S, readonly S[]>>> = {
  [DocumentType.QUOTE]: { [S.DRAFT]: [S.SENT], [S.SENT]: [S.ACCEPTED, S.REFUSED] },
  [DocumentType.INVOICE]: { [S.DRAFT]: [S.ISSUED] },
  [DocumentType.CREDIT_NOTE]: { [S.DRAFT]: [S.ISSUED] },
  [DocumentType.PRICE_REQUEST]: { [S.DRAFT]: [S.SENT], [S.SENT]: [S.ANSWERED, S.CLOSED] },
  [DocumentType.SUPPLIER_ORDER]: { [S.DRAFT]: [S.SENT], [S.SENT]: [S.RECEIVED, S.CANCELLED] },
};

/** Statuses a document of each type can have, in their order of life. */
export const DOCUMENT_STATUSES: Record<DocumentType, readonly S[]> = {
  [DocumentType.QUOTE]: [S.DRAFT, S.SENT, S.ACCEPTED, S.REFUSED, S.CANCELLED],
  [DocumentType.INVOICE]: [S.DRAFT, S.ISSUED, S.PARTIALLY_PAID, S.PAID],
  [DocumentType.CREDIT_NOTE]: [S.DRAFT, S.ISSUED],
  [DocumentType.PRICE_REQUEST]: [S.DRAFT, S.SENT, S.ANSWERED, S.CLOSED, S.CANCELLED],
  [DocumentType.SUPPLIER_ORDER]: [S.DRAFT, S.SENT, S.RECEIVED, S.CANCELLED],
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
  [DocumentType.INVOICE]: { from: [S.ISSUED, S.PARTIALLY_PAID, S.PAID] },
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

export function canTransition(type: DocumentType, from: S, to: S): boolean {
  return nextStatuses(type, from).includes(to);
}

export const TYPE_LABELS: Record<Language, Record<DocumentType, string>> = {
  fr: {
    [DocumentType.QUOTE]: 'Devis',
    [DocumentType.INVOICE]: 'Facture',
    [DocumentType.CREDIT_NOTE]: 'Avoir',
    [DocumentType.PRICE_REQUEST]: 'Demande de prix',
    [DocumentType.SUPPLIER_ORDER]: 'Commande fournisseur',
  },
  en: {
    [DocumentType.QUOTE]: 'Quote',
    [DocumentType.INVOICE]: 'Invoice',
    [DocumentType.CREDIT_NOTE]: 'Credit note',
    [DocumentType.PRICE_REQUEST]: 'Price request',
    [DocumentType.SUPPLIER_ORDER]: 'Supplier order',
  },
};

/**
 * A status named on its own (filters across types): masculine in French, as
 * "le document". On a document, use `statusLabel(type, status)`, which agrees
 * with the type's gender.
 */
export const STATUS_LABELS: Record<Language, Record<S, string>> = {
  fr: {
    [S.DRAFT]: 'Brouillon',
    [S.SENT]: 'Envoyé',
    [S.ACCEPTED]: 'Accepté',
    [S.REFUSED]: 'Refusé',
    [S.ISSUED]: 'Émis',
    [S.PARTIALLY_PAID]: 'Partiellement payé',
    [S.PAID]: 'Payé',
    [S.ANSWERED]: 'Répondu',
    [S.CLOSED]: 'Clôturé',
    [S.RECEIVED]: 'Reçu',
    [S.CANCELLED]: 'Annulé',
  },
  en: {
    [S.DRAFT]: 'Draft',
    [S.SENT]: 'Sent',
    [S.ACCEPTED]: 'Accepted',
    [S.REFUSED]: 'Refused',
    [S.ISSUED]: 'Issued',
    [S.PARTIALLY_PAID]: 'Partially paid',
    [S.PAID]: 'Paid',
    [S.ANSWERED]: 'Answered',
    [S.CLOSED]: 'Closed',
    [S.RECEIVED]: 'Received',
    [S.CANCELLED]: 'Cancelled',
  },
};

/** French feminine forms, for the feminine types (facture, demande de prix, commande). */
const FEMININE_FR: Partial<Record<S, string>> = {
  [S.SENT]: 'Envoyée',
  [S.ACCEPTED]: 'Acceptée',
  [S.REFUSED]: 'Refusée',
  [S.ISSUED]: 'Émise',
  [S.PARTIALLY_PAID]: 'Partiellement payée',
  [S.PAID]: 'Payée',
  [S.ANSWERED]: 'Répondue',
  [S.CLOSED]: 'Clôturée',
  [S.RECEIVED]: 'Reçue',
  [S.CANCELLED]: 'Annulée',
};

const FEMININE_TYPES: ReadonlySet<DocumentType> = new Set([DocumentType.INVOICE, DocumentType.PRICE_REQUEST, DocumentType.SUPPLIER_ORDER]);

/**
 * The status of a document of `type`, as badges, history and exports show it
 * ("Émise" for an invoice). Raw rows pass plain strings: an unknown value is shown as is.
 */
export function statusLabel(type: string, status: string, language: Language = 'fr'): string {
  const s = status as S;
  if (language === 'fr' && FEMININE_TYPES.has(type as DocumentType)) return FEMININE_FR[s] ?? STATUS_LABELS.fr[s];
  return STATUS_LABELS[language][s] ?? status;
}

export function typeLabel(type: string, language: Language = 'fr'): string {
  return TYPE_LABELS[language][type as DocumentType] ?? type;
}
