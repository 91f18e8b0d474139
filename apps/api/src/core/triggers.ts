import type { DataSource } from 'typeorm';

/**
 * What a feature asks the database to enforce by itself (triggers; or a column's collation,
 * which an entity cannot give for one dialect only), as SQL text per dialect:
 * the feature declares it, the app installs it (`installTriggers`, for schemas built by
 * synchronize) and the migrations copy the same text (scripts/write-trigger-migrations.ts).
 * Modules never run DDL themselves.
 */
export interface TriggerSql {
  /** Drops every trigger of the set (IF EXISTS): installing again replaces them. */
  drop: readonly string[];
  sqlite: readonly string[];
  /** MySQL and MariaDB. */
  mysql: readonly string[];
}

/** Installs (or reinstalls) each set's triggers, in order: its drops, then its statements for the data source's dialect. */
export async function installTriggers(dataSource: DataSource, sets: readonly TriggerSql[]): Promise<void> {
  const sqlite = dataSource.options.type === 'better-sqlite3';
  for (const set of sets) {
    for (const sql of [...set.drop, ...(sqlite ? set.sqlite : set.mysql)]) await dataSource.query(sql);
  }
}
