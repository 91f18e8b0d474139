import { GraphQLError } from 'graphql';
import { ErrorCode, type ErrorReason, type ReasonOf } from '@comptoir/schema';

/**
 * Every refusal is a GraphQLError with a stable `extensions.code` (SPEC.md, "Errors")
 * and a stable `extensions.reason` from `ERROR_REASONS` (@comptoir/schema): the SPA
 * turns code + reason into its own sentence and never shows `message`, which stays
 * English for logs and API users. Each helper only takes a reason of its own code.
 */
export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    readonly reason: ErrorReason,
    message: string,
    extra: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code, reason, ...extra } });
  }
}

export const unauthenticated = (message = 'Authentication required', reason: ReasonOf<ErrorCode.UNAUTHENTICATED> = 'LOGIN_REQUIRED') =>
  new AppError(ErrorCode.UNAUTHENTICATED, reason, message);

export const forbidden = (message = 'Your profile does not allow this', reason: ReasonOf<ErrorCode.FORBIDDEN> = 'PROFILE_NOT_ALLOWED') =>
  new AppError(ErrorCode.FORBIDDEN, reason, message);

/** A record of another dossier answers exactly like one that does not exist. */
export const notFound = (what: string, id?: string | number, reason: ReasonOf<ErrorCode.NOT_FOUND> = 'RECORD_NOT_FOUND') =>
  new AppError(ErrorCode.NOT_FOUND, reason, `${what} not found`, id === undefined ? {} : { id: String(id) });

/** `field` is the path of the offending input, e.g. `input.lines.3.quantity`. */
export const badInput = (reason: ReasonOf<ErrorCode.BAD_USER_INPUT>, message: string, field?: string, extra: Record<string, unknown> = {}) =>
  new AppError(ErrorCode.BAD_USER_INPUT, reason, message, field ? { field, ...extra } : extra);

export const conflict = (reason: ReasonOf<ErrorCode.CONFLICT>, message: string, extra: Record<string, unknown> = {}) =>
  new AppError(ErrorCode.CONFLICT, reason, message, extra);

export const planLimit = (reason: ReasonOf<ErrorCode.PLAN_LIMIT>, message: string, extra: Record<string, unknown> = {}) =>
  new AppError(ErrorCode.PLAN_LIMIT, reason, message, extra);

export const dossierAlreadySelected = () =>
  new AppError(
    ErrorCode.DOSSIER_ALREADY_SELECTED,
    'DOSSIER_ALREADY_SELECTED',
    'This session is already bound to a dossier: log out to work in another one',
  );

export const dossierNotSelected = () =>
  new AppError(ErrorCode.DOSSIER_NOT_SELECTED, 'DOSSIER_NOT_SELECTED', 'Select a dossier first');

export const tooManyAttempts = (retryAfterSeconds: number) =>
  new AppError(ErrorCode.TOO_MANY_ATTEMPTS, 'TOO_MANY_ATTEMPTS', `Too many attempts: retry in ${retryAfterSeconds} s`, {
    retryAfterSeconds,
  });
