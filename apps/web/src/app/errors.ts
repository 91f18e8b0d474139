import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import { ErrorCode } from '@comptoir/schema';
import type { MessageKey } from './i18n/i18n';

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

/** The stable `extensions.code` of the first GraphQL error, if the server sent one. */
export function errorCode(error: unknown): ErrorCode | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const code = error.errors[0]?.extensions?.code;
  return typeof code === 'string' && KNOWN_CODES.has(code) ? (code as ErrorCode) : null;
}

/** The dictionary key of the French (or English) sentence to show for a failed operation. */
export function errorMessageKey(error: unknown): MessageKey {
  const code = errorCode(error);
  if (code) return `error.code.${code}`;
  if (ServerError.is(error) || ServerParseError.is(error) || error instanceof TypeError) return 'error.network';
  return 'error.code.INTERNAL_SERVER_ERROR';
}
