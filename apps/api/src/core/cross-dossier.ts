import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager, EntityTarget, FindManyOptions, FindOneOptions, SelectQueryBuilder } from 'typeorm';
import type { DossierScoped } from './entity';

/**
 * The few places that work across dossiers on purpose, each with its reason. Every other
 * statement on a table of dossier data compares that table's `dossierId` with the session's
 * dossier (`ctx.scoped(...)`), and the test suite's SQL audit fails on any that does not,
 * except inside `acrossDossiers(reason, …)`. Adding a reason here is a reviewed change: keep
 * the list short.
 */
export const CROSS_DOSSIER_REASONS = {
  /** /support desk: platform support staff list, assign and process the requests of every dossier. */
  supportDesk: 'the support desk handles the requests of every dossier',
  /** /admin: platform administrators see and settle any dossier's seat orders. */
  platformAdmin: 'platform administration works on any dossier',
} as const;

export type CrossDossierReason = keyof typeof CROSS_DOSSIER_REASONS;

/**
 * TypeORM's own statements for a row `ScopedRepository` has just verified is in the session's
 * dossier (the load by primary key and the UPDATE by primary key of `save`): TypeORM offers no
 * way to add the dossier to them, the scoped check that precedes them does.
 */
export type CoreMarker = 'verifiedInDossier';

const current = new AsyncLocalStorage<CrossDossierReason | CoreMarker>();

/** True for the keys of `CROSS_DOSSIER_REASONS` only (not for what every object inherits). */
export function isCrossDossierReason(reason: unknown): reason is CrossDossierReason {
  return typeof reason === 'string' && Object.hasOwn(CROSS_DOSSIER_REASONS, reason);
}

/** Throws unless `reason` is one of `CROSS_DOSSIER_REASONS` (a cast or a typo gets no door). */
export function assertCrossDossierReason(reason: unknown): asserts reason is CrossDossierReason {
  if (!isCrossDossierReason(reason)) throw notAReason(reason);
}

function notAReason(reason: unknown): Error {
  return new Error(`${JSON.stringify(reason)} is not a cross-dossier reason: one of ${Object.keys(CROSS_DOSSIER_REASONS).join(', ')}`);
}

/**
 * Core only: runs `work` as a deliberate cross-dossier operation (see `CROSS_DOSSIER_REASONS`).
 * Modules go through `ctx.acrossDossiers(reason, (data) => …)`, which hands them `CrossDossierData`.
 */
export function acrossDossiers<T>(reason: CrossDossierReason, work: () => Promise<T>): Promise<T> {
  if (!isCrossDossierReason(reason)) return Promise.reject(notAReason(reason));
  return current.run(reason, work);
}

/**
 * `findOne` across dossiers; `lock` takes the row for the rest of the transaction (MySQL/MariaDB;
 * SQLite runs one transaction at a time) and is refused outside one, on every dialect.
 */
export type CrossDossierFindOne<T> = Omit<FindOneOptions<T>, 'lock'> & { lock?: boolean };

/**
 * What `ctx.acrossDossiers(reason, work)` hands `work`: reads of dossier data across dossiers,
 * in the caller's transaction, and nothing else. No manager, repository or connection: writes
 * go through `ctx.inDossier(dossierId, reason).scoped(...)`, bound to the dossier of the row,
 * and platform tables through `ctx.platform(...)`. The door closes when `work` settles.
 */
export interface CrossDossierData {
  /** Why this work crosses dossiers. */
  readonly reason: CrossDossierReason;
  /** Rows of a table of dossier data, of any dossier. */
  find<T extends DossierScoped>(entity: EntityTarget<T>, options?: FindManyOptions<T>): Promise<T[]>;
  /** One row of any dossier (typically by id, to learn its dossier), locked if asked. */
  findOne<T extends DossierScoped>(entity: EntityTarget<T>, options: CrossDossierFindOne<T>): Promise<T | null>;
  /**
   * A query builder over a table of dossier data, for the reads find options cannot say (a
   * join on a platform table, grouped counts); run it inside `work`. For reads only.
   */
  select<T extends DossierScoped>(entity: EntityTarget<T>, alias: string): SelectQueryBuilder<T>;
}

/**
 * Core only (`RequestContext.acrossDossiers`): runs `work` with the door of reads across dossiers
 * over `em`, as the deliberate cross-dossier operation `reason`. The manager stays in this closure.
 */
export function withCrossDossierData<T>(em: EntityManager, reason: CrossDossierReason, work: (data: CrossDossierData) => Promise<T>): Promise<T> {
  let open = true;
  const opened = () => {
    if (!open) throw new Error(`This cross-dossier door (${reason}) is closed: use it inside the work of ctx.acrossDossiers(…)`);
  };
  const read = <R>(run: () => Promise<R>): Promise<R> => {
    opened();
    return current.run(reason, run);
  };
  const data: CrossDossierData = Object.freeze({
    reason,
    find: <E extends DossierScoped>(entity: EntityTarget<E>, options: FindManyOptions<E> = {}) => read(() => em.getRepository(entity).find(options)),
    findOne: <E extends DossierScoped>(entity: EntityTarget<E>, { lock, ...options }: CrossDossierFindOne<E>) =>
      read(async () => {
        // On every dialect alike (SQLite would ignore it): a lock outside a transaction holds nothing.
        if (lock && !em.queryRunner?.isTransactionActive) throw new Error('findOne({ lock: true }) across dossiers needs a transaction: run it inside ctx.transaction(…)');
        return em.getRepository(entity).findOne({
          ...options,
          ...(lock && em.connection.options.type !== 'better-sqlite3' ? { lock: { mode: 'pessimistic_write' as const } } : {}),
        });
      }),
    select: <E extends DossierScoped>(entity: EntityTarget<E>, alias: string) => {
      opened();
      return em.getRepository(entity).createQueryBuilder(alias);
    },
  });
  return acrossDossiers(reason, async () => work(data)).finally(() => {
    open = false;
  });
}

/** Core only: TypeORM's statements for rows already verified to be in the dossier. */
export function verifiedInDossier<T>(work: () => Promise<T>): Promise<T> {
  return current.run('verifiedInDossier', work);
}

/** Why the running statement may leave out the dossier condition, if it may (read by the SQL audit). */
export function crossDossierReason(): CrossDossierReason | CoreMarker | undefined {
  return current.getStore();
}
