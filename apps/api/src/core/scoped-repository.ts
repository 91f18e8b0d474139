import type {
  ObjectLiteral,
  EntityManager,
  EntityTarget,
  FindManyOptions,
  FindOneOptions,
  FindOptionsWhere,
  Repository,
  SelectQueryBuilder,
  DeepPartial,
} from 'typeorm';
import { In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { DossierRow } from './entity';
import { verifiedInDossier } from './cross-dossier';
import { notFound } from './errors';

type Where<T> = FindOptionsWhere<T> | FindOptionsWhere<T>[];

/**
 * Data access confined to one dossier. Every query it builds carries
 * `dossierId = <the session's dossier>`, and every row it writes gets that
 * dossier; a row of another dossier is reported exactly as a missing one.
 */
export class ScopedRepository<T extends DossierRow> {
  /** Never exposed: a raw repository could query another dossier. */
  readonly #repo: Repository<T>;

  constructor(
    em: EntityManager,
    entity: EntityTarget<T>,
    readonly dossierId: string,
    private readonly label: string,
  ) {
    this.#repo = em.getRepository(entity);
  }

  private scope(where?: Where<T>): Where<T> {
    const own = { dossierId: this.dossierId } as FindOptionsWhere<T>;
    if (!where) return own;
    if (Array.isArray(where)) return where.map((w) => ({ ...w, ...own }));
    return { ...where, ...own };
  }

  find(options: FindManyOptions<T> = {}): Promise<T[]> {
    return this.#repo.find({ ...options, where: this.scope(options.where as Where<T> | undefined) });
  }

  findOneBy(where: FindOptionsWhere<T>): Promise<T | null> {
    return this.#repo.findOneBy(this.scope(where));
  }

  count(where?: Where<T>): Promise<number> {
    return this.#repo.countBy(this.scope(where));
  }

  /** The row with this id in the session's dossier, or NOT_FOUND. */
  async get(id: string, options: { lock?: boolean } = {}): Promise<T> {
    const row = await this.#repo.findOne({
      where: this.scope({ id } as FindOptionsWhere<T>),
      ...(options.lock && this.#repo.manager.connection.options.type !== 'better-sqlite3'
        ? { lock: { mode: 'pessimistic_write' as const } }
        : {}),
    });
    if (!row) throw notFound(this.label, id);
    return row;
  }

  /** Rows for these ids, in the session's dossier only (others silently absent). */
  findByIds(ids: readonly string[]): Promise<T[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.#repo.findBy(this.scope({ id: In([...ids]) } as FindOptionsWhere<T>));
  }

  /** A new, unsaved entity of this dossier. */
  create(data: DeepPartial<T>): T {
    const entity = this.#repo.create(data);
    entity.dossierId = this.dossierId;
    return entity;
  }

  async save(entity: T): Promise<T> {
    await this.saveMany([entity]);
    return entity;
  }

  /**
   * Inserts the new rows and updates the ones already in this dossier. TypeORM's own `save`
   * would first load the rows by primary key alone, and update by primary key alone, so a
   * row of another dossier with that id would be overwritten: here the dossier's rows are
   * found by a scoped query, every other row is INSERTed (a duplicate key, never a
   * takeover), and only verified rows go through TypeORM's update path.
   */
  async saveMany(entities: T[]): Promise<T[]> {
    for (const entity of entities) this.claim(entity);
    if (entities.length === 0) return entities;
    const ids = entities.map((e) => e.id);
    const stored = new Set(
      (await this.#repo.find({ select: { id: true } as never, where: { id: In(ids), dossierId: this.dossierId } as FindOptionsWhere<T> })).map((r) => r.id),
    );
    const fresh = entities.filter((e) => !stored.has(e.id));
    const known = entities.filter((e) => stored.has(e.id));
    if (fresh.length > 0) await this.#repo.insert(fresh as QueryDeepPartialEntity<T>[]);
    if (known.length > 0) await verifiedInDossier(() => this.#repo.save(known));
    return entities;
  }

  /** Deletes rows of this dossier only; returns how many went. */
  async delete(where: FindOptionsWhere<T>): Promise<number> {
    const result = await this.#repo.delete(this.scope(where) as FindOptionsWhere<T>);
    return result.affected ?? 0;
  }

  findOne(options: FindOneOptions<T>): Promise<T | null> {
    return this.#repo.findOne({ ...options, where: this.scope(options.where as Where<T> | undefined) });
  }

  /** Inserts rows of this dossier (no read-back, unlike `save`). */
  async insert(entities: T | T[]): Promise<void> {
    const rows = Array.isArray(entities) ? entities : [entities];
    for (const entity of rows) this.claim(entity);
    if (rows.length > 0) await this.#repo.insert(rows as QueryDeepPartialEntity<T>[]);
  }

  /** Updates rows of this dossier only; returns how many changed. */
  async update(where: FindOptionsWhere<T>, changes: QueryDeepPartialEntity<T>): Promise<number> {
    const result = await this.#repo.update(this.scope(where) as FindOptionsWhere<T>, changes);
    return result.affected ?? 0;
  }

  private claim(entity: T): void {
    if (entity.dossierId && entity.dossierId !== this.dossierId) throw notFound(this.label, entity.id);
    entity.dossierId = this.dossierId;
  }

  /**
   * A query builder restricted to this dossier that cannot lose the restriction:
   * `where()` / `whereInIds()` are ANDed with the dossier condition instead of
   * replacing it, and `orWhere()` (which would escape it by precedence) and
   * re-binding the scope parameter throw. Nest alternatives in `andWhere(new Brackets(…))`.
   */
  query(alias: string): SelectQueryBuilder<T> {
    return scopeQueryBuilder(this.#repo.createQueryBuilder(alias), alias, this.dossierId);
  }
}

const SCOPE_PARAM = 'scopeDossierId';

/** Makes `qb` keep `alias.dossierId = dossierId` whatever conditions are added later. */
export function scopeQueryBuilder<T extends object>(qb: SelectQueryBuilder<T>, alias: string, dossierId: string): SelectQueryBuilder<T> {
  qb.where(`${alias}.dossierId = :${SCOPE_PARAM}`, { [SCOPE_PARAM]: dossierId });
  const andWhere = qb.andWhere.bind(qb);
  const andWhereInIds = qb.andWhereInIds.bind(qb);
  const setParameter = qb.setParameter.bind(qb);
  const setParameters = qb.setParameters.bind(qb);
  const refuse = (what: string) => () => {
    throw new Error(`${what} on a dossier-scoped query would escape the dossier condition; use andWhere(new Brackets(...))`);
  };
  const guard = (key: string, value: unknown) => {
    if (key === SCOPE_PARAM && value !== dossierId) throw new Error(`The dossier scope parameter of a scoped query cannot be re-bound`);
  };
  Object.assign(qb, {
    where: andWhere,
    whereInIds: andWhereInIds,
    orWhere: refuse('orWhere'),
    orWhereInIds: refuse('orWhereInIds'),
    setParameter: (key: string, value: unknown) => {
      guard(key, value);
      return setParameter(key, value);
    },
    setParameters: (parameters: Record<string, unknown>) => {
      for (const [key, value] of Object.entries(parameters)) guard(key, value);
      return setParameters(parameters);
    },
  });
  return qb;
}

/** SQL with `?` placeholders, and where each placeholder's value comes from (`spread`: one per element). */
interface BuiltSql {
  sql: string;
  slots: { key: string; spread: boolean }[];
}

/**
 * What decides the SQL text of a select query builder: its aliases, selections, joins,
 * conditions (strings, or the clauses of `Brackets`), order, grouping, limits and locks,
 * and for each parameter whether it is a list (and its length, which `:...list` spreads).
 * Null when a part cannot be told by value (a parameter that is a function of SQL, relation
 * ids or counts, common table expressions): that query is built by TypeORM each time.
 */
function shapeOf(qb: SelectQueryBuilder<ObjectLiteral>): string | null {
  const m = qb.expressionMap;
  if (m.relationIdAttributes.length > 0 || m.commonTableExpressions.length > 0) return null;
  const parameters: unknown[] = [];
  for (const [key, value] of Object.entries(qb.getParameters())) {
    if (typeof value === 'function') return null;
    parameters.push(key, Array.isArray(value) ? value.length : -1);
  }
  const alias = (a: { name: string; type: string; tablePath?: string; subQuery?: string; hasMetadata: boolean; metadata: { tableName: string } }) => [
    a.name,
    a.type,
    a.tablePath ?? null,
    a.subQuery ?? null,
    a.hasMetadata ? a.metadata.tableName : null,
  ];
  return JSON.stringify([
    m.queryType,
    m.aliases.map(alias),
    m.mainAlias ? m.mainAlias.name : null,
    m.selects,
    m.selectDistinct,
    m.selectDistinctOn,
    m.joinAttributes.map((j) => [j.direction, j.alias.name, typeof j.entityOrProperty === 'string' ? j.entityOrProperty : alias(j.alias), j.condition ?? null, j.mapToProperty ?? null]),
    m.wheres,
    m.havings,
    m.orderBys,
    m.groupBys,
    [m.limit, m.offset, m.take, m.skip],
    [m.lockMode, m.lockVersion instanceof Date ? m.lockVersion.getTime() : m.lockVersion, m.lockTables, m.onLocked],
    [m.withDeleted, m.subQuery, m.aliasNamePrefixingEnabled, m.disableEscaping, m.comment, m.useIndex, m.maxExecutionTime, m.timeTravel],
    m.extraAppendedAndWhereCondition,
    parameters,
  ]);
}

/** Under the tests every reuse is compared with TypeORM's fresh build; read once, not per request (process.env is a slow lookup). */
const CHECKED_AGAINST_TYPEORM = process.env.NODE_ENV === 'test';

/** Where TypeORM's MySQL driver puts a parameter's value (`:name`, or `:...list` spread). */
const PARAMETER = /:(\.\.\.)?([A-Za-z0-9_.]+)/g;

/**
 * The SQL of a page's query builders, built by TypeORM once per shape (`shapeOf`) and then
 * reused with each request's parameters: building the text (aliases replaced by column
 * names, every column of the entity listed, parameters located) cost more than reading the
 * rows it returns. One per call site, so what the code there sets the same way every time
 * never varies under one shape. The text is TypeORM's own, so it keeps the dossier condition
 * of `scopeQueryBuilder`; under the tests each use is checked against TypeORM's build.
 * MySQL/MariaDB only (SQLite's driver writes some values into the text): built each time on SQLite.
 */
export class SqlByShape {
  readonly #built = new Map<string, BuiltSql>();

  /** `qb.getQueryAndParameters()`, from the SQL built for this shape. */
  sqlAndParameters(qb: SelectQueryBuilder<ObjectLiteral>): [string, unknown[]] {
    // SQLite's driver writes numbers into the text and converts dates and booleans: built each time there.
    const type = qb.connection.options.type;
    const shape = type === 'mysql' || type === 'mariadb' ? shapeOf(qb) : null;
    if (shape === null) return qb.getQueryAndParameters();
    let built = this.#built.get(shape);
    if (!built) {
      built = this.build(qb);
      // A bound on the shapes kept: filters combine in a few hundred ways at most.
      if (this.#built.size >= 500) this.#built.clear();
      this.#built.set(shape, built);
    }
    const parameters = qb.getParameters();
    const values: unknown[] = [];
    for (const { key, spread } of built.slots) {
      const value = parameters[key];
      if (spread) values.push(...(value as unknown[]));
      else values.push(value);
    }
    if (CHECKED_AGAINST_TYPEORM) {
      const [sql, expected] = qb.getQueryAndParameters();
      if (sql !== built.sql || JSON.stringify(expected) !== JSON.stringify(values)) {
        throw new Error(`SqlByShape: the SQL kept for this shape is not TypeORM's:\n${built.sql}\n${sql}`);
      }
    }
    return [built.sql, values];
  }

  /** Mirrors the MySQL driver's escapeQueryWithParameters, remembering which parameter each `?` takes. */
  private build(qb: SelectQueryBuilder<ObjectLiteral>): BuiltSql {
    const parameters = qb.getParameters();
    const slots: BuiltSql['slots'] = [];
    const hasAny = Object.keys(parameters).length > 0;
    const sql = hasAny
      ? qb.getQuery().replaceAll(PARAMETER, (full, spread: string | undefined, key: string) => {
          if (!Object.prototype.hasOwnProperty.call(parameters, key)) return full;
          if (spread) {
            slots.push({ key, spread: true });
            return (parameters[key] as unknown[]).map(() => '?').join(', ');
          }
          slots.push({ key, spread: false });
          return '?';
        })
      : qb.getQuery();
    return { sql, slots };
  }
}
