import { Plan } from '@comptoir/schema';
import { badInput } from '../../core/errors';
import { normalizeEmail } from './user.entity';

/**
 * Password policy: at least 10 characters (NIST SP 800-63B / ANSSI favour length
 * over composition rules), at most 200 so hashing stays cheap to refuse, and not
 * the login e-mail itself.
 */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export function checkPassword(password: string | null | undefined, field: string, email?: string): string {
  if (typeof password !== 'string' || password.length === 0) throw badInput('REQUIRED', `${field} is required`, field);
  const length = [...password].length;
  if (length < PASSWORD_MIN) throw badInput('TOO_SHORT', `${field} must have at least ${PASSWORD_MIN} characters`, field, { min: PASSWORD_MIN });
  if (length > PASSWORD_MAX) throw badInput('TOO_LONG', `${field} must have at most ${PASSWORD_MAX} characters`, field, { max: PASSWORD_MAX });
  if (email && normalizeEmail(password) === email) throw badInput('PASSWORD_IS_EMAIL', `${field} must not be the e-mail address`, field);
  return password;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkEmail(value: string | null | undefined, field: string): string {
  const email = normalizeEmail(value ?? '');
  if (!email) throw badInput('REQUIRED', `${field} is required`, field);
  if (email.length > 254 || !EMAIL.test(email)) throw badInput('INVALID_EMAIL', `${field} is not a valid e-mail address`, field);
  return email;
}

export function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed.length > max) throw badInput('TOO_LONG', `${field} is too long (at most ${max} characters)`, field, { max });
  return trimmed === '' ? null : trimmed;
}

export function requiredText(value: string | null | undefined, field: string, max: number): string {
  const text = optionalText(value, field, max);
  if (text === null) throw badInput('REQUIRED', `${field} is required`, field);
  return text;
}

/** SIRET: 14 digits, spaces allowed in the input. */
export function optionalSiret(value: string | null | undefined, field: string): string | null {
  const text = optionalText(value?.replace(/\s+/g, ''), field, 14);
  if (text !== null && !/^\d{14}$/.test(text)) throw badInput('INVALID_DIGITS', `${field} must be exactly 14 digits`, field);
  return text;
}

export function checkPlan(value: Plan, field: string): Plan {
  if (!Object.values(Plan).includes(value)) throw badInput('INVALID_CHOICE', `${field} must be one of ${Object.values(Plan).join(', ')}`, field);
  return value;
}
