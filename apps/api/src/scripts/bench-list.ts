// Benchmark of the document list (issue 14).
//
//   pnpm bench:list [--sizes 1000,10000,100000] [--pairs 3] [--seconds 10] [--connections 10]
//                   [--workers 1] [--mariadb mariadb://root@127.0.0.1:3306/test] [--keep] [--reuse] [--db comptoir_bench_list]
//                   [--only throughput|growth] [--rounds 1] [--port 4901] [--warmup 5] [--against other/dist/main.js]
//                   [--node-flags "--max-semi-space-size=4"]  (Comptoir's; default: the API's start script's)
//
// Seeds one scratch MariaDB database (created here, dropped at the end unless --keep)
// with a dossier per size (documents with their search terms, customers, five users,
// an ADV session each), then:
// 1. checks that Comptoir and the raw baseline (bench-list-raw: node:http + mysql2, the
//    same SELECTs) answer the SPA's invoice-list query with byte-identical JSON;
// 2. throughput on the 10k dossier (or the middle size): autocannon at --connections,
//    Comptoir and raw run alternately (order swapped every pair), --pairs pairs; prints
//    req/s, p50 and p99 of each run and the ratio Comptoir/raw, min and median;
//    --workers N runs Comptoir with WEB_CONCURRENCY=N against N raw processes. Before the
//    pairs, --warmup seconds (5) of the same load on each server, not counted: every process
//    (each cluster worker) has then compiled the query (graphql-jit compiles on a text's
//    second run) and let V8 optimise its hot code, raw's as well as Comptoir's, so the
//    first pair measures neither server's start-up;
// 3. statements per request, from MariaDB's own `Questions` counter over 50 sequential
//    requests (the best of three windows: other clients of the server add to the count);
//    and the CPU time per request of each (from /proc: what other load disturbs least);
// 4. growth: first-page latency (median of 15 sequential requests) of every filter the
//    SPA offers at each size, and the ratio largest/smallest.
// --against runs another build of Comptoir (its dist/main.js, e.g. main's, copied aside) in
// the raw server's place: "raw" then reads "that build", and the ratios compare two builds,
// alternated in the same way (what a change is worth, on a machine too busy for absolute figures).
// --keep leaves the scratch database and its sessions (in comptoir_bench_list.json, in the
// system's temporary directory); --reuse starts from them instead of seeding again (the
// same --sizes); --only throughput skips the checks after the throughput pairs, --only growth
// goes from the same-answer check to the growth table; --rounds N repeats that table.
// Not part of the test suite: figures depend on the machine; ratios are what to compare.
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { DocumentStatus, DocumentType, Plan, Profile } from '@comptoir/schema';
import { parseDatabaseUrl } from '../core/config';
import { newId } from '../core/entity';
import { dataSourceOptions, openDataSource } from '../app/database';
import { DocumentSearchTerm, searchTermRows } from '../modules/documents/document-search';
import { Document } from '../modules/documents/document.entity';
import { DEFAULT_DOSSIER_SETTINGS, Dossier } from '../modules/identity/dossier.entity';
import { Membership } from '../modules/identity/membership.entity';
import { Session } from '../modules/identity/session.entity';
import { User } from '../modules/identity/user.entity';
import { Customer } from '../modules/parties/party.entity';
import { productionNodeFlags } from './production-node-flags';

// autocannon ships no types; the little used here is typed by hand.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (opts: Record<string, unknown>) => Promise<{
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}>;

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const SIZES = (option('sizes') ?? '1000,10000,100000').split(',').map(Number);
const PAIRS = Number(option('pairs') ?? 3);
const SECONDS = Number(option('seconds') ?? 10);
const CONNECTIONS = Number(option('connections') ?? 10);
const WORKERS = Number(option('workers') ?? 1);
const SERVER = option('mariadb') ?? 'mariadb://root@127.0.0.1:3306/test';
const KEEP = args.includes('--keep');
const REUSE = args.includes('--reuse');
const ONLY = option('only');
const ROUNDS = Number(option('rounds') ?? 1);
const BENCH_DB = option('db') ?? 'comptoir_bench_list';
const WARMUP = Number(option('warmup') ?? 5);
const AGAINST = option('against');
/** Node/V8 flags of the Comptoir servers: production's (the API's start script) unless given (`--node-flags ""` for none). */
const COMPTOIR_FLAGS = option('node-flags')?.split(' ').filter(Boolean) ?? productionNodeFlags();
/** Comptoir listens on this port and the raw server on the next (another run on the same machine needs others). */
const PORT = Number(option('port') ?? 4901);
const SEEDED_FILE = join(tmpdir(), `${BENCH_DB}.json`);
const PAGE = 50;

/** The SPA's invoice list (apps/web/src/features/documents/document.operations.ts), as it sends it. */
const LIST_QUERY = `query InvoicesList($first: Int!, $after: String, $filter: DocumentFilter, $sort: DocumentSort) {
  list: invoices(first: $first, after: $after, filter: $filter, sort: $sort) {
    nodes {
      ...DocumentListFields
    }
    count {
      value
      more
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}

fragment DocumentListFields on Document {
  id
  type
  status
  number
  date
  dueDate
  partyId
  partyName
  totalExclVatCents
  totalInclVatCents
  createdAt
  createdBy {
    id
    name
  }
  updatedAt
  updatedBy {
    id
    name
  }
}`;

interface Seeded {
  size: number;
  token: string;
  partyId: string;
  userIds: string[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const fmt = (x: number, digits = 2) => x.toFixed(digits);

async function seed(url: string): Promise<Seeded[]> {
  const started = Date.now();
  const ds = await openDataSource(parseDatabaseUrl(url));
  await ds.runMigrations({ transaction: 'each' });
  const em = ds.manager;
  const seeded: Seeded[] = [];
  const types = [DocumentType.INVOICE, DocumentType.QUOTE, DocumentType.CREDIT_NOTE, DocumentType.SUPPLIER_ORDER];
  const statuses = [DocumentStatus.DRAFT, DocumentStatus.ISSUED, DocumentStatus.PAID];
  for (const size of SIZES) {
    const dossier = await em.save(
      em.create(Dossier, { name: `Bench ${size}`, siret: null, vatNumber: null, addressLine: null, postalCode: null, city: null, country: 'FR', settings: DEFAULT_DOSSIER_SETTINGS, plan: Plan.TPE_PLUS, extraSeats: 5 }),
    );
    const users: User[] = [];
    for (const name of ['Alice Martin', 'Bruno Lefèvre', 'Céline Ançel', 'David Roux', 'Élodie Petit']) {
      users.push(await em.save(em.create(User, { email: `${newId()}@bench.test`, name, phone: null, platformRole: null, passwordHash: null })));
    }
    for (const [i, user] of users.entries()) {
      await em.save(em.create(Membership, { userId: user.id, dossierId: dossier.id, profile: i === 0 ? Profile.OWNER : Profile.ADV, isPrincipal: i === 0 }));
    }
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    await em.save(
      em.create(Session, { tokenHash: createHash('sha256').update(token).digest('hex'), userId: users[1].id, dossierId: dossier.id, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + 86_400_000), revokedAt: null, ip: null, userAgent: 'bench' }),
    );
    const trades = ['Boulangerie', 'Atelier', 'Garage', 'Café', 'Pharmacie', 'Menuiserie', 'Librairie', 'Fromagerie', 'Imprimerie', 'Épicerie'];
    const names = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Zola'];
    const customers = Array.from({ length: 200 }, (_, i) =>
      em.create(Customer, { id: newId(), dossierId: dossier.id, legalName: `${trades[i % trades.length]} ${names[Math.floor(i / 10)]} SARL`, country: 'FR', paymentTermsDays: 30, version: 1, createdById: users[0].id, updatedById: users[0].id }),
    );
    for (let i = 0; i < customers.length; i += 100) await em.insert(Customer, customers.slice(i, i + 100));
    for (let start = 0; start < size; start += 1000) {
      const docs: Partial<Document>[] = [];
      const terms: Partial<DocumentSearchTerm>[] = [];
      for (let i = start; i < Math.min(size, start + 1000); i++) {
        const type = types[i % types.length];
        const day = new Date(Date.UTC(2024, 0, 1) + (i % 730) * 86_400_000);
        const customer = customers[(i * 7) % customers.length];
        const doc: Partial<Document> = {
          id: newId(),
          dossierId: dossier.id,
          type,
          status: statuses[i % statuses.length],
          number: `${type.slice(0, 2)}-${2024 + (i % 2)}-${String(i).padStart(6, '0')}`,
          date: day.toISOString().slice(0, 10),
          dueDate: null,
          partyId: customer.id,
          partyName: customer.legalName,
          totalExclVatCents: 10_000 + ((i * 7919) % 500_000),
          totalVatCents: 2_000,
          totalInclVatCents: 12_000 + ((i * 7919) % 500_000),
          vatBreakdown: [],
          lineCount: 1,
          version: 1,
          createdById: users[(i >> 2) % users.length].id,
          updatedById: users[(i >> 3) % users.length].id,
          createdAt: day,
          updatedAt: day,
        };
        docs.push(doc);
        terms.push(...searchTermRows(dossier.id, doc as Document));
      }
      for (let i = 0; i < docs.length; i += 250) await em.insert(Document, docs.slice(i, i + 250));
      for (let i = 0; i < terms.length; i += 2000) await em.insert(DocumentSearchTerm, terms.slice(i, i + 2000));
    }
    // Invoices (i % 4 == 0) have customers (7i mod 200), multiples of 4: customers[8] has 1/50 of them.
    seeded.push({ size, token, partyId: customers[8].id, userIds: users.map((u) => u.id) });
    console.log(`seeded ${size} documents (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  await ds.query('ANALYZE TABLE documents, document_search_terms');
  await ds.destroy();
  return seeded;
}

function startServer(script: string, port: number, env: Record<string, string>, comptoir: boolean): ChildProcess {
  // BENCH_NODE_ARGS: flags for both servers' node (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`: NODE_OPTIONS refuses it).
  // A Comptoir build also gets the flags production starts it with (`--node-flags` instead).
  const nodeArgs = [...(comptoir ? COMPTOIR_FLAGS : []), ...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean)];
  const child = spawn(process.execPath, [...nodeArgs, isAbsolute(script) ? script : join(__dirname, '..', script)], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      return;
    } catch {
      await sleep(200);
    }
  }
  throw new Error(`${url} did not start`);
}

function request(token: string, variables: Record<string, unknown>) {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `comptoir_session=${token}` },
    body: JSON.stringify({ operationName: 'InvoicesList', query: LIST_QUERY, variables }),
  };
}

async function post(url: string, token: string, variables: Record<string, unknown>): Promise<string> {
  const res = await fetch(url, request(token, variables));
  const text = await res.text();
  if (!res.ok) throw new Error(`${url}: ${res.status} ${text.slice(0, 200)}`);
  return text;
}

/** CPU seconds (user + system) used so far by a process and its direct children (cluster workers), from /proc. */
function cpuSeconds(pid: number): number {
  const ticks = 100; // USER_HZ on Linux
  const read = (p: string) => {
    try {
      const fields = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ');
      return { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / ticks };
    } catch {
      return null;
    }
  };
  let total = read(String(pid))?.cpu ?? 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(entry);
    if (stat?.ppid === pid) total += stat.cpu;
  }
  return total;
}

async function load(url: string, token: string, pid: number) {
  const cpuBefore = cpuSeconds(pid);
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, ...request(token, { first: PAGE }) });
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  // CPU per request: what load from other processes on the machine disturbs least.
  const cpuMs = ((cpuSeconds(pid) - cpuBefore) * 1000) / Math.max(1, result.requests.total);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, cpuMs };
}

async function questions(ds: DataSource): Promise<number> {
  const [row] = (await ds.query("SHOW GLOBAL STATUS LIKE 'Questions'")) as { Value: string }[];
  return Number(row.Value);
}

async function main(): Promise<void> {
  const server = parseDatabaseUrl(SERVER);
  const admin = new DataSource({ ...dataSourceOptions(server), entities: [], migrations: [] });
  await admin.initialize();
  const reuse = REUSE && existsSync(SEEDED_FILE) && (JSON.parse(readFileSync(SEEDED_FILE, 'utf8')) as Seeded[]).map((s) => s.size).join() === SIZES.join();
  if (!reuse) {
    await admin.query(`DROP DATABASE IF EXISTS \`${BENCH_DB}\``);
    await admin.query(`CREATE DATABASE \`${BENCH_DB}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  }
  const benchUrl = SERVER.replace(/\/[^/]*$/, `/${BENCH_DB}`);
  const keysDir = mkdtempSync(join(tmpdir(), 'comptoir-bench-'));
  const children: ChildProcess[] = [];
  try {
    const seeded = reuse ? (JSON.parse(readFileSync(SEEDED_FILE, 'utf8')) as Seeded[]) : await seed(benchUrl);
    if (KEEP) writeFileSync(SEEDED_FILE, JSON.stringify(seeded));
    const env = {
      DATABASE_URL: benchUrl,
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      WEB_DIST: '',
      SEED_ON_EMPTY: 'false',
      MAIL_POLL_MS: '3600000',
      WEB_CONCURRENCY: String(WORKERS),
      HISTORY_KEY: randomBytes(32).toString('hex'),
      HISTORY_SIGNING_KEY: randomBytes(32).toString('hex'),
      KEYS_FILE: join(keysDir, 'keys.json'),
    };
    const comptoirUrl = `http://127.0.0.1:${PORT}/graphql`;
    const rawUrl = `http://127.0.0.1:${PORT + 1}/graphql`;
    children.push(startServer('main.js', PORT, env, true), startServer(AGAINST ? resolve(AGAINST) : 'scripts/bench-list-raw.js', PORT + 1, env, !!AGAINST));
    if (AGAINST) console.log(`"raw" below is ${resolve(AGAINST)}`);
    await Promise.all([waitFor(comptoirUrl), waitFor(rawUrl)]);

    // 1. Same answer, byte for byte.
    for (const s of seeded) {
      const [ours, raw] = await Promise.all([post(comptoirUrl, s.token, { first: PAGE }), post(rawUrl, s.token, { first: PAGE })]);
      if (ours !== raw) {
        let at = 0;
        while (ours[at] === raw[at]) at++;
        throw new Error(`answers differ at ${s.size} documents, from character ${at}:\n${ours.slice(at - 100, at + 200)}\n${raw.slice(at - 100, at + 200)}`);
      }
    }
    console.log(`\nSame JSON from both servers for the first page at ${SIZES.join(', ')} documents.`);

    const middle = seeded[Math.floor(seeded.length / 2)];
    if (ONLY !== 'growth') await throughputAndStatements();
    if (ONLY === 'throughput') return;
    async function throughputAndStatements(): Promise<void> {
    // 2. Throughput, alternated.
    console.log(`\nThroughput on ${middle.size} documents, ${CONNECTIONS} connections, ${SECONDS} s per run, ${WORKERS} process(es) each:`);
    // Warm-up, not counted, the same for both: each process compiles and optimises before it is measured.
    for (const url of WARMUP > 0 ? [comptoirUrl, rawUrl] : []) {
      const warm = await autocannon({ url, connections: CONNECTIONS, duration: WARMUP, ...request(middle.token, { first: PAGE }) });
      if (warm.non2xx || warm.errors) throw new Error(`${url}: ${warm.non2xx} non-2xx, ${warm.errors} errors while warming up`);
    }
    console.log(WARMUP > 0 ? `  (after ${WARMUP} s of warm-up on each, not counted)` : '  (no warm-up)');
    const ratios: number[] = [];
    const cpuRatios: number[] = [];
    const [comptoirPid, rawPid] = children.map((c) => c.pid!);
    for (let pair = 0; pair < PAIRS; pair++) {
      const order = pair % 2 === 0 ? (['comptoir', 'raw'] as const) : (['raw', 'comptoir'] as const);
      const runs: Record<string, Awaited<ReturnType<typeof load>>> = {};
      for (const which of order) runs[which] = which === 'comptoir' ? await load(comptoirUrl, middle.token, comptoirPid) : await load(rawUrl, middle.token, rawPid);
      ratios.push(runs.comptoir.rps / runs.raw.rps);
      cpuRatios.push(runs.comptoir.cpuMs / runs.raw.cpuMs);
      console.log(
        `  pair ${pair + 1}: Comptoir ${fmt(runs.comptoir.rps, 0)} req/s (p50 ${runs.comptoir.p50} ms, p99 ${runs.comptoir.p99} ms, CPU ${fmt(runs.comptoir.cpuMs)} ms/req) · raw ${fmt(runs.raw.rps, 0)} req/s (p50 ${runs.raw.p50} ms, p99 ${runs.raw.p99} ms, CPU ${fmt(runs.raw.cpuMs)} ms/req) · ratio ${fmt(ratios[pair])}`,
      );
    }
    console.log(`  ratio Comptoir/raw: min ${fmt(Math.min(...ratios))}, median ${fmt(median(ratios))}`);
    console.log(`  CPU per request Comptoir/raw: min ${fmt(Math.min(...cpuRatios))}, median ${fmt(median(cpuRatios))}`);
    if (ONLY === 'throughput') return;

    // 3. Statements per request.
    const counter = new DataSource({ ...dataSourceOptions(parseDatabaseUrl(benchUrl)), entities: [], migrations: [] });
    await counter.initialize();
    const perRequest = async (url: string) => {
      const windows: number[] = [];
      for (let w = 0; w < 3; w++) {
        const before = await questions(counter);
        for (let i = 0; i < 50; i++) await post(url, middle.token, { first: PAGE });
        windows.push((await questions(counter)) - before - 1); // minus the SHOW STATUS itself
      }
      return Math.min(...windows) / 50;
    };
    console.log(`\nStatements per list request (MariaDB Questions): Comptoir ${fmt(await perRequest(comptoirUrl))}, raw ${fmt(await perRequest(rawUrl))}`);
    await counter.destroy();
    }

    // 4. Growth with the dossier's size, per filter.
    const filters: [string, (s: Seeded) => Record<string, unknown>][] = [
      ['first page', () => ({})],
      ['customer', (s) => ({ filter: { partyId: s.partyId } })],
      ['status', () => ({ filter: { statuses: ['ISSUED'] } })],
      ['period', () => ({ filter: { dateFrom: '2024-03-01', dateTo: '2024-03-31' } })],
      ['created by', (s) => ({ filter: { createdById: s.userIds[2] } })],
      ['modified by', (s) => ({ filter: { updatedById: s.userIds[3] } })],
      ['search number', () => ({ filter: { search: 'IN-2024-0000' } })],
      ['search party', () => ({ filter: { search: 'zola' } })], // 2 of the 50 invoice customers
      // « Garage » is 10 of the 50 invoice customers, « Zola » 2, « Garage Zola SARL » 1.
      ['search 2 words', () => ({ filter: { search: 'garage zol' } })],
    ];
    // --rounds N repeats the table (sizes alternated within each filter) and ends with the
    // median of the rounds' medians: on a shared machine one round is noisy.
    const byFilter = new Map<string, number[][]>();
    const minByFilter = new Map<string, number[][]>();
    for (let round = 1; round <= ROUNDS; round++) {
      console.log(`\nFirst-page latency (median of 15 sequential requests), ms${ROUNDS > 1 ? `, round ${round}/${ROUNDS}` : ''}:`);
      console.log(`  ${'filter'.padEnd(14)}${SIZES.map((n) => String(n).padStart(10)).join('')}   ratio ${SIZES[SIZES.length - 1]}/${SIZES[0]}`);
      for (const [name, variables] of filters) {
        const medians: number[] = [];
        const mins: number[] = [];
        const shown: string[] = [];
        for (const s of seeded) {
          const times: number[] = [];
          let answer = '';
          for (let i = 0; i < 15; i++) {
            const t0 = performance.now();
            answer = await post(comptoirUrl, s.token, { first: PAGE, ...variables(s) });
            times.push(performance.now() - t0);
          }
          medians.push(median(times));
          mins.push(Math.min(...times));
          // Rows on the page and the count shown: a small dossier's page may hold fewer rows.
          const { list } = (JSON.parse(answer) as { data: { list: { nodes: unknown[]; count: { value: number; more: boolean } } } }).data;
          shown.push(`${list.nodes.length}/${list.count.more ? '>' : ''}${list.count.value}`);
        }
        byFilter.set(name, [...(byFilter.get(name) ?? []), medians]);
        minByFilter.set(name, [...(minByFilter.get(name) ?? []), mins]);
        console.log(`  ${name.padEnd(14)}${medians.map((m) => fmt(m, 1).padStart(10)).join('')}   ${fmt(medians[medians.length - 1] / medians[0]).padEnd(6)} rows/count ${shown.join(' · ')}`);
      }
    }
    if (ROUNDS > 1) {
      console.log(`\nMedian of ${ROUNDS} rounds, ms (ratio: median of the rounds' ratios):`);
      for (const [name, rounds] of byFilter) {
        const perSize = SIZES.map((_, i) => median(rounds.map((r) => r[i])));
        const ratio = median(rounds.map((r) => r[r.length - 1] / r[0]));
        console.log(`  ${name.padEnd(14)}${perSize.map((m) => fmt(m, 1).padStart(10)).join('')}   ${fmt(ratio)}`);
      }
      // The fastest of each 15: what the request costs when the machine's other load lets it run.
      console.log(`\nFastest of 15, median of ${ROUNDS} rounds, ms (ratio: median of the rounds' ratios):`);
      for (const [name, rounds] of minByFilter) {
        const perSize = SIZES.map((_, i) => median(rounds.map((r) => r[i])));
        const ratio = median(rounds.map((r) => r[r.length - 1] / r[0]));
        console.log(`  ${name.padEnd(14)}${perSize.map((m) => fmt(m, 1).padStart(10)).join('')}   ${fmt(ratio)}`);
      }
    }
  } finally {
    for (const child of children) child.kill('SIGTERM');
    if (!KEEP) {
      await admin.query(`DROP DATABASE IF EXISTS \`${BENCH_DB}\``);
      rmSync(SEEDED_FILE, { force: true });
    }
    await admin.destroy();
    rmSync(keysDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
