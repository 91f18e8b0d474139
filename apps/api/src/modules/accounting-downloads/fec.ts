import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { RequestContext } from '../../core/context';
import { conflict } from '../../core/errors';
import { centsToFrench, csvWriter, xlsxWriter, type RowWriter, type SheetColumn } from '../exports/export-writers';
import type { CellValue } from '../exports/export-columns';
import type { AccountingBatch } from '../accounting/accounting.entity';
import { batchEntries, type EntryView } from '../accounting/accounting.service';
import { chartOf } from '../accounting/chart';
import { Dossier } from '../identity/dossier.entity';
import { isoDay } from '../../core/clock';

/** The 18 columns of the FEC, in the order of LPF art. A47 A-1. */
export const FEC_COLUMNS = [
  'JournalCode',
  'JournalLib',
  'EcritureNum',
  'EcritureDate',
  'CompteNum',
  'CompteLib',
  'CompAuxNum',
  'CompAuxLib',
  'PieceRef',
  'PieceDate',
  'EcritureLib',
  'Debit',
  'Credit',
  'EcritureLet',
  'DateLet',
  'ValidDate',
  'Montantdevise',
  'Idevise',
] as const;

/** The same columns in the CSV and .xlsx downloads (typed cells there). */
const SHEET_COLUMNS: SheetColumn[] = [
  { labelFr: 'JournalCode', type: 'text', width: 10 },
  { labelFr: 'JournalLib', type: 'text', width: 22 },
  { labelFr: 'EcritureNum', type: 'integer', width: 10 },
  { labelFr: 'EcritureDate', type: 'date', width: 12 },
  { labelFr: 'CompteNum', type: 'text', width: 12 },
  { labelFr: 'CompteLib', type: 'text', width: 30 },
  { labelFr: 'CompAuxNum', type: 'text', width: 16 },
  { labelFr: 'CompAuxLib', type: 'text', width: 30 },
  { labelFr: 'PieceRef', type: 'text', width: 16 },
  { labelFr: 'PieceDate', type: 'date', width: 12 },
  { labelFr: 'EcritureLib', type: 'text', width: 40 },
  { labelFr: 'Debit', type: 'money', width: 14 },
  { labelFr: 'Credit', type: 'money', width: 14 },
  { labelFr: 'EcritureLet', type: 'text', width: 8 },
  { labelFr: 'DateLet', type: 'date', width: 12 },
  { labelFr: 'ValidDate', type: 'date', width: 12 },
  { labelFr: 'Montantdevise', type: 'money', width: 14 },
  { labelFr: 'Idevise', type: 'text', width: 8 },
];

/** One FEC line (one line of an entry), typed: dates YYYY-MM-DD, amounts in cents. */
interface FecRow {
  journalCode: string;
  journalName: string;
  ecritureNum: number;
  entryDate: string;
  accountNumber: string;
  accountLabel: string;
  auxiliaryAccount: string | null;
  auxiliaryLabel: string | null;
  pieceRef: string;
  pieceDate: string;
  label: string;
  debitCents: number;
  creditCents: number;
  validDate: string;
}

/**
 * EcritureNum: continuous per journal across the dossier's batches taken in period
 * order, then in order of validation inside a batch — the numbering of the FEC the
 * accountant collects, whatever the day an entry was written.
 */
async function firstNumbers(ctx: RequestContext, batch: AccountingBatch): Promise<Map<string, number>> {
  const rows = (await ctx.query(
    'SELECT `journalCode` AS journalCode, COUNT(*) AS n FROM `accounting_entries` WHERE `dossierId` = ? AND `entryDate` < ? GROUP BY `journalCode`',
    [ctx.dossierId, batch.periodStart],
  )) as { journalCode: string; n: number | string }[];
  return new Map(rows.map((r) => [r.journalCode, Number(r.n)]));
}

export async function fecRows(ctx: RequestContext, batch: AccountingBatch): Promise<FecRow[]> {
  const before = await firstNumbers(ctx, batch);
  const entries: EntryView[] = await batchEntries(ctx, batch);
  const rows: FecRow[] = [];
  for (const entry of entries) {
    const num = (before.get(entry.journalCode) ?? 0) + 1;
    before.set(entry.journalCode, num);
    const validated = isoDay(entry.validatedAt);
    for (const line of entry.lines) {
      rows.push({
        journalCode: entry.journalCode,
        journalName: entry.journalName,
        ecritureNum: num,
        entryDate: entry.entryDate,
        accountNumber: line.accountNumber,
        accountLabel: line.accountLabel,
        auxiliaryAccount: line.auxiliaryAccount,
        auxiliaryLabel: line.auxiliaryLabel,
        pieceRef: entry.pieceRef,
        pieceDate: entry.pieceDate,
        label: entry.label,
        debitCents: line.debitCents,
        creditCents: line.creditCents,
        validDate: validated > entry.entryDate ? validated : entry.entryDate,
      });
    }
  }
  return rows;
}

const compact = (day: string) => day.replace(/-/g, '');
/** A FEC text field: no tab, no line break (they would shift the columns). */
const field = (text: string | null) => (text ?? '').replace(/[\t\r\n]+/g, ' ').trim();

export function fecLine(r: FecRow): string {
  return [
    r.journalCode,
    field(r.journalName),
    String(r.ecritureNum),
    compact(r.entryDate),
    r.accountNumber,
    field(r.accountLabel),
    field(r.auxiliaryAccount),
    field(r.auxiliaryLabel),
    field(r.pieceRef),
    compact(r.pieceDate),
    field(r.label),
    centsToFrench(r.debitCents),
    centsToFrench(r.creditCents),
    '',
    '',
    compact(r.validDate),
    '',
    '',
  ].join('\t');
}

/** The dossier's SIREN for the file name: the accounting settings', else the SIRET's; CONFLICT SIREN_REQUIRED otherwise. */
export async function sirenFor(ctx: RequestContext): Promise<string> {
  const chart = await chartOf(ctx);
  if (chart.siren) return chart.siren;
  const dossier = await ctx.platform(Dossier).findOne({ where: { id: ctx.dossierId }, select: { id: true, siret: true } });
  if (dossier?.siret) return dossier.siret.slice(0, 9);
  throw conflict('SIREN_REQUIRED', 'The FEC file is named after the dossier’s SIREN: enter it in the accounting settings first');
}

/** `<SIREN>FEC<YYYYMMDD>.txt`, the date being the end of the batch's period. */
export function fecFileName(siren: string, batch: AccountingBatch): string {
  return `${siren}FEC${compact(batch.periodEnd)}.txt`;
}

/** The whole FEC as one text (the stored copy of a collected batch). */
export function fecText(rows: readonly FecRow[]): string {
  return FEC_COLUMNS.join('\t') + '\r\n' + rows.map((row) => fecLine(row) + '\r\n').join('');
}

/** Writes the FEC: header line, one line per entry line, tab-separated, CRLF, UTF-8 without BOM. */
export async function writeFec(out: Writable, rows: readonly FecRow[]): Promise<void> {
  let chunk = FEC_COLUMNS.join('\t') + '\r\n';
  for (const row of rows) {
    chunk += fecLine(row) + '\r\n';
    if (chunk.length > 64_000) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  if (!out.writableFinished && !out.destroyed) await once(out, 'finish');
}

/** The same lines in CSV (`;`, decimal comma, BOM) or .xlsx (typed cells), through the exports' streaming writers. */
export async function writeSheet(out: Writable, format: 'csv' | 'xlsx', batch: AccountingBatch, rows: readonly FecRow[], who: string): Promise<void> {
  const writer: RowWriter = format === 'csv' ? csvWriter(out, SHEET_COLUMNS) : xlsxWriter(out, `Lot ${batch.number}`, SHEET_COLUMNS);
  const cells: CellValue[][] = rows.map((r) => [
    r.journalCode,
    r.journalName,
    r.ecritureNum,
    r.entryDate,
    r.accountNumber,
    r.accountLabel,
    r.auxiliaryAccount,
    r.auxiliaryLabel,
    r.pieceRef,
    r.pieceDate,
    r.label,
    r.debitCents,
    r.creditCents,
    null,
    null,
    r.validDate,
    null,
    null,
  ]);
  for (let i = 0; i < cells.length; i += 1000) await writer.writeBatch(cells.slice(i, i + 1000));
  await writer.finish([
    ['Lot', `n° ${batch.number}`],
    ['Période', `${batch.periodStart} – ${batch.periodEnd}`],
    ['Statut', batch.status],
    ['Exporté par', who],
    ['Exporté le', new Date()],
  ]);
}

