// Enums shared by the API (registered with type-graphql) and the SPA.
// Their values are the wire values of the GraphQL enums of the same name.

/** A user's profile inside one dossier (SPEC.md, "Profiles"). */
export enum Profile {
  OWNER = 'OWNER',
  ADV = 'ADV',
  COMMERCIAL = 'COMMERCIAL',
  ACHAT = 'ACHAT',
  ACCOUNTANT = 'ACCOUNTANT',
}

export const ALL_PROFILES: readonly Profile[] = Object.values(Profile);

/** Platform-wide role, separate from dossier profiles. */
export enum PlatformRole {
  SUPPORT = 'SUPPORT',
}

/** Subscription plan of a dossier. */
export enum Plan {
  SOLO = 'SOLO',
  TPE = 'TPE',
  TPE_PLUS = 'TPE_PLUS',
}

export enum DocumentType {
  QUOTE = 'QUOTE',
  INVOICE = 'INVOICE',
  CREDIT_NOTE = 'CREDIT_NOTE',
  PRICE_REQUEST = 'PRICE_REQUEST',
  SUPPLIER_ORDER = 'SUPPLIER_ORDER',
}

/** Status of a document; which ones a type uses and how it moves: `document-status.ts`. */
export enum DocumentStatus {
  DRAFT = 'DRAFT',
  SENT = 'SENT',
  ACCEPTED = 'ACCEPTED',
  REFUSED = 'REFUSED',
  ISSUED = 'ISSUED',
  /** Invoice: some payment (or credit note) received, a balance remains. */
  PARTIALLY_PAID = 'PARTIALLY_PAID',
  PAID = 'PAID',
  ANSWERED = 'ANSWERED',
  CLOSED = 'CLOSED',
  RECEIVED = 'RECEIVED',
  CANCELLED = 'CANCELLED',
}

/** Stable `extensions.code` of every refusal (SPEC.md, "Errors"). */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  PLAN_LIMIT = 'PLAN_LIMIT',
  DOSSIER_ALREADY_SELECTED = 'DOSSIER_ALREADY_SELECTED',
  DOSSIER_NOT_SELECTED = 'DOSSIER_NOT_SELECTED',
  TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** What a support request asks for (SPEC.md, "Support request"). */
export enum SupportRequestKind {
  CHANGE_LOGIN_EMAIL = 'CHANGE_LOGIN_EMAIL',
  ADD_USER = 'ADD_USER',
  CHANGE_PROFILE = 'CHANGE_PROFILE',
  REMOVE_USER = 'REMOVE_USER',
  ACCOUNTANT_ACCESS = 'ACCOUNTANT_ACCESS',
  OTHER = 'OTHER',
}

/** OPEN → IN_PROGRESS → DONE or REJECTED. */
export enum SupportRequestStatus {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  REJECTED = 'REJECTED',
}

/** Who wrote a message of a support request's thread. */
export enum SupportMessageSide {
  /** Someone of the dossier. */
  REQUESTER = 'REQUESTER',
  SUPPORT = 'SUPPORT',
}

/** Accounting batch (lot d'écritures): OPEN until the accountant collects it. */
export enum AccountingBatchStatus {
  OPEN = 'OPEN',
  COLLECTED = 'COLLECTED',
}

/** Journal an accounting entry belongs to. */
export enum AccountingJournalKind {
  SALES = 'SALES',
  BANK = 'BANK',
}

/** What an article is, for its revenue account: goods (707) or services (706). */
export enum ArticleKind {
  GOODS = 'GOODS',
  SERVICES = 'SERVICES',
}

/** How a payment of an invoice was made. */
export enum PaymentMethod {
  TRANSFER = 'TRANSFER',
  CHECK = 'CHECK',
  CARD = 'CARD',
  CASH = 'CASH',
  DIRECT_DEBIT = 'DIRECT_DEBIT',
}

/** Payment terms of a customer: the due date an invoice gets when issued. */
export enum PaymentTerms {
  ON_RECEIPT = 'ON_RECEIPT',
  DAYS_30 = 'DAYS_30',
  DAYS_45_END_OF_MONTH = 'DAYS_45_END_OF_MONTH',
  END_OF_MONTH_45_DAYS = 'END_OF_MONTH_45_DAYS',
  DAYS_60 = 'DAYS_60',
}

/**
 * Why a line carries no VAT (0 %): the mention the invoice prints and the EN 16931
 * VAT category of its Factur-X XML (`domain/vat-exemption.ts`).
 */
export enum VatExemption {
  /** Franchise en base: TVA non applicable, art. 293 B du CGI (category E). */
  FRANCHISE_293B = 'FRANCHISE_293B',
  /** Exonération, art. 261 du CGI (category E). */
  EXEMPT_261 = 'EXEMPT_261',
  /** Autoliquidation (category AE). */
  REVERSE_CHARGE = 'REVERSE_CHARGE',
  /** Livraison intracommunautaire, art. 262 ter I du CGI (category K). */
  INTRA_EU = 'INTRA_EU',
  /** Exportation hors UE, art. 262 I du CGI (category G). */
  EXPORT = 'EXPORT',
}
