import { useCallback, useState } from 'react';

/** What a connection (`{ nodes, pageInfo, totalCount }`) says about its next page. */
interface Paged {
  pageInfo: { endCursor?: string | null; hasNextPage: boolean };
}

/**
 * "Charger plus" for every list: the next page of `list` through the query's
 * `fetchMore`; the cache's field policy (`cursorPages` in app/apollo.ts) appends it,
 * so no list merges pages by hand. `hasMore` says whether to offer the button.
 */
export function usePagedList(list: Paged | null | undefined, fetchMore: (options: { variables: { after: string } }) => Promise<unknown>) {
  const [loadingMore, setLoadingMore] = useState(false);
  const cursor = list?.pageInfo.hasNextPage ? (list.pageInfo.endCursor ?? null) : null;
  const loadMore = useCallback(async () => {
    if (!cursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({ variables: { after: cursor } });
    } finally {
      setLoadingMore(false);
    }
  }, [cursor, fetchMore]);
  return { hasMore: cursor !== null, loadMore, loadingMore };
}
