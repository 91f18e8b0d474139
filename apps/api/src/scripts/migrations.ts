// Per-dialect migrations, generated from the entities and committed.
//   generate <Name>  writes src/migrations/{sqlite,mysql}/<timestamp>-<Name>.ts for what the entities add
//   check            fails when the entities differ from what the committed migrations build
// The SQLite side uses a scratch file; the MySQL side a scratch database on MIGRATIONS_MYSQL_URL
// (default mysql://root@127.0.0.1:3306/test, the server's root is used to create and drop it).
import 'reflect-metadata';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { parseDatabaseUrl, type DatabaseConfig } from '../core/config';
import { dataSourceOptions, type Dialect } from '../app/database';

const SOURCE_DIR = join(__dirname, '..', '..', 'src', 'migrations');

interface Scratch {
  db: DatabaseConfig;
  drop(): Promise<void>;
}

async function scratchDatabase(dialect: Dialect): Promise<Scratch> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'comptoir-migrations-'));
    return { db: parseDatabaseUrl(`sqlite:${join(dir, 'scratch.sqlite')}`), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const server = parseDatabaseUrl(process.env.MIGRATIONS_MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306/test');
  if (server.kind === 'sqlite') throw new Error('MIGRATIONS_MYSQL_URL must be a mysql:// or mariadb:// URL');
  const name = `comptoir_migrations_${process.pid}_${Date.now()}`;
  const admin = new DataSource({ ...dataSourceOptions(server), entities: [], migrations: [] });
  await admin.initialize();
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  return {
    db: { ...server, database: name },
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.destroy();
    },
  };
}

/** The SQL that would bring a database built by the committed migrations up to the entities. */
async function pendingChanges(dialect: Dialect): Promise<{ up: string[]; down: string[] }> {
  const scratch = await scratchDatabase(dialect);
  // Compiled migrations when run from dist, sources otherwise.
  const ds = new DataSource(dataSourceOptions(scratch.db, { migrations: [join(__dirname, '..', 'migrations', dialect, '*.js')] }));
  try {
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    const log = await ds.driver.createSchemaBuilder().log();
    return { up: log.upQueries.map((q) => q.query), down: log.downQueries.map((q) => q.query).reverse() };
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await scratch.drop();
  }
}

function escape(sql: string): string {
  return sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
}

function migrationSource(className: string, up: string[], down: string[]): string {
  const lines = (queries: string[]) => queries.map((q) => `    await queryRunner.query(\`${escape(q)}\`);`).join('\n');
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`;
}

async function generate(name: string): Promise<void> {
  if (!/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('Name the migration in PascalCase, e.g. AddDocuments');
  const timestamp = Date.now();
  for (const dialect of ['sqlite', 'mysql'] as const) {
    const { up, down } = await pendingChanges(dialect);
    if (up.length === 0) {
      console.log(`${dialect}: entities and migrations agree, nothing to generate`);
      continue;
    }
    const file = join(SOURCE_DIR, dialect, `${timestamp}-${name}.ts`);
    writeFileSync(file, migrationSource(`${name}${timestamp}`, up, down));
    console.log(`${dialect}: wrote ${file} (${up.length} statements)`);
  }
  console.log('Rebuild (pnpm --filter @comptoir/api build) before running check.');
}

async function check(): Promise<void> {
  let drift = false;
  for (const dialect of ['sqlite', 'mysql'] as const) {
    const count = readdirSync(join(SOURCE_DIR, dialect)).filter((f) => f.endsWith('.ts')).length;
    const { up } = await pendingChanges(dialect);
    if (up.length > 0) {
      drift = true;
      console.error(`${dialect}: the entities differ from the ${count} committed migrations; missing:\n  ${up.join(';\n  ')}`);
    } else {
      console.log(`${dialect}: ${count} migrations match the entities`);
    }
  }
  if (drift) {
    console.error('Generate a migration: pnpm --filter @comptoir/api build && pnpm --filter @comptoir/api migration:generate <Name>');
    process.exit(1);
  }
}

const [command, name] = process.argv.slice(2);
(command === 'generate' ? generate(name ?? '') : command === 'check' ? check() : Promise.reject(new Error('usage: migrations.js generate <Name> | check'))).catch(
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
