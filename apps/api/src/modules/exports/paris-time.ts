/** Database-side time helpers of the exports; the Paris-time formatting itself is shared (`@comptoir/schema`). */
export { frenchDateTime, frenchDay, parisDayStart, parisWallClock } from '@comptoir/schema';

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
