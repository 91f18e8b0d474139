import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, RequestHandler, Response } from 'express';
import { pinoHttp, type Options } from 'pino-http';
import type { Logger } from './logger';
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
 * Every request gets an id (the caller's `x-request-id` when it is a sane one, a
 * UUID otherwise), echoed as `x-request-id`; `req.log` is a child logger carrying
 * it, so every line written for the request names it; one line per finished
 * request with method, path, status, duration, user and dossier.
 *
 * pino-http's logger (its serializers) and options, without its per-request cost:
 * pino-http builds two child loggers for every request (one serializing the whole
 * request, unused here); this builds the one `req.log` names only when something
 * logs (the request's line, at a level the logger writes, or a handler), and the
 * line is the same.
 */
export function requestLogger(app: AppServices): RequestHandler {
  const options = {
    logger: app.logger,
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: 'reqId' },
    genReqId,
    autoLogging: { ignore: (req: IncomingMessage) => pathOf(req) === '/healthz' },
    customLogLevel,
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request failed',
    customSuccessObject: successObject,
    customErrorObject: errorObject,
  } satisfies Options;
  // pino-http's own logger for these options (a child of the app's with its serializers).
  const base = pinoHttp(options).logger;
  return (req, res, next) => {
    const id = req.id || genReqId(req, res);
    req.id = id;
    let log: Logger | undefined;
    const logger = () => (log ??= base.child({ reqId: id }));
    const lazy = { get: logger, set: (value: Logger) => void (log = value), configurable: true, enumerable: true };
    Object.defineProperty(req, 'log', lazy);
    Object.defineProperty(res, 'log', lazy);
    const started = Date.now();
    const finished = (err?: Error) => {
      res.removeListener('close', finished);
      res.removeListener('finish', finished);
      res.removeListener('error', finished);
      const level = customLogLevel(req, res, err);
      if (!base.isLevelEnabled(level)) return;
      const responseTime = Date.now() - started;
      const failure = err ?? (res as { err?: Error }).err ?? (res.statusCode >= 500 ? new Error(`failed with status code ${res.statusCode}`) : undefined);
      if (failure) logger()[level](errorObject(req, res, failure, { responseTime }), 'request failed');
      else logger()[level](successObject(req, res, { responseTime }), 'request');
    };
    if (!options.autoLogging.ignore(req)) {
      res.on('close', finished);
      res.on('finish', finished);
    }
    res.on('error', finished);
    next();
  };
}

function genReqId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('x-request-id', id);
  return id;
}

function customLogLevel(_req: IncomingMessage, res: ServerResponse, err?: Error): 'error' | 'info' {
  return err || res.statusCode >= 500 ? 'error' : 'info';
}

function successObject(req: IncomingMessage, res: ServerResponse, val: { responseTime?: number }) {
  return { method: req.method, path: pathOf(req), status: res.statusCode, ms: val.responseTime, ...who(res) };
}

function errorObject(req: IncomingMessage, res: ServerResponse, err: Error, val: { responseTime?: number }) {
  return { method: req.method, path: pathOf(req), status: res.statusCode, ms: val.responseTime, ...who(res), err };
}
