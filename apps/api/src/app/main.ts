import 'reflect-metadata';
import cluster from 'node:cluster';
import { loadKeys } from '../core/keys';
import { createAppServices, listen, openDatabase, seedIfEmpty } from './app';
import { ConfigError, loadConfig, loadDotEnv, type AppConfig } from '../core/config';
import { openDataSource } from './database';
import { createLogger } from '../core/logger';

/** Bad configuration ends the process with one line naming the variable. */
function fail(error: unknown): never {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(`Comptoir failed to start: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
}

async function prepareDatabase(config: AppConfig): Promise<void> {
  const logger = createLogger(config);
  const dataSource = await openDatabase(config, logger);
  const app = createAppServices(config, dataSource, logger);
  try {
    await seedIfEmpty(app);
  } finally {
    await app.bus.close();
    await dataSource.destroy();
  }
}

async function serve(config: AppConfig): Promise<void> {
  const logger = createLogger(config);
  const dataSource = await openDataSource(config.database);
  const app = createAppServices(config, dataSource, logger);
  const server = await listen(app);
  app.outbox.start();
  await app.jobs.start();
  logger.info({ port: config.port, database: config.database.kind, version: config.version }, `Comptoir listening on ${config.publicUrl}`);
  const stop = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    server.close(
      () =>
        void Promise.allSettled([app.outbox.stop(), app.jobs.stop()])
          .then(() => app.bus.close())
          .then(() => dataSource.destroy())
          .finally(() => process.exit(0)),
    );
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  // The history and mail keys, before anything opens the database (production: from the environment, or exit).
  loadKeys(config);
  if (cluster.isWorker) return serve(config);

  // Migrations and demo data run once, before any worker serves.
  await prepareDatabase(config);
  // One SQLite file takes one writer at a time: extra processes would only queue on its lock.
  const workers = config.database.kind === 'sqlite' ? 1 : config.workers;
  if (workers <= 1) return serve(config);
  if (!config.redisUrl) {
    // Each worker has its own in-process bus: a subscriber on one would miss events of the others.
    console.warn('WEB_CONCURRENCY > 1 without REDIS_URL: live updates (subscriptions) reach only the users of the same worker process; set REDIS_URL.');
  }

  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on('exit', (worker, code) => {
    if (code !== 0) {
      console.error(`worker ${worker.process.pid} exited with code ${code}; starting another`);
      cluster.fork();
    }
  });
}

main().catch(fail);
