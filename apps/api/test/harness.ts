import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import { DataSource, type Logger as TypeOrmLogger } from 'typeorm';
import { createAppServices, listen } from '../src/app/app';
import { loadConfig, parseDatabaseUrl, type AppConfig, type DatabaseConfig } from '../src/core/config';
import { RequestContext, type AppServices } from '../src/core/context';
import { MemoryCookieJar, SESSION_COOKIE } from '../src/core/cookies';
import { dataSourceOptions, openDataSource } from '../src/app/database';
import { createLogger, type Logger } from '../src/core/logger';
import { buildAppSchema } from '../src/app/schema';
import { createApolloServer } from '../src/app/server';
import { resolvePrincipal } from '../src/modules/identity/session.service';
import { installDatabaseTriggers } from '../src/app/triggers';
import { sqlAudit } from './sql-audit';

/**
 * A throw-away database for one test file: a temporary SQLite file by default,
 * or a fresh database on the MySQL/MariaDB server named by DATABASE_URL.
 */
export interface TestDatabase {
  config: DatabaseConfig;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const server = parseDatabaseUrl(process.env.DATABASE_URL ?? `sqlite::memory:`);
  if (server.kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'comptoir-test-'));
    return {
      config: parseDatabaseUrl(`sqlite:${join(dir, 'test.sqlite')}`),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `comptoir_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new DataSource({ ...dataSourceOptions(server), entities: [], migrations: [] });
  await admin.initialize();
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.destroy();
  return {
    config: { ...server, database: name, url: server.url.replace(/\/[^/?]*(\?|$)/, `/${name}$1`) },
    drop: async () => {
      const dropper = new DataSource({ ...dataSourceOptions(server), entities: [], migrations: [] });
      await dropper.initialize();
      await dropper.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await dropper.destroy();
    },
  };
}

/** Counts the SQL statements a piece of work issues (for N+1 tests). */
export class QueryCounter implements TypeOrmLogger {
  count = 0;
  recording = false;
  readonly queries: string[] = [];
  readonly parameters: unknown[][] = [];
  /** Background work on the same database (the outbox's sweep, in-process jobs): paused while measuring, so its statements never count. */
  background: { stop(): Promise<void>; start(): void } | null = null;
  logQuery(query: string, parameters?: unknown[]): void {
    sqlAudit.check(query);
    if (!this.recording) return;
    this.count++;
    this.queries.push(query);
    this.parameters.push(parameters ?? []);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
  async measure<T>(work: () => Promise<T>): Promise<{ result: T; queries: number; statements: string[]; parameters: unknown[][] }> {
    this.count = 0;
    this.queries.length = 0;
    this.parameters.length = 0;
    const background = this.background;
    await background?.stop();
    this.recording = true;
    try {
      const result = await work();
      return { result, queries: this.count, statements: [...this.queries], parameters: [...this.parameters] };
    } finally {
      this.recording = false;
      background?.start();
    }
  }
}

export interface GraphQLResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** A GraphQL client with its own cookie jar, like one browser. */
export class TestClient {
  readonly cookies = new MemoryCookieJar();

  constructor(
    private readonly testApp: TestApp,
    token?: string,
    readonly ip = '127.0.0.1',
  ) {
    if (token) this.cookies.set(SESSION_COOKIE, token);
  }

  get sessionToken(): string | undefined {
    return this.cookies.get(SESSION_COOKIE);
  }

  /** The context a request of this client would get. */
  async context(): Promise<RequestContext> {
    const principal = await resolvePrincipal(this.testApp.app, this.cookies.get(SESSION_COOKIE));
    return new RequestContext(
      this.testApp.app,
      principal,
      { requestId: randomBytes(4).toString('hex'), ip: this.ip, userAgent: 'jest' },
      this.cookies,
    );
  }

  async exec<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult<T>> {
    const response = await this.testApp.apollo.executeOperation({ query, variables }, { contextValue: await this.context() });
    if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
    return response.body.singleResult as GraphQLResult<T>;
  }

  /** Runs the operation and returns its data, failing the test on any error. */
  async data<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await this.exec<T>(query, variables);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
    return result.data as T;
  }

  /** Runs the operation and returns the code of its first error (undefined when none). */
  async errorCode(query: string, variables: Record<string, unknown> = {}): Promise<string | undefined> {
    const result = await this.exec(query, variables);
    return result.errors?.[0]?.extensions?.code as string | undefined;
  }
}

export interface TestApp {
  app: AppServices;
  config: AppConfig;
  schema: GraphQLSchema;
  apollo: ApolloServer<RequestContext>;
  queries: QueryCounter;
  client(token?: string): TestClient;
  /** Starts the full HTTP server on a free port (for cookie, CSRF and download tests). */
  http(): Promise<string>;
  /**
   * Resolves once no job is waiting, running or due for a retry: what a request started
   * in the background (a PDF after an issue, an export) has then written. A test comparing
   * the database before and after a call waits for this first, or a late job's row shows up
   * as the call's doing on a busy machine.
   */
  jobsSettled(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Build the schema by running the committed migrations instead of synchronizing from entities. */
  migrations?: boolean;
  env?: Record<string, string>;
  /** Receives the app's logs (default: the configured logger, silent in tests). */
  logger?: Logger;
  /** Start the outbox worker (default true); false to drive it by hand with `app.outbox.runOnce()`. */
  outbox?: boolean;
  /**
   * A second API instance on the same database (and the same keys) as `shareWith`:
   * two nodes of one deployment. The first one drops the database when it closes.
   */
  shareWith?: TestApp;
  /** Start the job worker (default true). */
  jobs?: boolean;
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const shared = options.shareWith;
  const database: TestDatabase = shared ? { config: shared.config.database, drop: async () => undefined } : await createTestDatabase();
  // Generated keys live outside the database, in a throw-away file per test app (shared by a second node).
  const keysDir = shared ? null : mkdtempSync(join(tmpdir(), 'comptoir-keys-'));
  const config: AppConfig = {
    ...loadConfig({ ...process.env, NODE_ENV: 'test', WEB_DIST: '', SEED_ON_EMPTY: 'false', KEYS_FILE: shared ? shared.config.keysFile : join(keysDir as string, 'keys.json'),
      // Production takes its keys from the environment only: throw-away ones for a test app.
      ...(options.env?.NODE_ENV === 'production' ? { HISTORY_KEY: randomBytes(32).toString('hex'), HISTORY_SIGNING_KEY: randomBytes(32).toString('hex') } : {}),
      ...options.env,
    }),
    database: database.config,
  };
  const queries = new QueryCounter();
  const dataSource = await openDataSource(database.config, { synchronize: !options.migrations && !shared, logger: queries, poolSize: 5 });
  if (shared) {
    // The first node built the schema.
  } else if (options.migrations) await dataSource.runMigrations({ transaction: 'each' });
  // What synchronize cannot build (the migrations carry the same SQL).
  else {
    await installDatabaseTriggers(dataSource);
  }
  // From here on, every statement is audited for its dossier scope (schema building is exempt).
  sqlAudit.watch(dataSource);
  const app = createAppServices(config, dataSource, options.logger ?? createLogger(config));
  if (options.outbox !== false) app.outbox.start();
  if (options.jobs !== false) await app.jobs.start();
  // Mail goes out through jobs: the in-process worker pauses too (a BullMQ worker cannot restart once stopped).
  const pauseJobs = options.jobs !== false && app.jobs.kind === 'memory';
  if (options.outbox !== false || pauseJobs) {
    queries.background = {
      async stop() {
        await app.outbox.stop();
        if (pauseJobs) await app.jobs.stop();
      },
      start() {
        if (options.outbox !== false) app.outbox.start();
        if (pauseJobs) void app.jobs.start();
      },
    };
  }
  const schema = await buildAppSchema();
  const apollo = createApolloServer(app, schema);
  await apollo.start();
  let server: Server | null = null;

  const testApp: TestApp = {
    app,
    config,
    schema,
    apollo,
    queries,
    client: (token?: string) => new TestClient(testApp, token),
    async http() {
      // The full server: GraphQL over HTTP, /api routes, subscriptions over WebSocket.
      if (!server) server = await listen(app, { port: 0, host: '127.0.0.1' });
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    async jobsSettled(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const { waiting, active, delayed } = await app.jobs.counts();
        if (waiting + active + delayed === 0) return;
        if (Date.now() > deadline) throw new Error(`jobs still pending after ${timeoutMs} ms: ${waiting} waiting, ${active} active, ${delayed} delayed`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async close() {
      if (server) await new Promise((resolve) => server!.close(resolve));
      await apollo.stop();
      await app.outbox.stop();
      await app.jobs.stop();
      await app.bus.close();
      await dataSource.destroy();
      await database.drop();
      if (keysDir) rmSync(keysDir, { recursive: true, force: true });
    },
  };
  return testApp;
}
