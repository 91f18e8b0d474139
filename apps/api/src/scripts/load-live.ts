// Bounded loopback load of the live features: two API nodes (built server, scratch
// SQLite database, one Redis), N WebSocket subscriptions spread over both, edits at a
// fixed rate through both for a fixed time. Prints the delivery latency (history
// entry's commit time → event received) and the memory each connection costs.
//   pnpm --filter @comptoir/api build && node apps/api/dist/scripts/load-live.js [--subscriptions 500] [--rate 50] [--seconds 60] [--documents 10]
// Needs Redis (REDIS_URL, default redis://127.0.0.1:6379). Loopback only; stops by itself.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SUBSCRIPTIONS = arg('subscriptions', 500);
const RATE = arg('rate', 50);
const SECONDS = arg('seconds', 60);
const DOCUMENTS = arg('documents', 10);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PASSWORD = 'Comptoir-demo-2026';

function rssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

async function startNode(dir: string, port: number, seed: boolean): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(__dirname, '..', 'main.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: `sqlite:${join(dir, 'load.sqlite')}`,
      KEYS_FILE: join(dir, 'keys.json'),
      EXPORT_DIR: join(dir, 'exports'),
      REDIS_URL,
      REDIS_PREFIX: `comptoir-load-${basename(dir)}:`,
      SEED_ON_EMPTY: seed ? 'true' : 'false',
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

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'comptoir-load-'));
  const ports = [4100 + Math.floor(Math.random() * 400), 0];
  ports[1] = ports[0] + 1;
  const nodes: ChildProcess[] = [];
  const clients: Client[] = [];
  try {
    nodes.push(await startNode(dir, ports[0], true));
    nodes.push(await startNode(dir, ports[1], false));
    const bases = ports.map((p) => `http://127.0.0.1:${p}`);
    const { cookie } = await gql<unknown>(bases[0], '', 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { profile } }', { e: 'marc@atelier-dupont.fr', p: PASSWORD });
    const { data: customers } = await gql<{ customers: { nodes: { id: string }[] } }>(bases[0], cookie, '{ customers(first: 1) { nodes { id } } }');
    const partyId = customers.customers.nodes[0].id;
    const docs: { id: string; version: number; busy: boolean }[] = [];
    for (let i = 0; i < DOCUMENTS; i++) {
      const { data } = await gql<{ createQuote: { id: string; version: number } }>(bases[0], cookie, 'mutation($input: DocumentInput!) { createQuote(input: $input) { id version } }', {
        input: { partyId, lines: [{ description: `Charge ${i}`, quantity: 1, unitPriceCents: 1000, vatRate: 20 }] },
      });
      docs.push({ ...data.createQuote, busy: false });
    }

    await new Promise((r) => setTimeout(r, 2000));
    const before = nodes.map((n) => rssKb(n.pid!));
    const latencies: number[] = [];
    let received = 0;
    let subscribed = 0;
    // One socket per subscription (the worst case: each browser tab its own connection), alternating nodes.
    for (let i = 0; i < SUBSCRIPTIONS; i++) {
      const base = bases[i % 2];
      class CookieSocket extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { headers: { cookie } });
        }
      }
      const client = createClient({ url: base.replace('http', 'ws') + '/graphql', webSocketImpl: CookieSocket, retryAttempts: 0 });
      clients.push(client);
      const doc = docs[i % docs.length];
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
              latencies.push(Date.now() - Date.parse(value.data.documentChanged.at));
            },
            error: reject,
            complete: () => undefined,
          },
        );
      });
    }
    await new Promise((r) => setTimeout(r, 3000));
    const connected = nodes.map((n) => rssKb(n.pid!));

    // Edits: RATE per second for SECONDS, through both nodes, each document one edit at a time (its version).
    let sent = 0;
    let failed = 0;
    let skipped = 0;
    const started = Date.now();
    const total = RATE * SECONDS;
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / RATE;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const doc = docs[i % docs.length];
      if (doc.busy) {
        skipped++;
        continue;
      }
      doc.busy = true;
      sent++;
      void gql<{ updateDocument: { version: number } }>(bases[i % 2], cookie, 'mutation($id: ID!, $v: Int!, $input: DocumentInput!) { updateDocument(id: $id, version: $v, input: $input) { version } }', {
        id: doc.id,
        v: doc.version,
        input: { partyId, lines: [{ description: `Charge ${i}`, quantity: 1 + (i % 5), unitPriceCents: 1000, vatRate: 20 }] },
      })
        .then(({ data }) => {
          doc.version = data.updateDocument.version;
        })
        .catch(() => failed++)
        .finally(() => {
          doc.busy = false;
        });
    }
    const elapsed = (Date.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 3000));
    const after = nodes.map((n) => rssKb(n.pid!));
    latencies.sort((a, b) => a - b);
    const expected = (sent - failed) * (SUBSCRIPTIONS / DOCUMENTS);
    const perConnectionKb = (connected[0] + connected[1] - before[0] - before[1]) / Math.max(1, subscribed);
    console.log(
      JSON.stringify(
        {
          subscriptions: subscribed,
          documents: DOCUMENTS,
          editsPerSecondAsked: RATE,
          seconds: SECONDS,
          editsSent: sent,
          editsFailed: failed,
          editsSkippedDocumentBusy: skipped,
          achievedEditsPerSecond: Math.round((sent / elapsed) * 10) / 10,
          eventsReceived: received,
          eventsExpected: Math.round(expected),
          latencyMs: { p50: percentile(latencies, 50), p90: percentile(latencies, 90), p99: percentile(latencies, 99), max: latencies[latencies.length - 1] },
          rssMb: { before: before.map((k) => Math.round(k / 1024)), connected: connected.map((k) => Math.round(k / 1024)), after: after.map((k) => Math.round(k / 1024)) },
          memoryPerConnectionKb: Math.round(perConnectionKb),
        },
        null,
        2,
      ),
    );
  } finally {
    await Promise.allSettled(clients.map((c) => c.dispose()));
    for (const n of nodes) n.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    for (const n of nodes) if (n.exitCode === null) n.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
