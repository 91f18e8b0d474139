// Number and date formatting for the UI. Money travels as integer cents (a number or,
// for BIGINT columns, a decimal string): it is never divided as a float, so
// 123456789012345 cents prints exactly.
export type Language = 'fr' | 'en';

const LOCALES: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };
// Comptoir's users are French businesses: times are shown in Paris time whatever the browser says.
const TIME_ZONE = 'Europe/Paris';

const amountFormats = new Map<string, Intl.NumberFormat>();
function amountFormat(language: Language, currency: string): Intl.NumberFormat {
  const key = `${language}:${currency}`;
  let format = amountFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency });
    amountFormats.set(key, format);
  }
  return format;
}

/** `123456` cents → `1 234,56 €` (French) or `€1,234.56` (English). */
export function formatAmount(cents: number | bigint | string, language: Language = 'fr', currency = 'EUR'): string {
  const value = typeof cents === 'bigint' ? cents : BigInt(typeof cents === 'number' ? Math.trunc(cents) : cents.trim());
  const negative = value < 0n;
  const abs = negative ? -value : value;
  // A decimal string keeps every digit; Intl formats it without going through a float.
  const decimal = `${negative ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
  return amountFormat(language, currency).format(decimal as Intl.StringNumericLiteral);
}

/** A calendar date (`2026-11-29`) or an instant (ISO 8601) → `29/11/2026`. */
export function formatDate(value: string | Date, language: Language = 'fr'): string {
  // A bare calendar date has no time zone: format it as it is written.
  const calendarDate = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  return new Intl.DateTimeFormat(LOCALES[language], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: calendarDate ? 'UTC' : TIME_ZONE,
  }).format(calendarDate ? new Date(`${value}T00:00:00Z`) : new Date(value));
}

/** An instant → `29/11/2026 14:03:12`, in Paris time. */
export function formatDateTime(value: string | Date, language: Language = 'fr'): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZone: TIME_ZONE,
  })
    .format(new Date(value))
    .replace(',', '');
}
