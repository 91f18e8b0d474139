import { QueryFailedError, type DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { DriverUtils } from 'typeorm/driver/DriverUtils';

type Mapper<T> = (raw: Record<string, unknown>) => T;

/** Per data source: per entity, the mappers built, by alias and properties (`d:*`, `d:id,type,…`). */
const mappers = new WeakMap<DataSource, Map<EntityTarget<ObjectLiteral>, Map<string, Mapper<ObjectLiteral>>>>();

/**
 * Turns the raw rows of a query builder (`getRawMany`, columns named `<alias>_<column>`)
 * into entity instances, each value converted exactly as TypeORM does it
 * (`driver.prepareHydratedValue`: dialect dates, booleans, JSON, transformers).
 * What it skips is TypeORM's per-row bookkeeping for joins and relations (grouping rows
 * by primary key, relation ids and counts) and the entity's constructor (which would
 * draw a fresh id only to overwrite it): for a page of plain rows of one entity, such
 * as a list page, that bookkeeping was most of the cost of reading it.
 *
 * `properties`: the query selected only these columns (`qb.select(['d.id', …])`); the
 * instances then hold only those properties — a partial row, for a caller that knows
 * which properties its readers use (a list page reading what its GraphQL selection shows).
 */
export function entityMapper<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>, alias: string, properties?: readonly string[]): Mapper<T> {
  let byEntity = mappers.get(dataSource);
  if (!byEntity) mappers.set(dataSource, (byEntity = new Map()));
  let byKey = byEntity.get(entity as EntityTarget<ObjectLiteral>);
  if (!byKey) byEntity.set(entity as EntityTarget<ObjectLiteral>, (byKey = new Map()));
  const key = properties ? `${alias}:${properties.join(',')}` : `${alias}:*`;
  let mapper = byKey.get(key) as Mapper<T> | undefined;
  if (!mapper) {
    mapper = buildMapper<T>(dataSource, entity, alias, properties);
    // A bound on the mappers kept: a client choosing its fields chooses the set of properties,
    // and could otherwise make one function per combination.
    if (byKey.size >= 256) byKey.clear();
    byKey.set(key, mapper as Mapper<ObjectLiteral>);
  }
  return mapper;
}

/**
 * Column types that MySQL's `prepareHydratedValue` hands back as read (it converts booleans,
 * dates, times, JSON, arrays, enums and `Number`-typed columns); for them the mapper copies the
 * value, or only applies the column's transformer, as `prepareHydratedValue` would.
 */
const MYSQL_AS_READ = new Set(['varchar', 'char', 'text', 'tinytext', 'mediumtext', 'longtext', 'int', 'integer', 'tinyint', 'smallint', 'mediumint', 'bigint', 'decimal', 'numeric', 'float', 'double']);

function buildMapper<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>, alias: string, properties?: readonly string[]): Mapper<T> {
  const metadata = dataSource.getMetadata(entity);
  const driver = dataSource.driver;
  if (metadata.embeddeds.length > 0) throw new Error(`entityMapper: ${metadata.name} has embedded columns; use getMany()`);
  const mysql = dataSource.options.type === 'mysql' || dataSource.options.type === 'mariadb';
  if (properties) {
    const unknown = properties.find((p) => !metadata.findColumnWithPropertyName(p));
    if (unknown) throw new Error(`entityMapper: ${metadata.name} has no column ${unknown}`);
  }
  // Whole rows: the columns a whole-row query selects (not those marked `select: false`).
  const columns = metadata.columns.filter((c) => !c.isVirtual && (properties ? properties.includes(c.propertyName) : c.isSelect));
  // A function per entity and alias with the property names written out: V8 then stores
  // and loads them as named properties (one hidden class per entity) instead of going
  // through the keyed, megamorphic path of a loop over the columns.
  const lines = columns.map((column, i) => {
    const value = `raw[${JSON.stringify(DriverUtils.buildAlias(driver, undefined, alias, column.databaseName))}]`;
    const transformer = column.transformer;
    let converted: string;
    if (mysql && typeof column.type === 'string' && MYSQL_AS_READ.has(column.type) && (!transformer || !Array.isArray(transformer))) {
      converted = transformer ? `columns[${i}].transformer.from(${value})` : value;
    } else {
      converted = `driver.prepareHydratedValue(${value}, columns[${i}])`;
    }
    return `row[${JSON.stringify(column.propertyName)}] = ${converted};`;
  });
  const prototype = (metadata.target as { prototype: object }).prototype;
  // Generated from the entity's own metadata, once per entity, alias and set of properties.
  const make = new Function('prototype', 'driver', 'columns', `return function map(raw) {\n  const row = Object.create(prototype);\n  ${lines.join('\n  ')}\n  return row;\n};`) as (
    prototype: object,
    driver: DataSource['driver'],
    columns: typeof metadata.columns,
  ) => Mapper<T>;
  return make(prototype, driver, columns);
}

/** One raw column value converted as TypeORM converts `entity.property` when it loads it. */
export function hydrated<T>(dataSource: DataSource, entity: EntityTarget<ObjectLiteral>, property: string, value: unknown): T {
  const column = dataSource.getMetadata(entity).findColumnWithPropertyName(property);
  if (!column) throw new Error(`hydrated: no column ${property}`);
  return dataSource.driver.prepareHydratedValue(value, column) as T;
}

/** The little of mysql2's pool and connections used here. */
interface PoolConnection {
  query(sql: string, parameters: unknown[] | undefined, done: (error: Error | null, rows?: unknown) => void): void;
  release(): void;
}
interface MysqlDriverPart {
  pool?: { getConnection(done: (error: Error | null, connection: PoolConnection) => void): void };
  poolCluster?: unknown;
  options: { maxQueryExecutionTime?: number; enableQueryTimeout?: boolean };
  prepareDbConnection(connection: PoolConnection): PoolConnection;
}

type PoolQuery = (sql: string, parameters?: unknown[]) => Promise<unknown>;
const poolQueries = new WeakMap<DataSource, PoolQuery | null>();

/**
 * A statement outside any transaction, on MySQL/MariaDB, straight on a connection of TypeORM's
 * pool: what TypeORM's `query` does there (the logger sees the statement first, the connection
 * gets the driver's error handler, a failure is a `QueryFailedError`, the connection goes back
 * to the pool once the result is read), without its query runner, broadcaster and mysql2's
 * promise wrapper (an object and a captured stack trace per statement). Null on another
 * driver, on a replicated pool, or with query time limits: use TypeORM's. Each call falls back
 * to TypeORM's while a subscriber listens to queries (`beforeQuery` / `afterQuery`).
 */
export function poolQuery(dataSource: DataSource): PoolQuery | null {
  let query = poolQueries.get(dataSource);
  if (query === undefined) {
    query = buildPoolQuery(dataSource);
    poolQueries.set(dataSource, query);
  }
  return query;
}

function buildPoolQuery(dataSource: DataSource): PoolQuery | null {
  const type = dataSource.options.type;
  const driver = dataSource.driver as unknown as MysqlDriverPart;
  if ((type !== 'mysql' && type !== 'mariadb') || !driver.pool || driver.poolCluster) return null;
  if (driver.options.maxQueryExecutionTime || driver.options.enableQueryTimeout) return null;
  const pool = driver.pool;
  const listensToQueries = () => dataSource.subscribers.some((s) => s.beforeQuery || s.afterQuery);
  return (sql, parameters) => {
    if (listensToQueries()) return dataSource.query(sql, parameters);
    return new Promise((resolve, reject) => {
      pool.getConnection((connectError, connection) => {
        if (connectError) return reject(connectError);
        driver.prepareDbConnection(connection);
        dataSource.logger.logQuery(sql, parameters);
        connection.query(sql, parameters, (error, rows) => {
          connection.release();
          if (!error) return resolve(rows);
          dataSource.logger.logQueryError(error, sql, parameters);
          reject(new QueryFailedError(sql, parameters, error));
        });
      });
    });
  };
}
