import type { Request, Response, Router } from 'express';
import type { AppServices, RequestContext } from './context';

/** Builds the request context (session cookie → principal) for a plain HTTP request; the app layer supplies it. */
export type ContextOf = (req: Request, res: Response) => Promise<RequestContext>;

export interface HttpRoute {
  /** Registers plain HTTP routes (downloads, …) on the express app. */
  (router: Router, app: AppServices, contextOf: ContextOf): void;
}
