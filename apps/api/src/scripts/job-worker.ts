// A node that runs background jobs only (no HTTP): `node dist/scripts/job-worker.js`,
// configured like the server (DATABASE_URL, REDIS_URL, …). Without REDIS_URL it has
// no queue to share and refuses to start.
import 'reflect-metadata';
import { createAppServices } from '../app/app';
import { openDataSource } from '../app/database';
import { loadConfig, loadDotEnv } from '../core/config';
import { createLogger } from '../core/logger';

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  if (!config.redisUrl) throw new Error('job-worker needs REDIS_URL (without it, the server runs jobs in-process)');
  const logger = createLogger(config);
  const dataSource = await openDataSource(config.database);
  const app = createAppServices(config, dataSource, logger);
  await app.jobs.start();
  process.stdout.write(`job-worker ready ${process.pid}\n`);
  const stop = () => void app.jobs.stop().then(() => app.bus.close()).then(() => dataSource.destroy()).finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err: unknown) => {
  console.error(`job-worker: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
