import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { DriverUtils } from 'typeorm/driver/DriverUtils';

type Mapper<T> = (raw: Record<string, unknown>) => T;

const mappers = new WeakMap<DataSource, Map<string, Map<EntityTarget<ObjectLiteral>, Mapper<ObjectLiteral>>>>();

/**
 * Turns the raw rows of a query builder (`getRawMany`, columns named `<alias>_<column>`)
 * into entity instances, each value converted exactly as TypeORM does it
 * (`driver.prepareHydratedValue`: dialect dates, booleans, JSON, transformers).
 * What it skips is TypeORM's per-row bookkeeping for joins and relations (grouping rows
 * by primary key, relation ids and counts) and the entity's constructor (which would
 * draw a fresh id only to overwrite it): for a page of plain rows of one entity, such
 * as a list page, that bookkeeping was most of the cost of reading it.
 */
export function entityMapper<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>, alias: string): Mapper<T> {
  let byAlias = mappers.get(dataSource);
  if (!byAlias) mappers.set(dataSource, (byAlias = new Map()));
  let byEntity = byAlias.get(alias);
  if (!byEntity) byAlias.set(alias, (byEntity = new Map()));
  let mapper = byEntity.get(entity as EntityTarget<ObjectLiteral>) as Mapper<T> | undefined;
  if (!mapper) {
    mapper = buildMapper<T>(dataSource, entity, alias);
    byEntity.set(entity as EntityTarget<ObjectLiteral>, mapper as Mapper<ObjectLiteral>);
  }
  return mapper;
}

function buildMapper<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>, alias: string): Mapper<T> {
  const metadata = dataSource.getMetadata(entity);
  const driver = dataSource.driver;
  if (metadata.embeddeds.length > 0) throw new Error(`entityMapper: ${metadata.name} has embedded columns; use getMany()`);
  const columns: { key: string; property: string; column: ColumnMetadata }[] = metadata.columns
    .filter((c) => !c.isVirtual)
    .map((column) => ({ key: DriverUtils.buildAlias(driver, undefined, alias, column.databaseName), property: column.propertyName, column }));
  const prototype = (metadata.target as { prototype: object }).prototype;
  return (raw) => {
    const row = Object.create(prototype) as Record<string, unknown>;
    for (const { key, property, column } of columns) row[property] = driver.prepareHydratedValue(raw[key], column);
    return row as T;
  };
}

/** One raw column value converted as TypeORM converts `entity.property` when it loads it. */
export function hydrated<T>(dataSource: DataSource, entity: EntityTarget<ObjectLiteral>, property: string, value: unknown): T {
  const column = dataSource.getMetadata(entity).findColumnWithPropertyName(property);
  if (!column) throw new Error(`hydrated: no column ${property}`);
  return dataSource.driver.prepareHydratedValue(value, column) as T;
}
