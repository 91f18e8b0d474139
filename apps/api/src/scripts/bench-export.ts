// Benchmark of STATS / Exports avancés (issues 5 and 14).
//
//   pnpm --filter @comptoir/api build && pnpm --filter @comptoir/api bench:export [--rows 100000] [--pairs 3] [--mariadb mariadb://root@127.0.0.1:3306/test] [--no-mariadb] [--no-sqlite]
//     [--node-flags "--max-semi-space-size=4"] [--keep NAME] [--seed-only]
//
// --node-flags: V8 flags of the scenario processes; by default those production starts
// the API with (`productionNodeFlags`, from the API's start script). BENCH_MEM_DETAIL=1 in the environment of a
// scenario run by hand (`--child --scenario xlsx --file F --rows N --db URL`) prints where
// its peak is (V8 heap, array buffers, anonymous and file-backed pages); =all, every sample.
//
// --keep NAME seeds a SQLite file under the system's temporary folder and a MariaDB
// database both named after NAME, and keeps them: a later run with the same NAME and
// --rows reuses them instead of seeding again (1,000,000 rows take about 19 minutes per
// database on a quiet machine; MariaDB about 10 minutes at load 10 since its secondary indexes
// are built after the load). A NAME starting `comptoir_` names the MariaDB database
// itself (NAME_ROWS), for helpers who must use their own prefix. Drop them yourself (the
// script prints where they are). --seed-only stops after seeding.
//
// Seeds N documents and their history (creation, an edit, the issue of invoices and
// credit notes, written in time order as the app writes them) into a scratch SQLite
// file and a scratch MariaDB database (created and dropped here). Then, per database,
// `--pairs` rounds alternating (order reversed every round), each scenario in its own
// child process so peak RSS is its own:
//   bare      a minimal exceljs streaming writer of the same N styled rows (values
//             computed from the row index, no ids, memory bounded like the export's);
//   xlsx      the real export path (startDocumentsExport + writeExport, as the download
//             endpoint) with the 12 benchmark columns;
//   history   the same plus the 4 columns read from the history (issued by, number of
//             modifications, users who touched it, actions per user).
// Prints each run, then min and median of: xlsx time / bare time, and history rows/s /
// xlsx rows/s. A CSV export runs once per database. Each run's CPU time (user + system,
// zlib's threads included) is printed too, with the same ratios in CPU time: on a machine
// shared with other work they move much less than wall time (the targets are on wall time).
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { DataSource, type QueryRunner } from 'typeorm';
import { Profile } from '@comptoir/schema';
import { createAppServices } from '../app/app';
import { loadConfig, parseDatabaseUrl, redactUrl, type DatabaseConfig } from '../core/config';
import { RequestContext } from '../core/context';
import { MemoryCookieJar } from '../core/cookies';
import { dataSourceOptions, openDataSource } from '../app/database';
import { createLogger } from '../core/logger';
import { statusLabel, typeLabel } from '@comptoir/schema';
import { BENCH_COLUMNS, COLUMN_BY_KEY } from '../modules/exports/export-columns';
import { newId } from '../core/entity';
import { encodeUserActions } from '../modules/history/document-action-facts';
import { ExportFormat, ExportStatus } from '../modules/exports/export.entity';
import { startDocumentsExport, writeExport } from '../modules/exports/export.service';
import { NUM_FMT, zipEntryRoom } from '../modules/exports/export-writers';
import { parisWallClock } from '../modules/exports/paris-time';
import { productionNodeFlags } from './production-node-flags';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const ROWS = Number(option('rows') ?? 100_000);
const PAIRS = Number(option('pairs') ?? 3);
/** V8/Node flags for the scenario processes: production's unless given (`--node-flags ""` for none). */
const NODE_FLAGS = option('node-flags')?.split(' ').filter(Boolean) ?? productionNodeFlags();
/** Keep (and reuse) the seeded databases under this name instead of scratch ones. */
const KEEP = option('keep');
if (KEEP !== undefined && !/^[a-z0-9_]+$/.test(KEEP)) throw new Error('--keep takes lowercase letters, digits and _');
const HISTORY_COLUMNS = ['issuedBy', 'modificationCount', 'touchedBy', 'actionsByUser'];
const DOSSIER = '00000000-0000-4000-8000-0000000000d1';
const USERS = ['Alice Martin', 'Bruno Lefèvre', 'Céline Ançel'].map((name, i) => ({ id: `00000000-0000-4000-8000-00000000000${i + 1}`, name }));
const TYPES = ['QUOTE', 'INVOICE', 'CREDIT_NOTE', 'PRICE_REQUEST', 'SUPPLIER_ORDER'];
const STATUSES = ['DRAFT', 'SENT', 'ISSUED', 'PAID'];

/** Document i, deterministic: the seed inserts it and the bare writer writes the same values (ids are the seed's). */
function documentOf(i: number) {
  const type = TYPES[i % TYPES.length];
  const day = new Date(Date.UTC(2024, 0, 1) + (i % 730) * 86_400_000).toISOString().slice(0, 10);
  const excl = 10_000 + ((i * 7919) % 500_000);
  const vat = Math.round(excl / 5);
  const created = new Date(Date.UTC(2024, 0, 1) + (i % 730) * 86_400_000 + (i % 36_000) * 1000);
  return {
    type,
    status: STATUSES[i % STATUSES.length],
    number: `${type.slice(0, 2)}-${day.slice(0, 4)}-${String(i).padStart(7, '0')}`,
    date: day,
    partyName: `Client n°${i % 5000} — Société Générale d’Éclairage`,
    excl,
    vat,
    incl: excl + vat,
    createdById: USERS[i % 3].id,
    updatedById: USERS[(i + 1) % 3].id,
    createdAt: created,
    updatedAt: new Date(created.getTime() + 3_600_000),
  };
}

const sqlTime = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');

/** Whether a kept database already holds the seeded documents (a whole seed: the facts are written last). */
async function alreadySeeded(db: DatabaseConfig): Promise<boolean> {
  const ds = await openDataSource(db);
  try {
    const [docs] = (await ds.query('SELECT COUNT(*) AS n FROM `documents`')) as { n: number | string }[];
    const [facts] = (await ds.query("SELECT COUNT(*) AS n FROM `documents` WHERE `actionUsers` <> ''")) as { n: number | string }[];
    if (Number(docs.n) !== ROWS || Number(facts.n) !== ROWS) return false;
    if (db.kind === 'sqlite') return true;
    // MariaDB builds the secondary indexes last (see dropSecondaryIndexes).
    const [built] = (await ds.query("SELECT COUNT(*) AS n FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'history_entries' AND INDEX_NAME = 'ix_history_document'")) as { n: number | string }[];
    return Number(built.n) > 0;
  } catch {
    return false;
  } finally {
    await ds.destroy();
  }
}

async function seed(db: DatabaseConfig): Promise<number> {
  const started = Date.now();
  const ds = await openDataSource(db, { synchronize: true });
  await ds.query('INSERT INTO `users` (`id`, `email`, `name`, `phone`, `platformRole`, `passwordHash`, `createdAt`, `updatedAt`) VALUES ' + USERS.map(() => '(?, ?, ?, NULL, NULL, NULL, ?, ?)').join(', '), USERS.flatMap((u, i) => [u.id, `bench${i}@example.test`, u.name, sqlTime(new Date()), sqlTime(new Date())]));
  const columns = ['id', 'dossierId', 'createdAt', 'updatedAt', 'version', 'createdById', 'updatedById', 'type', 'status', 'number', 'numberYear', 'numberSequence', 'date', 'dueDate', 'partyId', 'partyName', 'subject', 'notes', 'totalExclVatCents', 'totalVatCents', 'totalInclVatCents', 'vatBreakdown', 'lineCount', 'sourceDocumentId', 'issuedAt'];
  const mysql = db.kind !== 'sqlite';
  // MariaDB: bigger statements (a round trip per 500 rows was a good part of the time).
  const chunk = mysql ? 1000 : 500;
  const ids: string[] = [];
  const runner = ds.createQueryRunner();
  const indexes = mysql ? await dropSecondaryIndexes(runner, ['documents', 'history_entries']) : [];
  if (mysql) await runner.query('SET SESSION unique_checks = 0, foreign_key_checks = 0');
  await runner.startTransaction();
  for (let start = 0; start < ROWS; start += chunk) {
    const n = Math.min(chunk, ROWS - start);
    const params: unknown[] = [];
    for (let k = 0; k < n; k++) {
      const d = documentOf(start + k);
      const id = newId();
      ids.push(id);
      params.push(id, DOSSIER, sqlTime(d.createdAt), sqlTime(d.updatedAt), 1, d.createdById, d.updatedById, d.type, d.status, d.number, 2024, start + k, d.date, null, null, d.partyName, null, null, d.excl, d.vat, d.incl, '[]', 1, null, null);
    }
    await runner.query(`INSERT INTO \`documents\` (${columns.map((c) => `\`${c}\``).join(', ')}) VALUES ${new Array(n).fill(`(${columns.map(() => '?').join(', ')})`).join(', ')}`, params);
    if ((start / chunk) % 200 === 199) {
      await runner.commitTransaction();
      await runner.startTransaction();
    }
  }
  await runner.commitTransaction();
  await seedHistory(runner, ids);
  await restoreIndexes(runner, indexes);
  await runner.release();
  await ds.destroy();
  return Date.now() - started;
}

interface DroppedIndexes {
  table: string;
  /** `ADD [UNIQUE] INDEX name (columns)` clauses, as they were. */
  clauses: string[];
}

/**
 * MariaDB: the tables' secondary indexes, dropped before seeding and built again once
 * at the end, as a bulk load does. Inserted row by row, 1,000,000 documents updated 13
 * secondary indexes in random order each, which with a small buffer pool went to disk
 * for most rows (hours); built at the end, each index is one sort.
 */
async function dropSecondaryIndexes(runner: QueryRunner, tables: readonly string[]): Promise<DroppedIndexes[]> {
  const dropped: DroppedIndexes[] = [];
  for (const table of tables) {
    const rows = (await runner.query(
      'SELECT INDEX_NAME AS name, NON_UNIQUE AS nonUnique, COLUMN_NAME AS col, SUB_PART AS part FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND INDEX_NAME <> ? ORDER BY INDEX_NAME, SEQ_IN_INDEX',
      [table, 'PRIMARY'],
    )) as { name: string; nonUnique: number | string; col: string; part: number | null }[];
    const byName = new Map<string, { unique: boolean; cols: string[] }>();
    for (const r of rows) {
      const index = byName.get(r.name) ?? { unique: Number(r.nonUnique) === 0, cols: [] };
      byName.set(r.name, index);
      index.cols.push(`\`${r.col}\`${r.part ? `(${r.part})` : ''}`);
    }
    if (byName.size === 0) continue;
    await runner.query(`ALTER TABLE \`${table}\` ${[...byName.keys()].map((name) => `DROP INDEX \`${name}\``).join(', ')}`);
    dropped.push({ table, clauses: [...byName].map(([name, index]) => `ADD ${index.unique ? 'UNIQUE ' : ''}INDEX \`${name}\` (${index.cols.join(', ')})`) });
  }
  return dropped;
}

async function restoreIndexes(runner: QueryRunner, dropped: readonly DroppedIndexes[]): Promise<void> {
  for (const { table, clauses } of dropped) await runner.query(`ALTER TABLE \`${table}\` ${clauses.join(', ')}`);
}

/**
 * The history as the app writes it: entries in time order across documents (every
 * creation, then edits in a scattered order, then issues), so one document's
 * entries sit far apart, as they do after months of use.
 */
async function seedHistory(runner: QueryRunner, ids: readonly string[]): Promise<void> {
  const entries: { doc: number; type: string; userId: string }[] = [];
  for (let i = 0; i < ids.length; i++) entries.push({ doc: i, type: 'CREATED', userId: documentOf(i).createdById });
  for (let k = 0; k < ids.length; k++) {
    const i = (k * 7919) % ids.length;
    entries.push({ doc: i, type: 'UPDATED', userId: documentOf(i).updatedById });
  }
  for (let i = 0; i < ids.length; i++) {
    const d = documentOf(i);
    if ((d.type === 'INVOICE' || d.type === 'CREDIT_NOTE') && (d.status === 'ISSUED' || d.status === 'PAID')) entries.push({ doc: i, type: 'ISSUED', userId: USERS[(i + 2) % 3].id });
  }
  const columns = ['id', 'dossierId', 'sequence', 'entityType', 'entityId', 'documentId', 'type', 'data', 'userId', 'createdAt', 'previousHash', 'hash'];
  const chunk = 500;
  const now = sqlTime(new Date());
  const hash = '0'.repeat(64);
  await runner.startTransaction();
  for (let start = 0; start < entries.length; start += chunk) {
    const batch = entries.slice(start, start + chunk);
    const params = batch.flatMap((e, k) => [newId(), DOSSIER, start + k + 1, 'DOCUMENT', ids[e.doc], ids[e.doc], e.type, '{}', e.userId, now, hash, hash]);
    await runner.query(`INSERT INTO \`history_entries\` (${columns.map((c) => `\`${c}\``).join(', ')}) VALUES ${batch.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ')}`, params);
    if ((start / chunk) % 200 === 199) {
      await runner.commitTransaction();
      await runner.startTransaction();
    }
  }
  await runner.commitTransaction();
  // What recordHistory keeps per document as it writes entries (document-action-facts).
  const facts = new Map<number, { modifications: number; issuedById: string | null; actions: [string, number][] }>();
  for (const e of entries) {
    const f = facts.get(e.doc) ?? { modifications: 0, issuedById: null, actions: [] };
    facts.set(e.doc, f);
    if (e.type !== 'CREATED') f.modifications += 1;
    if (e.type === 'ISSUED') f.issuedById = e.userId;
    const mine = f.actions.find(([id]) => id === e.userId);
    if (mine) mine[1] += 1;
    else f.actions.push([e.userId, 1]);
  }
  // On each document's row, as recordHistory's UPDATE leaves them.
  await runner.startTransaction();
  for (const [doc, f] of facts) {
    await runner.query('UPDATE `documents` SET `actionModificationCount` = ?, `actionIssuedById` = ?, `actionUsers` = ?, `updatedAt` = `updatedAt` WHERE `dossierId` = ? AND `id` = ?', [
      f.modifications,
      f.issuedById,
      encodeUserActions(f.actions),
      DOSSIER,
      ids[doc],
    ]);
  }
  await runner.commitTransaction();
}

// ---------------------------------------------------------------------------
// Scenarios (child processes)
// ---------------------------------------------------------------------------

interface Result {
  rows: number;
  ms: number;
  /** CPU time of the timed part (user + system, the zlib threads included): less swayed than `ms` by other processes on a busy machine. */
  cpuMs: number;
  peakRssMb: number;
  growthMb: number;
  bytes: number;
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Samples RSS; the warm-up baseline is the highest sample of the first 10 % of the run. */
function rssSampler() {
  const samples: { at: number; rss: number }[] = [];
  const start = Date.now();
  const detail = process.env.BENCH_MEM_DETAIL ? memoryDetail() : null;
  const timer = setInterval(() => {
    samples.push({ at: Date.now() - start, rss: process.memoryUsage.rss() });
    detail?.sample();
  }, 50);
  return () => {
    clearInterval(timer);
    detail?.report();
    const total = Date.now() - start;
    const early = samples.filter((s) => s.at <= total * 0.1);
    const baseline = Math.max(...(early.length ? early : samples.slice(0, 1)).map((s) => s.rss));
    const peak = Math.max(...samples.map((s) => s.rss), process.resourceUsage().maxRSS * 1024);
    return { peakRssMb: peak / 1048576, growthMb: (Math.max(...samples.map((s) => s.rss)) - baseline) / 1048576 };
  };
}

/** BENCH_MEM_DETAIL=1: where the peak's memory is (V8 heap, buffers, anonymous and file-backed pages), on stderr. */
function memoryDetail() {
  const started = Date.now();
  let peak: Record<string, number> = { rss: 0 };
  let peakAt = 0;
  const max: Record<string, number> = {};
  const show = (o: Record<string, number>) => Object.entries(o).map(([k, v]) => `${k} ${(v / 1048576).toFixed(1)}`).join(', ');
  return {
    sample() {
      const m = process.memoryUsage();
      const status = readFileSync('/proc/self/status', 'utf8');
      const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
      const now: Record<string, number> = { rss: m.rss, heapTotal: m.heapTotal, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers, rssAnon: kb('RssAnon'), rssFile: kb('RssFile') };
      for (const [k, v] of Object.entries(now)) max[k] = Math.max(max[k] ?? 0, v);
      if (now.rss > peak.rss) [peak, peakAt] = [now, Date.now() - started];
      if (process.env.BENCH_MEM_DETAIL === 'all') process.stderr.write(`${((Date.now() - started) / 1000).toFixed(1)} s: ${show(now)} MB\n`);
    },
    report() {
      process.stderr.write(`peak at ${(peakAt / 1000).toFixed(1)} s: ${show(peak)} MB\nmaxima: ${show(max)} MB\n`);
    },
  };
}

async function scenarioExport(db: DatabaseConfig, format: ExportFormat, columns: readonly string[], file: string): Promise<Result> {
  const config = { ...loadConfig({ HISTORY_KEY: randomBytes(32).toString('hex'), HISTORY_SIGNING_KEY: randomBytes(32).toString('hex'), ...process.env, NODE_ENV: 'production', SEED_ON_EMPTY: 'false', LOG_LEVEL: 'warn', SMTP_URL: '' }), database: db };
  const ds = await openDataSource(db);
  const app = createAppServices(config, ds, createLogger(config));
  const ctx = new RequestContext(
    app,
    { sessionId: 'bench', userId: USERS[0].id, email: 'bench0@example.test', name: USERS[0].name, dossierId: DOSSIER, profile: Profile.OWNER, platformRole: null },
    { requestId: 'bench', ip: null, userAgent: 'bench' },
    new MemoryCookieJar(),
  );
  const stop = rssSampler();
  const cpu = process.cpuUsage();
  const started = Date.now();
  const log = await startDocumentsExport(ctx, { format, columns: [...columns] }, ExportStatus.RUNNING);
  const out = createWriteStream(file);
  const outcome = await writeExport(ctx, log, out);
  if (!out.writableFinished) await once(out, 'finish');
  const ms = Date.now() - started;
  const cpuMs = cpuSince(cpu);
  const mem = stop();
  if (!outcome.complete) throw new Error(`export ended ${outcome.log.status}: ${outcome.log.error}`);
  await ds.destroy();
  return { rows: outcome.log.rowsWritten, ms, cpuMs, ...mem, bytes: statSync(file).size };
}

/** exceljs alone: the same rows, the same styles, no database, no catalogue. */
async function scenarioBare(file: string): Promise<Result> {
  const stop = rssSampler();
  const cpu = process.cpuUsage();
  const started = Date.now();
  const out = createWriteStream(file);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet('Liste des pièces', { views: [{ state: 'frozen', ySplit: 1 }] });
  const defs = BENCH_COLUMNS.map((key) => COLUMN_BY_KEY.get(key)!);
  sheet.columns = defs.map((c, i) => ({ key: `c${i}`, width: c.width, ...(NUM_FMT[c.type] ? { style: { numFmt: NUM_FMT[c.type] } } : {}) }));
  const header = sheet.addRow(defs.map((c) => c.labelFr));
  header.font = { bold: true };
  header.commit();
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: defs.length } };
  const names = new Map(USERS.map((u) => [u.id, u.name]));
  // One style object per column, shared by its cells: exceljs's style cache is keyed by the
  // object, so this is the cheapest way to write styled cells (a writer without it is not minimal).
  const styles: Partial<ExcelJS.Style>[] = defs.map((c) => (NUM_FMT[c.type] ? { numFmt: NUM_FMT[c.type] } : {}));
  for (let i = 0; i < ROWS; i++) {
    const d = documentOf(i);
    const row = sheet.addRow([
      typeLabel(d.type),
      d.number,
      new Date(`${d.date}T00:00:00Z`),
      statusLabel(d.type, d.status),
      d.partyName,
      d.excl / 100,
      d.vat / 100,
      d.incl / 100,
      names.get(d.createdById),
      parisWallClock(d.createdAt),
      names.get(d.updatedById),
      parisWallClock(d.updatedAt),
    ]);
    for (let c = 0; c < styles.length; c++) row.getCell(c + 1).style = styles[c];
    row.commit();
    if (i % 1000 === 999) {
      // The export's own back-pressure, so both hold the same bounded memory.
      await zipEntryRoom(sheet);
      if (out.writableNeedDrain) await once(out, 'drain');
      // Let the RSS sampler run (a loop that never yields is never sampled).
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  sheet.commit();
  await workbook.commit();
  const ms = Date.now() - started;
  const cpuMs = cpuSince(cpu);
  return { rows: ROWS, ms, cpuMs, ...stop(), bytes: statSync(file).size };
}

async function child(): Promise<void> {
  const scenario = option('scenario')!;
  const file = option('file')!;
  const db = option('db') ? parseDatabaseUrl(option('db')) : null;
  if (scenario === 'seed') {
    console.log(`seeded in ${await seed(db!)} ms`);
    return;
  }
  const columns = scenario === 'history' ? [...BENCH_COLUMNS, ...HISTORY_COLUMNS] : BENCH_COLUMNS;
  const result = scenario === 'bare' ? await scenarioBare(file) : await scenarioExport(db!, scenario === 'csv' ? ExportFormat.CSV : ExportFormat.XLSX, columns, file);
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

// ---------------------------------------------------------------------------
// Parent
// ---------------------------------------------------------------------------

function run(scenario: string, file: string, db?: string): Result {
  const childArgs = [__filename, '--child', '--scenario', scenario, '--file', file, '--rows', String(ROWS), ...(db ? ['--db', db] : [])];
  const out = spawnSync(process.execPath, [...NODE_FLAGS, ...childArgs], { encoding: 'utf8', maxBuffer: 10 * 1024 * 1024 });
  const line = out.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`scenario ${scenario} failed:\n${out.stderr}${out.stdout}`);
  return JSON.parse(line.slice(7)) as Result;
}

function stat(values: readonly number[], which: 'min' | 'median'): string {
  const sorted = [...values].sort((a, b) => a - b);
  const value = which === 'min' ? sorted[0] : sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  return value.toFixed(2);
}

const fmt = (r: Result) =>
  `${String(Math.round(r.rows / (r.ms / 1000))).padStart(7)} rows/s  ${(r.ms / 1000).toFixed(2).padStart(6)} s  CPU ${(r.cpuMs / 1000).toFixed(2).padStart(6)} s  peak RSS ${r.peakRssMb.toFixed(0).padStart(4)} MB  growth ${r.growthMb.toFixed(0).padStart(4)} MB  ${(r.bytes / 1048576).toFixed(1)} MB file`;

async function parent(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'comptoir-bench-'));
  const sqliteFile = KEEP ? join(tmpdir(), `comptoir_bench_${KEEP}_${ROWS}.sqlite`) : join(dir, 'bench.sqlite');
  const targets: { label: string; url: string; drop?: () => Promise<void>; reset?: () => Promise<void> }[] = args.includes('--no-sqlite')
    ? []
    : [{ label: 'SQLite', url: `sqlite:${sqliteFile}`, reset: async () => ['', '-wal', '-shm'].forEach((end) => rmSync(sqliteFile + end, { force: true })) }];
  if (!args.includes('--no-mariadb')) {
    const server = parseDatabaseUrl(option('mariadb') ?? process.env.BENCH_MARIADB_URL ?? 'mariadb://root@127.0.0.1:3306/test');
    // A --keep name of your own (`comptoir_…`) is used as it is, with the row count.
    const name = KEEP ? `${KEEP.startsWith('comptoir_') ? KEEP : `comptoir_bench_${KEEP}`}_${ROWS}` : `comptoir_bench_${process.pid}`;
    const admin = new DataSource({ ...dataSourceOptions(server), entities: [], migrations: [] });
    await admin.initialize();
    await admin.query(`CREATE DATABASE ${KEEP ? 'IF NOT EXISTS ' : ''}\`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.destroy();
    targets.push({
      label: server.kind === 'mariadb' ? 'MariaDB' : 'MySQL',
      url: server.url.replace(/\/[^/?]*(\?|$)/, `/${name}$1`),
      // A kept database left half-seeded (an interrupted run) starts again empty.
      reset: async () => {
        const resetter = new DataSource({ ...dataSourceOptions(server), entities: [], migrations: [] });
        await resetter.initialize();
        await resetter.query(`DROP DATABASE IF EXISTS \`${name}\``);
        await resetter.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
        await resetter.destroy();
      },
      drop: KEEP ? undefined : async () => {
        const dropper = new DataSource({ ...dataSourceOptions(server), entities: [], migrations: [] });
        await dropper.initialize();
        await dropper.query(`DROP DATABASE IF EXISTS \`${name}\``);
        await dropper.destroy();
      },
    });
  }
  try {
    console.log(`Comptoir export benchmark: ${ROWS.toLocaleString('en')} documents, ${BENCH_COLUMNS.length} columns (${BENCH_COLUMNS.join(', ')}), + ${HISTORY_COLUMNS.length} history columns in "history", ${PAIRS} alternated rounds, Node ${process.version}\n`);
    const summary: string[] = [];
    for (const target of targets) {
      if (KEEP && (await alreadySeeded(parseDatabaseUrl(target.url)))) {
        console.log(`${target.label}: reusing the ${ROWS.toLocaleString('en')} documents kept in ${redactUrl(target.url)}`);
      } else {
        if (KEEP) await target.reset?.();
        const seedMs = await seed(parseDatabaseUrl(target.url));
        console.log(`${target.label}: seeded ${ROWS.toLocaleString('en')} documents and their history in ${(seedMs / 1000).toFixed(1)} s${KEEP ? ` (kept in ${redactUrl(target.url)})` : ''}`);
      }
      if (args.includes('--seed-only')) continue;
      const xlsxVsBare: number[] = [];
      const historyVsPlain: number[] = [];
      const cpuXlsxVsBare: number[] = [];
      const cpuHistoryVsPlain: number[] = [];
      for (let round = 0; round < PAIRS; round++) {
        const order = round % 2 === 0 ? ['bare', 'xlsx', 'history'] : ['history', 'xlsx', 'bare'];
        const results = new Map<string, Result>();
        for (const scenario of order) {
          const result = run(scenario, join(dir, `${scenario}-${target.label}.xlsx`), scenario === 'bare' ? undefined : target.url);
          results.set(scenario, result);
          console.log(`  round ${round + 1} ${scenario.padEnd(8)} ${fmt(result)}`);
        }
        const [bare, xlsx, history] = ['bare', 'xlsx', 'history'].map((k) => results.get(k)!);
        xlsxVsBare.push(xlsx.ms / bare.ms);
        historyVsPlain.push(history.rows / history.ms / (xlsx.rows / xlsx.ms));
        cpuXlsxVsBare.push(xlsx.cpuMs / bare.cpuMs);
        cpuHistoryVsPlain.push(history.rows / history.cpuMs / (xlsx.rows / xlsx.cpuMs));
      }
      const csv = run('csv', join(dir, `export-${target.label}.csv`), target.url);
      console.log(`  CSV             ${fmt(csv)}`);
      summary.push(`${target.label}: .xlsx / bare time min ${stat(xlsxVsBare, 'min')} median ${stat(xlsxVsBare, 'median')}; speed with history columns / without min ${stat(historyVsPlain, 'min')} median ${stat(historyVsPlain, 'median')}`);
      summary.push(`${' '.repeat(target.label.length)}  (CPU time: .xlsx / bare min ${stat(cpuXlsxVsBare, 'min')} median ${stat(cpuXlsxVsBare, 'median')}; history / without min ${stat(cpuHistoryVsPlain, 'min')} median ${stat(cpuHistoryVsPlain, 'median')})`);
      await target.drop?.();
      target.drop = undefined;
    }
    console.log(`\n${summary.join('\n')}`);
    console.log('\nTargets: .xlsx within 1.3× the bare writer; with history columns at least 0.8× the speed without; peak RSS ≤ 250 MB at 100,000 and 1,000,000 rows (--rows 1000000).');
  } finally {
    for (const target of targets) await target.drop?.().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

(args.includes('--child') ? child() : parent()).catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
