/**
 * French display of money, dates and instants, shared by the SPA (screens) and the
 * API (exports, mails). Comptoir's users are French businesses: instants are shown
 * in Paris time whatever the browser or the server says. Money is never divided
 * as a float: cents become a decimal string that Intl formats digit for digit.
 */
import type { Language } from './document-status';
import { centsToDecimal, formatScaled } from './money';

const LOCALES: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };
export const TIME_ZONE = 'Europe/Paris';

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

function toBigInt(value: number | bigint | string): bigint {
  if (typeof value === 'bigint') return value;
  return BigInt(typeof value === 'number' ? Math.trunc(value) : value.trim());
}

/** `123456` cents → `1 234,56 €` (French) or `€1,234.56` (English). */
export function formatAmount(cents: number | bigint | string, language: Language = 'fr', currency = 'EUR'): string {
  return amountFormat(language, currency).format(centsToDecimal(toBigInt(cents)) as Intl.StringNumericLiteral);
}

/** A wire decimal amount (`"1234.56"`) → `1 234,56 €`. */
export function formatDecimalAmount(decimal: string, language: Language = 'fr', currency = 'EUR'): string {
  return amountFormat(language, currency).format(decimal.trim() as Intl.StringNumericLiteral);
}

/** An integer of `scale` decimals in French writing, without trailing zeros (2500, 3 → "2,5"). */
export function formatScaledFr(value: number | bigint, scale: number): string {
  return formatScaled(value, scale).replace('.', ',');
}

/** Cents → the text of a price input (`1250` → `12,50`). */
export function centsToInput(cents: number | bigint): string {
  return centsToDecimal(cents).replace('.', ',');
}

/** A VAT or discount rate: 5.5 (percent) or 550 with `scaled` (basis points) → "5,5 %". */
export function formatRate(rate: number | bigint | string, scaled = false): string {
  const text = scaled ? formatScaled(BigInt(rate), 2) : String(rate);
  return `${text.replace('.', ',')} %`;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date (`2026-11-29`) or an instant (ISO 8601) → `29/11/2026`. */
export function formatDate(value: string | Date, language: Language = 'fr'): string {
  // A bare calendar date has no time zone: format it as it is written.
  const calendarDate = typeof value === 'string' && ISO_DAY.test(value);
  return dateFormat(language, calendarDate ? 'UTC' : TIME_ZONE).format(calendarDate ? new Date(`${value}T00:00:00Z`) : new Date(value));
}

/** An instant → `29/11/2026 14:03:12`, in Paris time. */
export function formatDateTime(value: string | Date, language: Language = 'fr'): string {
  return dateTimeFormat(language)
    .format(new Date(value))
    .replace(',', '');
}

// Creating an Intl formatter costs far more than using one (a list of 20 dates on a
// slowed phone CPU): one per language and zone, made on first use.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(language: Language, timeZone: string): Intl.DateTimeFormat {
  const key = `${language}:${timeZone}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language], { day: '2-digit', month: '2-digit', year: 'numeric', timeZone });
    dateFormats.set(key, format);
  }
  return format;
}

const dateTimeFormats = new Map<Language, Intl.DateTimeFormat>();
function dateTimeFormat(language: Language): Intl.DateTimeFormat {
  let format = dateTimeFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language], {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZone: TIME_ZONE,
    });
    dateTimeFormats.set(language, format);
  }
  return format;
}

// Paris wall-clock time for exports: the offset is cached per UTC hour (time-zone
// changes happen on the hour), so a million rows cost a million map look-ups, not Intl calls.
const HOUR = 3_600_000;
const offsets = new Map<number, number>();
let parts: Intl.DateTimeFormat | null = null;

/** Milliseconds to add to a UTC instant to get Paris wall-clock time. */
export function parisOffsetMs(utcMs: number): number {
  const hour = Math.floor(utcMs / HOUR);
  let offset = offsets.get(hour);
  if (offset === undefined) {
    parts ??= new Intl.DateTimeFormat('en-GB', {
      timeZone: TIME_ZONE,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    const p = Object.fromEntries(parts.formatToParts(new Date(hour * HOUR)).map((x) => [x.type, x.value]));
    const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
    offset = wall - hour * HOUR;
    if (offsets.size > 50_000) offsets.clear();
    offsets.set(hour, offset);
  }
  return offset;
}

/** The instant as a Date whose UTC fields read as Paris time (what a spreadsheet cell shows). */
export function parisWallClock(instant: Date): Date {
  const ms = instant.getTime();
  return new Date(ms + parisOffsetMs(ms));
}

/** The UTC instant of midnight, Paris time, of a `YYYY-MM-DD` day. */
export function parisDayStart(day: string): Date {
  const wall = Date.parse(`${day}T00:00:00Z`);
  const first = wall - parisOffsetMs(wall);
  return new Date(wall - parisOffsetMs(first));
}

/** The Paris calendar day (`YYYY-MM-DD`) of an instant. */
export function parisDay(instant: Date): string {
  return parisWallClock(instant).toISOString().slice(0, 10);
}

/** `dd/mm/yyyy` of a `YYYY-MM-DD` day (no Intl: exports call it per row). */
export function frenchDay(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `dd/mm/yyyy hh:mm:ss`, Paris time (no Intl per call: exports call it per row). */
export function frenchDateTime(instant: Date): string {
  const d = parisWallClock(instant);
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

/**
 * Eight characters that tell records apart in a sentence (« DS-3F9A12BC »). Keys are
 * UUIDv7, whose first characters are the creation time (the same for records made
 * within a minute): the short form takes the random end instead.
 */
export function shortId(id: string): string {
  return id.replace(/-/g, '').slice(-8);
}
