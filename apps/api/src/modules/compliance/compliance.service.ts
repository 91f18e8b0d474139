import { DocumentType } from '@comptoir/schema';
import type { RequestContext } from '../../core/context';
import { verifyHistoryChain } from '../history/history.service';

export interface ComplianceCheckView {
  key: string;
  label: string;
  ok: boolean;
  /** The exact faults (empty when ok), at most 50. */
  faults: string[];
}

const MAX_FAULTS = 50;
const check = (key: string, label: string, faults: string[]): ComplianceCheckView => ({ key, label, ok: faults.length === 0, faults: faults.slice(0, MAX_FAULTS) });
const num = (v: number | string | null) => Number(v ?? 0);

/** Numbers of each type and year run 1, 2, 3… with no gap and no repeat, up to the counter. */
async function numbering(ctx: RequestContext): Promise<string[]> {
  const rows = (await ctx.query(
    'SELECT `type`, `numberYear` AS year, `numberSequence` AS seq, `number` FROM `documents` WHERE `dossierId` = ? AND `numberSequence` IS NOT NULL ORDER BY `type`, `numberYear`, `numberSequence`',
    [ctx.dossierId],
  )) as { type: string; year: number | string; seq: number | string; number: string }[];
  const counters = (await ctx.query('SELECT `type`, `year`, `lastNumber` FROM `document_counters` WHERE `dossierId` = ?', [ctx.dossierId])) as {
    type: string;
    year: number | string;
    lastNumber: number | string;
  }[];
  const faults: string[] = [];
  const series = new Map<string, number[]>();
  for (const r of rows) series.set(`${r.type} ${num(r.year)}`, [...(series.get(`${r.type} ${num(r.year)}`) ?? []), num(r.seq)]);
  for (const [key, seqs] of series) {
    let expected = 1;
    for (const s of seqs) {
      if (s < expected) faults.push(`${key}: number ${s} given twice`);
      else {
        if (s > expected) faults.push(`${key}: ${s === expected + 1 ? `number ${expected} is missing` : `numbers ${expected} to ${s - 1} are missing`}`);
        expected = s + 1;
      }
    }
    const counter = counters.find((c) => `${c.type} ${num(c.year)}` === key);
    if (counter && num(counter.lastNumber) !== expected - 1) faults.push(`${key}: the counter is at ${num(counter.lastNumber)}, the last number given is ${expected - 1}`);
  }
  return faults;
}

async function historyChain(ctx: RequestContext): Promise<string[]> {
  const result = await verifyHistoryChain(ctx);
  return result.ok ? [] : [`entry ${result.brokenAtSequence ?? '?'}: ${result.reason ?? 'broken link'}`];
}

/** Every issued invoice and credit note has its sales entry, and only one. */
async function documentsHaveEntries(ctx: RequestContext): Promise<string[]> {
  const rows = (await ctx.query(
    "SELECT d.`number` AS number, COUNT(e.`id`) AS n FROM `documents` d LEFT JOIN `accounting_entries` e ON e.`dossierId` = d.`dossierId` AND e.`documentId` = d.`id` AND e.`journalKind` = 'SALES' " +
      "WHERE d.`dossierId` = ? AND d.`type` IN (?, ?) AND d.`status` <> 'DRAFT' GROUP BY d.`id`, d.`number` HAVING COUNT(e.`id`) <> 1 ORDER BY d.`number`",
    [ctx.dossierId, DocumentType.INVOICE, DocumentType.CREDIT_NOTE],
  )) as { number: string; n: number | string }[];
  return rows.map((r) => (num(r.n) === 0 ? `${r.number} has no accounting entry` : `${r.number} has ${num(r.n)} sales entries`));
}

/** Every entry balances: its lines' debits equal their credits and its totals. */
async function entriesBalanced(ctx: RequestContext): Promise<string[]> {
  const rows = (await ctx.query(
    'SELECT e.`journalCode` AS journal, e.`number` AS number, e.`totalDebitCents` AS td, e.`totalCreditCents` AS tc, COALESCE(SUM(l.`debitCents`), 0) AS d, COALESCE(SUM(l.`creditCents`), 0) AS c ' +
      'FROM `accounting_entries` e LEFT JOIN `accounting_entry_lines` l ON l.`dossierId` = e.`dossierId` AND l.`entryId` = e.`id` WHERE e.`dossierId` = ? ' +
      'GROUP BY e.`id`, e.`journalCode`, e.`number`, e.`totalDebitCents`, e.`totalCreditCents` HAVING SUM(l.`debitCents`) <> SUM(l.`creditCents`) OR SUM(l.`debitCents`) <> e.`totalDebitCents` OR SUM(l.`creditCents`) <> e.`totalCreditCents` OR COUNT(l.`id`) = 0',
    [ctx.dossierId],
  )) as { journal: string; number: number | string; d: number | string; c: number | string }[];
  return rows.map((r) => `entry ${r.journal} ${num(r.number)}: debit ${num(r.d)}, credit ${num(r.c)}`);
}

/** Collected periods stay closed: no entry written after the collection, no overlapping batches. */
async function collectedPeriodsClosed(ctx: RequestContext): Promise<string[]> {
  const late = (await ctx.query(
    "SELECT b.`number` AS batch, e.`journalCode` AS journal, e.`number` AS number FROM `accounting_batches` b JOIN `accounting_entries` e ON e.`dossierId` = b.`dossierId` AND e.`entryDate` >= b.`periodStart` AND e.`entryDate` <= b.`periodEnd` " +
      "WHERE b.`dossierId` = ? AND e.`dossierId` = ? AND b.`status` = 'COLLECTED' AND e.`validatedAt` > b.`collectedAt`",
    [ctx.dossierId, ctx.dossierId],
  )) as { batch: number | string; journal: string; number: number | string }[];
  const batches = (await ctx.query('SELECT `number`, `periodStart`, `periodEnd`, `status`, `collectedAt` FROM `accounting_batches` WHERE `dossierId` = ? ORDER BY `periodStart`', [ctx.dossierId])) as {
    number: number | string;
    periodStart: string;
    periodEnd: string;
    status: string;
    collectedAt: string | null;
  }[];
  const faults = late.map((r) => `batch ${num(r.batch)}: entry ${r.journal} ${num(r.number)} was written after the batch was collected`);
  batches.forEach((b, i) => {
    if (b.status === 'COLLECTED' && !b.collectedAt) faults.push(`batch ${num(b.number)} is collected without a date`);
    const next = batches[i + 1];
    if (next && next.periodStart <= b.periodEnd) faults.push(`batches ${num(b.number)} and ${num(next.number)} overlap`);
  });
  return faults;
}

/** The compliance self-check (OWNER, ADV, ACCOUNTANT): each rule ✓ or its exact faults. */
export async function complianceCheck(ctx: RequestContext): Promise<ComplianceCheckView[]> {
  return [
    check('NUMBERING', 'Numérotation continue par type et par année', await numbering(ctx)),
    check('HISTORY_CHAIN', 'Chaîne de l’historique intacte', await historyChain(ctx)),
    check('DOCUMENTS_HAVE_ENTRIES', 'Chaque pièce émise a son écriture', await documentsHaveEntries(ctx)),
    check('ENTRIES_BALANCED', 'Chaque écriture est équilibrée', await entriesBalanced(ctx)),
    check('COLLECTED_PERIODS_CLOSED', 'Chaque période collectée est close', await collectedPeriodsClosed(ctx)),
  ];
}
