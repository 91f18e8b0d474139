// How long one request can hold the event loop (issue 9, item 12): the worst
// requests an attacker can send, each timed by the server's own event-loop
// delay histogram (perf_hooks.monitorEventLoopDelay, 10 ms resolution), in process.
//
//   pnpm --filter @comptoir/api build && pnpm --filter @comptoir/api loop-block
//
// A scratch SQLite database; the HTTP app on 127.0.0.1; one request at a time;
// a warm-up round, then the median of three runs (the machine may be loaded).
import 'reflect-metadata';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServices } from '../app/app';
import { openDataSource } from '../app/database';
import { buildAppSchema } from '../app/schema';
import { createHttpApp } from '../app/server';
import { ALL_HTTP_ROUTES } from '../app/routes';
import { loadConfig, parseDatabaseUrl } from '../core/config';
import { createLogger } from '../core/logger';

const aliases = (n: number, selection: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${selection}`).join(' ')} }`;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'comptoir-loop-'));
  const database = parseDatabaseUrl(`sqlite:${join(dir, 'x.sqlite')}`);
  const config = { ...loadConfig({ ...process.env, NODE_ENV: 'production', WEB_DIST: '', SEED_ON_EMPTY: 'false', LOG_LEVEL: 'silent' }), database };
  const dataSource = await openDataSource(database, { synchronize: true });
  const app = createAppServices(config, dataSource, createLogger(config));
  const { express, apollo } = await createHttpApp(app, await buildAppSchema(), ALL_HTTP_ROUTES);
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = express.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const attacks: [string, string][] = [
    ['5,000 aliases of verifyHistory', JSON.stringify({ query: aliases(5_000, 'verifyHistory { ok }') })],
    ['1,000 aliases of __schema (anonymous)', JSON.stringify({ query: aliases(1_000, '__schema { types { name fields { name } } }') })],
    ['2,600 repeated __typename (no alias)', JSON.stringify({ query: `{ ${'__typename '.repeat(2_600)}}` })],
    ['1,300 repeated me { profile } (no alias)', JSON.stringify({ query: `{ ${'me { profile } '.repeat(1_300)}}` })],
    ['deep nesting 2,000', JSON.stringify({ query: `{ ${'me { '.repeat(2_000)}${'}'.repeat(2_000)} }` })],
    ['0.99 MB of whitespace and a comment', JSON.stringify({ query: `{ __typename } #${'x'.repeat(990_000)}` })],
    ['0.99 MB string argument', JSON.stringify({ query: `{ __type(name: "${'x'.repeat(990_000)}") { name } }` })],
    ['3 MB body', JSON.stringify({ query: `{ __typename } #${'x'.repeat(3_000_000)}` })],
    ['full introspection (anonymous, production)', JSON.stringify({ query: '{ __schema { types { name fields { name args { name } } } } }' })],
  ];
  const once = async (body: string) => {
    const histogram = monitorEventLoopDelay({ resolution: 10 });
    histogram.enable();
    const started = process.hrtime.bigint();
    const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const text = await res.text();
    const ms = Number((process.hrtime.bigint() - started) / 1_000_000n);
    histogram.disable();
    return { status: res.status, code: /"code":"([A-Z_]+)"/.exec(text)?.[1] ?? '', ms, blockMs: Math.round(histogram.max / 1e6) };
  };
  // One warm-up round (JIT, first schema use), then the median of 3 runs of each.
  for (const [, body] of attacks) await once(body);
  const rows: string[] = [];
  for (const [name, body] of attacks) {
    const runs = [await once(body), await once(body), await once(body)].sort((a, b) => a.blockMs - b.blockMs);
    const { status, code, ms, blockMs } = runs[1];
    rows.push(`${name.padEnd(45)} ${String(status).padEnd(4)} ${code.padEnd(28)} total ${String(ms).padStart(5)} ms, longest event-loop block ${String(blockMs).padStart(4)} ms (runs: ${runs.map((r) => r.blockMs).join('/')})`);
  }
  console.log(rows.join('\n'));
  server.close();
  await apollo.stop();
  await dataSource.destroy();
  rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
