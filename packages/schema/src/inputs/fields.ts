import { z } from 'zod';
import type { ErrorCode } from '../enums';
import type { ReasonOf } from '../errors';
import { DECIMAL_PATTERN, MAX_QUANTITY_MILLI, MAX_UNIT_PRICE_CENTS, parseDecimal, SCALE, vatRateBp } from '../domain/money';

/**
 * The building blocks of the input schemas. Each refusal carries a stable
 * `reason` (see `FieldErrorReason`) so that the SPA words it in French and the
 * API in English; custom checks name theirs in `params.reason`.
 */

/** A field's refusal reason: one of the BAD_USER_INPUT reasons of the shared registry (`errors.ts`). */
export type FieldErrorReason = ReasonOf<ErrorCode.BAD_USER_INPUT>;

/** A refusal of a custom check, with its reason. */
export function refuse(ctx: z.RefinementCtx, reason: FieldErrorReason, message: string, path: PropertyKey[] = [], extra: Record<string, unknown> = {}): void {
  ctx.addIssue({ code: 'custom', message, path, params: { reason, ...extra } });
}

const blank = (value: string) => value.trim() === '';

/** Text of at most `max` characters, absent, null or blank allowed (stored as null). */
export const optionalText = (max: number) => z.string().max(max, { error: `At most ${max} characters` }).nullish();

/** Text of at most `max` characters, not blank (leading and trailing spaces do not count). */
export const requiredText = (max: number) =>
  z
    .string({ error: 'Required' })
    .refine((v) => !blank(v), { error: 'Required', params: { reason: 'REQUIRED' } })
    .refine((v) => v.trim().length <= max, { error: `At most ${max} characters`, params: { reason: 'TOO_LONG', max } });

/** An id (uuid-like text); its existence is the service's business. */
export const id = () => z.string({ error: 'Required' }).min(1, { error: 'Required' }).max(36, { error: 'Not an id' });

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An e-mail address (spaces around are ignored; case is not significant). */
export const email = () =>
  z
    .string({ error: 'Required' })
    .refine((v) => !blank(v), { error: 'Required', params: { reason: 'REQUIRED' } })
    .refine((v) => v.trim().length <= 254 && EMAIL.test(v.trim()), { error: 'Not a valid e-mail address', params: { reason: 'INVALID_EMAIL' } });

export const optionalEmail = () =>
  z
    .string()
    .refine((v) => blank(v) || (v.trim().length <= 254 && EMAIL.test(v.trim())), { error: 'Not a valid e-mail address', params: { reason: 'INVALID_EMAIL' } })
    .nullish();

/** Password policy: at least 10 characters (NIST SP 800-63B / ANSSI favour length), at most 200. */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
export const password = () =>
  z
    .string({ error: 'Required' })
    .refine((v) => v.length > 0, { error: 'Required', params: { reason: 'REQUIRED' } })
    .refine((v) => v.length === 0 || [...v].length >= PASSWORD_MIN, { error: `At least ${PASSWORD_MIN} characters`, params: { reason: 'TOO_SHORT', min: PASSWORD_MIN } })
    .refine((v) => [...v].length <= PASSWORD_MAX, { error: `At most ${PASSWORD_MAX} characters`, params: { reason: 'TOO_LONG', max: PASSWORD_MAX } });

/** A password that is checked against the stored hash (login, current password): only not empty. */
export const currentPassword = () => z.string({ error: 'Required' }).min(1, { error: 'Required' }).max(PASSWORD_MAX * 4, { error: 'Too long' });

/** A calendar day `YYYY-MM-DD` that exists (the wire form of `LocalDate`). */
export function isLocalDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}
export const localDate = () => z.string({ error: 'Required' }).refine(isLocalDate, { error: 'A date as YYYY-MM-DD', params: { reason: 'INVALID_DATE' } });
export const optionalLocalDate = () => localDate().nullish();

/**
 * A decimal string with at most `scale` decimals between `min` and `max` (both
 * given in units of 10^-scale, inclusive; `minExclusive` for "greater than").
 */
export function decimal(scale: number, bounds: { min?: number; minExclusive?: number; max?: number; label?: string } = {}) {
  return z.string({ error: 'Required' }).superRefine((value, ctx) => {
    const text = value.trim();
    if (!DECIMAL_PATTERN.test(text)) return refuse(ctx, 'INVALID_NUMBER', 'A decimal number such as 1234.56');
    const scaled = parseDecimal(text, scale);
    if (scaled === null) return refuse(ctx, 'INVALID_NUMBER', `At most ${scale} decimals`, [], { scale });
    const n = Number(scaled);
    const unit = 10 ** scale;
    if (bounds.minExclusive !== undefined && n <= bounds.minExclusive) return refuse(ctx, 'OUT_OF_RANGE', `Must be greater than ${bounds.minExclusive / unit}`, [], { min: bounds.minExclusive / unit });
    if (bounds.min !== undefined && n < bounds.min) return refuse(ctx, 'OUT_OF_RANGE', `Must be at least ${bounds.min / unit}`, [], { min: bounds.min / unit });
    if (bounds.max !== undefined && n > bounds.max) return refuse(ctx, 'OUT_OF_RANGE', `Must be at most ${bounds.max / unit}`, [], { max: bounds.max / unit });
  });
}

/** A quantity: > 0 and ≤ 1,000,000, at most 3 decimals. */
export const quantity = () => decimal(SCALE.quantity, { minExclusive: 0, max: MAX_QUANTITY_MILLI });
/** A percentage 0..100 with at most 2 decimals (discounts). */
export const percent = () => decimal(SCALE.percent, { min: 0, max: 10_000 });
/** One of the French VAT rates: 20, 10, 5.5, 2.1, 0. */
export const vatRate = () =>
  z.string({ error: 'Required' }).refine((v) => vatRateBp(v) !== null, { error: 'Not a French VAT rate (20, 10, 5.5, 2.1 or 0)', params: { reason: 'INVALID_VAT_RATE', allowed: ['20', '10', '5.5', '2.1', '0'] } });

/** A whole number of cents within ±MAX_UNIT_PRICE_CENTS (or 0..max with `nonNegative`). */
export const cents = (options: { nonNegative?: boolean } = {}) =>
  z
    .number({ error: 'Required' })
    .int({ error: 'Whole cents' })
    .min(options.nonNegative ? 0 : -MAX_UNIT_PRICE_CENTS, { error: options.nonNegative ? 'Must not be negative' : `At least -${MAX_UNIT_PRICE_CENTS}` })
    .max(MAX_UNIT_PRICE_CENTS, { error: `At most ${MAX_UNIT_PRICE_CENTS}` });

export const intRange = (min: number, max: number) =>
  z.number({ error: 'Required' }).int({ error: 'A whole number' }).min(min, { error: `At least ${min}` }).max(max, { error: `At most ${max}` });

/** SIRET: 14 digits (spaces ignored). */
export const siret = () =>
  z
    .string()
    .refine((v) => blank(v) || /^\d{14}$/.test(v.replace(/\s+/g, '')), { error: 'Exactly 14 digits', params: { reason: 'INVALID_SIRET' } })
    .nullish();

/** SIRET checked with its Luhn key (the dossier's own). */
export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    let d = Number(value[13 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  // La Poste's establishments (SIREN 356000000) are numbered with a key modulo 5.
  if (value.startsWith('356000000')) return sum % 5 === 0;
  return sum % 10 === 0;
}

export const luhnSiret = () =>
  z
    .string()
    .refine((v) => blank(v) || isValidSiret(v.replace(/\s+/g, '')), { error: '14 digits with a valid check key', params: { reason: 'INVALID_SIRET' } })
    .nullish();

export const digits = (length: number) =>
  z
    .string()
    .refine((v) => blank(v) || new RegExp(`^\\d{${length}}$`).test(v.replace(/\s+/g, '')), { error: `Exactly ${length} digits`, params: { reason: 'INVALID_DIGITS', length } })
    .nullish();

export const vatNumber = () =>
  z
    .string()
    .refine((v) => blank(v) || /^[A-Z]{2}[0-9A-Z]{2,13}$/.test(v.replace(/\s+/g, '').toUpperCase()), { error: 'Not a VAT number', params: { reason: 'INVALID_VAT_NUMBER' } })
    .nullish();

export const country = () =>
  z
    .string()
    .refine((v) => blank(v) || /^[A-Za-z]{2}$/.test(v.trim()), { error: 'A two-letter ISO code', params: { reason: 'INVALID_COUNTRY' } })
    .nullish();

/** Page size and cursor of a list. */
export const first = (max: number) => intRange(1, max);
export const cursor = () => z.string().max(200, { error: 'Invalid cursor' }).nullish();
