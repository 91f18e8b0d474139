import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { ErrorCode } from '@comptoir/schema';
import type { AppServices } from './context';
import { AppError } from './errors';

/**
 * What the HTTP layer answers when a request fails before (or outside) GraphQL:
 * always JSON with a stable code, never an HTML page or a stack, in every NODE_ENV.
 * Under /graphql the body has GraphQL's shape (`errors[].extensions.code`), so a
 * GraphQL client reads it like any other refusal; elsewhere `{ error: { code, message } }`.
 */
export const HTTP_ERROR_CODES = {
  BAD_REQUEST: 'BAD_REQUEST',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  NOT_FOUND: ErrorCode.NOT_FOUND,
  INTERNAL_SERVER_ERROR: ErrorCode.INTERNAL_SERVER_ERROR,
} as const;

interface Described {
  status: number;
  code: string;
  message: string;
}

/** body-parser's error types (`err.type`) and express's URI decoding failure, each with its answer. */
function describe(err: unknown): Described | null {
  const e = err as { type?: string; status?: number; statusCode?: number; name?: string; charset?: string; limit?: number } | null;
  switch (e?.type) {
    case 'entity.parse.failed':
      return { status: 400, code: HTTP_ERROR_CODES.BAD_REQUEST, message: 'The body is not a JSON object' };
    case 'entity.too.large':
      return { status: 413, code: HTTP_ERROR_CODES.PAYLOAD_TOO_LARGE, message: `The body is larger than ${e.limit ?? 'the limit'} bytes` };
    case 'charset.unsupported':
      return { status: 415, code: HTTP_ERROR_CODES.UNSUPPORTED_MEDIA_TYPE, message: 'Unsupported charset: send UTF-8' };
    case 'encoding.unsupported':
      return { status: 415, code: HTTP_ERROR_CODES.UNSUPPORTED_MEDIA_TYPE, message: 'Unsupported content encoding: send identity, gzip, deflate or br' };
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
    case 'stream.not.readable':
    case 'parameters.too.many':
      return { status: 400, code: HTTP_ERROR_CODES.BAD_REQUEST, message: 'The request body could not be read' };
  }
  if (e instanceof URIError || e?.name === 'URIError') return { status: 400, code: HTTP_ERROR_CODES.BAD_REQUEST, message: 'The URL is not valid percent-encoding' };
  const status = e?.status ?? e?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { status, code: status === 404 ? HTTP_ERROR_CODES.NOT_FOUND : HTTP_ERROR_CODES.BAD_REQUEST, message: 'Bad request' };
  }
  return null;
}

function send(req: Request, res: Response, { status, code, message }: Described): void {
  res.status(status);
  if (req.originalUrl.startsWith('/graphql')) res.json({ errors: [{ message, extensions: { code } }] });
  else res.json({ error: { code, message } });
}

/** Unknown paths under /api: JSON 404, not the SPA's shell. */
export const apiNotFound: RequestHandler = (req, res) => {
  send(req, res, { status: 404, code: HTTP_ERROR_CODES.NOT_FOUND, message: 'Not found' });
};

/** The last middleware: every error the HTTP layer meets becomes a JSON answer; unexpected ones are logged. */
export function httpErrorHandler(app: AppServices): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const known = describe(err);
    if (known) {
      send(req, res, known);
      return;
    }
    (req.log ?? app.logger).error({ err, path: req.originalUrl.split('?')[0] }, 'unexpected error in the HTTP layer');
    send(req, res, { status: 500, code: HTTP_ERROR_CODES.INTERNAL_SERVER_ERROR, message: 'Internal server error' });
  };
}

/** HTTP status of each AppError code a download or file route can answer. */
const ROUTE_STATUS: Partial<Record<string, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.DOSSIER_NOT_SELECTED]: 403,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
};

/**
 * A route's refusal as JSON `{ error: { code, message, …extensions } }` with its HTTP
 * status; anything else is logged (`what` failed) and answers a bare 500.
 */
export function sendRouteError(res: Response, error: unknown, app: AppServices, what: string): void {
  if (error instanceof AppError) {
    const { code, ...extra } = error.extensions as { code: string } & Record<string, unknown>;
    res.status(ROUTE_STATUS[code] ?? 400).json({ error: { code, message: error.message, ...extra } });
    return;
  }
  (res.req?.log ?? app.logger).error({ err: error }, `${what} failed`);
  res.status(500).json({ error: { code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Internal server error' } });
}
