import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';

const ServerHealthQuery = graphql(`
  query ServerHealth {
    health {
      ...HealthSummary_health
    }
  }
`);

/** The server's health, fetched again each time a page shows it (a cached "ok" would say nothing). */
export function useServerHealth() {
  return useQuery(ServerHealthQuery, { fetchPolicy: 'cache-and-network' });
}
