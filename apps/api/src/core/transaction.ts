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

/** Work to run once the transaction of this manager has committed (events on the bus). */
const commitHooks = new WeakMap<EntityManager, (() => void)[]>();

/**
 * Runs `hook` after the transaction `em` belongs to commits (never when it rolls
 * back); outside a transaction, soon. A hook's failure is its own: it never undoes
 * a committed change.
 */
export function afterCommit(em: EntityManager, hook: () => void | Promise<void>): void {
  const safe = () => void Promise.resolve().then(hook).catch(() => undefined);
  const hooks = commitHooks.get(em);
  if (hooks && em.queryRunner?.isTransactionActive) hooks.push(safe);
  else setImmediate(safe);
}

function withCommitHooks<T>(work: (em: EntityManager) => Promise<T>): (em: EntityManager) => Promise<{ result: T; hooks: (() => void)[] }> {
  return async (em) => {
    const hooks: (() => void)[] = [];
    commitHooks.set(em, hooks);
    return { result: await work(em), hooks };
  };
}

async function thenRunHooks<T>(run: Promise<{ result: T; hooks: (() => void)[] }>): Promise<T> {
  const { result, hooks } = await run;
  for (const hook of hooks) hook();
  return result;
}

export async function runInTransaction<T>(dataSource: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
  return thenRunHooks(runPlain(dataSource, withCommitHooks(work)));
}

async function runPlain<T>(dataSource: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
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
