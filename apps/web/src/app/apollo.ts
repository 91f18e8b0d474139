import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

/**
 * One client for the whole SPA. The API lives on the same origin (the API serves
 * the built SPA; Vite proxies in development), so the session cookie goes along
 * with `same-origin`. Apollo Server's CSRF prevention refuses requests that a
 * browser could send without a preflight: the header below forces one.
 */
export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({
      uri: '/graphql',
      credentials: 'same-origin',
      headers: { 'apollo-require-preflight': 'true' },
    }),
    cache: new InMemoryCache(),
  });
}
