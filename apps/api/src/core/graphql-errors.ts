import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '@comptoir/schema';
import type { AppServices, RequestContext } from './context';
import { HTTP_ERROR_CODES } from './http-errors';

/** Codes a client may see as they are: ours, Apollo's request-level ones, the HTTP layer's. */
const KNOWN_CODES = new Set<string>([
  ...(Object.values(ErrorCode) as string[]),
  ...Object.values(HTTP_ERROR_CODES),
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Apollo refuses some malformed requests (a persisted-query hash that does not
 * match its query, an unknown persisted-query version, …) with an HTTP 4xx but
 * no code: they are the caller's mistake, answered BAD_REQUEST, never logged as
 * internal errors.
 */
function requestRefusal(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.originalError) return false;
  const status = (error.extensions?.http as { status?: number } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

function codeOf(formatted: GraphQLFormattedError, error: unknown): string | null {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && KNOWN_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) return code;
  if (requestRefusal(error)) return HTTP_ERROR_CODES.BAD_REQUEST;
  return null;
}

/** Whether an error is a refusal with a stable code (not an internal failure). */
export function isExpectedError(error: GraphQLError): boolean {
  const original = error.originalError;
  const code = (original instanceof GraphQLError ? original.extensions?.code : undefined) ?? error.extensions?.code;
  if (typeof code === 'string' && KNOWN_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) return true;
  return requestRefusal(error);
}

/**
 * Errors that carry one of our codes go out as they are (no stack); anything else
 * is an internal failure, sent as a bare INTERNAL_SERVER_ERROR (and logged by
 * `errorLogPlugin`, with the request's id, user and dossier).
 */
export function formatErrorFor(app: AppServices) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = codeOf(formatted, error);
    if (code) {
      const { stacktrace: _stack, http: _http, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: { ...extensions, code } };
    }
    return {
      message: app.config.env === 'production' ? 'Internal server error' : formatted.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

/** Logs each internal failure once, on the request's logger (request id, user, dossier). */
export function errorLogPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors }) {
          for (const error of errors) {
            if (isExpectedError(error)) continue;
            contextValue.log.error({ err: error.originalError ?? error, path: error.path }, 'unexpected error while resolving');
          }
        },
      };
    },
  };
}
