import type {
  EntityManager,
  EntityTarget,
  FindManyOptions,
  FindOptionsWhere,
  Repository,
  SelectQueryBuilder,
  DeepPartial,
} from 'typeorm';
import { In } from 'typeorm';
import type { DossierOwned } from './entity';
import { notFound } from './errors';

type Where<T> = FindOptionsWhere<T> | FindOptionsWhere<T>[];

/**
 * Data access confined to one dossier. Every query it builds carries
 * `dossierId = <the session's dossier>`, and every row it writes gets that
 * dossier; a row of another dossier is reported exactly as a missing one.
 */
export class ScopedRepository<T extends DossierOwned> {
  readonly repo: Repository<T>;

  constructor(
    em: EntityManager,
    entity: EntityTarget<T>,
    readonly dossierId: string,
    private readonly label: string,
  ) {
    this.repo = em.getRepository(entity);
  }

  private scope(where?: Where<T>): Where<T> {
    const own = { dossierId: this.dossierId } as FindOptionsWhere<T>;
    if (!where) return own;
    if (Array.isArray(where)) return where.map((w) => ({ ...w, ...own }));
    return { ...where, ...own };
  }

  find(options: FindManyOptions<T> = {}): Promise<T[]> {
    return this.repo.find({ ...options, where: this.scope(options.where as Where<T> | undefined) });
  }

  findOneBy(where: FindOptionsWhere<T>): Promise<T | null> {
    return this.repo.findOneBy(this.scope(where));
  }

  count(where?: Where<T>): Promise<number> {
    return this.repo.countBy(this.scope(where));
  }

  /** The row with this id in the session's dossier, or NOT_FOUND. */
  async get(id: string, options: { lock?: boolean } = {}): Promise<T> {
    const row = await this.repo.findOne({
      where: this.scope({ id } as FindOptionsWhere<T>),
      ...(options.lock && this.repo.manager.connection.options.type !== 'better-sqlite3'
        ? { lock: { mode: 'pessimistic_write' as const } }
        : {}),
    });
    if (!row) throw notFound(this.label, id);
    return row;
  }

  /** Rows for these ids, in the session's dossier only (others silently absent). */
  findByIds(ids: readonly string[]): Promise<T[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.repo.findBy(this.scope({ id: In([...ids]) } as FindOptionsWhere<T>));
  }

  /** A new, unsaved entity of this dossier. */
  create(data: DeepPartial<T>): T {
    const entity = this.repo.create(data);
    entity.dossierId = this.dossierId;
    return entity;
  }

  save(entity: T): Promise<T> {
    if (entity.dossierId && entity.dossierId !== this.dossierId) throw notFound(this.label, entity.id);
    entity.dossierId = this.dossierId;
    return this.repo.save(entity);
  }

  async saveMany(entities: T[]): Promise<T[]> {
    for (const entity of entities) {
      if (entity.dossierId && entity.dossierId !== this.dossierId) throw notFound(this.label, entity.id);
      entity.dossierId = this.dossierId;
    }
    return this.repo.save(entities);
  }

  /** Deletes rows of this dossier only; returns how many went. */
  async delete(where: FindOptionsWhere<T>): Promise<number> {
    const result = await this.repo.delete(this.scope(where) as FindOptionsWhere<T>);
    return result.affected ?? 0;
  }

  /** A query builder already restricted to this dossier; add conditions with `andWhere`. */
  query(alias: string): SelectQueryBuilder<T> {
    return this.repo.createQueryBuilder(alias).where(`${alias}.dossierId = :scopeDossierId`, {
      scopeDossierId: this.dossierId,
    });
  }
}
