import type { DeepPartial, EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { notFound } from './errors';

/** A row of a table keyed by its dossier: `dossierId` is its primary key, or part of it (chain heads, document counters). */
export interface DossierKeyed {
  dossierId: string;
}

/** The key of a dossier-keyed row without its dossier: the dossier is always the session's. */
export type KeyedWhere<T> = Omit<FindOptionsWhere<T>, 'dossierId'>;

/**
 * Data access to a table keyed by its dossier, confined to one dossier: every read and
 * write compares `dossierId` with the session's dossier (its primary key, so TypeORM's
 * own load and update by primary key carry it too), and a row of another dossier is
 * refused as a missing one. `ctx.scoped(...)` is for the tables of the scoped base
 * (rows with an `id`); this is for the few keyed by the dossier itself.
 */
export class DossierKeyedRepository<T extends DossierKeyed & ObjectLiteral> {
  /** Never exposed: a raw repository could reach another dossier's row. */
  readonly #repo: Repository<T>;

  constructor(
    em: EntityManager,
    entity: EntityTarget<T>,
    readonly dossierId: string,
    private readonly label: string,
  ) {
    this.#repo = em.getRepository(entity);
    const metadata = this.#repo.metadata;
    if (!metadata.primaryColumns.some((c) => c.propertyName === 'dossierId')) {
      throw new Error(`${metadata.name} is not keyed by its dossier: use ctx.scoped(${metadata.name}) or ctx.platform(${metadata.name})`);
    }
  }

  private key(where?: KeyedWhere<T>): FindOptionsWhere<T> {
    return { ...where, dossierId: this.dossierId } as FindOptionsWhere<T>;
  }

  /** The row of the session's dossier with this (rest of the) key, or null. */
  findOneBy(where?: KeyedWhere<T>): Promise<T | null> {
    return this.#repo.findOneBy(this.key(where));
  }

  /** A new, unsaved row of the session's dossier. */
  create(data: DeepPartial<T>): T {
    const row = this.#repo.create(data);
    this.claim(row);
    return row;
  }

  /** Inserts or updates the row (TypeORM's save: load and write by primary key, which holds the dossier). */
  async save(row: T): Promise<T> {
    this.claim(row);
    return this.#repo.save(row);
  }

  /** Updates rows of the session's dossier only; returns how many changed. */
  async update(where: KeyedWhere<T>, changes: QueryDeepPartialEntity<T>): Promise<number> {
    const result = await this.#repo.update(this.key(where), changes);
    return result.affected ?? 0;
  }

  private claim(row: T): void {
    if (row.dossierId && row.dossierId !== this.dossierId) throw notFound(this.label);
    (row as DossierKeyed).dossierId = this.dossierId;
  }
}
