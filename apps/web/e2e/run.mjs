#!/usr/bin/env node
// Browser tests against the real, built application: starts the API (which serves
// the built SPA from apps/web/dist) once on a free port with a fresh database, runs
// every e2e/*.e2e.mjs file with Node's test runner, then stops and cleans up.
//
//   pnpm --filter @comptoir/web test:e2e                       all files
//   pnpm --filter @comptoir/web test:e2e e2e/shell.e2e.mjs     some files
//
// DATABASE_URL=mysql://… or mariadb://… runs on a throw-away database of that server;
// anything else runs on a throw-away SQLite file. CHROMIUM_PATH overrides /usr/bin/chromium.
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const e2eDir = dirname(fileURLToPath(import.meta.url));
const webDir = dirname(e2eDir);
const apiDir = join(webDir, '..', 'api');
const serverEntry = join(apiDir, 'dist', 'main.js');
const spaIndex = join(webDir, 'dist', 'index.html');

function fail(message) {
  console.error(`e2e: ${message}`);
  process.exit(1);
}

/** A failure explained in one line; thrown once something needs cleaning up. */
class SetupError extends Error {}

// ---- Chromium ----
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
try {
  accessSync(chromiumPath, constants.X_OK);
} catch {
  const why = `no Chromium at ${chromiumPath} (install Debian's chromium or set CHROMIUM_PATH)`;
  if (process.env.CI === 'true') fail(`${why}; browser tests cannot run in CI without it.`);
  console.log(`e2e: browser tests skipped: ${why}.`);
  process.exit(0);
}

if (!existsSync(serverEntry)) fail(`${relative(process.cwd(), serverEntry)} is missing: build the API first (pnpm --filter @comptoir/api build).`);
if (!existsSync(spaIndex)) fail(`${relative(process.cwd(), spaIndex)} is missing: build the SPA first (pnpm --filter @comptoir/web build).`);

const testFiles = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(e2eDir)
      .filter((name) => name.endsWith('.e2e.mjs'))
      .sort()
      .map((name) => join('e2e', name));

// ---- Clean-up, whatever happens ----
const cleanups = [];
let cleaning = null;
function cleanUp() {
  cleaning ??= (async () => {
    for (const task of cleanups.reverse()) {
      try {
        await task();
      } catch (error) {
        console.error(`e2e: clean-up step failed: ${error instanceof Error ? error.message : error}`);
      }
    }
  })();
  return cleaning;
}
let testRunner = null;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    testRunner?.kill(signal);
    void cleanUp().finally(() => process.exit(130));
  });
}

// ---- Database ----
async function prepareDatabase() {
  const inherited = process.env.DATABASE_URL?.trim() ?? '';
  if (/^(mysql|mariadb):\/\//.test(inherited)) {
    // mysql2 is the API's dependency: resolve it from there (pnpm keeps packages strict).
    const mysql = createRequire(join(apiDir, 'package.json'))('mysql2/promise');
    const url = new URL(inherited);
    const name = `comptoir_e2e_${randomBytes(6).toString('hex')}`;
    const connection = await mysql.createConnection({
      host: url.hostname,
      port: url.port ? Number(url.port) : 3306,
      user: decodeURIComponent(url.username || 'root'),
      password: decodeURIComponent(url.password),
    });
    await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    cleanups.push(async () => {
      await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await connection.end();
    });
    url.pathname = `/${name}`;
    return { url: url.toString(), label: `${url.protocol.replace(':', '')} database ${name}` };
  }
  const dir = mkdtempSync(join(tmpdir(), 'comptoir-e2e-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return { url: `sqlite:${join(dir, 'e2e.sqlite')}`, label: 'a throw-away SQLite file' };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

// ---- Mail: a loopback SMTP catcher (messages in the outbox are redacted; the real links arrive here) ----
async function startMailCatcher() {
  const dir = mkdtempSync(join(tmpdir(), 'comptoir-e2e-mail-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const { SMTPServer } = createRequire(join(apiDir, 'package.json'))('smtp-server');
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (c) => chunks.push(c));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        writeFileSync(join(dir, `${String(++count).padStart(5, '0')}.json`), JSON.stringify({ to, raw: Buffer.concat(chunks).toString('utf8') }));
        callback();
      });
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  return { url: `smtp://127.0.0.1:${server.server.address().port}`, dir };
}

// ---- API server ----
async function startServer(databaseUrl, mail) {
  const port = await freePort();
  const output = { stdout: '', stderr: '' };
  const child = spawn(process.execPath, [serverEntry], {
    cwd: apiDir,
    env: {
      ...process.env,
      PORT: String(port),
      NODE_ENV: 'production',
      COOKIE_SECURE: 'false',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      WEB_DIST: join(webDir, 'dist'),
      WEB_CONCURRENCY: '1',
      // Mail goes to the loopback catcher only, never to a real SMTP server.
      SMTP_URL: mail.url,
      MAIL_POLL_MS: '200',
      // Production requires the history keys: throw-away ones for this run.
      HISTORY_KEY: randomBytes(32).toString('hex'),
      HISTORY_SIGNING_KEY: randomBytes(32).toString('hex'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => (output.stdout += chunk));
  child.stderr.on('data', (chunk) => (output.stderr += chunk));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  cleanups.push(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  });

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  let died = null;
  void exited.then((status) => (died = status));
  while (Date.now() < deadline) {
    if (died) {
      console.error(output.stderr || output.stdout);
      throw new SetupError(`the API server exited during start-up (${died.signal ?? `code ${died.code}`}).`);
    }
    try {
      const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) return { baseUrl, output, child };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  console.error(output.stderr || output.stdout);
  throw new SetupError(`GET ${baseUrl}/healthz did not answer 200 within 60 s.`);
}

// ---- Run ----
let exitCode;
try {
  const database = await prepareDatabase();
  const mail = await startMailCatcher();
  const server = await startServer(database.url, mail);
  console.log(`e2e: API at ${server.baseUrl} on ${database.label}; Chromium ${chromiumPath}`);

  testRunner = spawn(process.execPath, ['--test', '--test-concurrency=1', ...testFiles], {
    cwd: webDir,
    env: { ...process.env, E2E_BASE_URL: server.baseUrl, CHROMIUM_PATH: chromiumPath, E2E_MAIL_DIR: mail.dir },
    stdio: 'inherit',
  });
  exitCode = await new Promise((resolve) => testRunner.once('exit', (code) => resolve(code ?? 1)));
  if (exitCode !== 0 && server.output.stderr.trim()) {
    console.error('\ne2e: the API server wrote on stderr:\n' + server.output.stderr.trim().split('\n').slice(-50).join('\n'));
  }
} catch (error) {
  console.error(`e2e: ${error instanceof SetupError ? error.message : error instanceof Error ? error.stack : error}`);
  exitCode = 1;
} finally {
  await cleanUp();
}
process.exit(exitCode);
