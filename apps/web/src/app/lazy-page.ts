import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { matchRoutes, type RouteObject } from 'react-router';

/** A page split into its own chunk that can also be fetched before React asks for it. */
export type LazyPage<P> = LazyExoticComponent<ComponentType<P>> & { preload(): Promise<unknown> };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a page's props are its own
export function lazyPage<P = any>(load: () => Promise<{ default: ComponentType<P> }>): LazyPage<P> {
  return Object.assign(lazy(load), { preload: load });
}

/**
 * Starts fetching the chunks of the pages `pathname` shows, at start-up: otherwise a page's
 * chunk is asked for only once the session is known and the shell renders, one more round
 * trip before the page's own query (Lighthouse's mobile LCP on /factures and the dashboard).
 */
export function preloadPagesOf(routes: RouteObject[], pathname: string): void {
  for (const match of matchRoutes(routes, pathname) ?? []) {
    const element = match.route.element as { type?: Partial<LazyPage<unknown>> } | null | undefined;
    void element?.type?.preload?.().catch(() => undefined);
  }
}
