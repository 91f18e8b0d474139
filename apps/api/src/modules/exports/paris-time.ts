/**
 * Comptoir's users are French businesses: instants go into spreadsheets as Paris
 * wall-clock time. The offset is cached per UTC hour (time-zone changes happen on
 * the hour), so a million rows cost a million map look-ups, not Intl calls.
 */
const HOUR = 3_600_000;
const offsets = new Map<number, number>();
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Milliseconds to add to a UTC instant to get Paris wall-clock time. */
export function parisOffsetMs(utcMs: number): number {
  const hour = Math.floor(utcMs / HOUR);
  let offset = offsets.get(hour);
  if (offset === undefined) {
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

/** `dd/mm/yyyy` of a `YYYY-MM-DD` day. */
export function frenchDay(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `dd/mm/yyyy hh:mm:ss`, Paris time. */
export function frenchDateTime(instant: Date): string {
  const d = parisWallClock(instant);
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

/** TypeORM hands instants back as Date (MySQL/MariaDB) or as `YYYY-MM-DD HH:MM:SS.SSS` UTC text (SQLite raw rows). */
export function asInstant(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(text.includes('T') ? text : `${text.replace(' ', 'T')}Z`);
}

/** The same text form SQLite stores, accepted by MySQL/MariaDB too, for comparing TIMESTAMP columns. */
export function sqlInstant(instant: Date): string {
  return instant.toISOString().replace('T', ' ').replace('Z', '');
}
