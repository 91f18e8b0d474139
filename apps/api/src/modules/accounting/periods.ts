import { AccountingBatchStatus } from '@comptoir/schema';
import type { RequestContext } from '../../core/context';
import { conflict } from '../../core/errors';
import { AccountingBatch } from './accounting.entity';

/** `YYYY-MM-DD` + n days (UTC calendar arithmetic). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** First and last day of the month of `day`. */
export function monthOf(day: string): { start: string; end: string } {
  const d = new Date(`${day}T00:00:00Z`);
  const start = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
  const end = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
  return { start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) };
}

/** `01/11/2026 – 30/11/2026` */
export function periodLabel(batch: Pick<AccountingBatch, 'periodStart' | 'periodEnd'>): string {
  const fr = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
  return `${fr(batch.periodStart)} – ${fr(batch.periodEnd)}`;
}

/**
 * Takes the next value of a dossier counter (`BATCH`, `JOURNAL:VT`…) inside the
 * caller's transaction, the row locked (`FOR UPDATE` on MySQL/MariaDB; SQLite
 * transactions are serialized). `bump: false` only locks it.
 */
export async function counter(ctx: RequestContext, name: string, bump = true): Promise<number> {
  if (!ctx.inTransaction) throw new Error('accounting counters are taken inside the transaction that uses them');
  const sqlite = ctx.dialect === 'better-sqlite3';
  const key = [ctx.dossierId, name];
  await ctx.query(
    sqlite
      ? 'INSERT OR IGNORE INTO `accounting_counters` (`dossierId`, `name`, `lastNumber`) VALUES (?, ?, 0)'
      : 'INSERT INTO `accounting_counters` (`dossierId`, `name`, `lastNumber`) VALUES (?, ?, 0) ON DUPLICATE KEY UPDATE `lastNumber` = `lastNumber`',
    key,
  );
  const rows = (await ctx.query(
    `SELECT \`lastNumber\` FROM \`accounting_counters\` WHERE \`dossierId\` = ? AND \`name\` = ?${sqlite ? '' : ' FOR UPDATE'}`,
    key,
  )) as { lastNumber: number | string }[];
  const current = Number(rows[0].lastNumber);
  if (!bump) return current;
  await ctx.query('UPDATE `accounting_counters` SET `lastNumber` = ? WHERE `dossierId` = ? AND `name` = ?', [current + 1, ...key]);
  return current + 1;
}

/** Every accounting write of a dossier runs under this lock (see AccountingCounter). */
export function lockAccounting(ctx: RequestContext): Promise<number> {
  return counter(ctx, 'BATCH', false);
}

export async function batchCovering(ctx: RequestContext, day: string): Promise<AccountingBatch | null> {
  return ctx
    .scoped(AccountingBatch, 'Accounting batch')
    .query('b')
    .andWhere('b.periodStart <= :day AND b.periodEnd >= :day', { day })
    .getOne();
}

/** The batch whose period holds `day`, created (a month, clipped by its neighbours) when there is none. */
export async function ensureBatch(ctx: RequestContext, day: string): Promise<AccountingBatch> {
  const existing = await batchCovering(ctx, day);
  if (existing) return existing;
  const repo = ctx.scoped(AccountingBatch, 'Accounting batch');
  const before = await repo.query('b').andWhere('b.periodEnd < :day', { day }).orderBy('b.periodEnd', 'DESC').limit(1).getOne();
  const after = await repo.query('b').andWhere('b.periodStart > :day', { day }).orderBy('b.periodStart', 'ASC').limit(1).getOne();
  const month = monthOf(day);
  const start = before && addDays(before.periodEnd, 1) > month.start ? addDays(before.periodEnd, 1) : month.start;
  const end = after && addDays(after.periodStart, -1) < month.end ? addDays(after.periodStart, -1) : month.end;
  const batch = repo.create({ number: await counter(ctx, 'BATCH'), periodStart: start, periodEnd: end, status: AccountingBatchStatus.OPEN, version: 1 });
  batch.collectedById = null;
  batch.collectedByName = null;
  batch.collectedAt = null;
  await repo.insert(batch);
  return batch;
}

export function periodCollected(batch: AccountingBatch) {
  return conflict(
    'PERIOD_COLLECTED',
    `The period ${periodLabel(batch)} (batch n° ${batch.number}) was collected by the accountant: nothing can be dated inside it any more`,
    { batchId: batch.id, batchNumber: batch.number, periodStart: batch.periodStart, periodEnd: batch.periodEnd },
  );
}

/**
 * The day an entry dated `day` is written on, its batch created if needed: `refuse`
 * answers CONFLICT PERIOD_COLLECTED when that period is collected; `roll` moves the
 * entry to the first day of the next open period (credit notes).
 */
export async function openDay(ctx: RequestContext, day: string, mode: 'refuse' | 'roll'): Promise<{ day: string; batch: AccountingBatch }> {
  let current = day;
  for (;;) {
    const batch = await batchCovering(ctx, current);
    if (!batch || batch.status === AccountingBatchStatus.OPEN) return { day: current, batch: batch ?? (await ensureBatch(ctx, current)) };
    if (mode === 'refuse') throw periodCollected(batch);
    current = addDays(batch.periodEnd, 1);
  }
}
