import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DataSource, type DataSourceOptions, type Logger as TypeOrmLogger, type MixedList } from 'typeorm';
import { ConfigError, redactUrl, type DatabaseConfig } from './config';
import { TimestampSubscriber } from './entity';

export type Dialect = 'sqlite' | 'mysql';

export function dialectOf(db: DatabaseConfig): Dialect {
  return db.kind === 'sqlite' ? 'sqlite' : 'mysql';
}

export function migrationsGlob(dialect: Dialect): string {
  // Compiled migrations in production, TypeScript sources under jest.
  return join(__dirname, '..', 'migrations', dialect, '*.{js,ts}');
}

export interface DataSourceExtras {
  /** The entities to map: the app layer passes every module's (core knows none of them). */
  entities?: MixedList<string | (new () => unknown)>;
  /** Build the schema from the entities: for throw-away test databases only. */
  synchronize?: boolean;
  logging?: boolean;
  migrations?: MixedList<string | (new () => unknown)>;
  poolSize?: number;
  /** Receives every query (tests count them to catch N+1). */
  logger?: TypeOrmLogger;
}

/**
 * SQLite page cache per connection, in KiB (the pragma's negative form): 8 MB, four times
 * SQLite's default. It was 32 MB while the export read each document's history facts by key
 * from another table; since they sit on the document's row (issue 14) the export reads pages
 * in order, and the larger cache only added to a 1,000,000-row export's memory peak.
 */
export const SQLITE_CACHE_KIB = 8_192;

export function dataSourceOptions(db: DatabaseConfig, extras: DataSourceExtras = {}): DataSourceOptions {
  const common = {
    entities: extras.entities ?? [],
    subscribers: [TimestampSubscriber],
    migrations: extras.migrations ?? [migrationsGlob(dialectOf(db))],
    migrationsTableName: 'migrations',
    synchronize: extras.synchronize ?? false,
    logging: extras.logging ?? Boolean(extras.logger),
    ...(extras.logger ? { logger: extras.logger } : {}),
  };
  if (db.kind === 'sqlite') {
    if (db.path !== ':memory:') mkdirSync(dirname(db.path), { recursive: true });
    return {
      ...common,
      type: 'better-sqlite3',
      database: db.path,
      // WAL lets readers (exports, lists) proceed while a writer commits.
      prepareDatabase: (sqlite: { pragma(sql: string): unknown }) => {
        sqlite.pragma('journal_mode = WAL');
        sqlite.pragma('busy_timeout = 5000');
        sqlite.pragma('foreign_keys = ON');
        // REPLACE conflict resolution then fires DELETE triggers (the immutability triggers see it).
        sqlite.pragma('recursive_triggers = ON');
        // Bounded, per connection (SQLITE_CACHE_KIB).
        sqlite.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
      },
    };
  }
  return {
    ...common,
    // TypeORM's `mariadb` type avoids spurious schema drift on MariaDB; same driver (mysql2).
    type: db.kind,
    host: db.host,
    port: db.port,
    username: db.username,
    password: db.password,
    database: db.database,
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    supportBigNumbers: true,
    bigNumberStrings: false,
    poolSize: extras.poolSize ?? 10,
    connectTimeout: 5000,
  };
}

/**
 * Opens the data source and turns driver failures into one clear line naming
 * DATABASE_URL (refused connection, wrong password, unknown database).
 */
export async function openDataSource(db: DatabaseConfig, extras: DataSourceExtras = {}): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(db, extras));
  try {
    await dataSource.initialize();
    await dataSource.query('SELECT 1');
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy().catch(() => undefined);
    const err = error as { code?: string; message?: string };
    const reason = err.code ? `${err.code}: ${firstLine(err.message)}` : firstLine(err.message);
    throw new ConfigError('DATABASE_URL', `cannot be opened (${redactUrl(db.url)}): ${reason}`);
  }
  return dataSource;
}

function firstLine(message: string | undefined): string {
  return (message ?? 'unknown error').split('\n')[0];
}
