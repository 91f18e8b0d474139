import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, type FieldPolicy } from '@apollo/client';
import { Observable } from 'rxjs';

interface CursorPage {
  nodes: readonly unknown[];
}

/**
 * The pages of one list in the cache, in the manner of Apollo's relayStylePagination
 * for our `{ nodes, pageInfo, totalCount }` connections (no edges): the arguments
 * other than `after` name the list; a page fetched with `after` (fetchMore) is
 * appended, a first page replaces what was there. `usePagedList` asks for them.
 */
export function cursorPages(keyArgs: string[]): FieldPolicy<CursorPage> {
  return {
    keyArgs,
    merge(existing, incoming, { args }) {
      return existing && args?.after ? { ...incoming, nodes: [...existing.nodes, ...incoming.nodes] } : incoming;
    },
  };
}

const DOCUMENT_LIST = cursorPages(['first', 'filter', 'sort']);
const PARTY_LIST = cursorPages(['first', 'search']);

/**
 * Answers the start-up preload (src/boot/boot.ts) already asked for: the session, the
 * opened page's data. Taken once, by the first query with the same name and variables;
 * a preload that failed sends the query as usual.
 */
const preloaded = new ApolloLink((operation, forward) => {
  const answer = window.__comptoirPreload?.take(operation.operationName ?? '', operation.variables);
  if (!answer) return forward(operation);
  return new Observable<ApolloLink.Result>((observer) => {
    let fallback: { unsubscribe(): void } | undefined;
    answer.then(
      (result) => {
        observer.next(result as ApolloLink.Result);
        observer.complete();
      },
      () => (fallback = forward(operation).subscribe(observer)),
    );
    return () => fallback?.unsubscribe();
  });
});

/**
 * One client for the whole SPA. The API lives on the same origin (the API serves
 * the built SPA; Vite proxies in development), so the session cookie goes along
 * with `same-origin`. Apollo Server's CSRF prevention refuses requests that a
 * browser could send without a preflight: the header below forces one.
 */
export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: preloaded.concat(
      new HttpLink({
        uri: '/graphql',
        credentials: 'same-origin',
        headers: { 'apollo-require-preflight': 'true' },
      }),
    ),
    cache: new InMemoryCache({
      typePolicies: {
        Query: {
          fields: {
            quotes: DOCUMENT_LIST,
            invoices: DOCUMENT_LIST,
            creditNotes: DOCUMENT_LIST,
            priceRequests: DOCUMENT_LIST,
            supplierOrders: DOCUMENT_LIST,
            documents: DOCUMENT_LIST,
            customers: PARTY_LIST,
            suppliers: PARTY_LIST,
            articles: cursorPages(['first', 'search', 'activeOnly']),
            exportLogs: cursorPages(['first']),
            adminOutbox: cursorPages(['first']),
          },
        },
      },
    }),
  });
}
