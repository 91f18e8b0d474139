export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.This scalar is serialized to a string in ISO 8601 format and parsed from a string in ISO 8601 format. */
  DateTimeISO: { input: string; output: string; }
  /** The `SafeInt` scalar type represents non-fractional signed whole numeric values that are considered safe as defined by the ECMAScript specification. */
  SafeInt: { input: unknown; output: unknown; }
};

/** Home of ACCOUNTANT: what was issued this month (batches come with the accounting exports) */
export type AccountingDashboard = {
  __typename?: 'AccountingDashboard';
  /** Credit notes issued this month, newest first */
  creditNotes: DocumentsSummary;
  /** Invoices issued this month, newest first */
  invoices: DocumentsSummary;
  /** YYYY-MM */
  month: Scalars['String']['output'];
};

/** Récapitulatif des actions */
export type ActionSummary = {
  __typename?: 'ActionSummary';
  from?: Maybe<Scalars['String']['output']>;
  rows: Array<ActionSummaryRow>;
  to?: Maybe<Scalars['String']['output']>;
};

export type ActionSummaryExportInput = {
  format: ExportFormat;
  /** YYYY-MM-DD, inclusive (Paris days) */
  from?: InputMaybe<Scalars['String']['input']>;
  /** YYYY-MM-DD, inclusive (Paris days) */
  to?: InputMaybe<Scalars['String']['input']>;
};

/** One user’s actions on one document type over the period */
export type ActionSummaryRow = {
  __typename?: 'ActionSummaryRow';
  /** Documents of this type converted (quote → invoice, …) */
  converted: Scalars['Int']['output'];
  created: Scalars['Int']['output'];
  deleted: Scalars['Int']['output'];
  /** Null for drafts deleted since */
  documentType?: Maybe<DocumentType>;
  issued: Scalars['Int']['output'];
  /** Edits, status changes and sending */
  modified: Scalars['Int']['output'];
  /** Every action, all kinds together */
  total: Scalars['Int']['output'];
  user?: Maybe<UserSummary>;
};

/** An action of a colleague, from the dossier’s history */
export type ActivityItem = {
  __typename?: 'ActivityItem';
  /** The document the action was on (null once deleted, or for another record) */
  document?: Maybe<Document>;
  entry: HistoryEntry;
  /** The customer, supplier or article the action was on: its name */
  subject?: Maybe<Scalars['String']['output']>;
};

/** One action of the support team: who, when, what (before → after) */
export type AdminAction = {
  __typename?: 'AdminAction';
  createdAt: Scalars['DateTimeISO']['output'];
  /** JSON: `before`, `after` and what else the action needs to be understood */
  detail: Scalars['String']['output'];
  dossierId?: Maybe<Scalars['ID']['output']>;
  dossierName?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: AdminActionKind;
  /** The support request this action carried out */
  supportRequestId?: Maybe<Scalars['ID']['output']>;
  supportUserEmail?: Maybe<Scalars['String']['output']>;
  supportUserId: Scalars['ID']['output'];
  supportUserName?: Maybe<Scalars['String']['output']>;
  targetUserEmail?: Maybe<Scalars['String']['output']>;
  targetUserId?: Maybe<Scalars['ID']['output']>;
};

/** What a support team member did */
export type AdminActionKind =
  | 'ADD_USER'
  | 'CANCEL_SEAT_ORDER'
  | 'CHANGE_LOGIN_EMAIL'
  | 'CHANGE_PLAN'
  | 'CHANGE_PROFILE'
  | 'CLOSE_SUPPORT_REQUEST'
  | 'MARK_SEAT_ORDER_PAID'
  | 'REJECT_SUPPORT_REQUEST'
  | 'REMOVE_USER';

export type AdminAddUserInput = {
  email: Scalars['String']['input'];
  /** ACCOUNTANT: the accounting firm’s name */
  firmName?: InputMaybe<Scalars['String']['input']>;
  /** Used for a new user only; an existing user keeps their name */
  name: Scalars['String']['input'];
  phone?: InputMaybe<Scalars['String']['input']>;
  /** ADV, COMMERCIAL, ACHAT or ACCOUNTANT (TPE_PLUS only; takes no seat) */
  profile: Profile;
};

/** A dossier’s page in /admin */
export type AdminDossier = {
  __typename?: 'AdminDossier';
  addressLine?: Maybe<Scalars['String']['output']>;
  city?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  members: Array<AdminMember>;
  name: Scalars['String']['output'];
  plan: Plan;
  postalCode?: Maybe<Scalars['String']['output']>;
  /** The latest support actions on this dossier or its members */
  recentActions: Array<AdminAction>;
  /** Newest first */
  seatOrders: Array<AdminSeatOrder>;
  seats: AdminSeatUsage;
  siret?: Maybe<Scalars['String']['output']>;
  vatNumber?: Maybe<Scalars['String']['output']>;
};

/** A dossier in search results */
export type AdminDossierSummary = {
  __typename?: 'AdminDossierSummary';
  city?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  members: Scalars['Int']['output'];
  name: Scalars['String']['output'];
  plan: Plan;
  /** Login e-mail of the principal user */
  principalEmail?: Maybe<Scalars['String']['output']>;
  siret?: Maybe<Scalars['String']['output']>;
};

/** A member of a dossier, as the support team sees it */
export type AdminMember = {
  __typename?: 'AdminMember';
  /** False until an invited user has set a password */
  active: Scalars['Boolean']['output'];
  email: Scalars['String']['output'];
  /** The principal user (utilisateur principal): the sign-up login, never removed */
  isPrincipal: Scalars['Boolean']['output'];
  name: Scalars['String']['output'];
  phone?: Maybe<Scalars['String']['output']>;
  profile: Profile;
  /** Member since */
  since: Scalars['DateTimeISO']['output'];
  /** The user’s id */
  userId: Scalars['ID']['output'];
};

/** The mail outbox, newest first */
export type AdminOutboxConnection = {
  __typename?: 'AdminOutboxConnection';
  nodes: Array<AdminOutboxMessage>;
  pageInfo: PageInfo;
  /** Messages in the outbox, all pages together */
  totalCount: Scalars['Int']['output'];
};

/** A message of the mail outbox */
export type AdminOutboxMessage = {
  __typename?: 'AdminOutboxMessage';
  createdAt: Scalars['DateTimeISO']['output'];
  error?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** `sent`, `logged` (no SMTP configured) or `failed` */
  status: Scalars['String']['output'];
  subject: Scalars['String']['output'];
  text: Scalars['String']['output'];
  to: Scalars['String']['output'];
};

/** A seat order, as the support team sees it */
export type AdminSeatOrder = {
  __typename?: 'AdminSeatOrder';
  cancelledAt?: Maybe<Scalars['DateTimeISO']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  dossierId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  /** Support member who marked the payment received */
  markedPaidByName?: Maybe<Scalars['String']['output']>;
  orderedByName?: Maybe<Scalars['String']['output']>;
  paidAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** What to do to pay (IBAN, amount, reference), in French */
  paymentInstructions: Scalars['String']['output'];
  /** Reference to quote with the payment */
  paymentReference: Scalars['String']['output'];
  /** Payment provider code (BANK_TRANSFER) */
  provider: Scalars['String']['output'];
  quantity: Scalars['Int']['output'];
  /** Reference of the payment as received */
  receivedReference?: Maybe<Scalars['String']['output']>;
  status: SeatOrderStatus;
  /** quantity × unit price: monthly amount excl. VAT, in cents */
  totalCents: Scalars['Int']['output'];
  /** Amount to pay, VAT (20 %) included, in cents */
  totalInclVatCents: Scalars['Int']['output'];
  /** Price of one seat per month excl. VAT, in cents (900 = 9,00 € HT) */
  unitPriceCents: Scalars['Int']['output'];
};

/** Seats of a dossier */
export type AdminSeatUsage = {
  __typename?: 'AdminSeatUsage';
  /** TPE_PLUS: the accountant may be given access, without taking a seat */
  accountantAccess: Scalars['Boolean']['output'];
  /** ACCOUNTANT members */
  accountants: Scalars['Int']['output'];
  /** Extra logins paid for (not usable on SOLO) */
  extraSeats: Scalars['Int']['output'];
  /** Logins included in the plan */
  includedSeats: Scalars['Int']['output'];
  plan: Plan;
  seatsAvailable: Scalars['Int']['output'];
  /** Members that take a seat (every profile but ACCOUNTANT) */
  seatsUsed: Scalars['Int']['output'];
  /** Logins allowed, accountants aside */
  totalSeats: Scalars['Int']['output'];
};

/** How many requests have this status (kind, plan and age filters applied) */
export type AdminSupportCount = {
  __typename?: 'AdminSupportCount';
  count: Scalars['Int']['output'];
  status: SupportRequestStatus;
};

/** One entry of a request’s history, as support sees it */
export type AdminSupportEvent = {
  __typename?: 'AdminSupportEvent';
  /** What was applied, as `field: before → after` */
  changes: Array<Scalars['String']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  fromStatus?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Agent’s name, rejection reason or failure */
  label?: Maybe<Scalars['String']['output']>;
  sequence: Scalars['Int']['output'];
  toStatus?: Maybe<Scalars['String']['output']>;
  type: Scalars['String']['output'];
  userName?: Maybe<Scalars['String']['output']>;
};

export type AdminSupportFilter = {
  dossierId?: InputMaybe<Scalars['ID']['input']>;
  kind?: InputMaybe<SupportRequestKind>;
  /** Only requests taken in charge by the caller */
  mine?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only requests sent at least this many hours ago */
  olderThanHours?: InputMaybe<Scalars['Int']['input']>;
  plan?: InputMaybe<Plan>;
  /** Default: OPEN and IN_PROGRESS */
  statuses?: InputMaybe<Array<SupportRequestStatus>>;
};

/** One message of a request’s thread (plain text) */
export type AdminSupportMessage = {
  __typename?: 'AdminSupportMessage';
  /** Who wrote it (for support messages as the dossier sees them: the agent’s name) */
  authorName: Scalars['String']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  side: SupportMessageSide;
  text: Scalars['String']['output'];
};

/** The typed payload of a request; only the fields of its kind are set */
export type AdminSupportPayload = {
  __typename?: 'AdminSupportPayload';
  /** ADD_USER, ACCOUNTANT_ACCESS: the new user’s e-mail */
  email?: Maybe<Scalars['String']['output']>;
  /** ACCOUNTANT_ACCESS: the accounting firm */
  firmName?: Maybe<Scalars['String']['output']>;
  /** The member’s login e-mail when the request was sent */
  memberEmail?: Maybe<Scalars['String']['output']>;
  /** CHANGE_LOGIN_EMAIL, CHANGE_PROFILE, REMOVE_USER: the member */
  memberId?: Maybe<Scalars['ID']['output']>;
  /** The member’s name when the request was sent */
  memberName?: Maybe<Scalars['String']['output']>;
  /** The member’s profile when the request was sent */
  memberProfile?: Maybe<Profile>;
  /** ADD_USER, ACCOUNTANT_ACCESS: the new user’s name */
  name?: Maybe<Scalars['String']['output']>;
  /** CHANGE_LOGIN_EMAIL: the new address */
  newEmail?: Maybe<Scalars['String']['output']>;
  phone?: Maybe<Scalars['String']['output']>;
  /** ADD_USER, CHANGE_PROFILE: the profile asked for */
  profile?: Maybe<Profile>;
  /** OTHER */
  subject?: Maybe<Scalars['String']['output']>;
  /** OTHER */
  text?: Maybe<Scalars['String']['output']>;
};

/** Requests matching the filters, oldest first */
export type AdminSupportQueue = {
  __typename?: 'AdminSupportQueue';
  nodes: Array<AdminSupportRequest>;
  /** All matching requests (nodes stop at `first`) */
  totalCount: Scalars['Int']['output'];
};

/** A support request in the /admin queue */
export type AdminSupportRequest = {
  __typename?: 'AdminSupportRequest';
  assignedToId?: Maybe<Scalars['ID']['output']>;
  /** « Pris en charge par »: the support agent, once someone took it */
  assignedToName?: Maybe<Scalars['String']['output']>;
  /** When it became DONE or REJECTED */
  closedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  /** The dossier’s context: members, seats, plan, seat orders */
  dossier: AdminDossier;
  dossierId: Scalars['ID']['output'];
  dossierName: Scalars['String']['output'];
  failedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Why the last processing attempt failed (nothing was applied) */
  failureMessage?: Maybe<Scalars['String']['output']>;
  /** Stable code of that failure (EMAIL_TAKEN, NO_FREE_SEAT, PRINCIPAL_USER, …) */
  failureReason?: Maybe<Scalars['String']['output']>;
  /** The seat order an ADD_USER request waits (or waited) for */
  heldBySeatOrderId?: Maybe<Scalars['ID']['output']>;
  /** The request’s history, oldest first */
  history: Array<AdminSupportEvent>;
  id: Scalars['ID']['output'];
  kind: SupportRequestKind;
  /** The latest message */
  lastMessage?: Maybe<AdminSupportMessage>;
  /** Time of the latest message (the request itself counts as the first) */
  lastMessageAt: Scalars['DateTimeISO']['output'];
  /** The thread, oldest first */
  messages: Array<AdminSupportMessage>;
  /** ADD_USER sent while a seat order awaited payment: held until it is paid */
  onHold: Scalars['Boolean']['output'];
  payload: AdminSupportPayload;
  plan: Plan;
  /** REJECTED: why */
  rejectionReason?: Maybe<Scalars['String']['output']>;
  requestedByEmail: Scalars['String']['output'];
  /** Who of the dossier sent it */
  requestedByName: Scalars['String']['output'];
  status: SupportRequestStatus;
  /** One line saying what is asked (French) */
  summary: Scalars['String']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
};

/** A login, as the support team sees it */
export type AdminUser = {
  __typename?: 'AdminUser';
  /** False until an invited user has set a password */
  active: Scalars['Boolean']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  memberships: Array<AdminUserMembership>;
  name: Scalars['String']['output'];
  phone?: Maybe<Scalars['String']['output']>;
  platformRole?: Maybe<PlatformRole>;
};

export type AdminUserMembership = {
  __typename?: 'AdminUserMembership';
  dossierId: Scalars['ID']['output'];
  dossierName: Scalars['String']['output'];
  isPrincipal: Scalars['Boolean']['output'];
  profile: Profile;
};

/** A product or service (prices excl. VAT, in cents) */
export type Article = {
  __typename?: 'Article';
  active: Scalars['Boolean']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  createdBy?: Maybe<UserSummary>;
  history: Array<HistoryEntry>;
  id: Scalars['ID']['output'];
  label: Scalars['String']['output'];
  /** Sale − purchase price, cents (not for COMMERCIAL) */
  marginCents?: Maybe<Scalars['SafeInt']['output']>;
  /** Taux de marge: margin ÷ purchase price × 100, rounded half-up to 2 decimals (not for COMMERCIAL) */
  marginRate?: Maybe<Scalars['Float']['output']>;
  /** Purchase price excl. VAT, cents (not for COMMERCIAL) */
  purchasePriceCents?: Maybe<Scalars['SafeInt']['output']>;
  /** Unique in the dossier */
  reference: Scalars['String']['output'];
  /** Sale price excl. VAT, cents */
  salePriceCents: Scalars['SafeInt']['output'];
  /** Unit, e.g. u, h, kg, m² */
  unit: Scalars['String']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
  updatedBy?: Maybe<UserSummary>;
  /** VAT rate in percent: 20, 10, 5.5, 2.1 or 0 */
  vatRate: Scalars['Float']['output'];
  version: Scalars['Int']['output'];
};

export type ArticleConnection = {
  __typename?: 'ArticleConnection';
  nodes: Array<Article>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ArticleInput = {
  /** true when omitted */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  label: Scalars['String']['input'];
  purchasePriceCents?: InputMaybe<Scalars['SafeInt']['input']>;
  reference: Scalars['String']['input'];
  salePriceCents: Scalars['SafeInt']['input'];
  /** "u" when omitted */
  unit?: InputMaybe<Scalars['String']['input']>;
  /** 20, 10, 5.5, 2.1 or 0 */
  vatRate: Scalars['Float']['input'];
};

/** Who may resolve a field that is not dossier data. */
export type AuthAccess =
  | 'PUBLIC'
  | 'SUPPORT'
  | 'USER';

/** The quotes the session’s user created */
export type CommercialDashboard = {
  __typename?: 'CommercialDashboard';
  /** Sent, awaiting the customer’s answer */
  awaiting: DocumentsSummary;
  /** DRAFT, SENT, ACCEPTED, REFUSED: each status, even when empty */
  byStatus: Array<QuoteStatusCount>;
  /** Accepted ÷ (accepted + refused + still awaiting), 0 to 1; null before any quote is sent */
  conversionRate?: Maybe<Scalars['Float']['output']>;
  /** Drafts not yet sent */
  drafts: DocumentsSummary;
};

export type CreditNoteLineInput = {
  /** Quantity to credit: > 0 and at most what remains to credit on that line */
  quantity: Scalars['Float']['input'];
  /** A line of the invoice */
  sourceLineId: Scalars['ID']['input'];
};

/** The dossier the session is bound to */
export type CurrentDossier = {
  __typename?: 'CurrentDossier';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  plan: Plan;
};

/** The logged-in user */
export type CurrentUser = {
  __typename?: 'CurrentUser';
  /** Login e-mail (lower-cased) */
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  phone?: Maybe<Scalars['String']['output']>;
  /** SUPPORT for the support team, null otherwise */
  platformRole?: Maybe<PlatformRole>;
};

/** Client */
export type Customer = {
  __typename?: 'Customer';
  addressLine1?: Maybe<Scalars['String']['output']>;
  addressLine2?: Maybe<Scalars['String']['output']>;
  city?: Maybe<Scalars['String']['output']>;
  contactEmail?: Maybe<Scalars['String']['output']>;
  contactName?: Maybe<Scalars['String']['output']>;
  contactPhone?: Maybe<Scalars['String']['output']>;
  /** ISO 3166-1 alpha-2, FR by default */
  country: Scalars['String']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  createdBy?: Maybe<UserSummary>;
  history: Array<HistoryEntry>;
  id: Scalars['ID']['output'];
  /** Raison sociale */
  legalName: Scalars['String']['output'];
  notes?: Maybe<Scalars['String']['output']>;
  /** Payment terms in days (0-365) */
  paymentTermsDays: Scalars['Int']['output'];
  postalCode?: Maybe<Scalars['String']['output']>;
  /** 9 digits */
  siren?: Maybe<Scalars['String']['output']>;
  /** 14 digits */
  siret?: Maybe<Scalars['String']['output']>;
  /** Last modification */
  updatedAt: Scalars['DateTimeISO']['output'];
  updatedBy?: Maybe<UserSummary>;
  /** Intra-community VAT number, e.g. FR12812345678 */
  vatNumber?: Maybe<Scalars['String']['output']>;
  /** Optimistic-locking version: pass it back as `version` when updating */
  version: Scalars['Int']['output'];
};

export type CustomerConnection = {
  __typename?: 'CustomerConnection';
  nodes: Array<Customer>;
  pageInfo: PageInfo;
  /** Rows matching the filters, all pages together */
  totalCount: Scalars['Int']['output'];
};

export type CustomerInput = {
  addressLine1?: InputMaybe<Scalars['String']['input']>;
  addressLine2?: InputMaybe<Scalars['String']['input']>;
  city?: InputMaybe<Scalars['String']['input']>;
  contactEmail?: InputMaybe<Scalars['String']['input']>;
  contactName?: InputMaybe<Scalars['String']['input']>;
  contactPhone?: InputMaybe<Scalars['String']['input']>;
  /** ISO 3166-1 alpha-2; FR when omitted */
  country?: InputMaybe<Scalars['String']['input']>;
  legalName: Scalars['String']['input'];
  notes?: InputMaybe<Scalars['String']['input']>;
  /** 0-365; the dossier default (30) when omitted */
  paymentTermsDays?: InputMaybe<Scalars['Int']['input']>;
  postalCode?: InputMaybe<Scalars['String']['input']>;
  siren?: InputMaybe<Scalars['String']['input']>;
  siret?: InputMaybe<Scalars['String']['input']>;
  vatNumber?: InputMaybe<Scalars['String']['input']>;
};

/** A quote, invoice, credit note, price request or supplier order (pièce) */
export type Document = {
  __typename?: 'Document';
  /** Statuses your profile may move this document to now */
  allowedStatuses: Array<DocumentStatus>;
  /** Your profile may cancel it now (numbered quote, price request or supplier order, DRAFT or SENT): numbered documents are never deleted */
  canCancel: Scalars['Boolean']['output'];
  /** What it converts to, when your profile may convert it now */
  canConvertTo?: Maybe<DocumentType>;
  /** Your profile may delete it now (never once an invoice/credit note is issued) */
  canDelete: Scalars['Boolean']['output'];
  /** Your profile may edit it now (draft, or not yet final for quotes/purchases) */
  canEdit: Scalars['Boolean']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  createdBy?: Maybe<UserSummary>;
  /** Sales documents */
  customer?: Maybe<Customer>;
  /** YYYY-MM-DD: creation date, or issue date for invoices and credit notes */
  date: Scalars['String']['output'];
  /** Documents converted from this one that your profile may read */
  derivedDocuments: Array<Document>;
  /** YYYY-MM-DD: validity (quote), due date (invoice), expected date (order) */
  dueDate?: Maybe<Scalars['String']['output']>;
  /** Every action on this document, oldest first (ACTION tab) */
  history: Array<HistoryEntry>;
  id: Scalars['ID']['output'];
  issuedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  lineCount: Scalars['Int']['output'];
  lines: Array<DocumentLine>;
  notes?: Maybe<Scalars['String']['output']>;
  /** e.g. FA-2026-00042; null for invoice and credit-note drafts */
  number?: Maybe<Scalars['String']['output']>;
  /** Customer (sales documents) or supplier (purchases) */
  partyId?: Maybe<Scalars['ID']['output']>;
  /** Legal name of the party as on the document */
  partyName: Scalars['String']['output'];
  /** Converted from (null when none or not readable by your profile) */
  sourceDocument?: Maybe<Document>;
  status: DocumentStatus;
  subject?: Maybe<Scalars['String']['output']>;
  /** Purchase documents */
  supplier?: Maybe<Supplier>;
  /** Total excl. VAT (HT), cents */
  totalExclVatCents: Scalars['SafeInt']['output'];
  /** Total incl. VAT (TTC), cents */
  totalInclVatCents: Scalars['SafeInt']['output'];
  /** Total VAT, cents (sum of the per-rate VAT) */
  totalVatCents: Scalars['SafeInt']['output'];
  type: DocumentType;
  /** Last modification */
  updatedAt: Scalars['DateTimeISO']['output'];
  /** Last modifier */
  updatedBy?: Maybe<UserSummary>;
  /** VAT per rate, highest rate first */
  vatBreakdown: Array<VatAmount>;
  /** Optimistic-locking version: pass it back when changing the document */
  version: Scalars['Int']['output'];
};

export type DocumentConnection = {
  __typename?: 'DocumentConnection';
  nodes: Array<Document>;
  pageInfo: PageInfo;
  /** Rows matching the filters, all pages together */
  totalCount: Scalars['Int']['output'];
};

export type DocumentFilter = {
  createdById?: InputMaybe<Scalars['ID']['input']>;
  /** Document date from (YYYY-MM-DD, inclusive) */
  dateFrom?: InputMaybe<Scalars['String']['input']>;
  /** Document date to (YYYY-MM-DD, inclusive) */
  dateTo?: InputMaybe<Scalars['String']['input']>;
  /** Customer or supplier */
  partyId?: InputMaybe<Scalars['ID']['input']>;
  /** Contains, on number and party name */
  search?: InputMaybe<Scalars['String']['input']>;
  statuses?: InputMaybe<Array<DocumentStatus>>;
  /** Generic `documents` list only; the type-specific lists ignore it */
  types?: InputMaybe<Array<DocumentType>>;
  /** Last modifier */
  updatedById?: InputMaybe<Scalars['ID']['input']>;
};

/** Content of a document (at most 500 lines) */
export type DocumentInput = {
  /** YYYY-MM-DD */
  dueDate?: InputMaybe<Scalars['String']['input']>;
  lines: Array<DocumentLineInput>;
  /** At most 5000 characters */
  notes?: InputMaybe<Scalars['String']['input']>;
  /** Customer (sales) or supplier (purchases) of your dossier */
  partyId?: InputMaybe<Scalars['ID']['input']>;
  /** At most 200 characters */
  subject?: InputMaybe<Scalars['String']['input']>;
};

export type DocumentLine = {
  __typename?: 'DocumentLine';
  /** The article, for profiles that read articles */
  article?: Maybe<Article>;
  articleId?: Maybe<Scalars['ID']['output']>;
  description: Scalars['String']['output'];
  /** Discount in percent, up to 2 decimals */
  discountPercent: Scalars['Float']['output'];
  id: Scalars['ID']['output'];
  /** 0-based position */
  position: Scalars['Int']['output'];
  /** Up to 3 decimals (stored as thousandths) */
  quantity: Scalars['Float']['output'];
  /** Issued invoice line: quantity not yet credited by credit notes (drafts included) */
  remainingToCredit?: Maybe<Scalars['Float']['output']>;
  /** Credit-note line: the invoice line it credits */
  sourceLineId?: Maybe<Scalars['ID']['output']>;
  /** round(quantity × unit price × (1 − discount)), cents */
  totalExclVatCents: Scalars['SafeInt']['output'];
  unit: Scalars['String']['output'];
  /** Unit price excl. VAT, cents */
  unitPriceCents: Scalars['SafeInt']['output'];
  /** VAT rate in percent: 20, 10, 5.5, 2.1 or 0 */
  vatRate: Scalars['Float']['output'];
};

export type DocumentLineInput = {
  articleId?: InputMaybe<Scalars['ID']['input']>;
  /** At most 2000 characters */
  description: Scalars['String']['input'];
  /** 0 to 100, at most 2 decimals; 0 when omitted */
  discountPercent?: InputMaybe<Scalars['Float']['input']>;
  /** > 0 and ≤ 1,000,000, at most 3 decimals */
  quantity: Scalars['Float']['input'];
  /** Credit notes made from an invoice: the invoice line credited */
  sourceLineId?: InputMaybe<Scalars['ID']['input']>;
  /** At most 20 characters; the article’s unit or "u" when omitted */
  unit?: InputMaybe<Scalars['String']['input']>;
  /** Excl. VAT, cents, |x| ≤ 1,000,000,000 */
  unitPriceCents: Scalars['SafeInt']['input'];
  /** 20, 10, 5.5, 2.1 or 0 */
  vatRate: Scalars['Float']['input'];
};

export type DocumentSort = {
  direction?: SortDirection;
  field?: DocumentSortField;
};

/** Sort key of document lists (ties broken by id) */
export type DocumentSortField =
  | 'CREATED_AT'
  | 'DATE'
  | 'NUMBER'
  | 'PARTY_NAME'
  | 'TOTAL'
  | 'UPDATED_AT';

/** Quote DRAFT → SENT → ACCEPTED/REFUSED; invoice DRAFT → ISSUED → PAID; credit note DRAFT → ISSUED; price request DRAFT → SENT → ANSWERED/CLOSED; supplier order DRAFT → SENT → RECEIVED/CANCELLED */
export type DocumentStatus =
  | 'ACCEPTED'
  | 'ANSWERED'
  | 'CANCELLED'
  | 'CLOSED'
  | 'DRAFT'
  | 'ISSUED'
  | 'PAID'
  | 'RECEIVED'
  | 'REFUSED'
  | 'SENT';

/** Kind of document (pièce) */
export type DocumentType =
  | 'CREDIT_NOTE'
  | 'INVOICE'
  | 'PRICE_REQUEST'
  | 'QUOTE'
  | 'SUPPLIER_ORDER';

export type DocumentsExportInput = {
  columns: Array<Scalars['String']['input']>;
  filter?: InputMaybe<ExportFilterInput>;
  format: ExportFormat;
};

/** A count, a total and the first documents of a group */
export type DocumentsSummary = {
  __typename?: 'DocumentsSummary';
  count: Scalars['Int']['output'];
  /** The oldest first (what to follow up) */
  documents: Array<Document>;
  /** Excl. VAT, cents */
  totalExclVatCents: Scalars['SafeInt']['output'];
};

/** One of the user’s dossiers, for the picker */
export type DossierChoice = {
  __typename?: 'DossierChoice';
  id: Scalars['ID']['output'];
  /** True when the user is this dossier’s principal user */
  isPrincipal: Scalars['Boolean']['output'];
  name: Scalars['String']['output'];
  plan: Plan;
  profile: Profile;
};

/** A user of the session’s dossier and their profile */
export type DossierMember = {
  __typename?: 'DossierMember';
  /** False until an invited user has set a password */
  active: Scalars['Boolean']['output'];
  email: Scalars['String']['output'];
  /** The principal user (utilisateur principal): the sign-up login, never removed */
  isPrincipal: Scalars['Boolean']['output'];
  name: Scalars['String']['output'];
  phone?: Maybe<Scalars['String']['output']>;
  profile: Profile;
  /** Member since */
  since: Scalars['DateTimeISO']['output'];
  /** The user’s id */
  userId: Scalars['ID']['output'];
};

/** Paramètres / Dossier: legal identity and invoicing settings */
export type DossierSettings = {
  __typename?: 'DossierSettings';
  addressLine?: Maybe<Scalars['String']['output']>;
  city?: Maybe<Scalars['String']['output']>;
  country: Scalars['String']['output'];
  creditNotePrefix: Scalars['String']['output'];
  /** One of 20, 10, 5.5, 2.1, 0 */
  defaultVatRate: Scalars['Float']['output'];
  id: Scalars['ID']['output'];
  invoicePrefix: Scalars['String']['output'];
  legalMentions: Scalars['String']['output'];
  /** Legal name (raison sociale) */
  name: Scalars['String']['output'];
  paymentTermsDays: Scalars['Int']['output'];
  postalCode?: Maybe<Scalars['String']['output']>;
  priceRequestPrefix: Scalars['String']['output'];
  quotePrefix: Scalars['String']['output'];
  siret?: Maybe<Scalars['String']['output']>;
  supplierOrderPrefix: Scalars['String']['output'];
  vatNumber?: Maybe<Scalars['String']['output']>;
  /** Pass back to updateDossierSettings; a stale one is refused with CONFLICT */
  version: Scalars['Int']['output'];
};

export type DossierSettingsInput = {
  addressLine?: InputMaybe<Scalars['String']['input']>;
  city?: InputMaybe<Scalars['String']['input']>;
  /** Two-letter ISO code, FR by default */
  country?: InputMaybe<Scalars['String']['input']>;
  creditNotePrefix: Scalars['String']['input'];
  /** One of 20, 10, 5.5, 2.1, 0 */
  defaultVatRate: Scalars['Float']['input'];
  invoicePrefix: Scalars['String']['input'];
  /** At most 2000 characters */
  legalMentions: Scalars['String']['input'];
  name: Scalars['String']['input'];
  /** 0 to 120 days */
  paymentTermsDays: Scalars['Int']['input'];
  postalCode?: InputMaybe<Scalars['String']['input']>;
  priceRequestPrefix: Scalars['String']['input'];
  /** 1 to 6 uppercase letters or digits */
  quotePrefix: Scalars['String']['input'];
  /** 14 digits (spaces ignored), checked with the Luhn key */
  siret?: InputMaybe<Scalars['String']['input']>;
  supplierOrderPrefix: Scalars['String']['input'];
  vatNumber?: InputMaybe<Scalars['String']['input']>;
  /** The version read; CONFLICT when another edit came first */
  version: Scalars['Int']['input'];
};

/** Paramètres / Mon abonnement */
export type DossierSubscription = {
  __typename?: 'DossierSubscription';
  /** TPE_PLUS: the accountant may be given access, without taking a seat */
  accountantAccess: Scalars['Boolean']['output'];
  /** ACCOUNTANT members */
  accountants: Scalars['Int']['output'];
  /** Whether extra seats can be ordered on this plan (not on SOLO) */
  canOrderSeats: Scalars['Boolean']['output'];
  /** Extra logins paid for (not usable on SOLO) */
  extraSeats: Scalars['Int']['output'];
  /** Logins included in the plan */
  includedSeats: Scalars['Int']['output'];
  /** Seat orders, newest first */
  orders: Array<SeatOrder>;
  plan: Plan;
  /** Current price of one extra seat per month excl. VAT, in cents */
  seatUnitPriceCents: Scalars['Int']['output'];
  seatsAvailable: Scalars['Int']['output'];
  /** Members that take a seat (every profile but ACCOUNTANT) */
  seatsUsed: Scalars['Int']['output'];
  /** Logins allowed, accountants aside */
  totalSeats: Scalars['Int']['output'];
};

/** Paramètres / Utilisateurs: read-only; changes go through the support team */
export type DossierUsers = {
  __typename?: 'DossierUsers';
  members: Array<DossierMember>;
  seats: SeatUsage;
};

/** A column of the Paramètres panel (the catalogue the writers use) */
export type ExportColumn = {
  __typename?: 'ExportColumn';
  /** Ticked in a new Paramètres panel */
  defaultSelected: Scalars['Boolean']['output'];
  description: Scalars['String']['output'];
  group: ExportColumnGroup;
  /** Stable key, passed in `columns` */
  key: Scalars['String']['output'];
  labelEn: Scalars['String']['output'];
  labelFr: Scalars['String']['output'];
  type: ExportColumnType;
};

/** Document fields, or who did what and when */
export type ExportColumnGroup =
  | 'DOCUMENT'
  | 'USER_ACTION';

/** Cell type: DATE cells are YYYY-MM-DD, DATETIME ISO instants, MONEY integer cents, in previews; typed cells in .xlsx */
export type ExportColumnType =
  | 'DATE'
  | 'DATETIME'
  | 'INTEGER'
  | 'MONEY'
  | 'TEXT';

/** The filters an export was made with */
export type ExportFilter = {
  __typename?: 'ExportFilter';
  createdById?: Maybe<Scalars['ID']['output']>;
  from?: Maybe<Scalars['String']['output']>;
  partyId?: Maybe<Scalars['ID']['output']>;
  statuses: Array<DocumentStatus>;
  to?: Maybe<Scalars['String']['output']>;
  types: Array<DocumentType>;
  updatedById?: Maybe<Scalars['ID']['output']>;
};

export type ExportFilterInput = {
  createdById?: InputMaybe<Scalars['ID']['input']>;
  /** Document date from (YYYY-MM-DD, inclusive) */
  from?: InputMaybe<Scalars['String']['input']>;
  /** Customer or supplier */
  partyId?: InputMaybe<Scalars['ID']['input']>;
  statuses?: InputMaybe<Array<DocumentStatus>>;
  /** Document date to (YYYY-MM-DD, inclusive) */
  to?: InputMaybe<Scalars['String']['input']>;
  types?: InputMaybe<Array<DocumentType>>;
  /** Last modifier */
  updatedById?: InputMaybe<Scalars['ID']['input']>;
};

/** .xlsx (typed cells) or CSV (UTF-8 with BOM, `;`, decimal comma) */
export type ExportFormat =
  | 'CSV'
  | 'XLSX';

/** Liste des pièces, or Récapitulatif des actions */
export type ExportKind =
  | 'ACTION_SUMMARY'
  | 'DOCUMENTS';

/** One export: who, when, what, how many rows; its progress while it runs */
export type ExportLogEntry = {
  __typename?: 'ExportLogEntry';
  cancelRequested: Scalars['Boolean']['output'];
  columns: Array<Scalars['String']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  /** GET it with the session cookie while PENDING */
  downloadUrl?: Maybe<Scalars['String']['output']>;
  durationMs?: Maybe<Scalars['Int']['output']>;
  error?: Maybe<Scalars['String']['output']>;
  fileName: Scalars['String']['output'];
  /** Liste des pièces only */
  filter?: Maybe<ExportFilter>;
  finishedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  format: ExportFormat;
  id: Scalars['ID']['output'];
  kind: ExportKind;
  /** Récapitulatif des actions: period start */
  periodFrom?: Maybe<Scalars['String']['output']>;
  periodTo?: Maybe<Scalars['String']['output']>;
  rowsWritten: Scalars['Int']['output'];
  status: ExportStatus;
  /** Rows to write, counted when the export started */
  totalRows?: Maybe<Scalars['Int']['output']>;
  user?: Maybe<UserSummary>;
};

export type ExportLogEntryConnection = {
  __typename?: 'ExportLogEntryConnection';
  nodes: Array<ExportLogEntry>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** A named choice of columns, private or shared with the dossier */
export type ExportPreset = {
  __typename?: 'ExportPreset';
  columns: Array<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Yours */
  mine: Scalars['Boolean']['output'];
  name: Scalars['String']['output'];
  owner?: Maybe<UserSummary>;
  shared: Scalars['Boolean']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
};

export type ExportPresetInput = {
  columns: Array<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  /** Shared with everyone of the dossier who exports */
  shared?: Scalars['Boolean']['input'];
};

export type ExportPreview = {
  __typename?: 'ExportPreview';
  columns: Array<ExportColumn>;
  rows: Array<ExportPreviewRow>;
  /** Documents matching the filters (what an export would write) */
  totalCount: Scalars['Int']['output'];
};

export type ExportPreviewRow = {
  __typename?: 'ExportPreviewRow';
  /** One raw value per column, in the order asked (see ExportColumnType) */
  cells: Array<Maybe<Scalars['String']['output']>>;
  /** The document */
  id: Scalars['ID']['output'];
};

/** PENDING (started, not downloaded yet) → RUNNING → COMPLETED, CANCELLED or FAILED */
export type ExportStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'FAILED'
  | 'PENDING'
  | 'RUNNING';

/** One field changed by an update: before → after, as display values */
export type FieldChange = {
  __typename?: 'FieldChange';
  after?: Maybe<Scalars['String']['output']>;
  before?: Maybe<Scalars['String']['output']>;
  /** Field path, e.g. `partyName`, `lines.2.quantity`, `lines.3` (line added/removed) */
  field: Scalars['String']['output'];
};

/** Liveness of the server and its database. */
export type Health = {
  __typename?: 'Health';
  /** sqlite, mysql or mariadb */
  database: Scalars['String']['output'];
  /** "ok" when the database answers, "degraded" otherwise */
  status: Scalars['String']['output'];
  time: Scalars['DateTimeISO']['output'];
  version: Scalars['String']['output'];
};

/** Kind of record a history entry is about */
export type HistoryEntityType =
  | 'ARTICLE'
  | 'CUSTOMER'
  | 'DOCUMENT'
  | 'SUPPLIER'
  | 'SUPPORT_REQUEST';

/** One action on a record: who, when, what (ACTION tab) */
export type HistoryEntry = {
  __typename?: 'HistoryEntry';
  /** UPDATED: each changed field with before and after */
  changes: Array<FieldChange>;
  createdAt: Scalars['DateTimeISO']['output'];
  documentId?: Maybe<Scalars['ID']['output']>;
  entityId: Scalars['ID']['output'];
  entityType: HistoryEntityType;
  /** STATUS_CHANGED, SENT, ISSUED: previous status */
  fromStatus?: Maybe<Scalars['String']['output']>;
  hash: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** CREATED/DELETED: what the record was called */
  label?: Maybe<Scalars['String']['output']>;
  /** ISSUED (the number given), CREATED/DELETED (the number if any) */
  number?: Maybe<Scalars['String']['output']>;
  previousHash: Scalars['String']['output'];
  relatedDocumentId?: Maybe<Scalars['ID']['output']>;
  relatedDocumentNumber?: Maybe<Scalars['String']['output']>;
  relatedDocumentType?: Maybe<DocumentType>;
  /** CONVERTED, DUPLICATED, CREATED from another document */
  relationDirection?: Maybe<RelationDirection>;
  /** Position in the dossier’s hash chain (gapless) */
  sequence: Scalars['Int']['output'];
  /** STATUS_CHANGED, SENT, ISSUED: new status */
  toStatus?: Maybe<Scalars['String']['output']>;
  type: HistoryEntryType;
  /** Who did it (null if the user no longer exists) */
  user?: Maybe<UserSummary>;
};

/** What happened (ACTION tab) */
export type HistoryEntryType =
  | 'ASSIGNED'
  | 'CONVERTED'
  | 'CREATED'
  | 'DELETED'
  | 'DUPLICATED'
  | 'ISSUED'
  | 'PROCESSING_FAILED'
  | 'SENT'
  | 'STATUS_CHANGED'
  | 'UPDATED';

/** Result of recomputing the dossier’s history hash chain */
export type HistoryVerification = {
  __typename?: 'HistoryVerification';
  /** Sequence of the first broken link */
  brokenAtSequence?: Maybe<Scalars['Int']['output']>;
  brokenEntryId?: Maybe<Scalars['ID']['output']>;
  checkedEntries: Scalars['Int']['output'];
  ok: Scalars['Boolean']['output'];
  reason?: Maybe<Scalars['String']['output']>;
};

/** What the invitation page shows before the password is chosen */
export type InvitationPreview = {
  __typename?: 'InvitationPreview';
  dossierName?: Maybe<Scalars['String']['output']>;
  /** The login e-mail of the invited user */
  email: Scalars['String']['output'];
  name: Scalars['String']['output'];
};

/** Who is logged in, in which dossier, with which profile */
export type Me = {
  __typename?: 'Me';
  /** Null while the session is not bound to a dossier */
  dossier?: Maybe<CurrentDossier>;
  /** Every dossier of the user with their profile, by name */
  dossiers: Array<DossierChoice>;
  /** True when the user is the current dossier’s principal user */
  isPrincipal: Scalars['Boolean']['output'];
  /** True when the session is unbound and the user has dossiers: show the picker, then selectDossier */
  needsDossierSelection: Scalars['Boolean']['output'];
  /** The profile in the current dossier */
  profile?: Maybe<Profile>;
  user: CurrentUser;
};

/** Revenue of one calendar month and of the same month a year earlier (HT, cents) */
export type MonthRevenue = {
  __typename?: 'MonthRevenue';
  /** The same month of the previous year */
  lastYearCents: Scalars['SafeInt']['output'];
  /** YYYY-MM */
  month: Scalars['String']['output'];
  /** Issued invoices minus issued credit notes, excl. VAT */
  revenueCents: Scalars['SafeInt']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Sets the invited user’s password from the invitation link (single use, 7 days) and logs them in */
  acceptInvitation: Me;
  /** Existing login → new membership; new e-mail → user without password and an invitation. PLAN_LIMIT without a free seat (ACCOUNTANT: TPE_PLUS only, no seat) */
  adminAddUser: AdminMember;
  /** Writes to the requester (thread and e-mail) */
  adminAnswerSupportRequest: AdminSupportRequest;
  /** PENDING_PAYMENT → CANCELLED; CONFLICT when not pending */
  adminCancelSeatOrder: AdminSeatOrder;
  /** CONFLICT when the address is another user’s login; mails the old and the new address */
  adminChangeLoginEmail: AdminUser;
  /** PLAN_LIMIT when the members would not fit (seats, accountant access) */
  adminChangePlan: AdminDossier;
  /** The principal user stays OWNER; OWNER cannot be given */
  adminChangeProfile: AdminMember;
  /** PENDING_PAYMENT → PAID and the dossier’s extra seats grow; CONFLICT when not pending */
  adminMarkSeatOrderPaid: AdminSeatOrder;
  /** Applies the change atomically (admin operation, AdminAction, status DONE, history); refused: nothing applied, the request keeps the reason; already closed: CONFLICT */
  adminProcessSupportRequest: AdminSupportRequest;
  /** REJECTED with a reason (required); nothing else changes */
  adminRejectSupportRequest: AdminSupportRequest;
  /** Never the principal user (CONFLICT); revokes the user’s sessions bound to the dossier */
  adminRemoveUser: Scalars['Boolean']['output'];
  /** « Prendre en charge »; CONFLICT when a colleague has it, unless force */
  adminTakeSupportRequest: AdminSupportRequest;
  /** Quote, price request or supplier order (DRAFT or SENT) → CANCELLED: numbered documents are cancelled and kept, never deleted */
  cancelDocument: Document;
  /** Stops one of your exports at its next batch (any server process) */
  cancelExport: ExportLogEntry;
  /** Cancels a pending seat order; CONFLICT once paid or cancelled */
  cancelSeatOrder: SeatOrder;
  /** Any allowed transition (see DocumentStatus); CONFLICT when not allowed from the current status */
  changeDocumentStatus: Document;
  /** Needs the current password (BAD_USER_INPUT on `currentPassword`); revokes the user’s other sessions */
  changePassword: Scalars['Boolean']['output'];
  /** New supplier order from a price request (DRAFT, SENT or ANSWERED; it becomes ANSWERED) */
  convertPriceRequestToSupplierOrder: Document;
  /** New draft invoice from a quote (DRAFT, SENT or ACCEPTED; the quote becomes ACCEPTED) */
  convertQuoteToInvoice: Document;
  createArticle: Article;
  /** New draft credit note not tied to an invoice, numbered when issued */
  createCreditNote: Document;
  /** Draft credit note for an issued invoice: everything that remains to credit when `lines` is omitted, or the chosen lines and quantities */
  createCreditNoteFromInvoice: Document;
  createCustomer: Customer;
  /** New draft invoice, numbered when issued */
  createInvoice: Document;
  /** New price request, numbered now */
  createPriceRequest: Document;
  /** New quote, numbered now */
  createQuote: Document;
  createSupplier: Supplier;
  /** New supplier order, numbered now */
  createSupplierOrder: Document;
  /** BAD_USER_INPUT names the field; COMMERCIAL, ACHAT, ACCOUNTANT: OTHER only (FORBIDDEN); ADD_USER without a free seat: PLAN_LIMIT (held while a seat order awaits payment) */
  createSupportRequest: SupportRequest;
  /** Deletes an unnumbered draft (invoice or credit note before issue); returns its id. Numbered documents are cancelled instead */
  deleteDocument: Scalars['ID']['output'];
  /** Deletes one of your presets or a shared one; returns its id */
  deleteExportPreset: Scalars['ID']['output'];
  /** New draft of the same type with the same party and lines */
  duplicateDocument: Document;
  /** Invoice or credit note: DRAFT → ISSUED, numbered and frozen */
  issueDocument: Document;
  /** Opens a fresh session (cookie). One dossier: bound to it. Several: unbound, `dossiers` lists them for selectDossier. UNAUTHENTICATED with one generic message; TOO_MANY_ATTEMPTS (extensions.retryAfterSeconds) when throttled */
  login: Me;
  /** Revokes this session and clears the cookie */
  logout: Scalars['Boolean']['output'];
  /** Orders 1 to 50 extra seats: PENDING_PAYMENT with transfer instructions; the seats count once PAID. PLAN_LIMIT on SOLO */
  orderSeats: SeatOrder;
  /** Writes in the request’s thread (plain text); CONFLICT once it is closed */
  postSupportMessage: SupportRequest;
  /** Always true; e-mails a reset link valid 1 hour when the e-mail has an account */
  requestPasswordReset: Scalars['Boolean']['output'];
  /** Sets the password from a reset link (single use) and revokes every session; NOT_FOUND when the link is unknown, used or expired */
  resetPassword: Scalars['Boolean']['output'];
  /** Revokes one of the user’s own sessions; NOT_FOUND otherwise */
  revokeSession: Scalars['Boolean']['output'];
  /** Saves a named choice of columns; saving again under one of your names replaces it */
  saveExportPreset: ExportPreset;
  /** Binds an unbound session to one of the user’s dossiers (the token rotates). DOSSIER_ALREADY_SELECTED when bound; NOT_FOUND for a dossier of which the user is not a member */
  selectDossier: Me;
  /** Quote, price request or supplier order: DRAFT → SENT */
  sendDocument: Document;
  /** Creates a dossier and its principal user (OWNER) and logs in on it. An existing e-mail with its current password adds the dossier to that user; a wrong password is UNAUTHENTICATED and creates nothing */
  signUp: Me;
  /** Starts a Récapitulatif des actions export; then GET its downloadUrl */
  startActionSummaryExport: ExportLogEntry;
  /** Starts a Liste des pièces export: validates, counts, logs it PENDING; then GET its downloadUrl */
  startDocumentsExport: ExportLogEntry;
  /** CONFLICT (extensions.currentVersion, updatedBy, updatedAt) when `version` is stale */
  updateArticle: Article;
  /** CONFLICT (extensions.currentVersion, updatedBy, updatedAt) when `version` is stale */
  updateCustomer: Customer;
  /** Replaces the content (party, dates, lines) while editable; CONFLICT on a stale version */
  updateDocument: Document;
  /** CONFLICT (extensions.currentVersion) when `input.version` is stale */
  updateDossierSettings: DossierSettings;
  /** CONFLICT (extensions.currentVersion, updatedBy, updatedAt) when `version` is stale */
  updateSupplier: Supplier;
};


export type MutationAcceptInvitationArgs = {
  password: Scalars['String']['input'];
  token: Scalars['String']['input'];
};


export type MutationAdminAddUserArgs = {
  dossierId: Scalars['ID']['input'];
  input: AdminAddUserInput;
};


export type MutationAdminAnswerSupportRequestArgs = {
  id: Scalars['ID']['input'];
  text: Scalars['String']['input'];
};


export type MutationAdminCancelSeatOrderArgs = {
  orderId: Scalars['ID']['input'];
};


export type MutationAdminChangeLoginEmailArgs = {
  newEmail: Scalars['String']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationAdminChangePlanArgs = {
  dossierId: Scalars['ID']['input'];
  plan: Plan;
};


export type MutationAdminChangeProfileArgs = {
  dossierId: Scalars['ID']['input'];
  profile: Profile;
  userId: Scalars['ID']['input'];
};


export type MutationAdminMarkSeatOrderPaidArgs = {
  orderId: Scalars['ID']['input'];
  reference?: InputMaybe<Scalars['String']['input']>;
};


export type MutationAdminProcessSupportRequestArgs = {
  id: Scalars['ID']['input'];
  message?: InputMaybe<Scalars['String']['input']>;
};


export type MutationAdminRejectSupportRequestArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationAdminRemoveUserArgs = {
  dossierId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationAdminTakeSupportRequestArgs = {
  force?: InputMaybe<Scalars['Boolean']['input']>;
  id: Scalars['ID']['input'];
};


export type MutationCancelDocumentArgs = {
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};


export type MutationCancelExportArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCancelSeatOrderArgs = {
  id: Scalars['ID']['input'];
};


export type MutationChangeDocumentStatusArgs = {
  id: Scalars['ID']['input'];
  status: DocumentStatus;
  version: Scalars['Int']['input'];
};


export type MutationChangePasswordArgs = {
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
};


export type MutationConvertPriceRequestToSupplierOrderArgs = {
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};


export type MutationConvertQuoteToInvoiceArgs = {
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};


export type MutationCreateArticleArgs = {
  input: ArticleInput;
};


export type MutationCreateCreditNoteArgs = {
  input: DocumentInput;
};


export type MutationCreateCreditNoteFromInvoiceArgs = {
  invoiceId: Scalars['ID']['input'];
  lines?: InputMaybe<Array<CreditNoteLineInput>>;
};


export type MutationCreateCustomerArgs = {
  input: CustomerInput;
};


export type MutationCreateInvoiceArgs = {
  input: DocumentInput;
};


export type MutationCreatePriceRequestArgs = {
  input: DocumentInput;
};


export type MutationCreateQuoteArgs = {
  input: DocumentInput;
};


export type MutationCreateSupplierArgs = {
  input: SupplierInput;
};


export type MutationCreateSupplierOrderArgs = {
  input: DocumentInput;
};


export type MutationCreateSupportRequestArgs = {
  input: SupportRequestInput;
};


export type MutationDeleteDocumentArgs = {
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};


export type MutationDeleteExportPresetArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDuplicateDocumentArgs = {
  id: Scalars['ID']['input'];
};


export type MutationIssueDocumentArgs = {
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};


export type MutationLoginArgs = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};


export type MutationOrderSeatsArgs = {
  quantity: Scalars['Int']['input'];
};


export type MutationPostSupportMessageArgs = {
  requestId: Scalars['ID']['input'];
  text: Scalars['String']['input'];
};


export type MutationRequestPasswordResetArgs = {
  email: Scalars['String']['input'];
};


export type MutationResetPasswordArgs = {
  newPassword: Scalars['String']['input'];
  token: Scalars['String']['input'];
};


export type MutationRevokeSessionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSaveExportPresetArgs = {
  input: ExportPresetInput;
};


export type MutationSelectDossierArgs = {
  dossierId: Scalars['ID']['input'];
};


export type MutationSendDocumentArgs = {
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};


export type MutationSignUpArgs = {
  input: SignUpInput;
};


export type MutationStartActionSummaryExportArgs = {
  input: ActionSummaryExportInput;
};


export type MutationStartDocumentsExportArgs = {
  input: DocumentsExportInput;
};


export type MutationUpdateArticleArgs = {
  id: Scalars['ID']['input'];
  input: ArticleInput;
  version: Scalars['Int']['input'];
};


export type MutationUpdateCustomerArgs = {
  id: Scalars['ID']['input'];
  input: CustomerInput;
  version: Scalars['Int']['input'];
};


export type MutationUpdateDocumentArgs = {
  id: Scalars['ID']['input'];
  input: DocumentInput;
  version: Scalars['Int']['input'];
};


export type MutationUpdateDossierSettingsArgs = {
  input: DossierSettingsInput;
};


export type MutationUpdateSupplierArgs = {
  id: Scalars['ID']['input'];
  input: SupplierInput;
  version: Scalars['Int']['input'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` to get the next page */
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** Subscription plan of a dossier */
export type Plan =
  | 'SOLO'
  | 'TPE'
  | 'TPE_PLUS';

/** Platform-wide role (support team) */
export type PlatformRole =
  | 'SUPPORT';

/** A user’s profile inside one dossier */
export type Profile =
  | 'ACCOUNTANT'
  | 'ACHAT'
  | 'ADV'
  | 'COMMERCIAL'
  | 'OWNER';

/** Home of ACHAT */
export type PurchasesDashboard = {
  __typename?: 'PurchasesDashboard';
  /** Price requests in draft or sent, not yet answered */
  openPriceRequests: DocumentsSummary;
  /** Supplier orders sent, not yet received */
  ordersToReceive: DocumentsSummary;
};

export type Query = {
  __typename?: 'Query';
  /** Home of ACCOUNTANT: invoices and credit notes issued this month */
  accountingDashboard: AccountingDashboard;
  /** Récapitulatif des actions: per user and document type over the period */
  actionSummary: ActionSummary;
  /** Support actions, newest first; with dossierId: on that dossier and its members */
  adminActions: Array<AdminAction>;
  adminDossier: AdminDossier;
  /** The mail outbox, newest first */
  adminOutbox: AdminOutboxConnection;
  /** Dossiers by name, SIRET, id or member e-mail (at most 50) */
  adminSearchDossiers: Array<AdminDossierSummary>;
  /** Users by e-mail, name or id (at most 50) */
  adminSearchUsers: Array<AdminUser>;
  /** Requests per status, with the kind, plan and age filters */
  adminSupportCounts: Array<AdminSupportCount>;
  /** Requests by status (default: open ones), kind, plan, age; oldest first */
  adminSupportQueue: AdminSupportQueue;
  adminSupportRequest: AdminSupportRequest;
  article: Article;
  /** Articles by reference */
  articles: ArticleConnection;
  colleagues: Array<UserSummary>;
  /** The quotes you created: by status, conversion rate, those awaiting an answer */
  commercialDashboard: CommercialDashboard;
  /** Credit notes (avoirs) */
  creditNotes: DocumentConnection;
  customer: Customer;
  /** Customers by legal name */
  customers: CustomerConnection;
  /** One document; FORBIDDEN when your profile does not read its type */
  document: Document;
  /** Documents of the types your profile reads (filter.types narrows; FORBIDDEN for a type you may not read) */
  documents: DocumentConnection;
  dossierSettings: DossierSettings;
  /** Users of the session’s dossier with their profile, and the seats */
  dossierUsers: DossierUsers;
  /** Every exportable column (Paramètres panel) */
  exportColumns: Array<ExportColumn>;
  /** One export (progress while it runs) */
  exportJob: ExportLogEntry;
  /** Every export of the dossier, newest first */
  exportLogs: ExportLogEntryConnection;
  /** Your presets and those shared with the dossier */
  exportPresets: Array<ExportPreset>;
  /** The first rows of the Liste des pièces and how many an export would write */
  exportPreview: ExportPreview;
  health: Health;
  /** E-mail and dossier of an invitation link; NOT_FOUND when unknown, used or expired */
  invitationPreview: InvitationPreview;
  /** Invoices (factures) */
  invoices: DocumentConnection;
  me: Me;
  /** The user’s open sessions, most recently used first */
  mySessions: Array<UserSession>;
  /** Plan, seats and seat orders of the session’s dossier */
  mySubscription: DossierSubscription;
  /** Price requests (demandes de prix) */
  priceRequests: DocumentConnection;
  /** Home of ACHAT: open price requests, supplier orders to receive */
  purchasesDashboard: PurchasesDashboard;
  /** Quotes (devis) */
  quotes: DocumentConnection;
  /** Home of OWNER/ADV: revenue, unpaid invoices, quotes awaiting an answer, colleagues’ activity */
  salesDashboard: SalesDashboard;
  supplier: Supplier;
  /** Supplier orders (commandes fournisseur) */
  supplierOrders: DocumentConnection;
  /** Suppliers by legal name */
  suppliers: SupplierConnection;
  supportRequest: SupportRequest;
  /** The requests the session may follow, newest first */
  supportRequests: Array<SupportRequest>;
  /** Recomputes the dossier’s history hash chain and reports the first broken link, if any */
  verifyHistory: HistoryVerification;
};


export type QueryActionSummaryArgs = {
  from?: InputMaybe<Scalars['String']['input']>;
  to?: InputMaybe<Scalars['String']['input']>;
};


export type QueryAdminActionsArgs = {
  dossierId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryAdminDossierArgs = {
  id: Scalars['ID']['input'];
};


export type QueryAdminOutboxArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


export type QueryAdminSearchDossiersArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  query: Scalars['String']['input'];
};


export type QueryAdminSearchUsersArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  query: Scalars['String']['input'];
};


export type QueryAdminSupportCountsArgs = {
  filter?: InputMaybe<AdminSupportFilter>;
};


export type QueryAdminSupportQueueArgs = {
  filter?: InputMaybe<AdminSupportFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryAdminSupportRequestArgs = {
  id: Scalars['ID']['input'];
};


export type QueryArticleArgs = {
  id: Scalars['ID']['input'];
};


export type QueryArticlesArgs = {
  activeOnly?: InputMaybe<Scalars['Boolean']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  search?: InputMaybe<Scalars['String']['input']>;
};


export type QueryCreditNotesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<DocumentFilter>;
  first?: Scalars['Int']['input'];
  sort?: InputMaybe<DocumentSort>;
};


export type QueryCustomerArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCustomersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  search?: InputMaybe<Scalars['String']['input']>;
};


export type QueryDocumentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryDocumentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<DocumentFilter>;
  first?: Scalars['Int']['input'];
  sort?: InputMaybe<DocumentSort>;
};


export type QueryExportJobArgs = {
  id: Scalars['ID']['input'];
};


export type QueryExportLogsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


export type QueryExportPreviewArgs = {
  columns: Array<Scalars['String']['input']>;
  filter?: InputMaybe<ExportFilterInput>;
  first?: Scalars['Int']['input'];
};


export type QueryInvitationPreviewArgs = {
  token: Scalars['String']['input'];
};


export type QueryInvoicesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<DocumentFilter>;
  first?: Scalars['Int']['input'];
  sort?: InputMaybe<DocumentSort>;
};


export type QueryPriceRequestsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<DocumentFilter>;
  first?: Scalars['Int']['input'];
  sort?: InputMaybe<DocumentSort>;
};


export type QueryQuotesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<DocumentFilter>;
  first?: Scalars['Int']['input'];
  sort?: InputMaybe<DocumentSort>;
};


export type QuerySupplierArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySupplierOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<DocumentFilter>;
  first?: Scalars['Int']['input'];
  sort?: InputMaybe<DocumentSort>;
};


export type QuerySuppliersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  search?: InputMaybe<Scalars['String']['input']>;
};


export type QuerySupportRequestArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySupportRequestsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<SupportRequestStatus>;
};

/** Quotes of one status */
export type QuoteStatusCount = {
  __typename?: 'QuoteStatusCount';
  count: Scalars['Int']['output'];
  status: Scalars['String']['output'];
  /** Excl. VAT, cents */
  totalExclVatCents: Scalars['SafeInt']['output'];
};

/** FROM: this document was made from the related one; TO: the related one was made from this document */
export type RelationDirection =
  | 'FROM'
  | 'TO';

/** Revenue excl. VAT: issued invoices (paid or not) minus issued credit notes, by issue date */
export type RevenueSummary = {
  __typename?: 'RevenueSummary';
  /** The whole of last year */
  lastYearCents: Scalars['SafeInt']['output'];
  /** Last year, from 1 January to the same day */
  lastYearToDateCents: Scalars['SafeInt']['output'];
  /** January to December of this year, each with last year’s figure */
  months: Array<MonthRevenue>;
  thisMonthCents: Scalars['SafeInt']['output'];
  /** The same month last year */
  thisMonthLastYearCents: Scalars['SafeInt']['output'];
  /** From 1 January to today */
  yearToDateCents: Scalars['SafeInt']['output'];
};

/** Home of OWNER and ADV */
export type SalesDashboard = {
  __typename?: 'SalesDashboard';
  /** The latest actions of the other members, newest first */
  activity: Array<ActivityItem>;
  /** Quotes sent and not yet accepted or refused */
  quotesAwaiting: DocumentsSummary;
  revenue: RevenueSummary;
  /** YYYY-MM-DD the figures are computed for */
  today: Scalars['String']['output'];
  unpaid: UnpaidSummary;
};

/** An order of extra logins (Mon abonnement) */
export type SeatOrder = {
  __typename?: 'SeatOrder';
  cancelledAt?: Maybe<Scalars['DateTimeISO']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  dossierId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  /** Support member who marked the payment received */
  markedPaidByName?: Maybe<Scalars['String']['output']>;
  orderedByName?: Maybe<Scalars['String']['output']>;
  paidAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** What to do to pay (IBAN, amount, reference), in French */
  paymentInstructions: Scalars['String']['output'];
  /** Reference to quote with the payment */
  paymentReference: Scalars['String']['output'];
  /** Payment provider code (BANK_TRANSFER) */
  provider: Scalars['String']['output'];
  quantity: Scalars['Int']['output'];
  /** Reference of the payment as received */
  receivedReference?: Maybe<Scalars['String']['output']>;
  status: SeatOrderStatus;
  /** quantity × unit price: monthly amount excl. VAT, in cents */
  totalCents: Scalars['Int']['output'];
  /** Amount to pay, VAT (20 %) included, in cents */
  totalInclVatCents: Scalars['Int']['output'];
  /** Price of one seat per month excl. VAT, in cents (900 = 9,00 € HT) */
  unitPriceCents: Scalars['Int']['output'];
};

/** PENDING_PAYMENT → PAID (seats usable) or CANCELLED */
export type SeatOrderStatus =
  | 'CANCELLED'
  | 'PAID'
  | 'PENDING_PAYMENT';

/** Seats of the session’s dossier (accès utilisateurs) */
export type SeatUsage = {
  __typename?: 'SeatUsage';
  /** TPE_PLUS: the accountant may be given access, without taking a seat */
  accountantAccess: Scalars['Boolean']['output'];
  /** ACCOUNTANT members */
  accountants: Scalars['Int']['output'];
  /** Extra logins paid for (not usable on SOLO) */
  extraSeats: Scalars['Int']['output'];
  /** Logins included in the plan */
  includedSeats: Scalars['Int']['output'];
  plan: Plan;
  seatsAvailable: Scalars['Int']['output'];
  /** Members that take a seat (every profile but ACCOUNTANT) */
  seatsUsed: Scalars['Int']['output'];
  /** Logins allowed, accountants aside */
  totalSeats: Scalars['Int']['output'];
};

export type SignUpInput = {
  /** Legal name of the company (raison sociale) */
  dossierName: Scalars['String']['input'];
  /** Login e-mail (trimmed, case-insensitive). An existing one needs its current password. */
  email: Scalars['String']['input'];
  /** Your name (ignored for an existing e-mail) */
  name: Scalars['String']['input'];
  /** At least 10 characters (for an existing e-mail: its current password) */
  password: Scalars['String']['input'];
  phone?: InputMaybe<Scalars['String']['input']>;
  plan: Plan;
  /** 14 digits */
  siret?: InputMaybe<Scalars['String']['input']>;
};

export type SortDirection =
  | 'ASC'
  | 'DESC';

/** Fournisseur */
export type Supplier = {
  __typename?: 'Supplier';
  addressLine1?: Maybe<Scalars['String']['output']>;
  addressLine2?: Maybe<Scalars['String']['output']>;
  city?: Maybe<Scalars['String']['output']>;
  contactEmail?: Maybe<Scalars['String']['output']>;
  contactName?: Maybe<Scalars['String']['output']>;
  contactPhone?: Maybe<Scalars['String']['output']>;
  /** ISO 3166-1 alpha-2, FR by default */
  country: Scalars['String']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  createdBy?: Maybe<UserSummary>;
  history: Array<HistoryEntry>;
  id: Scalars['ID']['output'];
  /** Raison sociale */
  legalName: Scalars['String']['output'];
  notes?: Maybe<Scalars['String']['output']>;
  /** Payment terms in days (0-365) */
  paymentTermsDays: Scalars['Int']['output'];
  postalCode?: Maybe<Scalars['String']['output']>;
  /** 9 digits */
  siren?: Maybe<Scalars['String']['output']>;
  /** 14 digits */
  siret?: Maybe<Scalars['String']['output']>;
  /** Last modification */
  updatedAt: Scalars['DateTimeISO']['output'];
  updatedBy?: Maybe<UserSummary>;
  /** Intra-community VAT number, e.g. FR12812345678 */
  vatNumber?: Maybe<Scalars['String']['output']>;
  /** Optimistic-locking version: pass it back as `version` when updating */
  version: Scalars['Int']['output'];
};

export type SupplierConnection = {
  __typename?: 'SupplierConnection';
  nodes: Array<Supplier>;
  pageInfo: PageInfo;
  /** Rows matching the filters, all pages together */
  totalCount: Scalars['Int']['output'];
};

export type SupplierInput = {
  addressLine1?: InputMaybe<Scalars['String']['input']>;
  addressLine2?: InputMaybe<Scalars['String']['input']>;
  city?: InputMaybe<Scalars['String']['input']>;
  contactEmail?: InputMaybe<Scalars['String']['input']>;
  contactName?: InputMaybe<Scalars['String']['input']>;
  contactPhone?: InputMaybe<Scalars['String']['input']>;
  /** ISO 3166-1 alpha-2; FR when omitted */
  country?: InputMaybe<Scalars['String']['input']>;
  legalName: Scalars['String']['input'];
  notes?: InputMaybe<Scalars['String']['input']>;
  /** 0-365; the dossier default (30) when omitted */
  paymentTermsDays?: InputMaybe<Scalars['Int']['input']>;
  postalCode?: InputMaybe<Scalars['String']['input']>;
  siren?: InputMaybe<Scalars['String']['input']>;
  siret?: InputMaybe<Scalars['String']['input']>;
  vatNumber?: InputMaybe<Scalars['String']['input']>;
};

export type SupportAccountantAccessInput = {
  email?: InputMaybe<Scalars['String']['input']>;
  firmName?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
};

export type SupportAddUserInput = {
  email?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  /** ADV, COMMERCIAL or ACHAT */
  profile?: InputMaybe<Profile>;
};

export type SupportChangeLoginEmailInput = {
  memberId?: InputMaybe<Scalars['ID']['input']>;
  newEmail?: InputMaybe<Scalars['String']['input']>;
};

export type SupportChangeProfileInput = {
  memberId?: InputMaybe<Scalars['ID']['input']>;
  /** ADV, COMMERCIAL or ACHAT */
  profile?: InputMaybe<Profile>;
};

/** One message of a request’s thread (plain text) */
export type SupportMessage = {
  __typename?: 'SupportMessage';
  /** Who wrote it (for support messages as the dossier sees them: the agent’s name) */
  authorName: Scalars['String']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  side: SupportMessageSide;
  text: Scalars['String']['output'];
};

/** Who wrote a message: the dossier (REQUESTER) or SUPPORT */
export type SupportMessageSide =
  | 'REQUESTER'
  | 'SUPPORT';

export type SupportOtherInput = {
  subject?: InputMaybe<Scalars['String']['input']>;
  text?: InputMaybe<Scalars['String']['input']>;
};

/** The typed payload of a request; only the fields of its kind are set */
export type SupportPayload = {
  __typename?: 'SupportPayload';
  /** ADD_USER, ACCOUNTANT_ACCESS: the new user’s e-mail */
  email?: Maybe<Scalars['String']['output']>;
  /** ACCOUNTANT_ACCESS: the accounting firm */
  firmName?: Maybe<Scalars['String']['output']>;
  /** The member’s login e-mail when the request was sent */
  memberEmail?: Maybe<Scalars['String']['output']>;
  /** CHANGE_LOGIN_EMAIL, CHANGE_PROFILE, REMOVE_USER: the member */
  memberId?: Maybe<Scalars['ID']['output']>;
  /** The member’s name when the request was sent */
  memberName?: Maybe<Scalars['String']['output']>;
  /** The member’s profile when the request was sent */
  memberProfile?: Maybe<Profile>;
  /** ADD_USER, ACCOUNTANT_ACCESS: the new user’s name */
  name?: Maybe<Scalars['String']['output']>;
  /** CHANGE_LOGIN_EMAIL: the new address */
  newEmail?: Maybe<Scalars['String']['output']>;
  phone?: Maybe<Scalars['String']['output']>;
  /** ADD_USER, CHANGE_PROFILE: the profile asked for */
  profile?: Maybe<Profile>;
  /** OTHER */
  subject?: Maybe<Scalars['String']['output']>;
  /** OTHER */
  text?: Maybe<Scalars['String']['output']>;
};

export type SupportRemoveUserInput = {
  memberId?: InputMaybe<Scalars['ID']['input']>;
};

/** A support request, as the dossier sees it (*Support*) */
export type SupportRequest = {
  __typename?: 'SupportRequest';
  /** « Pris en charge par »: the support agent, once someone took it */
  assignedToName?: Maybe<Scalars['String']['output']>;
  /** When it became DONE or REJECTED */
  closedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  failedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Why the last processing attempt failed (nothing was applied) */
  failureMessage?: Maybe<Scalars['String']['output']>;
  /** Stable code of that failure (EMAIL_TAKEN, NO_FREE_SEAT, PRINCIPAL_USER, …) */
  failureReason?: Maybe<Scalars['String']['output']>;
  /** The seat order an ADD_USER request waits (or waited) for */
  heldBySeatOrderId?: Maybe<Scalars['ID']['output']>;
  /** Who changed what on this request, when (hash-chained with the dossier’s history) */
  history: Array<HistoryEntry>;
  id: Scalars['ID']['output'];
  kind: SupportRequestKind;
  /** The latest message */
  lastMessage?: Maybe<SupportMessage>;
  /** Time of the latest message (the request itself counts as the first) */
  lastMessageAt: Scalars['DateTimeISO']['output'];
  /** The thread, oldest first */
  messages: Array<SupportMessage>;
  /** ADD_USER sent while a seat order awaited payment: held until it is paid */
  onHold: Scalars['Boolean']['output'];
  payload: SupportPayload;
  /** REJECTED: why */
  rejectionReason?: Maybe<Scalars['String']['output']>;
  /** Who of the dossier sent it */
  requestedBy: UserSummary;
  /** Who of the dossier sent it */
  requestedByName: Scalars['String']['output'];
  status: SupportRequestStatus;
  /** One line saying what is asked (French) */
  summary: Scalars['String']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
};

/** The kind and, in the field named after it, its payload (only that one) */
export type SupportRequestInput = {
  accountantAccess?: InputMaybe<SupportAccountantAccessInput>;
  addUser?: InputMaybe<SupportAddUserInput>;
  changeLoginEmail?: InputMaybe<SupportChangeLoginEmailInput>;
  changeProfile?: InputMaybe<SupportChangeProfileInput>;
  kind: SupportRequestKind;
  /** A first message to support (plain text) */
  message?: InputMaybe<Scalars['String']['input']>;
  other?: InputMaybe<SupportOtherInput>;
  removeUser?: InputMaybe<SupportRemoveUserInput>;
};

/** What a support request asks for */
export type SupportRequestKind =
  | 'ACCOUNTANT_ACCESS'
  | 'ADD_USER'
  | 'CHANGE_LOGIN_EMAIL'
  | 'CHANGE_PROFILE'
  | 'OTHER'
  | 'REMOVE_USER';

/** OPEN → IN_PROGRESS → DONE or REJECTED */
export type SupportRequestStatus =
  | 'DONE'
  | 'IN_PROGRESS'
  | 'OPEN'
  | 'REJECTED';

/** An issued invoice not marked paid, with the due date it is judged on */
export type UnpaidInvoice = {
  __typename?: 'UnpaidInvoice';
  /** Days past the due date (0 when not yet due) */
  daysOverdue: Scalars['Int']['output'];
  document: Document;
  /** YYYY-MM-DD: the invoice’s due date, else issue date + the customer’s (or the dossier’s) payment terms */
  dueDate: Scalars['String']['output'];
};

/** Issued invoices not yet paid (TTC, cents) */
export type UnpaidSummary = {
  __typename?: 'UnpaidSummary';
  count: Scalars['Int']['output'];
  /** The first ones by due date (most overdue first) */
  invoices: Array<UnpaidInvoice>;
  overdueCount: Scalars['Int']['output'];
  overdueInclVatCents: Scalars['SafeInt']['output'];
  totalInclVatCents: Scalars['SafeInt']['output'];
};

/** One of the user’s open sessions (Mon compte) */
export type UserSession = {
  __typename?: 'UserSession';
  createdAt: Scalars['DateTimeISO']['output'];
  /** True for the session making this request */
  current: Scalars['Boolean']['output'];
  /** Absolute expiry */
  expiresAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  ip?: Maybe<Scalars['String']['output']>;
  lastSeenAt: Scalars['DateTimeISO']['output'];
  userAgent?: Maybe<Scalars['String']['output']>;
};

/** A user as shown on documents and history (créé par, modifié par) */
export type UserSummary = {
  __typename?: 'UserSummary';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

/** VAT of one rate: base excl. VAT and VAT amount, cents */
export type VatAmount = {
  __typename?: 'VatAmount';
  baseCents: Scalars['SafeInt']['output'];
  vatCents: Scalars['SafeInt']['output'];
  /** Percent: 20, 10, 5.5, 2.1 or 0 */
  vatRate: Scalars['Float']['output'];
};
