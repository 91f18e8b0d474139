/**
 * Start-up preload: a tiny entry of its own (`async` in index.html, see `bootPreload()`
 * in vite.plugins.ts) that asks the API for the session, then for the data of the page
 * being opened (the profile's dashboard, a document list), while the main chunks are
 * still downloading. Without it these requests start only once React has rendered the
 * shell (session) and then the page (its data): two round trips after the whole
 * JavaScript has arrived and run, most of the time before anything shows on a phone.
 *
 * The answers wait in `window.__comptoirPreload`; the Apollo link in app/apollo.ts hands
 * one to the first query with the same operation name and variables, once (an answer
 * that failed or is older than a minute is ignored: the query goes to the network as usual).
 */
import { BOOT_QUERIES, type BootOperation } from 'virtual:boot-queries';
import { LIST_OPERATIONS, listVariables } from '../features/documents/list-variables';

export interface BootPreload {
  /** The preloaded answer for this operation and these variables, at most once. */
  take(operationName: string, variables: Record<string, unknown> | undefined): Promise<unknown> | undefined;
}

declare global {
  interface Window {
    __comptoirPreload?: BootPreload;
    /** Set by main.tsx: once the app runs, a preload would come too late. */
    __comptoirStarted?: boolean;
  }
}

const MAX_AGE_MS = 60_000;
const DASHBOARD_OF_PROFILE: Record<string, BootOperation> = {
  OWNER: 'SalesDashboard',
  ADV: 'SalesDashboard',
  COMMERCIAL: 'CommercialDashboard',
  ACHAT: 'PurchasesDashboard',
  ACCOUNTANT: 'AccountingDashboard',
};

/** JSON with sorted keys and no `undefined`: the same variables give the same key. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const key = (operationName: string, variables: Record<string, unknown> | undefined) => `${operationName} ${canonical(variables ?? {})}`;
const answers = new Map<string, { at: number; answer: Promise<unknown> }>();

/** The request Apollo's HttpLink would send (same headers: the CSRF preflight header, the accepted types). */
function post(operationName: BootOperation, variables: Record<string, unknown> = {}): Promise<unknown> {
  const answer = fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      accept: 'application/graphql-response+json,application/json;q=0.9',
      'content-type': 'application/json',
      'apollo-require-preflight': 'true',
    },
    body: JSON.stringify({ operationName, variables, query: BOOT_QUERIES[operationName] }),
  }).then((response) => (response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status}`))));
  answer.catch(() => undefined);
  answers.set(key(operationName, variables), { at: Date.now(), answer });
  return answer;
}

/** The queries the opened page sends as it appears: a dashboard, or a list and its filters' options. */
function pageOperations(profile: string): [BootOperation, Record<string, unknown>?][] {
  const { pathname, search } = window.location;
  if (pathname === '/') return DASHBOARD_OF_PROFILE[profile] ? [[DASHBOARD_OF_PROFILE[profile]]] : [];
  const list = LIST_OPERATIONS[pathname];
  if (!list) return [];
  return [
    [list.operation as BootOperation, listVariables(new URLSearchParams(search), list.overdueFilter)],
    // Otherwise they arrive after the list, each a new render of the whole page on a phone.
    [list.partyOptions as BootOperation],
    ['DossierMembersForFilters'],
  ];
}

/**
 * The page's code too (its chunk, the chunks it imports, its CSS; listed by the build in
 * index.html): fetched now, in parallel with the main chunks, rather than once they have
 * run (`preloadPagesOf` in app/lazy-page.ts then finds them there).
 */
function preloadPageFiles(): void {
  const { pathname } = window.location;
  const page = pathname === '/' ? 'dashboard' : LIST_OPERATIONS[pathname] ? 'list' : null;
  const listed = document.getElementById('boot-pages')?.textContent;
  if (!page || !listed) return;
  for (const href of (JSON.parse(listed) as Record<string, string[]>)[page] ?? []) {
    const link = document.createElement('link');
    const css = href.endsWith('.css');
    link.rel = css ? 'stylesheet' : 'modulepreload';
    link.crossOrigin = '';
    link.href = href;
    document.head.appendChild(link);
  }
}

if (!window.__comptoirStarted) {
  preloadPageFiles();
  window.__comptoirPreload = {
    take(operationName, variables) {
      const k = key(operationName, variables);
      const hit = answers.get(k);
      answers.delete(k);
      return hit && Date.now() - hit.at < MAX_AGE_MS ? hit.answer : undefined;
    },
  };
  void post('SessionMe')
    .then((result) => {
      const me = (result as { data?: { me?: { dossier?: unknown; profile?: string | null } | null } }).data?.me;
      if (!me?.dossier || !me.profile) return;
      for (const [operationName, variables] of pageOperations(me.profile)) void post(operationName, variables);
    })
    .catch(() => undefined);
}
