import type { DataSource, EntityManager } from 'typeorm';

/**
 * better-sqlite3 gives TypeORM one connection per process, so two concurrent
 * transactions would interleave on it (the second would become a savepoint of
 * the first). On SQLite, transactions of one process therefore run one at a time;
 * MySQL/MariaDB transactions each get their own pooled connection.
 */
const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

/** InnoDB rolled the whole transaction back as a deadlock victim: MySQL's advice is to run it again. */
function isDeadlockVictim(err: unknown): boolean {
  return (err as { code?: string } | null)?.code === 'ER_LOCK_DEADLOCK';
}

const DEADLOCK_RETRIES = 3;

export async function runInTransaction<T>(dataSource: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
  if (dataSource.options.type !== 'better-sqlite3') {
    // A victim's transaction wrote nothing, and the work writes only to the database (mail goes
    // through the transactional outbox), so running it again is safe.
    for (let attempt = 1; ; attempt++) {
      try {
        return await dataSource.transaction(work);
      } catch (err) {
        if (!isDeadlockVictim(err) || attempt > DEADLOCK_RETRIES) throw err;
      }
    }
  }
  const previous = sqliteQueues.get(dataSource) ?? Promise.resolve();
  const current = previous.catch(() => undefined).then(() => dataSource.transaction(work));
  sqliteQueues.set(
    dataSource,
    current.catch(() => undefined),
  );
  return current;
}
