import type { Writable } from 'node:stream';
import type { RequestContext } from '../../core/context';
import { badInput, forbidden, notFound } from '../../core/errors';
import { decodeCursor, encodeCursor, pageSize, type Page, type PageArgs } from '../../core/pagination';
import { Document } from '../documents/document.entity';
import { HistoryEntityType, HistoryEntry, HistoryEntryType } from '../history/history-entry.entity';
import { optionalDay, requiredText } from '../../core/input-validation';
import { userSummaryLoader } from '../identity/user-summary.type';
import { Customer, Supplier } from '../parties/party.entity';
import { STATUS_LABELS, TYPE_LABELS, type DocumentStatus, type DocumentType } from '@comptoir/schema';
import { COLUMN_BY_KEY, type CellValue, type ExportColumnDef } from './export-columns';
import { MODIFICATION_TYPES } from '../history/document-action-facts';
import { countDocuments, documentBatches, validateColumns, validateFilter, type ExportFilterInputLike } from './export-source';
import { csvWriter, xlsxWriter, type ParameterLine, type RowWriter, type SheetColumn } from './export-writers';
import { ExportFormat, ExportKind, ExportLog, ExportPreset, ExportStatus, type ExportFilterValues } from './export.entity';
import { frenchDateTime, frenchDay, parisDayStart, parisWallClock, sqlInstant } from './paris-time';
import { GarbagePacer } from '../../core/garbage';

const PRESET = 'Export preset';
const LOG = 'Export';
export const PREVIEW_MAX = 100;
const PROGRESS_EVERY_MS = 200;

// ---------------------------------------------------------------------------
// Preview
// ---------------------------------------------------------------------------

export interface PreviewResult {
  totalCount: number;
  columns: ExportColumnDef[];
  rows: { id: string; cells: (string | null)[] }[];
}

/** A cell as the SPA formats it: `YYYY-MM-DD` days, ISO instants, cents and counts as integers. */
function rawCell(value: CellValue): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString() : String(value);
}

export async function previewDocuments(ctx: RequestContext, filterInput: ExportFilterInputLike | null | undefined, columnKeys: readonly string[], first = 20): Promise<PreviewResult> {
  const filter = validateFilter(filterInput);
  const columns = validateColumns(ctx, columnKeys);
  if (!Number.isInteger(first) || first < 1 || first > PREVIEW_MAX) throw badInput('OUT_OF_RANGE', `first must be between 1 and ${PREVIEW_MAX}`, 'first');
  const totalCount = await countDocuments(ctx, filter);
  const rows: PreviewResult['rows'] = [];
  for await (const batch of documentBatches(ctx, filter, columns, { batchSize: first, limit: first })) {
    for (const row of batch) rows.push({ id: row.id, cells: columns.map((c) => rawCell(c.value(row))) });
  }
  return { totalCount, columns, rows };
}

// ---------------------------------------------------------------------------
// Presets
// ---------------------------------------------------------------------------

/** Your own presets and the ones shared with the dossier, by name. */
export async function listPresets(ctx: RequestContext): Promise<ExportPreset[]> {
  const presets = await ctx.scoped(ExportPreset, PRESET).find({ where: [{ ownerId: ctx.userId }, { shared: true }] });
  return presets.sort((a, b) => a.name.localeCompare(b.name, 'fr') || a.id.localeCompare(b.id));
}

/** Saves the columns under a name; saving again under one of your names replaces it. */
export function savePreset(ctx: RequestContext, input: { name: string; columns: string[]; shared: boolean }): Promise<ExportPreset> {
  const name = requiredText(input.name, 'name', 80);
  const columns = validateColumns(ctx, input.columns).map((c) => c.key);
  return ctx.transaction(async (tx) => {
    const repo = tx.scoped(ExportPreset, PRESET);
    const existing = await repo.findOneBy({ ownerId: tx.userId, name });
    const preset = existing ?? repo.create({ ownerId: tx.userId, name });
    preset.columns = columns;
    preset.shared = Boolean(input.shared);
    return repo.save(preset);
  });
}

/** Your own presets, or shared ones (OWNER and ADV manage what is shared); another's private preset is NOT_FOUND. */
export function deletePreset(ctx: RequestContext, id: string): Promise<string> {
  return ctx.transaction(async (tx) => {
    const repo = tx.scoped(ExportPreset, PRESET);
    const preset = await repo.get(id);
    if (preset.ownerId !== tx.userId && !preset.shared) throw notFound(PRESET, id);
    await repo.delete({ id: preset.id });
    return preset.id;
  });
}

// ---------------------------------------------------------------------------
// Action summary (Récapitulatif des actions)
// ---------------------------------------------------------------------------

export interface ActionSummaryRow {
  userId: string;
  documentType: string | null;
  created: number;
  modified: number;
  issued: number;
  converted: number;
  deleted: number;
  total: number;
}

export interface PeriodValues {
  from: string | null;
  to: string | null;
}

export function validatePeriod(input: { from?: string | null; to?: string | null }): PeriodValues {
  const from = optionalDay(input.from, 'from');
  const to = optionalDay(input.to, 'to');
  if (from && to && from > to) throw badInput('PERIOD_REVERSED', 'The period starts after it ends', 'from');
  return { from, to };
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * Per user and document type, the actions over the period (Paris days, inclusive):
 * one GROUP BY over the history entries. A conversion counts for the document
 * converted (the entry on the source side), a deleted draft under no type.
 */
export async function actionSummary(ctx: RequestContext, period: PeriodValues): Promise<ActionSummaryRow[]> {
  const sum = (condition: string) => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
  const qb = ctx
    .scoped(HistoryEntry, 'History entry')
    .query('e')
    .leftJoin(Document, 'd', 'd.id = e.documentId AND d.dossierId = e.dossierId')
    .select('e.userId', 'userId')
    .addSelect('d.type', 'documentType')
    .addSelect(sum('e.type = :created'), 'created')
    .addSelect(sum('e.type IN (:...modified)'), 'modified')
    .addSelect(sum('e.type = :issued'), 'issued')
    .addSelect(sum("e.type = :converted AND e.data LIKE '%\"direction\":\"TO\"%'"), 'converted')
    .addSelect(sum('e.type = :deleted'), 'deleted')
    .addSelect('COUNT(*)', 'total')
    .andWhere('e.entityType = :entityType', { entityType: HistoryEntityType.DOCUMENT })
    .setParameters({
      created: HistoryEntryType.CREATED,
      modified: MODIFICATION_TYPES.filter((t) => t !== HistoryEntryType.ISSUED),
      issued: HistoryEntryType.ISSUED,
      converted: HistoryEntryType.CONVERTED,
      deleted: HistoryEntryType.DELETED,
    })
    .groupBy('e.userId')
    .addGroupBy('d.type');
  if (period.from) qb.andWhere('e.createdAt >= :start', { start: sqlInstant(parisDayStart(period.from)) });
  if (period.to) qb.andWhere('e.createdAt < :end', { end: sqlInstant(parisDayStart(nextDay(period.to))) });
  const raw = await qb.getRawMany<Record<string, string | number | null>>();
  const rows = raw.map((r) => ({
    userId: String(r.userId),
    documentType: r.documentType === null ? null : String(r.documentType),
    created: Number(r.created),
    modified: Number(r.modified),
    issued: Number(r.issued),
    converted: Number(r.converted),
    deleted: Number(r.deleted),
    total: Number(r.total),
  }));
  const names = await userNames(ctx, rows.map((r) => r.userId));
  const typeOrder = Object.keys(TYPE_LABELS.fr);
  return rows.sort(
    (a, b) =>
      (names.get(a.userId) ?? '').localeCompare(names.get(b.userId) ?? '', 'fr') ||
      a.userId.localeCompare(b.userId) ||
      (a.documentType ? typeOrder.indexOf(a.documentType) : 99) - (b.documentType ? typeOrder.indexOf(b.documentType) : 99),
  );
}

async function userNames(ctx: RequestContext, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const users = await ctx.loader(userSummaryLoader).loadMany(wanted);
  const names = new Map<string, string>();
  for (const u of users) if (u && !(u instanceof Error)) names.set(u.id, u.name);
  return names;
}

export const ACTION_SUMMARY_COLUMNS: readonly SheetColumn[] = [
  { labelFr: 'Utilisateur', type: 'text', width: 28 },
  { labelFr: 'Type de pièce', type: 'text', width: 22 },
  { labelFr: 'Créées', type: 'integer', width: 10 },
  { labelFr: 'Modifiées', type: 'integer', width: 10 },
  { labelFr: 'Émises', type: 'integer', width: 10 },
  { labelFr: 'Converties', type: 'integer', width: 10 },
  { labelFr: 'Supprimées', type: 'integer', width: 11 },
  { labelFr: 'Total des actions', type: 'integer', width: 12 },
];

// ---------------------------------------------------------------------------
// Export jobs and the log
// ---------------------------------------------------------------------------

export interface DocumentsExportRequest {
  format: ExportFormat;
  filter?: ExportFilterInputLike | null;
  columns: readonly string[];
}

export interface ActionSummaryExportRequest {
  format: ExportFormat;
  from?: string | null;
  to?: string | null;
}

/** `liste-des-pieces-2026-12-02-16h05.xlsx`: the time is Paris time, as the screen shows it. */
function fileNameOf(kind: ExportKind, format: ExportFormat, at: Date): string {
  const stamp = sqlInstant(parisWallClock(at)).slice(0, 16).replace(' ', '-').replace(':', 'h');
  const base = kind === ExportKind.DOCUMENTS ? 'liste-des-pieces' : 'recapitulatif-des-actions';
  return `${base}-${stamp}.${format === ExportFormat.XLSX ? 'xlsx' : 'csv'}`;
}

/** A validated export, recorded in the log (PENDING: the SPA downloads it next; RUNNING: downloading now). */
async function newLog(ctx: RequestContext, kind: ExportKind, format: ExportFormat, filters: Partial<ExportFilterValues>, columns: string[], status: ExportStatus, totalRows: number | null): Promise<ExportLog> {
  if (!Object.values(ExportFormat).includes(format)) throw badInput('INVALID_CHOICE', 'Unknown format', 'format');
  return ctx.transaction(async (tx) => {
    const now = new Date();
    const repo = tx.scoped(ExportLog, LOG);
    return repo.save(
      repo.create({
        createdAt: now,
        userId: tx.userId,
        kind,
        format,
        filters,
        columns,
        status,
        totalRows,
        rowsWritten: 0,
        cancelRequested: false,
        startedAt: status === ExportStatus.RUNNING ? now : null,
        finishedAt: null,
        durationMs: null,
        fileName: fileNameOf(kind, format, now),
        error: null,
      }),
    );
  });
}

export async function startDocumentsExport(ctx: RequestContext, request: DocumentsExportRequest, status = ExportStatus.PENDING): Promise<ExportLog> {
  const filter = validateFilter(request.filter);
  const columns = validateColumns(ctx, request.columns).map((c) => c.key);
  const total = await countDocuments(ctx, filter);
  return newLog(ctx, ExportKind.DOCUMENTS, request.format, filter, columns, status, total);
}

export async function startActionSummaryExport(ctx: RequestContext, request: ActionSummaryExportRequest, status = ExportStatus.PENDING): Promise<ExportLog> {
  const period = validatePeriod(request);
  return newLog(ctx, ExportKind.ACTION_SUMMARY, request.format, period, [], status, null);
}

/** An export of this dossier (the log is the dossier's: OWNER and ADV see every export). */
export function getExport(ctx: RequestContext, id: string): Promise<ExportLog> {
  return ctx.scoped(ExportLog, LOG).get(id);
}

/** Asks a pending or running export of yours to stop; the writer stops at its next batch. */
export function cancelExport(ctx: RequestContext, id: string): Promise<ExportLog> {
  return ctx.transaction(async (tx) => {
    const repo = tx.scoped(ExportLog, LOG);
    const log = await repo.get(id, { lock: true });
    if (log.userId !== tx.userId) throw forbidden('Only who started an export can cancel it', 'NOT_EXPORT_OWNER');
    if (log.status === ExportStatus.PENDING) {
      log.status = ExportStatus.CANCELLED;
      log.finishedAt = new Date();
      log.durationMs = 0;
    } else if (log.status === ExportStatus.RUNNING) {
      log.cancelRequested = true;
    }
    return repo.save(log);
  });
}

/**
 * Takes a PENDING export of yours for download, atomically (one UPDATE … WHERE
 * status = PENDING), so two requests or two processes never both write it.
 */
export async function claimExport(ctx: RequestContext, id: string): Promise<ExportLog> {
  const repo = ctx.scoped(ExportLog, LOG);
  const affected = await repo.update({ id, userId: ctx.userId, status: ExportStatus.PENDING }, { status: ExportStatus.RUNNING, startedAt: new Date() });
  if (!affected) throw notFound(LOG, id);
  return repo.get(id);
}

/** The dossier's exports, newest first. */
export async function listExports(ctx: RequestContext, args: PageArgs): Promise<Page<ExportLog>> {
  const size = pageSize(args);
  const cursor = decodeCursor(args.after, 2);
  const qb = ctx.scoped(ExportLog, LOG).query('l');
  const totalCount = await qb.clone().getCount();
  if (cursor) qb.andWhere('(l.createdAt < :c0 OR (l.createdAt = :c0 AND l.id < :c1))', { c0: cursor[0], c1: cursor[1] });
  const rows = await qb.orderBy('l.createdAt', 'DESC').addOrderBy('l.id', 'DESC').take(size + 1).getMany();
  const nodes = rows.slice(0, size);
  const last = nodes[nodes.length - 1];
  return {
    nodes,
    totalCount,
    pageInfo: { hasNextPage: rows.length > size, endCursor: last ? encodeCursor([sqlInstant(last.createdAt), last.id]) : null },
  };
}

// ---------------------------------------------------------------------------
// Writing an export
// ---------------------------------------------------------------------------

export interface ExportOutcome {
  log: ExportLog;
  /** False when cancelled or failed: the file is incomplete and the stream must be destroyed. */
  complete: boolean;
}

async function filterLines(ctx: RequestContext, filter: Partial<ExportFilterValues>): Promise<ParameterLine[]> {
  const lines: ParameterLine[] = [];
  const names = await userNames(ctx, [filter.createdById ?? null, filter.updatedById ?? null]);
  lines.push(['Types de pièce', filter.types?.length ? filter.types.map((t) => TYPE_LABELS.fr[t as DocumentType] ?? t).join(', ') : 'Tous']);
  lines.push(['Statuts', filter.statuses?.length ? filter.statuses.map((s) => STATUS_LABELS.fr[s as DocumentStatus] ?? s).join(', ') : 'Tous']);
  lines.push(['Période du', filter.from ? frenchDay(filter.from) : '—']);
  lines.push(['Période au', filter.to ? frenchDay(filter.to) : '—']);
  if (filter.partyId) {
    const party =
      (await ctx.scoped(Customer).findOneBy({ id: filter.partyId })) ?? (await ctx.scoped(Supplier).findOneBy({ id: filter.partyId }));
    lines.push(['Tiers', party?.legalName ?? filter.partyId]);
  }
  if (filter.createdById) lines.push(['Créé par', names.get(filter.createdById) ?? filter.createdById]);
  if (filter.updatedById) lines.push(['Modifié par', names.get(filter.updatedById) ?? filter.updatedById]);
  return lines;
}

/**
 * Rows of an export between two full garbage collections: what 50,000 rows leave dead in
 * the old generation stays well within the memory budget of an export (250 MB of RSS at
 * 1,000,000 rows, issue 14), and a collection of a mostly dead heap takes milliseconds.
 */
const GARBAGE_EVERY_ROWS = 50_000;

/**
 * Writes a RUNNING export into `out`, batch by batch, recording progress in its log
 * row and stopping when a cancel was asked (any process) or `gone()` says the
 * client left. Ends with the log COMPLETED, CANCELLED or FAILED.
 */
export async function writeExport(ctx: RequestContext, log: ExportLog, out: Writable, gone: () => boolean = () => false): Promise<ExportOutcome> {
  const started = Date.now();
  const repo = ctx.scoped(ExportLog, LOG);
  let written = 0;
  let lastProgress = started;
  let cancelled = false;
  let failure: unknown = null;
  const stopAsked = async (force: boolean): Promise<boolean> => {
    if (gone()) return true;
    const now = Date.now();
    if (!force && now - lastProgress < PROGRESS_EVERY_MS) return false;
    lastProgress = now;
    await repo.update({ id: log.id }, { rowsWritten: written });
    const row = await repo.findOne({ where: { id: log.id }, select: { id: true, cancelRequested: true } });
    return Boolean(row?.cancelRequested);
  };
  try {
    let writer: RowWriter;
    let parameters: ParameterLine[];
    const user = (await userNames(ctx, [log.userId])).get(log.userId) ?? ctx.user.name;
    const common: ParameterLine[] = [['Exporté par', user], ['Exporté le', frenchDateTime(new Date())]];
    if (log.kind === ExportKind.DOCUMENTS) {
      const columns = log.columns.map((key) => COLUMN_BY_KEY.get(key)).filter((c): c is ExportColumnDef => Boolean(c));
      const filter = validateFilter(log.filters);
      writer = log.format === ExportFormat.XLSX ? xlsxWriter(out, 'Liste des pièces', columns) : csvWriter(out, columns);
      const garbage = new GarbagePacer(GARBAGE_EVERY_ROWS);
      for await (const batch of documentBatches(ctx, filter, columns)) {
        await writer.writeBatch(batch.map((row) => columns.map((c) => c.value(row))));
        written += batch.length;
        garbage.add(batch.length);
        if (await stopAsked(false)) {
          cancelled = true;
          break;
        }
      }
      parameters = [
        ['Export', 'Liste des pièces'],
        ...common,
        ...(await filterLines(ctx, filter)),
        ['Colonnes', columns.map((c) => c.labelFr).join(', ')],
        ['Nombre de lignes', written],
      ];
    } else {
      const period = validatePeriod(log.filters);
      const rows = await actionSummary(ctx, period);
      const names = await userNames(ctx, rows.map((r) => r.userId));
      writer = log.format === ExportFormat.XLSX ? xlsxWriter(out, 'Récapitulatif des actions', ACTION_SUMMARY_COLUMNS) : csvWriter(out, ACTION_SUMMARY_COLUMNS);
      await writer.writeBatch(
        rows.map((r) => [names.get(r.userId) ?? r.userId, r.documentType ? (TYPE_LABELS.fr[r.documentType as DocumentType] ?? r.documentType) : 'Pièce supprimée', r.created, r.modified, r.issued, r.converted, r.deleted, r.total]),
      );
      written = rows.length;
      parameters = [
        ['Export', 'Récapitulatif des actions'],
        ...common,
        ['Période du', period.from ? frenchDay(period.from) : '—'],
        ['Période au', period.to ? frenchDay(period.to) : '—'],
        ['Nombre de lignes', written],
      ];
    }
    if (!cancelled && (await stopAsked(true))) cancelled = true;
    if (!cancelled) await writer.finish(parameters);
  } catch (error) {
    failure = error;
  }
  // A client that went away breaks the stream: that is a cancellation, not a failure.
  if (gone()) {
    failure = null;
    cancelled = true;
  }
  const status = failure ? ExportStatus.FAILED : cancelled ? ExportStatus.CANCELLED : ExportStatus.COMPLETED;
  const finishedAt = new Date();
  const changes = {
    status,
    rowsWritten: written,
    finishedAt,
    durationMs: Date.now() - started,
    error: failure ? String(failure instanceof Error ? failure.message : failure).slice(0, 300) : null,
  };
  await repo.update({ id: log.id }, changes);
  if (failure) ctx.log.error({ err: failure, exportId: log.id }, 'export failed');
  return { log: Object.assign(log, changes), complete: status === ExportStatus.COMPLETED };
}
