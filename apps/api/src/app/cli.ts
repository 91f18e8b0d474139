import 'reflect-metadata';
import { createAppServices, openDatabase } from './app';
import { ConfigError, loadConfig, loadDotEnv } from '../core/config';
import { openDataSource } from './database';
import { createLogger } from '../core/logger';
import { describeLogins, isEmpty, seedDemo } from './seed';
import { CLI_COMMANDS } from './cli-commands';

const USAGE = `usage: node dist/cli.js <command> [options]
  db:migrate                     apply pending migrations
  db:seed [--force]              create the demo data (refused on a non-empty database unless --force)
${CLI_COMMANDS.map((c) => `  ${c.usage.padEnd(30)} ${c.description}`).join('\n')}`;

function parseOptions(args: string[]): Record<string, string | true> {
  const options: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) continue;
    const [key, inline] = arg.slice(2).split('=', 2);
    if (inline !== undefined) options[key] = inline;
    else if (args[i + 1] && !args[i + 1].startsWith('--')) options[key] = args[++i];
    else options[key] = true;
  }
  return options;
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const options = parseOptions(rest);
  loadDotEnv();
  const config = loadConfig();
  const logger = createLogger(config);
  if (command === 'db:migrate') {
    const ds = await openDatabase(config, logger);
    console.warn('Database schema is up to date.');
    await ds.destroy();
    return;
  }
  if (command === 'db:seed') {
    const ds = await openDatabase(config, logger);
    const app = createAppServices(config, ds, logger);
    try {
      if (!(await isEmpty(app)) && options.force !== true) {
        console.error('The database already has data; db:seed adds the demo data only to an empty database (use --force to add it anyway).');
        process.exitCode = 1;
        return;
      }
      console.warn(describeLogins(await seedDemo(app)));
    } finally {
      await ds.destroy();
    }
    return;
  }
  const found = CLI_COMMANDS.find((c) => c.name === command);
  if (!found) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const ds = await openDataSource(config.database);
  try {
    await found.run(createAppServices(config, ds, logger), options);
  } finally {
    await ds.destroy();
  }
}

main()
  // Redis connections (REDIS_URL) would keep a one-off command alive.
  .then(() => process.exit(process.exitCode ?? 0))
  .catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : String(error));
  process.exit(1);
});
