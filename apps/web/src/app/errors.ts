import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import { ERROR_REASONS, ErrorCode, type ErrorReason } from '@comptoir/schema';
import type { MessageKey } from './i18n/i18n';

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

function firstError(error: unknown) {
  return CombinedGraphQLErrors.is(error) ? error.errors[0] : undefined;
}

/** The stable `extensions.code` of the first GraphQL error, if the server sent one. */
export function errorCode(error: unknown): ErrorCode | null {
  const code = firstError(error)?.extensions?.code;
  return typeof code === 'string' && KNOWN_CODES.has(code) ? (code as ErrorCode) : null;
}

/** The `extensions.reason` of the first error, when it is a registered reason of its code. */
export function errorReason(error: unknown): ErrorReason | null {
  const code = errorCode(error);
  const reason = firstError(error)?.extensions?.reason;
  if (!code || typeof reason !== 'string') return null;
  return (ERROR_REASONS[code] as readonly string[]).includes(reason) ? (reason as ErrorReason) : null;
}

/**
 * The dictionary key of the sentence to show for a failed operation: the reason's
 * own sentence, else the code's, else a network or generic one. Never the server's
 * `message`. `overrides` gives a screen its own wording for some codes.
 */
export function errorMessageKey(error: unknown, overrides: Partial<Record<ErrorCode, MessageKey>> = {}): MessageKey {
  const code = errorCode(error);
  if (code) {
    if (overrides[code]) return overrides[code];
    const reason = errorReason(error);
    return reason ? `error.reason.${reason}` : `error.code.${code}`;
  }
  if (ServerError.is(error) || ServerParseError.is(error) || error instanceof TypeError) return 'error.network';
  return 'error.code.INTERNAL_SERVER_ERROR';
}

/** TOO_MANY_ATTEMPTS: the server's delay before the next try, in whole minutes (at least 1). */
export function retryAfterMinutes(error: unknown): number | null {
  const seconds = firstError(error)?.extensions?.retryAfterSeconds;
  return typeof seconds === 'number' && seconds > 0 ? Math.max(1, Math.ceil(seconds / 60)) : null;
}

/** The input path the server named in a BAD_USER_INPUT error (`input.password`), if any. */
export function errorFieldPath(error: unknown): string | null {
  const field = firstError(error)?.extensions?.field;
  return typeof field === 'string' ? field : null;
}

/**
 * Field errors of a failed save, by form field: `input.siret` → `siret`,
 * `input.lines.2.quantity` → `lines.2.quantity` (what form libraries use as paths).
 * Each value is the dictionary key of the field's own sentence.
 */
export function fieldErrors(error: unknown): Record<string, MessageKey> {
  if (!CombinedGraphQLErrors.is(error)) return {};
  const out: Record<string, MessageKey> = {};
  for (const e of error.errors) {
    const { code, field, reason } = (e.extensions ?? {}) as { code?: string; field?: unknown; reason?: unknown };
    if (code !== ErrorCode.BAD_USER_INPUT || typeof field !== 'string') continue;
    const known = typeof reason === 'string' && (ERROR_REASONS.BAD_USER_INPUT as readonly string[]).includes(reason);
    out[field.replace(/^input\./, '')] = known ? (`error.reason.${reason}` as MessageKey) : 'error.code.BAD_USER_INPUT';
  }
  return out;
}
