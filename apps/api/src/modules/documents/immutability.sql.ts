import type { TriggerSql } from '../../core/triggers';

/**
 * The database itself refuses to change or delete an issued invoice or credit
 * note (and its lines), whatever the client: the API is not the only guard.
 *
 * After issue, a document row may only move between ISSUED, PARTIALLY_PAID and PAID
 * (an invoice, as payments and credit notes settle it) and bump version /
 * updatedAt / updatedById; its history's facts (`action*`, what `recordHistory` keeps
 * for the export) grow with its entries; every other column is frozen; it cannot be deleted;
 * its lines can be neither inserted, updated nor deleted.
 *
 * One constant per dialect, each a list of statements: the migrations copy them
 * (run each statement in order; no DELIMITER needed, each is sent on its own).
 */

/** Columns an issued document never changes. */
const FROZEN_COLUMNS = [
  'id',
  'dossierId',
  'type',
  'number',
  'numberYear',
  'numberSequence',
  'date',
  'dueDate',
  'partyId',
  'partyName',
  'subject',
  'notes',
  'totalExclVatCents',
  'totalVatCents',
  'totalInclVatCents',
  'vatBreakdown',
  'lineCount',
  'sourceDocumentId',
  'issuedAt',
  'createdAt',
  'createdById',
] as const;

const ISSUED = "OLD.`type` IN ('INVOICE', 'CREDIT_NOTE') AND OLD.`status` <> 'DRAFT'";
const SETTLEMENT = "('ISSUED', 'PARTIALLY_PAID', 'PAID')";
const STATUS_MOVE_REFUSED = `NOT (NEW.\`status\` = OLD.\`status\` OR (OLD.\`type\` = 'INVOICE' AND OLD.\`status\` IN ${SETTLEMENT} AND NEW.\`status\` IN ${SETTLEMENT}))`;
const issuedParent = (ref: 'NEW' | 'OLD') =>
  `EXISTS (SELECT 1 FROM \`documents\` d WHERE d.\`id\` = ${ref}.\`documentId\` AND d.\`type\` IN ('INVOICE', 'CREDIT_NOTE') AND d.\`status\` <> 'DRAFT')`;

const MESSAGE = 'Issued invoices and credit notes are immutable';
const LINES_MESSAGE = 'Lines of an issued invoice or credit note are immutable';

export const IMMUTABILITY_TRIGGER_NAMES = [
  'trg_documents_issued_replace',
  'trg_documents_issued_update',
  'trg_documents_issued_delete',
  'trg_document_lines_issued_insert',
  'trg_document_lines_issued_update',
  'trg_document_lines_issued_delete',
] as const;

const sqliteChanged = FROZEN_COLUMNS.map((c) => `NEW.\`${c}\` IS NOT OLD.\`${c}\``).join(' OR ');

/**
 * SQLite's REPLACE conflict resolution (`INSERT OR REPLACE`, `REPLACE INTO`, an
 * upsert's REPLACE) deletes the conflicting row without firing DELETE triggers
 * unless `recursive_triggers` is on. core/database.ts turns it on for every
 * connection, and these INSERT triggers refuse a row that would replace an issued
 * document (same id, or same number) or a line of one, whatever the pragma says.
 */
const replacesIssued =
  "EXISTS (SELECT 1 FROM `documents` d WHERE (d.`id` = NEW.`id` OR (d.`dossierId` = NEW.`dossierId` AND d.`type` = NEW.`type` AND d.`number` = NEW.`number`)) AND d.`type` IN ('INVOICE', 'CREDIT_NOTE') AND d.`status` <> 'DRAFT')";
const replacesIssuedLine =
  "EXISTS (SELECT 1 FROM `document_lines` l JOIN `documents` d ON d.`id` = l.`documentId` WHERE l.`id` = NEW.`id` AND d.`type` IN ('INVOICE', 'CREDIT_NOTE') AND d.`status` <> 'DRAFT')";

export const IMMUTABILITY_SQL_SQLITE: readonly string[] = [
  `CREATE TRIGGER \`trg_documents_issued_replace\` BEFORE INSERT ON \`documents\` FOR EACH ROW WHEN ${replacesIssued} BEGIN SELECT RAISE(ABORT, '${MESSAGE}'); END`,
  `CREATE TRIGGER \`trg_documents_issued_update\` BEFORE UPDATE ON \`documents\` FOR EACH ROW WHEN ${ISSUED} AND (${STATUS_MOVE_REFUSED} OR ${sqliteChanged}) BEGIN SELECT RAISE(ABORT, '${MESSAGE}'); END`,
  `CREATE TRIGGER \`trg_documents_issued_delete\` BEFORE DELETE ON \`documents\` FOR EACH ROW WHEN ${ISSUED} BEGIN SELECT RAISE(ABORT, '${MESSAGE}'); END`,
  `CREATE TRIGGER \`trg_document_lines_issued_insert\` BEFORE INSERT ON \`document_lines\` FOR EACH ROW WHEN ${issuedParent('NEW')} OR ${replacesIssuedLine} BEGIN SELECT RAISE(ABORT, '${LINES_MESSAGE}'); END`,
  `CREATE TRIGGER \`trg_document_lines_issued_update\` BEFORE UPDATE ON \`document_lines\` FOR EACH ROW WHEN ${issuedParent('OLD')} OR ${issuedParent('NEW')} BEGIN SELECT RAISE(ABORT, '${LINES_MESSAGE}'); END`,
  `CREATE TRIGGER \`trg_document_lines_issued_delete\` BEFORE DELETE ON \`document_lines\` FOR EACH ROW WHEN ${issuedParent('OLD')} BEGIN SELECT RAISE(ABORT, '${LINES_MESSAGE}'); END`,
];

const mysqlChanged = FROZEN_COLUMNS.map((c) => `NOT (NEW.\`${c}\` <=> OLD.\`${c}\`)`).join(' OR ');
const signal = (message: string) => `SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${message}'`;

/** MySQL 8 / MariaDB 10.11+. */
export const IMMUTABILITY_SQL_MYSQL: readonly string[] = [
  `CREATE TRIGGER \`trg_documents_issued_update\` BEFORE UPDATE ON \`documents\` FOR EACH ROW BEGIN IF ${ISSUED} AND (${STATUS_MOVE_REFUSED} OR ${mysqlChanged}) THEN ${signal(MESSAGE)}; END IF; END`,
  `CREATE TRIGGER \`trg_documents_issued_delete\` BEFORE DELETE ON \`documents\` FOR EACH ROW BEGIN IF ${ISSUED} THEN ${signal(MESSAGE)}; END IF; END`,
  `CREATE TRIGGER \`trg_document_lines_issued_insert\` BEFORE INSERT ON \`document_lines\` FOR EACH ROW BEGIN IF ${issuedParent('NEW')} THEN ${signal(LINES_MESSAGE)}; END IF; END`,
  `CREATE TRIGGER \`trg_document_lines_issued_update\` BEFORE UPDATE ON \`document_lines\` FOR EACH ROW BEGIN IF ${issuedParent('OLD')} OR ${issuedParent('NEW')} THEN ${signal(LINES_MESSAGE)}; END IF; END`,
  `CREATE TRIGGER \`trg_document_lines_issued_delete\` BEFORE DELETE ON \`document_lines\` FOR EACH ROW BEGIN IF ${issuedParent('OLD')} THEN ${signal(LINES_MESSAGE)}; END IF; END`,
];

export const IMMUTABILITY_DROP_SQL: readonly string[] = IMMUTABILITY_TRIGGER_NAMES.map((name) => `DROP TRIGGER IF EXISTS \`${name}\``);

/** The documents' triggers, installed by the app (core/triggers.ts) and copied by the migrations. */
export const IMMUTABILITY_TRIGGERS: TriggerSql = { drop: IMMUTABILITY_DROP_SQL, sqlite: IMMUTABILITY_SQL_SQLITE, mysql: IMMUTABILITY_SQL_MYSQL };
