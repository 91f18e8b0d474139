import { DocumentType } from '@comptoir/schema';
import type { RequestContext } from '../../core/context';
import { conflict, notFound } from '../../core/errors';
import { Dossier, type DossierSettings } from '../identity/dossier.entity';

const PREFIX_SETTING: Record<DocumentType, keyof DossierSettings> = {
  [DocumentType.QUOTE]: 'quotePrefix',
  [DocumentType.INVOICE]: 'invoicePrefix',
  [DocumentType.CREDIT_NOTE]: 'creditNotePrefix',
  [DocumentType.PRICE_REQUEST]: 'priceRequestPrefix',
  [DocumentType.SUPPLIER_ORDER]: 'supplierOrderPrefix',
};

/** `FA-2026-00042`: prefix from the dossier settings, year, sequence on 5 digits (more when needed). */
export function formatNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(5, '0')}`;
}

export interface AssignedNumber {
  number: string;
  year: number;
  sequence: number;
}

/**
 * The next number of this type and year in the session's dossier, inside the
 * caller's transaction. The counter row is created if missing, then locked
 * (`SELECT … FOR UPDATE` on MySQL/MariaDB; SQLite transactions of the process are
 * serialized by core/transaction.ts) and bumped: two transactions can never get the
 * same number, and a rolled-back transaction gives its number back (no gap).
 */
export async function nextNumber(ctx: RequestContext, type: DocumentType, year: number): Promise<AssignedNumber> {
  if (!ctx.inTransaction) throw new Error('numbers are assigned inside the transaction that uses them');
  const sqlite = ctx.dialect === 'better-sqlite3';
  const key = [ctx.dossierId, type, year];
  await ctx.query(
    sqlite
      ? 'INSERT OR IGNORE INTO `document_counters` (`dossierId`, `type`, `year`, `lastNumber`) VALUES (?, ?, ?, 0)'
      : 'INSERT INTO `document_counters` (`dossierId`, `type`, `year`, `lastNumber`) VALUES (?, ?, ?, 0) ON DUPLICATE KEY UPDATE `lastNumber` = `lastNumber`',
    key,
  );
  const rows = (await ctx.query(
    `SELECT \`lastNumber\` FROM \`document_counters\` WHERE \`dossierId\` = ? AND \`type\` = ? AND \`year\` = ?${sqlite ? '' : ' FOR UPDATE'}`,
    key,
  )) as { lastNumber: number | string }[];
  const sequence = Number(rows[0].lastNumber) + 1;
  await ctx.query('UPDATE `document_counters` SET `lastNumber` = ? WHERE `dossierId` = ? AND `type` = ? AND `year` = ?', [sequence, ...key]);
  const dossier = await ctx.platform(Dossier).findOne({ where: { id: ctx.dossierId }, select: { id: true, settings: true } });
  if (!dossier) throw notFound('Dossier');
  const prefix = String(dossier.settings?.[PREFIX_SETTING[type]] ?? type.slice(0, 2));
  return { number: formatNumber(prefix, year, sequence), year, sequence };
}

/** InnoDB chose this transaction as a deadlock victim (rolled back whole). */
function isDeadlock(err: unknown): boolean {
  return (err as { code?: string } | null)?.code === 'ER_LOCK_DEADLOCK';
}

/** A unique-index violation (MySQL/MariaDB ER_DUP_ENTRY, SQLite UNIQUE constraint). */
function isDuplicate(err: unknown): boolean {
  const e = err as { code?: string; errno?: number; message?: string; driverError?: { code?: string } };
  const code = e.driverError?.code ?? e.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed: documents\.|Duplicate entry/.test(e.message ?? '');
}

/**
 * Legal numbers are unique per dossier across types (index `uq_documents_number`):
 * when two types share a prefix (settings from before the prefixes were validated
 * distinct), the second document to take a number already used answers CONFLICT
 * (NUMBER_TAKEN) and its transaction rolls back, number included.
 */
export async function guardNumber<T>(number: string | null, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    // Two transactions writing the same number under a shared prefix: InnoDB may pick one as a
    // deadlock victim (rolled back, nothing written) before the unique index answers it.
    if (number !== null && (isDuplicate(err) || isDeadlock(err))) {
      throw conflict('NUMBER_TAKEN', `The number ${number} is already used in this dossier: give each document type its own prefix in the settings`, { number });
    }
    throw err;
  }
}
