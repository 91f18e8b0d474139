import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, Response } from 'express';
import { pinoHttp } from 'pino-http';
import type { AppServices, Principal } from './context';

/** An id a caller (or the proxy in front) may pass on; anything else is replaced. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Who made the request, once the context has resolved it (for the request's log line). */
export function notePrincipal(res: Response, principal: Principal | null): void {
  res.locals.principal = principal;
}

function who(res: ServerResponse): { userId?: string; dossierId?: string } {
  const principal = ((res as Response).locals?.principal ?? null) as Principal | null;
  return principal ? { userId: principal.userId, ...(principal.dossierId ? { dossierId: principal.dossierId } : {}) } : {};
}

/** The path only: query strings can carry reset or invitation tokens. */
const pathOf = (req: IncomingMessage) => ((req as Request).originalUrl ?? req.url ?? '').split('?')[0];

/**
 * pino-http: every request gets an id (the caller's `x-request-id` when it is a
 * sane one, a UUID otherwise), echoed as `x-request-id`; `req.log` is a child
 * logger carrying it, so every line written for the request names it; one line
 * per finished request with method, path, status, duration, user and dossier.
 */
export function requestLogger(app: AppServices) {
  return pinoHttp({
    logger: app.logger,
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: 'reqId' },
    genReqId: (req, res) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('x-request-id', id);
      return id;
    },
    autoLogging: { ignore: (req) => pathOf(req) === '/healthz' },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request failed',
    customSuccessObject: (req, res, val: { responseTime?: number }) => ({
      method: req.method,
      path: pathOf(req),
      status: res.statusCode,
      ms: val.responseTime,
      ...who(res),
    }),
    customErrorObject: (req, res, err, val: { responseTime?: number }) => ({
      method: req.method,
      path: pathOf(req),
      status: res.statusCode,
      ms: val.responseTime,
      ...who(res),
      err,
    }),
  });
}
