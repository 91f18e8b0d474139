import type { Server } from 'node:http';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../core/config';
import type { AppServices } from '../core/context';
import { createLogger, type Logger } from '../core/logger';
import { loadKeys } from '../core/keys';
import { createMailer } from '../modules/mail/mailer';
import { createOutboxWorker } from '../modules/mail/outbox-worker';
import { openDataSource } from './database';
import { ALL_HTTP_ROUTES } from './routes';
import { buildAppSchema } from './schema';
import { createHttpApp } from './server';
import { describeLogins, isEmpty, seedDemo } from './seed';
import { registerIssueListeners } from './issue-listeners';

export function createAppServices(config: AppConfig, dataSource: DataSource, logger: Logger = createLogger(config)): AppServices {
  registerIssueListeners();
  const keys = loadKeys(config);
  const mailer = createMailer(keys);
  const outbox = createOutboxWorker({ config, dataSource, logger, keys, mailer });
  return { config, dataSource, logger, keys, mailer, outbox };
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

/** Starts one HTTP server on the configured port; resolves once it listens. */
export async function listen(app: AppServices): Promise<Server> {
  const schema = await buildAppSchema();
  const { express, apollo } = await createHttpApp(app, schema, ALL_HTTP_ROUTES);
  return new Promise((resolve, reject) => {
    const server = express.listen(app.config.port, () => resolve(server));
    server.on('error', reject);
    server.on('close', () => void apollo.stop());
  });
}
