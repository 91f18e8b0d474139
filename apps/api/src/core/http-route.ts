import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import type { AppServices, RequestContext } from './context';

/** Builds the request context (session cookie → principal) for a plain HTTP request; the app layer supplies it. */
export type ContextOf = (req: Request, res: Response) => Promise<RequestContext>;

export interface HttpRoute {
  /** Registers plain HTTP routes (downloads, …) on the express app. */
  (router: Router, app: AppServices, contextOf: ContextOf): void;
}

/**
 * Middlewares run one after the other as one express layer (what `router.use(path, a, b, c)`
 * does with three): the router matches the path once instead of once per middleware. The
 * same contract as the router's: `next(error)` (or a throw, or a rejected promise) skips the
 * rest and goes on to the error handlers, `next('route')` / `next('router')` are the router's.
 */
export function inSeries(...handlers: RequestHandler[]): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    let index = 0;
    const step = (error?: unknown): void => {
      if (error !== undefined && error !== null) return next(error);
      const handler = handlers[index++];
      if (!handler) return next();
      try {
        const returned: unknown = handler(req, res, step);
        if (returned instanceof Promise) returned.then(undefined, (rejected: unknown) => next(rejected || new Error('Rejected promise')));
      } catch (thrown) {
        next(thrown);
      }
    };
    step();
  };
}
