// The data source of the app: core's options with every module's entities.
import type { DataSource, DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../core/config';
import { dataSourceOptions as coreOptions, openDataSource as coreOpen, type DataSourceExtras } from '../core/database';
import { ALL_ENTITIES } from './entities';

export { dialectOf, migrationsGlob, type Dialect } from '../core/database';

export function dataSourceOptions(db: DatabaseConfig, extras: DataSourceExtras = {}): DataSourceOptions {
  return coreOptions(db, { entities: ALL_ENTITIES, ...extras });
}

export function openDataSource(db: DatabaseConfig, extras: DataSourceExtras = {}): Promise<DataSource> {
  return coreOpen(db, { entities: ALL_ENTITIES, ...extras });
}
