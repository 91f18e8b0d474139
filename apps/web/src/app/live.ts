import { useEffect, useRef } from 'react';
import type { Client } from 'graphql-ws';

/**
 * The SPA's one WebSocket for GraphQL subscriptions (graphql-ws on /graphql, the
 * session cookie goes with the upgrade). graphql-ws is loaded only when a page
 * first subscribes, so it stays out of the first-load JavaScript. The socket opens
 * with the first subscription and closes shortly after the last; on a lost
 * connection it reconnects with backoff and subscribes again by itself. A closed
 * session (4401/4403) is not retried.
 */
let client: Promise<Client> | null = null;

function liveClient(): Promise<Client> {
  client ??= import('graphql-ws').then(({ createClient }) =>
    createClient({
      url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
      lazy: true,
      lazyCloseTimeout: 3000,
      retryAttempts: Number.MAX_SAFE_INTEGER,
      shouldRetry: (event) => {
        const code = (event as { code?: number } | null)?.code;
        return code !== 4401 && code !== 4403;
      },
      retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 1000 * 2 ** retries) * (0.5 + Math.random() / 2))),
    }),
  );
  return client;
}

/** Subscribes; `onData` gets each event's data. Returns the function that stops. */
export function liveSubscribe<T>(query: string, variables: Record<string, unknown>, onData: (data: T) => void): () => void {
  let stop: (() => void) | null = null;
  let stopped = false;
  void liveClient().then((c) => {
    if (stopped) return;
    stop = c.subscribe<T>(
      { query, variables },
      {
        next: (result) => {
          if (result.data) onData(result.data as T);
        },
        error: () => undefined,
        complete: () => undefined,
      },
    );
  });
  return () => {
    stopped = true;
    stop?.();
  };
}

/** After login, logout or a dossier change: the next subscription opens a socket with the new session. */
export function resetLive(): void {
  const previous = client;
  client = null;
  void previous?.then((c) => c.dispose());
}

/**
 * While mounted: gives `onEvents` the subscription's events, in batches at most one
 * per `coalesceMs` (a burst of changes — a request taken, answered and closed —
 * gives one refetch, not three). Resubscribes when `query` or `variables` change.
 */
export function useLiveEvents<T>(query: string, variables: Record<string, unknown>, onEvents: (events: T[]) => void, coalesceMs = 250): void {
  const handler = useRef(onEvents);
  handler.current = onEvents;
  const key = JSON.stringify(variables);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let batch: T[] = [];
    const stop = liveSubscribe<T>(query, JSON.parse(key) as Record<string, unknown>, (data) => {
      batch.push(data);
      timer ??= setTimeout(() => {
        timer = null;
        const events = batch;
        batch = [];
        handler.current(events);
      }, coalesceMs);
    });
    return () => {
      stop();
      if (timer) clearTimeout(timer);
    };
  }, [query, key, coalesceMs]);
}
