import type { DataSource } from 'typeorm';
import { installTriggers, type TriggerSql } from '../core/triggers';
import { IMMUTABILITY_TRIGGERS } from '../modules/documents/immutability.sql';
import { ACCOUNTING_TRIGGERS } from '../modules/accounting/immutability.sql';
import { SEARCH_TERMS_BINARY } from '../modules/documents/document-search';

/** Every feature's triggers (and column collations), in install order (the migrations carry the same SQL). */
export const DATABASE_TRIGGERS: readonly TriggerSql[] = [IMMUTABILITY_TRIGGERS, ACCOUNTING_TRIGGERS, SEARCH_TERMS_BINARY];

/** Installs (or reinstalls) every trigger on a schema built without the migrations (synchronize). */
export function installDatabaseTriggers(dataSource: DataSource): Promise<void> {
  return installTriggers(dataSource, DATABASE_TRIGGERS);
}
