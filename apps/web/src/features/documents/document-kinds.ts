import { DocumentType, Profile } from '@comptoir/schema';
import type { MessageKey } from '../../app/i18n/i18n';

/**
 * What the SPA knows about each document type: its French path, its labels, its
 * side, and which profiles read and write it (SPEC.md, "Profiles"; mirrors the
 * API's document-access.ts). Used to hide what a profile cannot use; the server decides.
 */
export interface DocumentKind {
  type: DocumentType;
  path: string;
  side: 'sales' | 'purchases';
  /** Plural, for the list title and the navigation. */
  plural: MessageKey;
  /** Singular with its article ("le devis"), for titles. */
  singular: MessageKey;
  newLabel: MessageKey;
  emptyLabel: MessageKey;
  read: readonly Profile[];
  write: readonly Profile[];
  /** Created from the list page ("Nouveau devis"); credit notes come from an invoice. */
  creatable: boolean;
}

const { OWNER, ADV, COMMERCIAL, ACHAT, ACCOUNTANT } = Profile;

export const DOCUMENT_KINDS: Record<DocumentType, DocumentKind> = {
  [DocumentType.QUOTE]: {
    type: DocumentType.QUOTE,
    path: '/devis',
    side: 'sales',
    plural: 'doc.type.QUOTE.plural',
    singular: 'doc.type.QUOTE',
    newLabel: 'doc.type.QUOTE.new',
    emptyLabel: 'doc.type.QUOTE.empty',
    read: [OWNER, ADV, COMMERCIAL],
    write: [OWNER, ADV, COMMERCIAL],
    creatable: true,
  },
  [DocumentType.INVOICE]: {
    type: DocumentType.INVOICE,
    path: '/factures',
    side: 'sales',
    plural: 'doc.type.INVOICE.plural',
    singular: 'doc.type.INVOICE',
    newLabel: 'doc.type.INVOICE.new',
    emptyLabel: 'doc.type.INVOICE.empty',
    read: [OWNER, ADV, ACCOUNTANT],
    write: [OWNER, ADV],
    creatable: true,
  },
  [DocumentType.CREDIT_NOTE]: {
    type: DocumentType.CREDIT_NOTE,
    path: '/avoirs',
    side: 'sales',
    plural: 'doc.type.CREDIT_NOTE.plural',
    singular: 'doc.type.CREDIT_NOTE',
    newLabel: 'doc.type.CREDIT_NOTE.new',
    emptyLabel: 'doc.type.CREDIT_NOTE.empty',
    read: [OWNER, ADV, ACCOUNTANT],
    write: [OWNER, ADV],
    creatable: true,
  },
  [DocumentType.PRICE_REQUEST]: {
    type: DocumentType.PRICE_REQUEST,
    path: '/demandes-de-prix',
    side: 'purchases',
    plural: 'doc.type.PRICE_REQUEST.plural',
    singular: 'doc.type.PRICE_REQUEST',
    newLabel: 'doc.type.PRICE_REQUEST.new',
    emptyLabel: 'doc.type.PRICE_REQUEST.empty',
    read: [OWNER, ADV, ACHAT],
    write: [OWNER, ADV, ACHAT],
    creatable: true,
  },
  [DocumentType.SUPPLIER_ORDER]: {
    type: DocumentType.SUPPLIER_ORDER,
    path: '/commandes-fournisseurs',
    side: 'purchases',
    plural: 'doc.type.SUPPLIER_ORDER.plural',
    singular: 'doc.type.SUPPLIER_ORDER',
    newLabel: 'doc.type.SUPPLIER_ORDER.new',
    emptyLabel: 'doc.type.SUPPLIER_ORDER.empty',
    read: [OWNER, ADV, ACHAT],
    write: [OWNER, ADV, ACHAT],
    creatable: true,
  },
};

export const DOCUMENT_TYPES_IN_NAV: readonly DocumentType[] = [
  DocumentType.QUOTE,
  DocumentType.INVOICE,
  DocumentType.CREDIT_NOTE,
  DocumentType.PRICE_REQUEST,
  DocumentType.SUPPLIER_ORDER,
];

/** Statuses a document of each type can have: the shared status machine. */
export { DOCUMENT_STATUSES } from '@comptoir/schema';

/** A document's page; `tab` opens one of its tabs (see DocumentTab in document.page.tsx). */
export function documentPath(type: DocumentType | string, id: string, tab?: 'paiements' | 'envoi' | 'action'): string {
  const kind = DOCUMENT_KINDS[type as DocumentType];
  return `${kind ? kind.path : '/devis'}/${id}${tab ? `?onglet=${tab}` : ''}`;
}

export function mayRead(type: DocumentType, profile: Profile | null): boolean {
  return profile !== null && DOCUMENT_KINDS[type].read.includes(profile);
}

export function mayWrite(type: DocumentType, profile: Profile | null): boolean {
  return profile !== null && DOCUMENT_KINDS[type].write.includes(profile);
}

/** Converting a quote to an invoice and crediting an invoice: OWNER/ADV; price request → order: purchases. */
export function mayConvert(type: DocumentType, profile: Profile | null): boolean {
  if (profile === null) return false;
  if (type === DocumentType.QUOTE || type === DocumentType.INVOICE) return profile === OWNER || profile === ADV;
  if (type === DocumentType.PRICE_REQUEST) return [OWNER, ADV, ACHAT].includes(profile);
  return false;
}

/** Profiles of parties and articles (SPEC.md). */
export const PARTY_ACCESS = {
  customers: { read: [OWNER, ADV, COMMERCIAL, ACCOUNTANT], write: [OWNER, ADV, COMMERCIAL] },
  suppliers: { read: [OWNER, ADV, ACHAT], write: [OWNER, ADV, ACHAT] },
  articles: { read: [OWNER, ADV, COMMERCIAL, ACHAT], write: [OWNER, ADV] },
  articleCosts: [OWNER, ADV, ACHAT],
  verifyHistory: [OWNER, ADV],
} as const satisfies Record<string, readonly Profile[] | { read: readonly Profile[]; write: readonly Profile[] }>;

export function allowed(profiles: readonly Profile[], profile: Profile | null): boolean {
  return profile !== null && profiles.includes(profile);
}
