// Memory soak (issue 9, item 14): a mixed load against a locally started server.
//
//   pnpm --filter @comptoir/api build && pnpm --filter @comptoir/api soak [--minutes 10] [--connections 20] [--database sqlite:/tmp/x.sqlite|mariadb://root@127.0.0.1:3306/soak]
//
// Loopback only and bounded: starts `node dist/app/main.js` on a free port of
// 127.0.0.1 with the demo data in a scratch SQLite file (or the MariaDB database
// named, which it creates and drops), logs in as the demo users, then runs
// autocannon for the given minutes with a mix of what the SPA does: document
// lists, one document, customers, `me`, the dossier's colleagues, and one
// customer created every 20 requests. Samples the server's RSS and heap every
// 10 s (from /proc and the server's own `/healthz`-free memory probe: none is
// needed, RSS is read from /proc/<pid>/status) and prints RSS start/end, the
// slope (MB/min, least squares after the first minute) and latency p50/p99.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { parseDatabaseUrl } from '../core/config';
import { dataSourceOptions } from '../app/database';

// autocannon ships no types; the little used here is typed by hand.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (opts: Record<string, unknown>) => Promise<{
  latency: { p50: number; p99: number; max: number; average: number };
  requests: { total: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}>;

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const MINUTES = Number(option('minutes') ?? 10);
const CONNECTIONS = Number(option('connections') ?? 20);
const DEMO_PASSWORD = 'Comptoir-demo-2026';
// Users with one dossier each (no picker): an ADV of the first demo dossier and the owner of another.
const LOGINS = ['marc@atelier-dupont.fr', 'paul@boulangerie-martin.fr'];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

function slope(points: { t: number; mb: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mt = points.reduce((a, p) => a + p.t, 0) / n;
  const mm = points.reduce((a, p) => a + p.mb, 0) / n;
  const num = points.reduce((a, p) => a + (p.t - mt) * (p.mb - mm), 0);
  const den = points.reduce((a, p) => a + (p.t - mt) ** 2, 0);
  return den === 0 ? 0 : (num / den) * 60_000; // MB per minute
}

async function main(): Promise<void> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(join(tmpdir(), 'comptoir-soak-'));
  const requested = option('database');
  const server = parseDatabaseUrl(requested ?? `sqlite:${join(dir, 'soak.sqlite')}`);
  let dropDatabase: (() => Promise<void>) | null = null;
  if (server.kind !== 'sqlite') {
    const admin = new DataSource({ ...dataSourceOptions(server), entities: [], migrations: [] });
    await admin.initialize();
    await admin.query(`CREATE DATABASE IF NOT EXISTS \`${server.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.destroy();
    dropDatabase = async () => {
      const d = new DataSource({ ...dataSourceOptions(server), entities: [], migrations: [] });
      await d.initialize();
      await d.query(`DROP DATABASE IF EXISTS \`${server.database}\``);
      await d.destroy();
    };
  }
  const child = spawn(process.execPath, [join(__dirname, '..', 'app', 'main.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: server.url,
      SEED_ON_EMPTY: 'true',
      COOKIE_SECURE: 'false',
      WEB_DIST: '',
      LOG_LEVEL: 'warn',
      WEB_CONCURRENCY: '1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    rmSync(dir, { recursive: true, force: true });
    if (dropDatabase) await dropDatabase();
  };
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/healthz`)).ok) break;
      } catch {
        /* not listening yet */
      }
      if (i > 600) throw new Error('the server did not start');
      await new Promise((r) => setTimeout(r, 250));
    }
    const cookies: string[] = [];
    for (const email of LOGINS) {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { user { id } } }', variables: { e: email, p: DEMO_PASSWORD } }),
      });
      const cookie = /comptoir_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0];
      if (!cookie) throw new Error(`login failed for ${email}: ${await res.text()}`);
      cookies.push(cookie);
    }
    const gql = (cookie: string, query: string, variables: Record<string, unknown> = {}) => ({
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query, variables }),
    });
    const firstDoc = await fetch(`${base}/graphql`, gql(cookies[0], '{ quotes(first: 1) { nodes { id } } }')).then((r) => r.json() as Promise<{ data: { quotes: { nodes: { id: string }[] } } }>);
    const docId = firstDoc.data.quotes.nodes[0]?.id;
    let created = 0;
    const mix = (cookie: string, withDocument: boolean) => [
      gql(cookie, '{ quotes(first: 50) { nodes { id number status partyName totalExclVatCents date } totalCount pageInfo { hasNextPage endCursor } } }'),
      gql(cookie, '{ invoices(first: 50) { nodes { id number status partyName totalExclVatCents } totalCount } }'),
      ...(withDocument ? [gql(cookie, `query($id: ID!) { document(id: $id) { id number status lines { description quantity unitPriceCents } history { id type createdAt } } }`, { id: docId })] : []),
      gql(cookie, '{ customers(first: 50) { nodes { id legalName city updatedBy { name } } totalCount } }'),
      gql(cookie, '{ me { user { id name } dossier { id name } profile } colleagues { id name } }'),
    ];
    const requests = [
      ...mix(cookies[0], true),
      ...mix(cookies[1], false),
      ...mix(cookies[0], true),
      ...mix(cookies[1], false),
      {
        ...gql(cookies[0], 'mutation($input: CustomerInput!) { createCustomer(input: $input) { id } }'),
        setupRequest: (req: { body: string }) => ({ ...req, body: JSON.stringify({ query: 'mutation($input: CustomerInput!) { createCustomer(input: $input) { id } }', variables: { input: { legalName: `Client de charge ${++created}`, city: 'Lyon' } } }) }),
      },
    ];

    // Each request once, first: a mix that answers GraphQL errors would measure nothing.
    for (const r of requests) {
      const body = 'setupRequest' in r ? (r.setupRequest as (x: { body: string }) => { body: string })({ body: r.body }).body : r.body;
      const answer = (await fetch(`${base}/graphql`, { method: 'POST', headers: r.headers, body }).then((x) => x.json())) as { errors?: unknown[] };
      if (answer.errors) throw new Error(`request answers errors: ${body.slice(0, 120)} → ${JSON.stringify(answer.errors).slice(0, 300)}`);
    }

    const samples: { t: number; mb: number }[] = [];
    const started = Date.now();
    const rssStart = rssMb(child.pid!);
    const sampler = setInterval(() => samples.push({ t: Date.now() - started, mb: rssMb(child.pid!) }), 10_000);
    const result = await autocannon({ url: base, connections: CONNECTIONS, duration: MINUTES * 60, requests });
    clearInterval(sampler);
    const rssEnd = rssMb(child.pid!);
    const steady = samples.filter((s) => s.t >= 60_000);
    const peak = Math.max(rssStart, ...samples.map((s) => s.mb));
    const report = {
      minutes: MINUTES,
      connections: CONNECTIONS,
      database: server.kind,
      requests: result.requests.total,
      requestsPerSecond: Math.round(result.requests.average),
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
      rssMb: { start: Math.round(rssStart), end: Math.round(rssEnd), peak: Math.round(peak) },
      slopeMbPerMinAfterFirstMinute: Number(slope(steady).toFixed(2)),
      samples: samples.map((s) => `${Math.round(s.t / 1000)}s:${Math.round(s.mb)}`).join(' '),
    };
    console.log(JSON.stringify(report, null, 2));
  } finally {
    await stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
