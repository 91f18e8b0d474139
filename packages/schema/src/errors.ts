import { ErrorCode } from './enums';

/**
 * Every machine-readable `extensions.reason` the API can send, grouped by the
 * `extensions.code` it comes with. The API's error helpers only accept a reason of
 * their own code; the SPA needs a French and an English sentence for each (its
 * dictionaries are typed from this registry, so a missing one fails typecheck), and
 * an API test checks every reason here is thrown somewhere. Reasons are stable:
 * rename one only together with the SPA.
 */
export const ERROR_REASONS = {
  [ErrorCode.UNAUTHENTICATED]: ['LOGIN_REQUIRED', 'INVALID_CREDENTIALS'],
  [ErrorCode.FORBIDDEN]: ['PROFILE_NOT_ALLOWED', 'SUPPORT_ONLY', 'EXPORT_COLUMN_NOT_ALLOWED', 'NOT_EXPORT_OWNER', 'SUPPORT_KIND_NOT_ALLOWED'],
  [ErrorCode.NOT_FOUND]: ['RECORD_NOT_FOUND', 'LINK_INVALID'],
  [ErrorCode.BAD_USER_INPUT]: [
    'REQUIRED',
    'TOO_SHORT',
    'TOO_LONG',
    'PASSWORD_IS_EMAIL',
    'WRONG_CURRENT_PASSWORD',
    'INVALID_EMAIL',
    'SAME_EMAIL',
    'INVALID_DIGITS',
    'INVALID_SIRET',
    'SIRET_SIREN_MISMATCH',
    'INVALID_VAT_NUMBER',
    'INVALID_COUNTRY',
    'DUPLICATE_PREFIX',
    'INVALID_PREFIX',
    'INVALID_VAT_RATE',
    'INVALID_DATE',
    'INVALID_NUMBER',
    'INVALID_CHOICE',
    'INVALID_TEXT',
    'OUT_OF_RANGE',
    'OWNER_PROFILE_RESERVED',
    'DUPLICATE_REFERENCE',
    'TOO_MANY_LINES',
    'TOTALS_OUT_OF_RANGE',
    'INVALID_CREDITED_LINE',
    'CREDIT_EXCEEDS_INVOICE_LINE',
    'WRONG_DOCUMENT_TYPE',
    'INVALID_CURSOR',
    'PERIOD_REVERSED',
    'NO_COLUMN',
    'TOO_MANY_COLUMNS',
    'UNKNOWN_COLUMN',
    'DUPLICATE_COLUMN',
    'SAME_PROFILE',
    'INVALID_SIREN',
    'INVALID_ACCOUNT',
    'DUPLICATE_ACCOUNT_CODE',
    'CUT_OUTSIDE_BATCH',
    'OVERPAYMENT',
    'INVALID_IBAN',
  ],
  [ErrorCode.CONFLICT]: [
    'STALE_VERSION',
    'STALE_SETTINGS',
    'NUMBER_TAKEN',
    'WRONG_STATUS',
    'TRANSITION_NOT_ALLOWED',
    'NOT_ISSUABLE_TYPE',
    'NO_LINES',
    'NO_PARTY',
    'CREDIT_EXCEEDS_INVOICE',
    'ALREADY_CONVERTED',
    'ALREADY_FULLY_CREDITED',
    'ALREADY_MEMBER',
    'EMAIL_TAKEN',
    'SUPPORT_ACCOUNT',
    'PRINCIPAL_USER',
    'SEAT_ORDER_NOT_PENDING',
    'REQUEST_CLOSED',
    'ALREADY_ASSIGNED',
    'ALREADY_REQUESTED',
    'PERIOD_COLLECTED',
    'BATCH_COLLECTED',
    'ACCOUNT_CODE_USED',
    'SIREN_REQUIRED',
  ],
  [ErrorCode.PLAN_LIMIT]: ['SINGLE_LOGIN_PLAN', 'NO_ACCOUNTANT_ACCESS', 'NO_SEAT_LEFT', 'PLAN_TOO_SMALL', 'PLAN_HAS_ACCOUNTANTS', 'HELD_UNTIL_PAID'],
  [ErrorCode.DOSSIER_ALREADY_SELECTED]: ['DOSSIER_ALREADY_SELECTED'],
  [ErrorCode.DOSSIER_NOT_SELECTED]: ['DOSSIER_NOT_SELECTED'],
  [ErrorCode.TOO_MANY_ATTEMPTS]: ['TOO_MANY_ATTEMPTS'],
  [ErrorCode.INTERNAL_SERVER_ERROR]: [],
} as const satisfies Record<ErrorCode, readonly string[]>;

type Registry = typeof ERROR_REASONS;

/** The reasons that come with one code. */
export type ReasonOf<C extends ErrorCode> = Registry[C][number];

/** Any reason of any code. */
export type ErrorReason = { [C in ErrorCode]: ReasonOf<C> }[ErrorCode];

/** Every reason, once (a reason shared by two codes is listed once). */
export const ALL_ERROR_REASONS: readonly ErrorReason[] = [...new Set(Object.values(ERROR_REASONS).flat() as ErrorReason[])];

export function isErrorReason(value: unknown): value is ErrorReason {
  return typeof value === 'string' && (ALL_ERROR_REASONS as readonly string[]).includes(value);
}
