import { GraphQLError } from 'graphql';
import { ErrorCode } from '@comptoir/schema';

/**
 * Every refusal is a GraphQLError with a stable `extensions.code` (SPEC.md, "Errors").
 * These helpers keep the codes and the shape of their extensions in one place.
 */
export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extra: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code, ...extra } });
  }
}

export const unauthenticated = (message = 'Authentication required') =>
  new AppError(ErrorCode.UNAUTHENTICATED, message);

export const forbidden = (message = 'Your profile does not allow this') => new AppError(ErrorCode.FORBIDDEN, message);

/** A record of another dossier answers exactly like one that does not exist. */
export const notFound = (what: string, id?: string | number) =>
  new AppError(ErrorCode.NOT_FOUND, `${what} not found`, id === undefined ? {} : { id: String(id) });

/** `field` is the path of the offending input, e.g. `input.lines.3.quantity`. */
export const badInput = (message: string, field?: string, extra: Record<string, unknown> = {}) =>
  new AppError(ErrorCode.BAD_USER_INPUT, message, field ? { field, ...extra } : extra);

export const conflict = (message: string, extra: Record<string, unknown> = {}) =>
  new AppError(ErrorCode.CONFLICT, message, extra);

export const planLimit = (message: string, extra: Record<string, unknown> = {}) =>
  new AppError(ErrorCode.PLAN_LIMIT, message, extra);

export const dossierAlreadySelected = () =>
  new AppError(
    ErrorCode.DOSSIER_ALREADY_SELECTED,
    'This session is already bound to a dossier: log out to work in another one',
  );

export const dossierNotSelected = () =>
  new AppError(ErrorCode.DOSSIER_NOT_SELECTED, 'Select a dossier first');

export const tooManyAttempts = (retryAfterSeconds: number) =>
  new AppError(ErrorCode.TOO_MANY_ATTEMPTS, `Too many attempts: retry in ${retryAfterSeconds} s`, {
    retryAfterSeconds,
  });
