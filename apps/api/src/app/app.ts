import type { Server } from 'node:http';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../core/config';
import type { AppServices } from '../core/context';
import { createLogger, type Logger } from '../core/logger';
import { loadKeys } from '../core/keys';
import { createMailer } from '../modules/mail/mailer';
import { createOutboxWorker } from '../modules/mail/outbox-worker';
import { openDataSource } from './database';
import { createBus } from '../core/redis';
import { createJobQueue } from './jobs';
import { registerJobHandlers } from './job-handlers';
import { ALL_HTTP_ROUTES } from './routes';
import { buildAppSchema } from './schema';
import { createHttpApp } from './server';
import { attachLiveServer } from './live-server';
import { describeLogins, isEmpty, seedDemo } from './seed';
import { registerIssueListeners } from './issue-listeners';

export function createAppServices(config: AppConfig, dataSource: DataSource, logger: Logger = createLogger(config)): AppServices {
  registerIssueListeners();
  const keys = loadKeys(config);
  const mailer = createMailer(keys);
  const bus = createBus(config);
  const jobs = createJobQueue(config, bus, logger);
  // The outbox worker is the app's own: it reaches the database through the app (its contexts), once running.
  const app = { config, dataSource, logger, keys, mailer, bus, jobs } as AppServices;
  app.outbox = createOutboxWorker(app);
  registerJobHandlers(app);
  return app;
}

/** Opens the database and brings its schema up to date. */
export async function openDatabase(config: AppConfig, logger: Logger): Promise<DataSource> {
  const dataSource = await openDataSource(config.database);
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  if (applied.length > 0) logger.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
  return dataSource;
}

export async function seedIfEmpty(app: AppServices): Promise<void> {
  if (!app.config.seedOnEmpty || !(await isEmpty(app))) return;
  const report = await seedDemo(app);
  app.logger.info('demo data created');
  console.warn(`\n${describeLogins(report)}\n`);
}

/** Starts one HTTP server on the configured port (GraphQL over HTTP and subscriptions over WebSocket); resolves once it listens. */
export async function listen(app: AppServices, options: { port?: number; host?: string } = {}): Promise<Server> {
  const schema = await buildAppSchema();
  const { express, apollo } = await createHttpApp(app, schema, ALL_HTTP_ROUTES);
  const server = await new Promise<Server>((resolve, reject) => {
    const s = options.host ? express.listen(options.port ?? app.config.port, options.host, () => resolve(s)) : express.listen(options.port ?? app.config.port, () => resolve(s));
    s.on('error', reject);
  });
  const live = await attachLiveServer(app, schema, server);
  server.on('close', () => void apollo.stop());
  // Open sockets keep the server from closing: they go first.
  const close = server.close.bind(server);
  server.close = ((callback?: (err?: Error) => void) => {
    void live.close().finally(() => close(callback));
    return server;
  }) as typeof server.close;
  return server;
}
