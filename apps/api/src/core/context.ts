import type { DataSource, EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';
import { PlatformRole, type Profile } from '@comptoir/schema';
import type { AppConfig } from './config';
import type { CookieJar } from './cookies';
import { assertCrossDossierReason, withCrossDossierData, type CrossDossierData, type CrossDossierReason } from './cross-dossier';
import { isDossierTable, type DossierRow, type DossierScoped } from './entity';
import { dossierNotSelected, forbidden, unauthenticated } from './errors';
import type { Logger } from './logger';
import type { AppKeys } from './keys';
import type { MailMessage, Mailer, OutboxWorker } from './mail';
import { ScopedRepository } from './scoped-repository';
import { afterCommit, runInTransaction } from './transaction';
import type { EventBus } from './bus';
import type { JobQueue } from './jobs';
import type { Readable } from 'node:stream';
import type { EntitySubscriberInterface } from 'typeorm';
import { MemoryCookieJar } from './cookies';
import { DossierKeyedRepository, type DossierKeyed } from './keyed-repository';
import { entityMapper, hydrated, poolQuery } from './raw-rows';

/** Process-wide services, created once at start-up and shared by every request. */
export interface AppServices {
  config: AppConfig;
  dataSource: DataSource;
  logger: Logger;
  /** Writes messages to the transactional outbox. */
  mailer: Mailer;
  /** Delivers the outbox (started by the server, not by one-off commands). */
  outbox: OutboxWorker;
  keys: AppKeys;
  /** Events shared by every API process (Redis when REDIS_URL is set, in-process otherwise). */
  bus: EventBus;
  /** Background jobs (BullMQ when REDIS_URL is set, in-process otherwise). */
  jobs: JobQueue;
}

/** Who is calling, as read from the session cookie on each request. */
export interface Principal {
  sessionId: string;
  userId: string;
  email: string;
  name: string;
  /** Null until the user picks a dossier (several memberships). */
  dossierId: string | null;
  profile: Profile | null;
  platformRole: PlatformRole | null;
}

export interface RequestMeta {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
}

type LoaderFactory<L> = (ctx: RequestContext) => L;

/**
 * An entity class of the platform's own tables (users, sessions, dossiers, memberships, outbox…);
 * a class of dossier data is a type error (and refused at run time, like tables keyed by their dossier).
 * `DossierScoped` is nominal, so a platform table with a `dossierId` column (memberships) passes.
 */
export type PlatformEntity<E extends new (...args: never[]) => ObjectLiteral> = E & (InstanceType<E> extends DossierScoped ? { 'dossier data: use ctx.scoped(...)': never } : unknown);

/** The database dialect, for the few statements that differ (locks, upserts, date literals). */
export type Dialect = 'better-sqlite3' | 'mariadb' | 'mysql';

/**
 * Where a context keeps its manager: a symbol no module can name. Not an ES private field:
 * Apollo shallow-copies the context value per operation (`Object.assign` onto the same
 * prototype), which copies symbol-keyed properties and drops private fields.
 */
const MANAGER = Symbol('RequestContext.manager');

/** Why a context made by `inDossier` works on a dossier that is not its session's (named in its log lines). */
const ACTING_FOR = new WeakMap<RequestContext, CrossDossierReason>();

/**
 * Core only (transactions, locks, the mailer's outbox write): the raw manager of a context.
 * Modules never call it (lint: no-restricted-syntax in src/modules); they use the doors of
 * `RequestContext`: `scoped`, `platform`, `query`, `acrossDossiers`, `inDossier`.
 */
export function coreManager(ctx: RequestContext): EntityManager {
  return ctx[MANAGER];
}

/**
 * Built once per request and passed first to every service method, so the dossier
 * scope and the transaction travel together and cannot be forgotten.
 */
export class RequestContext {
  private readonly loaderCache: Map<LoaderFactory<unknown>, unknown>;
  /** The transaction's manager inside `transaction()`, the data source's otherwise; never handed to modules. */
  readonly [MANAGER]: EntityManager;

  constructor(
    readonly app: AppServices,
    readonly principal: Principal | null,
    readonly meta: RequestMeta,
    readonly cookies: CookieJar,
    em: EntityManager = app.dataSource.manager,
    loaderCache?: Map<LoaderFactory<unknown>, unknown>,
  ) {
    this[MANAGER] = em;
    this.loaderCache = loaderCache ?? new Map();
  }

  get inTransaction(): boolean {
    return this[MANAGER].queryRunner?.isTransactionActive ?? false;
  }

  get dialect(): Dialect {
    return this[MANAGER].connection.options.type as Dialect;
  }

  /** The logged-in user, or UNAUTHENTICATED. */
  get user(): Principal {
    if (!this.principal) throw unauthenticated();
    return this.principal;
  }

  /** The dossier this session is bound to; never taken from an argument. */
  get dossierId(): string {
    const principal = this.user;
    if (!principal.dossierId) throw dossierNotSelected();
    return principal.dossierId;
  }

  get userId(): string {
    return this.user.userId;
  }

  /** The app's logger naming this request, its user and dossier: every line about the request goes through it. */
  get log(): Logger {
    const who = this.principal ? { userId: this.principal.userId, ...(this.principal.dossierId ? { dossierId: this.principal.dossierId } : {}) } : {};
    const actingFor = ACTING_FOR.get(this);
    return this.app.logger.child({ reqId: this.meta.requestId, ...who, ...(actingFor ? { actingFor } : {}) });
  }

  /** Data access confined to the session's dossier. */
  scoped<T extends DossierRow>(entity: EntityTarget<T>, label = 'Record'): ScopedRepository<T> {
    return new ScopedRepository(this[MANAGER], entity, this.dossierId, label);
  }

  /**
   * The repository of a platform table (users, sessions, dossiers, memberships, the outbox…),
   * in this context's transaction. A table of dossier data is refused, by type and at run time:
   * those go through `scoped(...)`.
   */
  platform<E extends new (...args: never[]) => ObjectLiteral>(entity: PlatformEntity<E>): Repository<InstanceType<E>> {
    const repo = this[MANAGER].getRepository<InstanceType<E>>(entity);
    if (isDossierTable(repo.metadata)) throw new Error(`${repo.metadata.name} holds dossier data: use ctx.scoped(${repo.metadata.name})`);
    return repo;
  }

  /**
   * Raw SQL in this context's transaction, for the statements the repositories cannot say
   * (counters, aggregates). Every dossier table it names must be compared with the session's
   * dossier: the test suite's SQL audit fails on any statement that is not.
   */
  query<R = unknown>(sql: string, parameters?: unknown[]): Promise<R> {
    const em = this[MANAGER];
    // Outside a transaction, on MariaDB: straight on a pooled connection (see poolQuery).
    const direct = em.queryRunner ? null : poolQuery(em.connection);
    return (direct ? direct(sql, parameters) : em.query(sql, parameters)) as Promise<R>;
  }

  /**
   * The one door across dossiers, for the reasons listed in `CROSS_DOSSIER_REASONS` (support
   * desk, /admin): `work` gets `CrossDossierData`, reads of dossier data of any dossier in this
   * context's transaction (never the manager), and its statements may leave out the dossier
   * condition. Keep what runs inside to the lookups that need it (which dossier a row is in, a
   * queue of every dossier); work on the dossier found goes through `inDossier`.
   */
  acrossDossiers<T>(reason: CrossDossierReason, work: (data: CrossDossierData) => Promise<T>): Promise<T> {
    return withCrossDossierData(this[MANAGER], reason, work);
  }

  /**
   * This user's work on one named dossier that is not the session's (the support desk
   * processing a request of dossier X, /admin on dossier X), for one of `CROSS_DOSSIER_REASONS`:
   * a context in the same transaction, acting as this user without a profile, whose
   * `dossierId` is `dossierId`, so that `scoped(...)`, history entries and the dossier helpers
   * keep their dossier condition. Support team only (FORBIDDEN for anyone else). Its log
   * lines name the dossier and the reason (`actingFor`).
   */
  inDossier(dossierId: string, reason: CrossDossierReason): RequestContext {
    assertCrossDossierReason(reason);
    const user = this.user;
    if (user.platformRole !== PlatformRole.SUPPORT) throw forbidden('Reserved to the support team', 'SUPPORT_ONLY');
    if (typeof dossierId !== 'string' || !dossierId) throw new Error('inDossier needs a dossier id');
    const acting = new RequestContext(this.app, { ...user, dossierId, profile: null }, this.meta, this.cookies, this[MANAGER]);
    ACTING_FOR.set(acting, reason);
    return acting;
  }

  /** Queues an e-mail in the outbox, in this context's transaction (sent once it commits). */
  mail(message: MailMessage): Promise<void> {
    return this.app.mailer.enqueue(this[MANAGER], message);
  }

  /**
   * Runs `work` in one database transaction (reusing the current one if any);
   * the context handed to `work` carries the transaction's manager.
   */
  async transaction<T>(work: (tx: RequestContext) => Promise<T>): Promise<T> {
    if (this.inTransaction) return work(this);
    return runInTransaction(this.app.dataSource, (em) =>
      // Loaders are not shared with the transaction: theirs must read through its manager.
      work(new RequestContext(this.app, this.principal, this.meta, this.cookies, em)),
    );
  }

  /** Runs `hook` once the current transaction commits (at once outside one): events go out only for what is written. */
  afterCommit(hook: () => void | Promise<void>): void {
    afterCommit(this[MANAGER], hook);
  }

  /** Publishes on the bus after commit. */
  publishAfterCommit(topic: string, payload: object): void {
    const bus = this.app.bus;
    this.afterCommit(() => bus.publish(topic, payload));
  }

  /** A per-request DataLoader (or any memoized helper) built by `factory` on first use. */
  loader<L>(factory: LoaderFactory<L>): L {
    let loader = this.loaderCache.get(factory) as L | undefined;
    if (!loader) {
      loader = factory(this);
      this.loaderCache.set(factory, loader);
    }
    return loader;
  }

  /** A context for another principal (after login or dossier selection), same request. */
  withPrincipal(principal: Principal | null): RequestContext {
    return new RequestContext(this.app, principal, this.meta, this.cookies, this[MANAGER]);
  }

  /**
   * A context with no principal, for the work no request carries: workers (the outbox),
   * one-off commands, the session lookup that precedes the request's principal. It has the
   * doors of any context (`platform`, `query`, `transaction`…); `scoped` needs a dossier and
   * refuses, as for an anonymous request.
   */
  static system(app: AppServices, meta: Partial<RequestMeta> & { requestId: string }): RequestContext {
    return new RequestContext(app, null, { ip: null, userAgent: 'system', ...meta }, new MemoryCookieJar());
  }

  /**
   * The same caller outside any transaction: what goes through it commits on its own, whatever
   * becomes of the current transaction (a counter that a refusal, which rolls the request's
   * transaction back, must not undo: the login throttle).
   */
  detached(): RequestContext {
    return new RequestContext(this.app, this.principal, this.meta, this.cookies, this.app.dataSource.manager);
  }

  /**
   * The rows of a table keyed by its dossier (`dossierId` in its primary key: history chain
   * heads, document counters), confined to the session's dossier like `scoped(...)`.
   */
  dossierRow<T extends DossierKeyed & ObjectLiteral>(entity: EntityTarget<T>, label = 'Record'): DossierKeyedRepository<T> {
    return new DossierKeyedRepository(this[MANAGER], entity, this.dossierId, label);
  }

  /**
   * Turns raw rows of a query builder (`getRawMany`, columns named `<alias>_<column>`) into
   * entities, converted as TypeORM loads them, without its per-row bookkeeping: for list pages
   * (see `entityMapper`). The mapper is built once per entity, alias and `properties` (the
   * columns the query selected, when not all: the rows then hold only those).
   */
  rowMapper<T extends ObjectLiteral>(entity: EntityTarget<T>, alias: string, properties?: readonly string[]): (raw: Record<string, unknown>) => T {
    return entityMapper(this.app.dataSource, entity, alias, properties);
  }

  /** One raw column value (from `query`) converted as TypeORM converts `entity.property` when it loads it. */
  hydrated<T>(entity: EntityTarget<ObjectLiteral>, property: string, value: unknown): T {
    return hydrated<T>(this.app.dataSource, entity, property, value);
  }

  /**
   * Raw SQL whose rows are streamed from a connection of its own (MySQL/MariaDB only), outside
   * this context's transaction, while the context keeps using the pool (a whole export). `before`
   * runs first on that connection (session settings), `after` once the rows are read to their
   * end. The statement follows the rules of `query`: every dossier table compared with the
   * session's dossier (build it with `scoped(...).query(alias)`). Always `close()` it.
   */
  async streamQuery(sql: string, parameters: unknown[], options: { before?: readonly string[]; after?: readonly string[] } = {}): Promise<StreamedRows> {
    if (this.dialect === 'better-sqlite3') throw new Error('streamQuery: SQLite streams no result; read it in pages');
    const runner = this.app.dataSource.createQueryRunner();
    const close = async (readToEnd: boolean) => {
      try {
        if (!readToEnd) (runner as unknown as { databaseConnection?: { destroy(): void } }).databaseConnection?.destroy();
        else for (const statement of options.after ?? []) await runner.query(statement);
      } finally {
        await runner.release();
      }
    };
    try {
      for (const statement of options.before ?? []) await runner.query(statement);
      const rows = (await runner.stream(sql, parameters)) as unknown as Readable;
      return { rows, close };
    } catch (error) {
      await close(false);
      throw error;
    }
  }

  /**
   * Calls `listener` after every transaction of the app's database commits, whichever context
   * ran it (the outbox worker sweeps once an enqueuing transaction commits). Returns the
   * function that stops it.
   */
  onEveryCommit(listener: () => void): () => void {
    const subscribers = this.app.dataSource.subscribers;
    const subscriber: EntitySubscriberInterface = { afterTransactionCommit: listener };
    subscribers.push(subscriber);
    return () => {
      const at = subscribers.indexOf(subscriber);
      if (at >= 0) subscribers.splice(at, 1);
    };
  }
}

/** The rows of `RequestContext.streamQuery`, and how to end it. */
export interface StreamedRows {
  /** The result's rows, in paused (object) mode: read them as fast as you can use them. */
  rows: Readable;
  /**
   * Ends the query and gives its connection back. `readToEnd` false (cancelled, client gone,
   * failure): the rest of the result is still on its way, so the connection is closed instead
   * of being handed back busy; true: the `after` statements run first.
   */
  close(readToEnd: boolean): Promise<void>;
}
