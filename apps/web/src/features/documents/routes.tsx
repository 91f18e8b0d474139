import { lazyPage } from '../../app/lazy-page';
import type { RouteObject } from 'react-router';
import { DocumentType, Profile } from '@comptoir/schema';
import type { MessageKey } from '../../app/i18n/i18n';
import { DOCUMENT_KINDS, PARTY_ACCESS } from './document-kinds';

// Every page is split from the main chunk: the first load carries only the shell.
const DocumentListPage = lazyPage(() => import('./document-list.page'));
const DocumentPage = lazyPage(() => import('./document.page'));
const NewDocumentPage = lazyPage(() => import('./new-document.page'));
const PartyListPage = lazyPage(() => import('../parties/party-list.page'));
const PartyPage = lazyPage(() => import('../parties/party.page'));
const ArticleListPage = lazyPage(() => import('../articles/article-list.page'));
const ArticlePage = lazyPage(() => import('../articles/article.page'));

const documentRoutes = (Object.values(DocumentType) as DocumentType[]).flatMap((type): RouteObject[] => {
  const { path } = DOCUMENT_KINDS[type];
  return [
    { path, element: <DocumentListPage key={type} type={type} /> },
    { path: `${path}/nouveau`, element: <NewDocumentPage key={type} type={type} /> },
    { path: `${path}/:id`, element: <DocumentPage key={type} type={type} /> },
  ];
});

/** Routes of documents, customers, suppliers and articles (spread into the shell's router). */
export const documentsRoutes: RouteObject[] = [
  ...documentRoutes,
  { path: '/clients', element: <PartyListPage key="c" side="customers" /> },
  { path: '/clients/nouveau', element: <PartyPage key="c-new" side="customers" /> },
  { path: '/clients/:id', element: <PartyPage key="c-id" side="customers" /> },
  { path: '/fournisseurs', element: <PartyListPage key="s" side="suppliers" /> },
  { path: '/fournisseurs/nouveau', element: <PartyPage key="s-new" side="suppliers" /> },
  { path: '/fournisseurs/:id', element: <PartyPage key="s-id" side="suppliers" /> },
  { path: '/articles', element: <ArticleListPage /> },
  { path: '/articles/nouveau', element: <ArticlePage key="a-new" /> },
  { path: '/articles/:id', element: <ArticlePage key="a-id" /> },
];

export interface FeatureNavEntry {
  to: string;
  label: MessageKey;
  profiles: readonly Profile[];
}

/** Navigation entries in SPEC.md's order; the shell shows those the session's profile may use. */
export const documentsNav: FeatureNavEntry[] = [
  { to: DOCUMENT_KINDS.QUOTE.path, label: 'nav.doc.quotes', profiles: DOCUMENT_KINDS.QUOTE.read },
  { to: DOCUMENT_KINDS.INVOICE.path, label: 'nav.doc.invoices', profiles: DOCUMENT_KINDS.INVOICE.read },
  { to: DOCUMENT_KINDS.CREDIT_NOTE.path, label: 'nav.doc.creditNotes', profiles: DOCUMENT_KINDS.CREDIT_NOTE.read },
  { to: DOCUMENT_KINDS.PRICE_REQUEST.path, label: 'nav.doc.priceRequests', profiles: DOCUMENT_KINDS.PRICE_REQUEST.read },
  { to: DOCUMENT_KINDS.SUPPLIER_ORDER.path, label: 'nav.doc.supplierOrders', profiles: DOCUMENT_KINDS.SUPPLIER_ORDER.read },
  { to: '/clients', label: 'nav.doc.customers', profiles: PARTY_ACCESS.customers.read },
  { to: '/fournisseurs', label: 'nav.doc.suppliers', profiles: PARTY_ACCESS.suppliers.read },
  { to: '/articles', label: 'nav.doc.articles', profiles: PARTY_ACCESS.articles.read },
];
