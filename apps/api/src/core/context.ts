import type { DataSource, EntityManager, EntityTarget } from 'typeorm';
import type { PlatformRole, Profile } from '@comptoir/schema';
import type { AppConfig } from './config';
import type { CookieJar } from './cookies';
import type { DossierScoped } from './entity';
import { dossierNotSelected, unauthenticated } from './errors';
import type { Logger } from './logger';
import type { AppKeys } from './keys';
import type { Mailer, OutboxWorker } from './mail';
import { ScopedRepository } from './scoped-repository';
import { afterCommit, runInTransaction } from './transaction';
import type { EventBus } from './bus';
import type { JobQueue } from './jobs';

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
 * Built once per request and passed first to every service method, so the dossier
 * scope and the transaction travel together and cannot be forgotten.
 */
export class RequestContext {
  private readonly loaderCache: Map<LoaderFactory<unknown>, unknown>;

  constructor(
    readonly app: AppServices,
    readonly principal: Principal | null,
    readonly meta: RequestMeta,
    readonly cookies: CookieJar,
    /** The transaction's manager inside `transaction()`, the data source's otherwise. */
    readonly em: EntityManager = app.dataSource.manager,
    loaderCache?: Map<LoaderFactory<unknown>, unknown>,
  ) {
    this.loaderCache = loaderCache ?? new Map();
  }

  get inTransaction(): boolean {
    return this.em.queryRunner?.isTransactionActive ?? false;
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
    return this.app.logger.child({ reqId: this.meta.requestId, ...who });
  }

  /** Data access confined to the session's dossier. */
  scoped<T extends DossierScoped>(entity: EntityTarget<T>, label = 'Record'): ScopedRepository<T> {
    return new ScopedRepository(this.em, entity, this.dossierId, label);
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
    afterCommit(this.em, hook);
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
    return new RequestContext(this.app, principal, this.meta, this.cookies, this.em);
  }
}
