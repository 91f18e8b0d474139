// The topology of docker/compose.yml without a Docker engine: two API nodes (the built
// server) sharing one MariaDB/MySQL database and one Redis, behind Caddy started with the
// very command the compose file gives its proxy (`caddy reverse-proxy --from … --to node1
// --to node2`), and an SMTP server standing for Mailpit. Every check goes through the proxy
// only, the way a browser would, so each request and each WebSocket lands on whichever node
// Caddy picks:
//   - the SPA and its precompressed assets are served;
//   - two demo users log in; a subscription opened by one sees every edit the other makes,
//     and presence shows both viewers then one;
//   - an export started through the proxy is downloaded through the proxy;
//   - a document sent by e-mail reaches the SMTP server exactly once;
//   - logging out closes the session's sockets;
//   - both nodes took part (counted from their own request logs).
// Exits non-zero on the first failed check. Loopback only; stops by itself.
//   apt-get install caddy   (Debian's package)
//   pnpm build && node apps/api/dist/scripts/topology-smoke.js [--database mariadb://root@127.0.0.1:3306]
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createConnection } from 'mysql2/promise';
import { SMTPServer } from 'smtp-server';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const dbIndex = process.argv.indexOf('--database');
const DATABASE_SERVER = (dbIndex > 0 ? process.argv[dbIndex + 1] : 'mariadb://root@127.0.0.1:3306').replace(/^((?:mysql|mariadb):\/\/[^/]+).*$/, '$1');
const PASSWORD = 'Comptoir-demo-2026';
const WEB_DIST = join(__dirname, '..', '..', '..', 'web', 'dist');

function check(ok: unknown, what: string): void {
  if (!ok) throw new Error(`FAILED: ${what}`);
  console.log(`ok   ${what}`);
}

/** Polls `test` until it holds (FAILED after `ms`); `report` prints the check once it holds. */
async function waitFor(what: string, test: () => boolean | Promise<boolean>, ms = 15_000, report = false): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`FAILED: ${what} (waited ${ms} ms)`);
    await new Promise((r) => setTimeout(r, 100));
  }
  if (report) console.log(`ok   ${what}`);
}

interface Node {
  process: ChildProcess;
  graphqlRequests: number;
}

function startNode(name: string, port: number, env: Record<string, string>): Node {
  const child = spawn(process.execPath, [join(__dirname, '..', 'main.js')], {
    env: { ...process.env, ...env, NODE_NAME: name, PORT: String(port), LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const node: Node = { process: child, graphqlRequests: 0 };
  let buffered = '';
  const onData = (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      if (/"path":"\/graphql"/.test(line) && /"msg":"request"/.test(line)) node.graphqlRequests++;
      if (/"level":(50|60)/.test(line)) console.error(`[${name}] ${line.slice(0, 400)}`);
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  return node;
}

async function healthy(url: string, child?: ChildProcess): Promise<void> {
  await waitFor(`${url} answers /healthz`, async () => {
    if (child && child.exitCode !== null) throw new Error(`node behind ${url} exited with ${child.exitCode}`);
    try {
      return (await fetch(`${url}/healthz`)).ok;
    } catch {
      return false;
    }
  }, 240_000);
}

class Session {
  cookie = '';
  constructor(private readonly base: string) {}

  async gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(`${this.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: this.cookie },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data: T; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    const set = response.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0];
    return body.data;
  }

  async login(email: string): Promise<this> {
    await this.gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { profile } }', { e: email, p: PASSWORD });
    return this;
  }

  subscribe<T>(query: string, variables: Record<string, unknown>, events: T[]): Client {
    const cookie = this.cookie;
    class CookieSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { cookie, origin: new URL(url).origin.replace('ws', 'http') } });
      }
    }
    const client = createClient({ url: `${this.base.replace('http', 'ws')}/graphql`, webSocketImpl: CookieSocket, retryAttempts: 0 });
    client.subscribe<T>({ query, variables }, { next: (value) => value.data && events.push(value.data), error: (e) => {
        const code = (e as { code?: number }).code;
        if (code !== 4401) console.error('subscription error', code ?? e);
      }, complete: () => undefined });
    return client;
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'comptoir-topology-'));
  const scratch = `comptoir_topology_${basename(dir).replace(/\W/g, '_')}`;
  const admin = await createConnection(DATABASE_SERVER.replace(/^mariadb:/, 'mysql:'));
  await admin.query(`CREATE DATABASE \`${scratch}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const base = 4300 + Math.floor(Math.random() * 300);
  const proxyUrl = `http://127.0.0.1:${base}`;
  const received: { to: string[]; bytes: number }[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let bytes = 0;
      stream.on('data', (c: Buffer) => (bytes += c.length));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), bytes });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(base + 3, '127.0.0.1', resolve));
  const nodes: Node[] = [];
  let proxy: ChildProcess | null = null;
  const clients: Client[] = [];
  let exitCode = 0;
  try {
    // The same environment as compose.yml's x-api block, on loopback.
    const env = {
      NODE_ENV: 'production',
      HISTORY_KEY: 'a'.repeat(64),
      HISTORY_SIGNING_KEY: 'b'.repeat(64),
      PUBLIC_URL: proxyUrl,
      DATABASE_URL: `${DATABASE_SERVER}/${scratch}`,
      REDIS_URL,
      REDIS_PREFIX: `comptoir-topology-${basename(dir)}:`,
      EXPORT_DIR: join(dir, 'exports'),
      SMTP_URL: `smtp://127.0.0.1:${base + 3}`,
      MAIL_FROM: 'Comptoir <no-reply@comptoir.local>',
      WEB_CONCURRENCY: '1',
      TRUST_PROXY: '1',
      COOKIE_SECURE: 'false',
      WEB_DIST: existsSync(WEB_DIST) ? WEB_DIST : '',
    };
    // compose.yml: the first node migrates and seeds; the second starts once it is healthy.
    nodes.push(startNode('api-1', base + 1, { ...env, SEED_ON_EMPTY: 'true' }));
    await healthy(`http://127.0.0.1:${base + 1}`, nodes[0].process);
    nodes.push(startNode('api-2', base + 2, { ...env, SEED_ON_EMPTY: 'false' }));
    await healthy(`http://127.0.0.1:${base + 2}`, nodes[1].process);
    proxy = spawn('caddy', ['reverse-proxy', '--from', `:${base}`, '--to', `127.0.0.1:${base + 1}`, '--to', `127.0.0.1:${base + 2}`], { stdio: 'ignore', env: { ...process.env, HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir } });
    await healthy(proxyUrl);
    console.log(`two nodes on :${base + 1} and :${base + 2}, Caddy on :${base}, MariaDB ${scratch}, Redis, SMTP :${base + 3}`);

    if (env.WEB_DIST) {
      const page = await fetch(`${proxyUrl}/`);
      const html = await page.text();
      const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
      check(page.ok && asset, 'the SPA is served through the proxy');
      const js = await fetch(`${proxyUrl}${asset}`, { headers: { 'accept-encoding': 'br' } });
      check(js.headers.get('content-encoding') === 'br' && /immutable/.test(js.headers.get('cache-control') ?? ''), 'its hashed assets come precompressed (br) and immutable');
    }

    const marc = await new Session(proxyUrl).login('marc@atelier-dupont.fr');
    const sophie = await new Session(proxyUrl).login('sophie@atelier-dupont.fr');
    const { customers } = await marc.gql<{ customers: { nodes: { id: string }[] } }>('{ customers(first: 1) { nodes { id } } }');
    const partyId = customers.nodes[0].id;
    const line = (i: number) => ({ description: `Prestation ${i}`, quantity: String(1 + i), unitPriceCents: 10_000, vatRate: 20 });
    let quote = (await marc.gql<{ createQuote: { id: string; version: number } }>('mutation($input: DocumentInput!) { createQuote(input: $input) { id version } }', { input: { partyId, lines: [line(0)] } })).createQuote;

    // Live: Sophie's and Marc's sockets each land on a node of Caddy's choosing.
    const changes: { documentChanged: { at: string } }[] = [];
    const presence: { documentPresence: { viewers: { name: string }[] } }[] = [];
    clients.push(sophie.subscribe('subscription($id: ID!) { documentChanged(id: $id) { at } }', { id: quote.id }, changes));
    clients.push(sophie.subscribe('subscription($id: ID!) { documentPresence(id: $id) { viewers { name } } }', { id: quote.id }, presence));
    await waitFor('Sophie is present on the quote', () => presence.some((p) => p.documentPresence.viewers.length === 1));
    const marcPresence: typeof presence = [];
    const marcClient = marc.subscribe('subscription($id: ID!) { documentPresence(id: $id) { viewers { name } } }', { id: quote.id }, marcPresence);
    await waitFor('presence: Sophie sees Marc arrive on the quote', () => presence.some((p) => p.documentPresence.viewers.length === 2), 15_000, true);
    const EDITS = 10;
    for (let i = 1; i <= EDITS; i++) {
      const started = changes.length;
      const t0 = Date.now();
      quote = (await marc.gql<{ updateDocument: { id: string; version: number } }>('mutation($id: ID!, $v: Int!, $input: DocumentInput!) { updateDocument(id: $id, version: $v, input: $input) { id version } }', { id: quote.id, v: quote.version, input: { partyId, lines: [line(i)] } })).updateDocument;
      await waitFor(`edit ${i} reaches Sophie within 1 s`, () => changes.length > started, 1000);
      if (i === EDITS) console.log(`     last edit delivered ${Date.now() - t0} ms after it was sent`);
    }
    check(changes.length === EDITS, `each of Marc's ${EDITS} edits reached Sophie's subscription once (${changes.length})`);
    await marcClient.dispose();
    await waitFor('presence: Marc is gone once his socket closes', () => presence.at(-1)?.documentPresence.viewers.length === 1, 15_000, true);

    // An export started through the proxy, written by whichever node's worker takes the job, and
    // downloaded through the proxy (either node: the file is in the shared EXPORT_DIR).
    const started = (await marc.gql<{ startDocumentsExport: { id: string; downloadUrl: string } }>('mutation { startDocumentsExport(input: { format: CSV, columns: ["number", "type", "createdBy"] }) { id downloadUrl } }')).startDocumentsExport;
    await marc.gql('mutation($id: ID!) { runExportInBackground(id: $id) { status } }', { id: started.id });
    await waitFor('the export completes', async () => (await marc.gql<{ exportJob: { status: string } }>('query($id: ID!) { exportJob(id: $id) { status } }', { id: started.id })).exportJob.status === 'COMPLETED', 60_000);
    const file = await fetch(`${proxyUrl}${started.downloadUrl}`, { headers: { cookie: marc.cookie } });
    const csv = await file.text();
    const rows = csv.split(/\r?\n/).filter(Boolean).length - 1;
    check(file.ok && rows > 10, `the export is written in the background and downloaded through the proxy (${rows} rows)`);

    // E-mail: the outbox's job sends it once, whichever node's worker takes it.
    await sophie.gql('mutation($input: EmailDocumentInput!) { emailDocument(input: $input) { id } }', { input: { documentId: quote.id, to: ['achats@client.test'], subject: 'Votre devis' } });
    await waitFor('the e-mail reaches the SMTP server', () => received.length >= 1, 30_000);
    await new Promise((r) => setTimeout(r, 3000));
    check(received.length === 1 && received[0].to[0] === 'achats@client.test' && received[0].bytes > 10_000, `the quote is e-mailed exactly once, with its PDF (${received.length} message, ${received[0].bytes} bytes)`);

    // Logging out revokes the session: every node closes that session's sockets.
    let closed = 0;
    for (const client of clients) client.on('closed', () => closed++);
    await sophie.gql('mutation { logout }');
    await waitFor(`logging out closes the session's ${clients.length} sockets, wherever they landed`, () => closed === clients.length, 5000, true);

    const counts = nodes.map((n) => n.graphqlRequests);
    check(counts.every((c) => c > 0), `both nodes served GraphQL requests through the proxy (api-1: ${counts[0]}, api-2: ${counts[1]})`);
    console.log('topology smoke: all checks passed');
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    exitCode = 1;
  } finally {
    await Promise.allSettled(clients.map((c) => c.dispose()));
    proxy?.kill();
    for (const n of nodes) n.process.kill();
    smtp.close();
    await admin.query(`DROP DATABASE IF EXISTS \`${scratch}\``);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(exitCode);
}

void main();
