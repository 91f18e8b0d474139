import { DocumentType } from '@comptoir/schema';
import type { Readable } from 'node:stream';
import type { SelectQueryBuilder } from 'typeorm';
import type { RequestContext } from '../../core/context';
import { badInput, forbidden } from '../../core/errors';
import { Document, DocumentStatus } from '../documents/document.entity';
import { decodeUserActions, encodeUserActions, USER_ACTIONS_OVERFLOW, type UserActions } from '../history/document-action-facts';
import { HistoryEntityType, HistoryEntry } from '../history/history-entry.entity';
import { optionalDay, optionalText } from '../../core/input-validation';
import { userSummaryLoader } from '../identity/user-summary.type';
import { COLUMN_BY_KEY, type ExportColumnDef, type ExportDocumentRow } from './export-columns';
import type { ExportFilterValues } from './export.entity';
import { asInstant } from './paris-time';

export const MAX_COLUMNS = 40;
/**
 * Rows per batch. Small on purpose: a batch lives until the writer has turned it into
 * XML, and rows that outlive two young-generation collections are copied to the old
 * generation, which V8 collects late. With 1,000 rows (plus the one read ahead) most
 * rows survived long enough to be promoted: an .xlsx export with the history columns
 * peaked at 280–290 MB for 100,000 rows, against 190–200 MB with 100 (the live heap
 * is about 40 MB either way; the rest was promoted garbage).
 */
export const BATCH_SIZE = 100;

/**
 * Rows per batch of a streamed (MySQL/MariaDB) export: the stream reads ahead by
 * itself, and fewer rows alive at a time keep V8 from pretenuring them. V8 moves an
 * allocation site's objects straight to the old generation once 85 % of those made
 * since the last young collection are still alive at the next one (at least 100 of
 * them): with 100-row batches plus the one read ahead, 100 to 216 rows were alive at
 * any time, so that happened in some runs and not others, and from then on every row
 * (its strings and dates with it) went to the old generation until a full collection:
 * 235–285 MB at 100,000 rows against 160–170 MB. At 24, at most three batches
 * (the one written, the one read ahead, the one before until it is dropped) make 72
 * rows, under 85 % of 100.
 */
export const STREAMED_BATCH_SIZE = 24;

/** What a document filter may carry, from GraphQL or from the download URL. */
export interface ExportFilterInputLike {
  types?: readonly string[] | null;
  statuses?: readonly string[] | null;
  from?: string | null;
  to?: string | null;
  partyId?: string | null;
  createdById?: string | null;
  updatedById?: string | null;
}

const TYPES = new Set<string>(Object.values(DocumentType));
const STATUSES = new Set<string>(Object.values(DocumentStatus));

function enumList(values: readonly string[] | null | undefined, allowed: ReadonlySet<string>, path: string, what: string): string[] {
  if (!values) return [];
  if (!Array.isArray(values)) throw badInput('INVALID_CHOICE', `${path} must be a list`, path);
  values.forEach((value, i) => {
    if (!allowed.has(value)) throw badInput('INVALID_CHOICE', `Unknown ${what}: ${String(value).slice(0, 40)}`, `${path}.${i}`);
  });
  return [...new Set(values)];
}

/** Checks a filter (BAD_USER_INPUT with the field path); writes nothing. */
export function validateFilter(input: ExportFilterInputLike | null | undefined, path = 'filter'): ExportFilterValues {
  const f = input ?? {};
  const from = optionalDay(f.from, `${path}.from`);
  const to = optionalDay(f.to, `${path}.to`);
  if (from && to && from > to) throw badInput('PERIOD_REVERSED', 'The period starts after it ends', `${path}.from`);
  return {
    types: enumList(f.types, TYPES, `${path}.types`, 'document type'),
    statuses: enumList(f.statuses, STATUSES, `${path}.statuses`, 'status'),
    from,
    to,
    partyId: optionalText(f.partyId, `${path}.partyId`, 36),
    createdById: optionalText(f.createdById, `${path}.createdById`, 36),
    updatedById: optionalText(f.updatedById, `${path}.updatedById`, 36),
  };
}

/** The columns asked, in order, from the catalogue; unknown or repeated keys are BAD_USER_INPUT. */
export function validateColumns(ctx: RequestContext, keys: readonly string[] | null | undefined, path = 'columns'): ExportColumnDef[] {
  if (!keys || keys.length === 0) throw badInput('NO_COLUMN', 'Choose at least one column', path);
  if (keys.length > MAX_COLUMNS) throw badInput('TOO_MANY_COLUMNS', `At most ${MAX_COLUMNS} columns`, path, { max: MAX_COLUMNS });
  const seen = new Set<string>();
  return keys.map((key, i) => {
    const def = COLUMN_BY_KEY.get(key);
    if (!def) throw badInput('UNKNOWN_COLUMN', `Unknown column: ${String(key).slice(0, 40)}`, `${path}.${i}`);
    if (seen.has(key)) throw badInput('DUPLICATE_COLUMN', `Column ${key} is listed twice`, `${path}.${i}`);
    seen.add(key);
    const profile = ctx.user.profile;
    if (!profile || !def.profiles.includes(profile)) throw forbidden(`Your profile may not export the column ${key}`, 'EXPORT_COLUMN_NOT_ALLOWED');
    return def;
  });
}

/** The documents matching the filter, in the session's dossier only. */
function filtered(ctx: RequestContext, filter: ExportFilterValues): SelectQueryBuilder<Document> {
  const qb = ctx.scoped(Document, 'Document').query('d');
  if (filter.types.length) qb.andWhere('d.type IN (:...types)', { types: filter.types });
  if (filter.statuses.length) qb.andWhere('d.status IN (:...statuses)', { statuses: filter.statuses });
  if (filter.from) qb.andWhere('d.date >= :from', { from: filter.from });
  if (filter.to) qb.andWhere('d.date <= :to', { to: filter.to });
  if (filter.partyId) qb.andWhere('d.partyId = :partyId', { partyId: filter.partyId });
  if (filter.createdById) qb.andWhere('d.createdById = :createdById', { createdById: filter.createdById });
  if (filter.updatedById) qb.andWhere('d.updatedById = :updatedById', { updatedById: filter.updatedById });
  return qb;
}

export function countDocuments(ctx: RequestContext, filter: ExportFilterValues): Promise<number> {
  return filtered(ctx, filter).getCount();
}

interface RawDocument {
  id: string;
  type: string;
  number: string | null;
  date: string;
  status: string;
  partyName: string;
  totalExclVatCents: number | string;
  totalVatCents: number | string;
  totalInclVatCents: number | string;
  dueDate: string | null;
  sourceNumber?: string | null;
  createdById: string;
  createdAt: Date | string;
  updatedById: string;
  updatedAt: Date | string;
  issuedAt: Date | string | null;
  modificationCount?: number | string | null;
  issuedById?: string | null;
  /** `documents.actionUsers`: `encodeUserActions` text, or USER_ACTIONS_OVERFLOW. */
  actions?: string | null;
}

interface Keyset {
  date: string;
  id: string;
}

/** Which loaders the chosen columns need. */
export interface ColumnNeeds {
  source: boolean;
  users: boolean;
  history: boolean;
}

export function needsOf(columns: readonly ExportColumnDef[]): ColumnNeeds {
  return {
    source: columns.some((c) => c.source === 'source'),
    users: columns.some((c) => c.source === 'user'),
    history: columns.some((c) => c.source === 'history'),
  };
}

/** The documents of the filter with the columns an export reads, in (date, id) order. */
function selectDocuments(ctx: RequestContext, filter: ExportFilterValues, needs: ColumnNeeds): SelectQueryBuilder<Document> {
  const qb = filtered(ctx, filter)
    .select('d.id', 'id')
    .addSelect('d.type', 'type')
    .addSelect('d.number', 'number')
    .addSelect('d.date', 'date')
    .addSelect('d.status', 'status')
    .addSelect('d.partyName', 'partyName')
    .addSelect('d.totalExclVatCents', 'totalExclVatCents')
    .addSelect('d.totalVatCents', 'totalVatCents')
    .addSelect('d.totalInclVatCents', 'totalInclVatCents')
    .addSelect('d.dueDate', 'dueDate')
    .addSelect('d.createdById', 'createdById')
    .addSelect('d.createdAt', 'createdAt')
    .addSelect('d.updatedById', 'updatedById')
    .addSelect('d.updatedAt', 'updatedAt')
    .addSelect('d.issuedAt', 'issuedAt');
  if (needs.source) {
    qb.leftJoin(Document, 's', 's.id = d.sourceDocumentId AND s.dossierId = d.dossierId').addSelect('s.number', 'sourceNumber');
  }
  if (needs.history) {
    // The history's user-action facts, kept on the document's row as entries are written (no join).
    qb.addSelect('d.actionModificationCount', 'modificationCount').addSelect('d.actionIssuedById', 'issuedById').addSelect('d.actionUsers', 'actions');
  }
  return qb.orderBy('d.date', 'ASC').addOrderBy('d.id', 'ASC');
}

function toRow(r: RawDocument): ExportDocumentRow {
  return {
    id: r.id,
    type: r.type,
    number: r.number,
    date: r.date,
    status: r.status,
    partyName: r.partyName,
    // BIGINT: numbers from mysql2 (supportBigNumbers, safe range), numbers or strings elsewhere.
    totalExclVatCents: typeof r.totalExclVatCents === 'number' ? r.totalExclVatCents : Number(r.totalExclVatCents),
    totalVatCents: typeof r.totalVatCents === 'number' ? r.totalVatCents : Number(r.totalVatCents),
    totalInclVatCents: typeof r.totalInclVatCents === 'number' ? r.totalInclVatCents : Number(r.totalInclVatCents),
    dueDate: r.dueDate,
    sourceNumber: r.sourceNumber ?? null,
    createdById: r.createdById,
    createdAt: asInstant(r.createdAt) as Date,
    updatedById: r.updatedById,
    updatedAt: asInstant(r.updatedAt) as Date,
    issuedAt: asInstant(r.issuedAt),
    // Kept as stored: parsed once per distinct value by the export's HistoryTexts, not once per row.
    ...(r.actions !== undefined ? { modificationCount: Number(r.modificationCount ?? 0), issuedById: r.issuedById ?? null, actionsText: r.actions ?? null } : {}),
  };
}

/** Stand-ins for the keyset's values in a page statement built once (see `pageReader`). */
const AFTER_DATE = '\u0000afterDate';
const AFTER_ID = '\u0000afterId';

/**
 * Reads pages in (date, id) order after a keyset: one indexed range query per page.
 * Each statement is built once per export and page size and run with the page's
 * keyset: TypeORM's query builder cost about a third of SQLite's own read of a
 * 100-row page when it built every page again.
 */
function pageReader(ctx: RequestContext, filter: ExportFilterValues, needs: ColumnNeeds): (after: Keyset | null, size: number) => Promise<RawDocument[]> {
  const statements = new Map<string, [string, unknown[]]>();
  return (after, size) => {
    const key = `${after ? 'after' : 'first'}:${size}`;
    let statement = statements.get(key);
    if (!statement) {
      const qb = selectDocuments(ctx, filter, needs);
      // `date >= X` first gives both SQLite and MariaDB an index range to start from (an OR alone scans from the dossier's first row).
      if (after) qb.andWhere('d.date >= :afterDate AND (d.date > :afterDate OR d.id > :afterId)', { afterDate: AFTER_DATE, afterId: AFTER_ID });
      statement = qb.limit(size).getQueryAndParameters();
      statements.set(key, statement);
    }
    const [sql, parameters] = statement;
    return ctx.query<RawDocument[]>(sql, after ? parameters.map((p) => (p === AFTER_DATE ? after.date : p === AFTER_ID ? after.id : p)) : parameters);
  };
}

/** One batch in (date, id) order after `after`: one indexed range query, then one query per loader. */
async function fetchBatch(ctx: RequestContext, page: ReturnType<typeof pageReader>, needs: ColumnNeeds, memo: HistoryTexts, after: Keyset | null, size: number): Promise<ExportDocumentRow[]> {
  const raw = await page(after, size);
  return withLoaders(ctx, raw.map(toRow), needs, memo);
}

/** The history columns' texts of one stored `actions` value. */
interface ActionTexts {
  touchedBy: string | null;
  actionsByUser: string | null;
}

/**
 * Per export: the "users who touched it" and "actions per user" texts by the facts' stored
 * `actions` text. A dossier's documents share few distinct values (the same few users, the
 * same few counts), so each is parsed, named and joined once per export instead of once per
 * row; every row of a value then carries the same two strings (which the .xlsx writer's
 * cell memo finds by identity). Keyed by the whole stored text: two documents share texts
 * only when their facts are equal. Bounded: started again, when full, before a batch (never
 * within one: a batch's rows find the texts its user lookup was made for).
 */
export class HistoryTexts {
  private readonly texts = new Map<string, ActionTexts>();

  constructor(private readonly max = 10_000) {}

  get(actionsText: string): ActionTexts | undefined {
    return this.texts.get(actionsText);
  }

  /** The texts of a stored value, with the user names of the export. */
  add(actionsText: string, name: (userId: string) => string | null): ActionTexts {
    const actions = decodeUserActions(actionsText);
    const texts: ActionTexts = actions.length
      ? { touchedBy: actions.map(([userId]) => name(userId) ?? '?').join(', '), actionsByUser: actions.map(([userId, n]) => `${name(userId) ?? '?'} : ${n}`).join(', ') }
      : { touchedBy: null, actionsByUser: null };
    this.texts.set(actionsText, texts);
    return texts;
  }

  /** Before a batch: empties a full memo (it then holds at most `max` plus one batch's values). */
  startBatch(): void {
    if (this.texts.size >= this.max) this.texts.clear();
  }

  size(): number {
    return this.texts.size;
  }
}

const NO_ACTIONS: ActionTexts = { touchedBy: null, actionsByUser: null };

/**
 * Rows whose users did not fit their document's row (USER_ACTIONS_OVERFLOW, 50-odd users):
 * their users and counts from the history entries, in order of first entry, as `recordHistory`
 * would have kept them. One query for the batch, and only when a row needs it.
 */
async function withOverflowedActions(ctx: RequestContext, rows: ExportDocumentRow[]): Promise<void> {
  const overflowed = rows.filter((r) => r.actionsText === USER_ACTIONS_OVERFLOW);
  if (overflowed.length === 0) return;
  const counted = await ctx
    .scoped(HistoryEntry, 'History entry')
    .query('e')
    .select('e.documentId', 'documentId')
    .addSelect('e.userId', 'userId')
    .addSelect('COUNT(*)', 'n')
    .addSelect('MIN(e.sequence)', 'first')
    .andWhere('e.entityType = :entityType', { entityType: HistoryEntityType.DOCUMENT })
    .andWhere('e.documentId IN (:...documentIds)', { documentIds: overflowed.map((r) => r.id) })
    .groupBy('e.documentId')
    .addGroupBy('e.userId')
    .orderBy('MIN(e.sequence)', 'ASC')
    .getRawMany<{ documentId: string; userId: string; n: number | string }>();
  const byDocument = new Map<string, UserActions[]>();
  for (const c of counted) {
    const actions = byDocument.get(c.documentId) ?? [];
    byDocument.set(c.documentId, actions);
    actions.push([c.userId, Number(c.n)]);
  }
  for (const r of overflowed) r.actionsText = encodeUserActions(byDocument.get(r.id) ?? []);
}

/** Adds what the user and history columns need: one query per loader for the whole batch. */
async function withLoaders(ctx: RequestContext, rows: ExportDocumentRow[], needs: ColumnNeeds, memo: HistoryTexts): Promise<ExportDocumentRow[]> {
  if (rows.length === 0) return rows;
  if (needs.users || needs.history) {
    const ids = new Set<string>();
    for (const r of rows) {
      ids.add(r.createdById);
      ids.add(r.updatedById);
      if (r.issuedById) ids.add(r.issuedById);
    }
    // Stored values not met yet in this export: their users are looked up with the batch's.
    const unseen: string[] = [];
    if (needs.history) {
      memo.startBatch();
      await withOverflowedActions(ctx, rows);
      for (const r of rows) {
        if (r.actionsText && !memo.get(r.actionsText)) {
          unseen.push(r.actionsText);
          for (const [userId] of decodeUserActions(r.actionsText)) ids.add(userId);
        }
      }
    }
    const users = await ctx.loader(userSummaryLoader).loadMany([...ids]);
    const names = new Map<string, string>();
    for (const u of users) if (u && !(u instanceof Error)) names.set(u.id, u.name);
    const name = (id: string | null | undefined) => (id ? (names.get(id) ?? null) : null);
    for (const text of unseen) if (!memo.get(text)) memo.add(text, name);
    // Every row's value is in the memo now: met before this batch (and kept), or added above.
    for (const r of rows) {
      r.createdByName = name(r.createdById);
      r.updatedByName = name(r.updatedById);
      if (needs.history) {
        const texts = r.actionsText ? memo.get(r.actionsText)! : NO_ACTIONS;
        r.modificationCount = r.modificationCount ?? 0;
        r.issuedByName = name(r.issuedById);
        r.touchedBy = texts.touchedBy;
        r.actionsByUser = texts.actionsByUser;
      }
    }
  }
  return rows;
}

/**
 * MariaDB sorts rows wider than `max_length_for_sort_data` (1024 bytes by default; an
 * export row may reach about 2 kB in utf8mb4, 10 kB with `actionUsers`, a VARCHAR(2000))
 * by sort key and primary key, then reads every row again by primary key. Above this, it
 * carries the selected columns through the sort (packed to their actual length) and reads
 * the table once.
 */
const SORT_ROW_BYTES = 16384;

/**
 * While the download client is slow the result waits in the socket, and the server
 * drops a connection it could not write to for `net_write_timeout` (60 s by default),
 * which would fail the export: allow a stalled client an hour, as keyset pages did.
 */
const STALL_SECONDS = 3600;

/** Rows read from a paused-mode object stream, `n` at a time; fewer only at its end. */
function rowReader<T>(stream: Readable): (n: number) => Promise<T[]> {
  let ended = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const poke = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  stream.on('readable', poke);
  stream.on('end', () => {
    ended = true;
    poke();
  });
  stream.on('error', (error: unknown) => {
    failure = error;
    poke();
  });
  return async (n) => {
    const rows: T[] = [];
    while (rows.length < n) {
      if (failure) throw failure;
      const row = stream.read() as T | null;
      if (row !== null) rows.push(row);
      else if (ended) break;
      else await new Promise<void>((resolve) => (wake = resolve));
    }
    return rows;
  };
}

/**
 * MySQL/MariaDB: the whole export as one ordered query whose rows are streamed
 * (mysql2 pauses the socket while we are behind, so memory stays flat), cut into
 * batches for the loaders. Keyset pages would reach each row through the
 * (dossierId, date, id) index and then its primary-key page: with random UUID keys,
 * one random page read per row once the table outgrows the buffer pool (3,600 rows/s
 * at 1,000,000 documents); one ordered statement lets the server scan the table
 * sequentially and sort (see SORT_ROW_BYTES), or use the index when the filter is narrow.
 */
async function* streamedBatches(ctx: RequestContext, filter: ExportFilterValues, needs: ColumnNeeds, memo: HistoryTexts, size: number): AsyncGenerator<ExportDocumentRow[]> {
  const [query, parameters] = selectDocuments(ctx, filter, needs).getQueryAndParameters();
  // Its own connection (ctx.streamQuery): the loaders keep using the pool while this one streams.
  const streamed =
    ctx.dialect === 'mariadb'
      ? await ctx.streamQuery(`SET STATEMENT max_length_for_sort_data = ${SORT_ROW_BYTES}, net_write_timeout = ${STALL_SECONDS} FOR ${query}`, parameters)
      : // MySQL has no per-statement SET (and sorts packed rows by itself): session, restored once read to the end.
        await ctx.streamQuery(query, parameters, {
          before: [`SET SESSION net_write_timeout = ${STALL_SECONDS}`],
          after: ['SET SESSION net_write_timeout = DEFAULT'],
        });
  let next: Promise<ExportDocumentRow[]> | null = null;
  let complete = false;
  try {
    const take = rowReader<RawDocument>(streamed.rows);
    const read = async () => withLoaders(ctx, (await take(size)).map(toRow), needs, memo);
    next = read();
    while (next) {
      const batch: ExportDocumentRow[] = await next;
      next = null;
      if (batch.length === 0) break;
      // Read (and look up) the next batch while the caller writes this one.
      if (batch.length === size) next = read();
      yield batch;
    }
    complete = true;
  } finally {
    if (!complete) next?.catch(() => undefined);
    // Stopped early (cancelled, client gone, failure): the rest of the result is still on its
    // way; closing the connection stops it instead of handing it back busy.
    await streamed.close(complete);
  }
}

/**
 * The matching documents in batches, in (date, id) order: one streamed query on
 * MySQL/MariaDB (whole exports), keyset pages otherwise (SQLite, previews). The next
 * batch is read while the caller writes the current one; memory holds two batches at most.
 */
export async function* documentBatches(
  ctx: RequestContext,
  filter: ExportFilterValues,
  columns: readonly ExportColumnDef[],
  options: { batchSize?: number; limit?: number } = {},
): AsyncGenerator<ExportDocumentRow[]> {
  const needs = needsOf(columns);
  const memo = new HistoryTexts();
  if (options.limit === undefined && ctx.dialect !== 'better-sqlite3' && !ctx.inTransaction) {
    yield* streamedBatches(ctx, filter, needs, memo, options.batchSize ?? STREAMED_BATCH_SIZE);
    return;
  }
  if (options.limit === undefined && options.batchSize === undefined) {
    yield* slicedPages(ctx, filter, needs, memo, BATCH_SIZE, STREAMED_BATCH_SIZE);
    return;
  }
  const size = options.batchSize ?? BATCH_SIZE;
  let remaining = options.limit ?? Number.POSITIVE_INFINITY;
  const page = pageReader(ctx, filter, needs);
  let next: Promise<ExportDocumentRow[]> | null = fetchBatch(ctx, page, needs, memo, null, Math.min(size, remaining));
  try {
    while (next) {
      const batch = await next;
      next = null;
      if (batch.length === 0) return;
      remaining -= batch.length;
      const last = batch[batch.length - 1];
      if (batch.length === size && remaining > 0) {
        next = fetchBatch(ctx, page, needs, memo, { date: last.date, id: last.id }, Math.min(size, remaining));
      }
      yield batch;
    }
  } finally {
    // Stopped early (cancelled, client gone): the prefetch must not end as an unhandled rejection.
    next?.catch(() => undefined);
  }
}

/**
 * A whole export on SQLite: keyset pages of `pageSize` (one indexed range query each),
 * handed on as batches of `sliceSize`, each turned into rows and looked up only when
 * its turn comes. The driver's plain result objects of one page stay alive, but the
 * rows built from them stay at two slices (see STREAMED_BATCH_SIZE: a million-row
 * export peaked near 280 MB with 100-row batches and the next page read ahead).
 * better-sqlite3 is synchronous, so reading ahead overlapped nothing anyway.
 */
async function* slicedPages(ctx: RequestContext, filter: ExportFilterValues, needs: ColumnNeeds, memo: HistoryTexts, pageSize: number, sliceSize: number): AsyncGenerator<ExportDocumentRow[]> {
  const page = pageReader(ctx, filter, needs);
  let after: Keyset | null = null;
  for (;;) {
    const raw: RawDocument[] = await page(after, pageSize);
    if (raw.length === 0) return;
    const last = raw[raw.length - 1];
    after = { date: last.date, id: last.id };
    for (let i = 0; i < raw.length; i += sliceSize) {
      yield await withLoaders(ctx, raw.slice(i, i + sliceSize).map(toRow), needs, memo);
    }
    if (raw.length < pageSize) return;
  }
}
