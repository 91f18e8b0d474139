import { badInput } from './errors';

/** Input checks shared by records (clear English messages; `field` is the input path). */

export function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw badInput('INVALID_TEXT', `${field} must be text`, field);
  const trimmed = value.trim();
  if (trimmed.length > max) throw badInput('TOO_LONG', `${field} is too long (at most ${max} characters)`, field, { max });
  return trimmed === '' ? null : trimmed;
}

export function requiredText(value: string | null | undefined, field: string, max: number): string {
  const text = optionalText(value, field, max);
  if (text === null) throw badInput('REQUIRED', `${field} is required`, field);
  return text;
}

export function optionalDigits(value: string | null | undefined, field: string, length: number): string | null {
  const text = optionalText(value?.replace(/\s+/g, ''), field, length);
  if (text === null) return null;
  if (!new RegExp(`^\\d{${length}}$`).test(text)) throw badInput('INVALID_DIGITS', `${field} must be exactly ${length} digits`, field);
  return text;
}

export function intInRange(value: number | null | undefined, field: string, min: number, max: number, fallback?: number): number {
  if (value === null || value === undefined) {
    if (fallback !== undefined) return fallback;
    throw badInput('REQUIRED', `${field} is required`, field);
  }
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw badInput('OUT_OF_RANGE', `${field} must be an integer between ${min} and ${max}`, field, { min, max });
  }
  return value;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function optionalEmail(value: string | null | undefined, field: string): string | null {
  const text = optionalText(value, field, 254);
  if (text !== null && !EMAIL.test(text)) throw badInput('INVALID_EMAIL', `${field} is not a valid e-mail address`, field);
  return text;
}

/** `YYYY-MM-DD` that is a real calendar day. */
export function optionalDay(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw badInput('INVALID_DATE', `${field} must be a date as YYYY-MM-DD`, field);
  }
  return value;
}
