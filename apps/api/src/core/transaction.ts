import type { DataSource, EntityManager } from 'typeorm';

/**
 * better-sqlite3 gives TypeORM one connection per process, so two concurrent
 * transactions would interleave on it (the second would become a savepoint of
 * the first). On SQLite, transactions of one process therefore run one at a time;
 * MySQL/MariaDB transactions each get their own pooled connection.
 */
const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

export async function runInTransaction<T>(dataSource: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
  if (dataSource.options.type !== 'better-sqlite3') return dataSource.transaction(work);
  const previous = sqliteQueues.get(dataSource) ?? Promise.resolve();
  const current = previous.catch(() => undefined).then(() => dataSource.transaction(work));
  sqliteQueues.set(
    dataSource,
    current.catch(() => undefined),
  );
  return current;
}
