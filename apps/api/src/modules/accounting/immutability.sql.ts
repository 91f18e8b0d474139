import type { TriggerSql } from '../../core/triggers';

/**
 * The database refuses to change or delete an accounting entry or its lines, and
 * any change to a collected batch (or deleting a batch): entries are append-only
 * like issued documents, whatever the client. One list of statements per dialect;
 * the migrations copy them as text (scripts/write-trigger-migrations.ts).
 */
const ENTRY_MESSAGE = 'Accounting entries are immutable';
const BATCH_MESSAGE = 'A collected accounting batch is immutable';

export const ACCOUNTING_TRIGGER_NAMES = [
  'trg_accounting_entries_replace',
  'trg_accounting_entries_update',
  'trg_accounting_entries_delete',
  'trg_accounting_entry_lines_replace',
  'trg_accounting_entry_lines_update',
  'trg_accounting_entry_lines_delete',
  'trg_accounting_batches_update',
  'trg_accounting_batches_delete',
] as const;

const COLLECTED = "OLD.`status` = 'COLLECTED'";
const raise = (message: string) => `BEGIN SELECT RAISE(ABORT, '${message}'); END`;
const signal = (message: string) => `SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${message}'`;

export const ACCOUNTING_IMMUTABILITY_SQL_SQLITE: readonly string[] = [
  `CREATE TRIGGER \`trg_accounting_entries_replace\` BEFORE INSERT ON \`accounting_entries\` FOR EACH ROW WHEN EXISTS (SELECT 1 FROM \`accounting_entries\` e WHERE e.\`id\` = NEW.\`id\` OR (e.\`dossierId\` = NEW.\`dossierId\` AND e.\`journalCode\` = NEW.\`journalCode\` AND e.\`number\` = NEW.\`number\`)) ${raise(ENTRY_MESSAGE)}`,
  `CREATE TRIGGER \`trg_accounting_entries_update\` BEFORE UPDATE ON \`accounting_entries\` FOR EACH ROW ${raise(ENTRY_MESSAGE)}`,
  `CREATE TRIGGER \`trg_accounting_entries_delete\` BEFORE DELETE ON \`accounting_entries\` FOR EACH ROW ${raise(ENTRY_MESSAGE)}`,
  `CREATE TRIGGER \`trg_accounting_entry_lines_replace\` BEFORE INSERT ON \`accounting_entry_lines\` FOR EACH ROW WHEN EXISTS (SELECT 1 FROM \`accounting_entry_lines\` l WHERE l.\`id\` = NEW.\`id\`) ${raise(ENTRY_MESSAGE)}`,
  `CREATE TRIGGER \`trg_accounting_entry_lines_update\` BEFORE UPDATE ON \`accounting_entry_lines\` FOR EACH ROW ${raise(ENTRY_MESSAGE)}`,
  `CREATE TRIGGER \`trg_accounting_entry_lines_delete\` BEFORE DELETE ON \`accounting_entry_lines\` FOR EACH ROW ${raise(ENTRY_MESSAGE)}`,
  `CREATE TRIGGER \`trg_accounting_batches_update\` BEFORE UPDATE ON \`accounting_batches\` FOR EACH ROW WHEN ${COLLECTED} ${raise(BATCH_MESSAGE)}`,
  `CREATE TRIGGER \`trg_accounting_batches_delete\` BEFORE DELETE ON \`accounting_batches\` FOR EACH ROW ${raise(BATCH_MESSAGE)}`,
];

/** MySQL 8 / MariaDB 10.11+ (their REPLACE fires the DELETE trigger: no replace trigger needed). */
export const ACCOUNTING_IMMUTABILITY_SQL_MYSQL: readonly string[] = [
  `CREATE TRIGGER \`trg_accounting_entries_update\` BEFORE UPDATE ON \`accounting_entries\` FOR EACH ROW BEGIN ${signal(ENTRY_MESSAGE)}; END`,
  `CREATE TRIGGER \`trg_accounting_entries_delete\` BEFORE DELETE ON \`accounting_entries\` FOR EACH ROW BEGIN ${signal(ENTRY_MESSAGE)}; END`,
  `CREATE TRIGGER \`trg_accounting_entry_lines_update\` BEFORE UPDATE ON \`accounting_entry_lines\` FOR EACH ROW BEGIN ${signal(ENTRY_MESSAGE)}; END`,
  `CREATE TRIGGER \`trg_accounting_entry_lines_delete\` BEFORE DELETE ON \`accounting_entry_lines\` FOR EACH ROW BEGIN ${signal(ENTRY_MESSAGE)}; END`,
  `CREATE TRIGGER \`trg_accounting_batches_update\` BEFORE UPDATE ON \`accounting_batches\` FOR EACH ROW BEGIN IF ${COLLECTED} THEN ${signal(BATCH_MESSAGE)}; END IF; END`,
  `CREATE TRIGGER \`trg_accounting_batches_delete\` BEFORE DELETE ON \`accounting_batches\` FOR EACH ROW BEGIN ${signal(BATCH_MESSAGE)}; END`,
];

/** Trigger names on this dialect. */
export function accountingTriggerNames(sqlite: boolean): string[] {
  return ACCOUNTING_TRIGGER_NAMES.filter((name) => sqlite || !name.endsWith('_replace'));
}

export const ACCOUNTING_IMMUTABILITY_DROP_SQL: readonly string[] = ACCOUNTING_TRIGGER_NAMES.map((name) => `DROP TRIGGER IF EXISTS \`${name}\``);

/** The accounting triggers, installed by the app (core/triggers.ts) and copied by the migrations. */
export const ACCOUNTING_TRIGGERS: TriggerSql = {
  drop: ACCOUNTING_IMMUTABILITY_DROP_SQL,
  sqlite: ACCOUNTING_IMMUTABILITY_SQL_SQLITE,
  mysql: ACCOUNTING_IMMUTABILITY_SQL_MYSQL,
};
