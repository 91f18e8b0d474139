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

/**
 * The dictionary key of the French (or English) sentence to show for a failed
 * operation. `overrides` gives a screen its own wording for some codes (the login
 * page says "wrong e-mail or password" for UNAUTHENTICATED).
 */
export function errorMessageKey(error: unknown, overrides: Partial<Record<ErrorCode, MessageKey>> = {}): MessageKey {
  const code = errorCode(error);
  if (code) return overrides[code] ?? `error.code.${code}`;
  if (ServerError.is(error) || ServerParseError.is(error) || error instanceof TypeError) return 'error.network';
  return 'error.code.INTERNAL_SERVER_ERROR';
}

/** TOO_MANY_ATTEMPTS: the server's delay before the next try, in whole minutes (at least 1). */
export function retryAfterMinutes(error: unknown): number | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const seconds = error.errors[0]?.extensions?.retryAfterSeconds;
  return typeof seconds === 'number' && seconds > 0 ? Math.max(1, Math.ceil(seconds / 60)) : null;
}

/** The input path the server named in a BAD_USER_INPUT error (`input.password`), if any. */
export function errorFieldPath(error: unknown): string | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const field = error.errors[0]?.extensions?.field;
  return typeof field === 'string' ? field : null;
}
