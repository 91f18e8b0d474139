import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The database refuses to change or delete an issued invoice or credit note, or its lines. */
export class DocumentImmutability1796343724514 implements MigrationInterface {
  name = 'DocumentImmutability1796343724514';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TRIGGER \`trg_documents_issued_update\` BEFORE UPDATE ON \`documents\` FOR EACH ROW BEGIN IF OLD.\`type\` IN ('INVOICE', 'CREDIT_NOTE') AND OLD.\`status\` <> 'DRAFT' AND (NOT (NEW.\`status\` = OLD.\`status\` OR (OLD.\`type\` = 'INVOICE' AND OLD.\`status\` IN ('ISSUED', 'PARTIALLY_PAID', 'PAID') AND NEW.\`status\` IN ('ISSUED', 'PARTIALLY_PAID', 'PAID'))) OR NOT (NEW.\`id\` <=> OLD.\`id\`) OR NOT (NEW.\`dossierId\` <=> OLD.\`dossierId\`) OR NOT (NEW.\`type\` <=> OLD.\`type\`) OR NOT (NEW.\`number\` <=> OLD.\`number\`) OR NOT (NEW.\`numberYear\` <=> OLD.\`numberYear\`) OR NOT (NEW.\`numberSequence\` <=> OLD.\`numberSequence\`) OR NOT (NEW.\`date\` <=> OLD.\`date\`) OR NOT (NEW.\`dueDate\` <=> OLD.\`dueDate\`) OR NOT (NEW.\`partyId\` <=> OLD.\`partyId\`) OR NOT (NEW.\`partyName\` <=> OLD.\`partyName\`) OR NOT (NEW.\`subject\` <=> OLD.\`subject\`) OR NOT (NEW.\`notes\` <=> OLD.\`notes\`) OR NOT (NEW.\`totalExclVatCents\` <=> OLD.\`totalExclVatCents\`) OR NOT (NEW.\`totalVatCents\` <=> OLD.\`totalVatCents\`) OR NOT (NEW.\`totalInclVatCents\` <=> OLD.\`totalInclVatCents\`) OR NOT (NEW.\`vatBreakdown\` <=> OLD.\`vatBreakdown\`) OR NOT (NEW.\`lineCount\` <=> OLD.\`lineCount\`) OR NOT (NEW.\`sourceDocumentId\` <=> OLD.\`sourceDocumentId\`) OR NOT (NEW.\`issuedAt\` <=> OLD.\`issuedAt\`) OR NOT (NEW.\`createdAt\` <=> OLD.\`createdAt\`) OR NOT (NEW.\`createdById\` <=> OLD.\`createdById\`)) THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'Issued invoices and credit notes are immutable'; END IF; END`);
    await queryRunner.query(`CREATE TRIGGER \`trg_documents_issued_delete\` BEFORE DELETE ON \`documents\` FOR EACH ROW BEGIN IF OLD.\`type\` IN ('INVOICE', 'CREDIT_NOTE') AND OLD.\`status\` <> 'DRAFT' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'Issued invoices and credit notes are immutable'; END IF; END`);
    await queryRunner.query(`CREATE TRIGGER \`trg_document_lines_issued_insert\` BEFORE INSERT ON \`document_lines\` FOR EACH ROW BEGIN IF EXISTS (SELECT 1 FROM \`documents\` d WHERE d.\`id\` = NEW.\`documentId\` AND d.\`type\` IN ('INVOICE', 'CREDIT_NOTE') AND d.\`status\` <> 'DRAFT') THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'Lines of an issued invoice or credit note are immutable'; END IF; END`);
    await queryRunner.query(`CREATE TRIGGER \`trg_document_lines_issued_update\` BEFORE UPDATE ON \`document_lines\` FOR EACH ROW BEGIN IF EXISTS (SELECT 1 FROM \`documents\` d WHERE d.\`id\` = OLD.\`documentId\` AND d.\`type\` IN ('INVOICE', 'CREDIT_NOTE') AND d.\`status\` <> 'DRAFT') OR EXISTS (SELECT 1 FROM \`documents\` d WHERE d.\`id\` = NEW.\`documentId\` AND d.\`type\` IN ('INVOICE', 'CREDIT_NOTE') AND d.\`status\` <> 'DRAFT') THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'Lines of an issued invoice or credit note are immutable'; END IF; END`);
    await queryRunner.query(`CREATE TRIGGER \`trg_document_lines_issued_delete\` BEFORE DELETE ON \`document_lines\` FOR EACH ROW BEGIN IF EXISTS (SELECT 1 FROM \`documents\` d WHERE d.\`id\` = OLD.\`documentId\` AND d.\`type\` IN ('INVOICE', 'CREDIT_NOTE') AND d.\`status\` <> 'DRAFT') THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'Lines of an issued invoice or credit note are immutable'; END IF; END`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS \`trg_documents_issued_replace\``);
    await queryRunner.query(`DROP TRIGGER IF EXISTS \`trg_documents_issued_update\``);
    await queryRunner.query(`DROP TRIGGER IF EXISTS \`trg_documents_issued_delete\``);
    await queryRunner.query(`DROP TRIGGER IF EXISTS \`trg_document_lines_issued_insert\``);
    await queryRunner.query(`DROP TRIGGER IF EXISTS \`trg_document_lines_issued_update\``);
    await queryRunner.query(`DROP TRIGGER IF EXISTS \`trg_document_lines_issued_delete\``);
  }
}
