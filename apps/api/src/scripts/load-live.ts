// Bounded loopback load of the live features: two API nodes (built server, scratch
// database, one Redis), N dossiers — each its own owner, customer, documents and
// subscribing sessions — WebSocket subscriptions spread over both nodes, edits at a fixed
// rate spread over the dossiers for a fixed time. Prints the achieved edit rate, the
// delivery latency (history entry's time, inside the editing transaction → event received,
// on the OTHER node than the one that made the edit, and on the same node), and the memory
// each connection costs. Exits non-zero when the achieved rate is more than 10 % below the
// asked one, or when a subscription could not be opened.
//   pnpm --filter @comptoir/api build && node apps/api/dist/scripts/load-live.js \
//     [--subscriptions 500] [--rate 50] [--seconds 60] [--dossiers 10] [--documents 5] [--sessions 5] \
//     [--database mariadb://root@127.0.0.1:3306]
// `--documents` and `--sessions` are per dossier. Needs Redis (REDIS_URL, default
// redis://127.0.0.1:6379). Loopback only; stops by itself.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createConnection } from 'mysql2/promise';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SUBSCRIPTIONS = arg('subscriptions', 500);
const RATE = arg('rate', 50);
const SECONDS = arg('seconds', 60);
const DOSSIERS = arg('dossiers', 10);
const DOCUMENTS = arg('documents', 5);
const SESSIONS = arg('sessions', 5);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const dbIndex = process.argv.indexOf('--database');
/** `--database mariadb://root@127.0.0.1:3306` (or DATABASE_URL of a MySQL/MariaDB server): a scratch database on that server (created, dropped after); default a scratch SQLite file. */
const databaseOption = dbIndex > 0 ? process.argv[dbIndex + 1] : /^(mysql|mariadb):/.test(process.env.DATABASE_URL ?? '') ? process.env.DATABASE_URL! : null;
const DATABASE_SERVER = databaseOption ? databaseOption.replace(/^((?:mysql|mariadb):\/\/[^/]+).*$/, '$1') : null;
let databaseUrl = '';
const PASSWORD = 'Comptoir-load-2026';
/** Below this share of the asked rate the run fails. */
const MIN_RATE_SHARE = 0.9;

function rssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

/** CPU time (user + system) a process has used so far, in ms (`/proc/<pid>/stat`, clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function startNode(dir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(__dirname, '..', 'main.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: databaseUrl,
      KEYS_FILE: join(dir, 'keys.json'),
      EXPORT_DIR: join(dir, 'exports'),
      REDIS_URL,
      REDIS_PREFIX: `comptoir-load-${basename(dir)}:`,
      SEED_ON_EMPTY: 'false',
      WEB_DIST: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {
      // not yet
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`node on :${port} did not start`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function gql<T>(base: string, cookie: string, query: string, variables: Record<string, unknown> = {}): Promise<{ data: T; cookie: string }> {
  const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  const set = response.headers.get('set-cookie');
  return { data: body.data, cookie: set ? set.split(';')[0] : cookie };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface Doc {
  id: string;
  version: number;
  busy: boolean;
  /** The node this document's edits go through (one edit at a time per document: its version). */
  editNode: number;
  subscribers: number;
  edited: number;
}
interface DossierLoad {
  editor: string;
  sessions: string[];
  partyId: string;
  docs: Doc[];
  next: number;
}

const UPDATE = 'mutation($id: ID!, $v: Int!, $input: DocumentInput!) { updateDocument(id: $id, version: $v, input: $input) { version } }';

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'comptoir-load-'));
  const ports = [4100 + Math.floor(Math.random() * 400), 0];
  ports[1] = ports[0] + 1;
  const nodes: ChildProcess[] = [];
  const clients: Client[] = [];
  const scratch = `comptoir_load_${basename(dir).replace(/\W/g, '_')}`;
  const admin = DATABASE_SERVER ? await createConnection(DATABASE_SERVER.replace(/^mariadb:/, 'mysql:')) : null;
  if (admin) await admin.query(`CREATE DATABASE \`${scratch}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  databaseUrl = DATABASE_SERVER ? `${DATABASE_SERVER}/${scratch}` : `sqlite:${join(dir, 'load.sqlite')}`;
  let exitCode = 0;
  try {
    nodes.push(await startNode(dir, ports[0]));
    nodes.push(await startNode(dir, ports[1]));
    const bases = ports.map((p) => `http://127.0.0.1:${p}`);

    // Each dossier: its owner (sign-up: the editing session), a customer, its documents and
    // other sessions of its own (one login each: the subscribing browsers).
    const dossiers: DossierLoad[] = [];
    for (let d = 0; d < DOSSIERS; d++) {
      const email = `owner-${d}@load-${basename(dir).toLowerCase().replace(/\W/g, '')}.test`;
      const { cookie: editor } = await gql<unknown>(bases[d % 2], '', 'mutation($input: SignUpInput!) { signUp(input: $input) { profile } }', {
        input: { email, password: PASSWORD, name: `Owner ${d}`, dossierName: `Charge ${d} SARL`, plan: 'TPE' },
      });
      const { data: party } = await gql<{ createCustomer: { id: string } }>(bases[0], editor, 'mutation($input: CustomerInput!) { createCustomer(input: $input) { id } }', {
        input: { legalName: `Client ${d}` },
      });
      const docs: Doc[] = [];
      for (let j = 0; j < DOCUMENTS; j++) {
        const { data } = await gql<{ createQuote: { id: string; version: number } }>(bases[0], editor, 'mutation($input: DocumentInput!) { createQuote(input: $input) { id version } }', {
          input: { partyId: party.createCustomer.id, lines: [{ description: `Charge ${d}.${j}`, quantity: 1, unitPriceCents: 1000, vatRate: 20 }] },
        });
        docs.push({ ...data.createQuote, busy: false, editNode: (d + j) % 2, subscribers: 0, edited: 0 });
      }
      const sessions: string[] = [];
      for (let k = 0; k < SESSIONS; k++) {
        const { cookie } = await gql<unknown>(bases[k % 2], '', 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { profile } }', { e: email, p: PASSWORD });
        sessions.push(cookie);
      }
      dossiers.push({ editor, sessions, partyId: party.createCustomer.id, docs, next: 0 });
    }

    await new Promise((r) => setTimeout(r, 2000));
    const before = nodes.map((n) => rssKb(n.pid!));
    const latency = { other: [] as number[], same: [] as number[] };
    let received = 0;
    let subscribed = 0;
    // One socket per subscription (the worst case: each browser tab its own connection). Subscription
    // s belongs to dossier s % DOSSIERS; within a dossier, each round over its documents goes to the
    // other node, so every document has subscribers on both nodes.
    for (let s = 0; s < SUBSCRIPTIONS; s++) {
      const dossier = dossiers[s % DOSSIERS];
      const k = Math.floor(s / DOSSIERS);
      const doc = dossier.docs[k % DOCUMENTS];
      const node = Math.floor(k / DOCUMENTS) % 2;
      const cookie = dossier.sessions[k % SESSIONS];
      class CookieSocket extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { headers: { cookie } });
        }
      }
      const client = createClient({ url: bases[node].replace('http', 'ws') + '/graphql', webSocketImpl: CookieSocket, retryAttempts: 0 });
      clients.push(client);
      doc.subscribers++;
      const bucket = node === doc.editNode ? latency.same : latency.other;
      await new Promise<void>((resolve, reject) => {
        const off = client.on('connected', () => {
          off();
          subscribed++;
          resolve();
        });
        client.subscribe<{ documentChanged: { at: string } }>(
          { query: 'subscription($id: ID!) { documentChanged(id: $id) { at } }', variables: { id: doc.id } },
          {
            next: (value) => {
              if (!value.data) return;
              received++;
              bucket.push(Date.now() - Date.parse(value.data.documentChanged.at));
            },
            error: reject,
            complete: () => undefined,
          },
        );
      });
    }
    await new Promise((r) => setTimeout(r, 3000));
    const connected = nodes.map((n) => rssKb(n.pid!));

    // Edits: RATE per second for SECONDS, dossier after dossier; within the dossier the next
    // document not waiting for its previous edit (none free: the edit is skipped and counted).
    let sent = 0;
    let ok = 0;
    let failed = 0;
    let skipped = 0;
    const editMs: number[] = [];
    const errors = new Map<string, number>();
    const inFlight = new Set<Promise<void>>();
    const load = [] as number[];
    const loadTimer = setInterval(() => load.push(loadavg()[0]), 5000);
    // Where the time goes on MariaDB/MySQL: twice a second, this run's open transactions, and
    // the statement each one waiting for a row lock is blocked on.
    const locks = { samples: 0, running: 0, waiting: 0, waitingOn: new Map<string, number>() };
    let sampling = false;
    const lockTimer = admin
      ? setInterval(() => {
          if (sampling) return;
          sampling = true;
          admin
            .query(
              'SELECT t.trx_state AS state, t.trx_query AS query FROM information_schema.INNODB_TRX t JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id WHERE p.DB = ?',
              [scratch],
            )
            .then(([rows]) => {
              locks.samples++;
              for (const row of rows as { state: string; query: string | null }[]) {
                locks.running++;
                if (row.state !== 'LOCK WAIT') continue;
                locks.waiting++;
                const statement = (row.query ?? '?').replace(/\s+/g, ' ').slice(0, 90);
                locks.waitingOn.set(statement, (locks.waitingOn.get(statement) ?? 0) + 1);
              }
            })
            .catch(() => undefined)
            .finally(() => {
              sampling = false;
            });
        }, 500)
      : null;
    const cpuBefore = nodes.map((n) => cpuMs(n.pid!));
    const ownCpuBefore = process.cpuUsage();
    const started = Date.now();
    const total = RATE * SECONDS;
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / RATE;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const dossier = dossiers[i % DOSSIERS];
      let doc: Doc | undefined;
      for (let t = 0; t < DOCUMENTS && !doc; t++) {
        const candidate = dossier.docs[(dossier.next + t) % DOCUMENTS];
        if (!candidate.busy) doc = candidate;
      }
      dossier.next++;
      if (!doc) {
        skipped++;
        continue;
      }
      const edited = doc;
      edited.busy = true;
      sent++;
      const t0 = Date.now();
      const p: Promise<void> = gql<{ updateDocument: { version: number } }>(bases[edited.editNode], dossier.editor, UPDATE, {
        id: edited.id,
        v: edited.version,
        input: { partyId: dossier.partyId, lines: [{ description: `Charge ${i}`, quantity: 1 + (i % 5), unitPriceCents: 1000, vatRate: 20 }] },
      })
        .then(({ data }) => {
          edited.version = data.updateDocument.version;
          edited.edited++;
          ok++;
          editMs.push(Date.now() - t0);
        })
        .catch((err: unknown) => {
          failed++;
          const key = (err instanceof Error ? err.message : String(err)).slice(0, 160);
          errors.set(key, (errors.get(key) ?? 0) + 1);
        })
        .finally(() => {
          edited.busy = false;
          inFlight.delete(p);
        });
      inFlight.add(p);
    }
    const loopEnd = Date.now();
    if (lockTimer) clearInterval(lockTimer);
    await Promise.race([Promise.allSettled([...inFlight]), new Promise((r) => setTimeout(r, 15_000))]);
    // CPU of the edit window (edits and deliveries), whatever the machine's load: what the rate costs.
    const windowSeconds = (Date.now() - started) / 1000;
    const cpuNodes = nodes.map((n, i) => cpuMs(n.pid!) - cpuBefore[i]);
    const ownCpu = process.cpuUsage(ownCpuBefore);
    // The rate is what was committed over the asked window; the edits still running at its end
    // (at most one per document) count when they commit.
    const elapsed = (Math.max(loopEnd, started + SECONDS * 1000) - started) / 1000;
    await new Promise((r) => setTimeout(r, 3000));
    clearInterval(loadTimer);
    const after = nodes.map((n) => rssKb(n.pid!));
    const all = [...latency.other, ...latency.same].sort((a, b) => a - b);
    latency.other.sort((a, b) => a - b);
    latency.same.sort((a, b) => a - b);
    editMs.sort((a, b) => a - b);
    const expected = dossiers.reduce((sum, d) => sum + d.docs.reduce((n, doc) => n + doc.edited * doc.subscribers, 0), 0);
    const perConnectionKb = (connected[0] + connected[1] - before[0] - before[1]) / Math.max(1, subscribed);
    const achieved = Math.round((ok / elapsed) * 10) / 10;
    const summary = (sorted: number[]) => ({ count: sorted.length, p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] });
    console.log(
      JSON.stringify(
        {
          database: DATABASE_SERVER ? 'mariadb/mysql' : 'sqlite',
          subscriptions: subscribed,
          dossiers: DOSSIERS,
          documentsPerDossier: DOCUMENTS,
          sessionsPerDossier: SESSIONS,
          editsPerSecondAsked: RATE,
          seconds: SECONDS,
          editsSent: sent,
          editsCommitted: ok,
          editsFailed: failed,
          editErrors: Object.fromEntries(errors),
          editsSkippedNoFreeDocument: skipped,
          achievedEditsPerSecond: achieved,
          editRoundTripMs: summary(editMs),
          eventsReceived: received,
          eventsExpected: expected,
          latencyMs: { otherNode: summary(latency.other), sameNode: summary(latency.same), all: summary(all) },
          cpu: {
            nodesMsPerCommittedEdit: Math.round(((cpuNodes[0] + cpuNodes[1]) / Math.max(1, ok)) * 10) / 10,
            nodesShareOfOneCore: cpuNodes.map((ms) => Math.round((ms / 1000 / windowSeconds) * 100) / 100),
            loadScriptShareOfOneCore: Math.round(((ownCpu.user + ownCpu.system) / 1e6 / windowSeconds) * 100) / 100,
          },
          rssMb: { before: before.map((k) => Math.round(k / 1024)), connected: connected.map((k) => Math.round(k / 1024)), after: after.map((k) => Math.round(k / 1024)) },
          memoryPerConnectionKb: Math.round(perConnectionKb),
          transactionsSampled: admin
            ? {
                samples: locks.samples,
                averageOpen: Math.round((locks.running / Math.max(1, locks.samples)) * 10) / 10,
                averageWaitingForLock: Math.round((locks.waiting / Math.max(1, locks.samples)) * 10) / 10,
                waitingOn: Object.fromEntries([...locks.waitingOn].sort((a, b) => b[1] - a[1]).slice(0, 5)),
              }
            : undefined,
          loadAverage1m: { min: Math.min(...load), max: Math.max(...load), during: load.map((l) => Math.round(l * 10) / 10) },
        },
        null,
        2,
      ),
    );
    if (subscribed < SUBSCRIPTIONS) {
      console.error(`FAILED: ${subscribed} of ${SUBSCRIPTIONS} subscriptions opened`);
      exitCode = 1;
    }
    if (achieved < RATE * MIN_RATE_SHARE) {
      console.error(`FAILED: ${achieved} edits/s committed, asked ${RATE} (at least ${RATE * MIN_RATE_SHARE} needed)`);
      exitCode = 1;
    }
  } finally {
    await Promise.allSettled(clients.map((c) => c.dispose()));
    for (const n of nodes) n.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    for (const n of nodes) if (n.exitCode === null) n.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS \`${scratch}\``);
      await admin.end();
    }
  }
  process.exitCode = exitCode;
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
