import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The database refuses to change or delete an issued invoice or credit note, or its lines. */
export class DocumentImmutability1796343724514 implements MigrationInterface {
  name = 'DocumentImmutability1796343724514';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TRIGGER \`trg_documents_issued_replace\` BEFORE INSERT ON \`documents\` FOR EACH ROW WHEN EXISTS (SELECT 1 FROM \`documents\` d WHERE (d.\`id\` = NEW.\`id\` OR (d.\`dossierId\` = NEW.\`dossierId\` AND d.\`type\` = NEW.\`type\` AND d.\`number\` = NEW.\`number\`)) AND d.\`type\` IN ('INVOICE', 'CREDIT_NOTE') AND d.\`status\` <> 'DRAFT') BEGIN SELECT RAISE(ABORT, 'Issued invoices and credit notes are immutable'); END`);
    await queryRunner.query(`CREATE TRIGGER \`trg_documents_issued_update\` BEFORE UPDATE ON \`documents\` FOR EACH ROW WHEN OLD.\`type\` IN ('INVOICE', 'CREDIT_NOTE') AND OLD.\`status\` <> 'DRAFT' AND (NOT (NEW.\`status\` = OLD.\`status\` OR (OLD.\`type\` = 'INVOICE' AND OLD.\`status\` IN ('ISSUED', 'PARTIALLY_PAID', 'PAID') AND NEW.\`status\` IN ('ISSUED', 'PARTIALLY_PAID', 'PAID'))) OR NEW.\`id\` IS NOT OLD.\`id\` OR NEW.\`dossierId\` IS NOT OLD.\`dossierId\` OR NEW.\`type\` IS NOT OLD.\`type\` OR NEW.\`number\` IS NOT OLD.\`number\` OR NEW.\`numberYear\` IS NOT OLD.\`numberYear\` OR NEW.\`numberSequence\` IS NOT OLD.\`numberSequence\` OR NEW.\`date\` IS NOT OLD.\`date\` OR NEW.\`dueDate\` IS NOT OLD.\`dueDate\` OR NEW.\`partyId\` IS NOT OLD.\`partyId\` OR NEW.\`partyName\` IS NOT OLD.\`partyName\` OR NEW.\`subject\` IS NOT OLD.\`subject\` OR NEW.\`notes\` IS NOT OLD.\`notes\` OR NEW.\`totalExclVatCents\` IS NOT OLD.\`totalExclVatCents\` OR NEW.\`totalVatCents\` IS NOT OLD.\`totalVatCents\` OR NEW.\`totalInclVatCents\` IS NOT OLD.\`totalInclVatCents\` OR NEW.\`vatBreakdown\` IS NOT OLD.\`vatBreakdown\` OR NEW.\`lineCount\` IS NOT OLD.\`lineCount\` OR NEW.\`sourceDocumentId\` IS NOT OLD.\`sourceDocumentId\` OR NEW.\`issuedAt\` IS NOT OLD.\`issuedAt\` OR NEW.\`createdAt\` IS NOT OLD.\`createdAt\` OR NEW.\`createdById\` IS NOT OLD.\`createdById\`) BEGIN SELECT RAISE(ABORT, 'Issued invoices and credit notes are immutable'); END`);
    await queryRunner.query(`CREATE TRIGGER \`trg_documents_issued_delete\` BEFORE DELETE ON \`documents\` FOR EACH ROW WHEN OLD.\`type\` IN ('INVOICE', 'CREDIT_NOTE') AND OLD.\`status\` <> 'DRAFT' BEGIN SELECT RAISE(ABORT, 'Issued invoices and credit notes are immutable'); END`);
    await queryRunner.query(`CREATE TRIGGER \`trg_document_lines_issued_insert\` BEFORE INSERT ON \`document_lines\` FOR EACH ROW WHEN EXISTS (SELECT 1 FROM \`documents\` d WHERE d.\`id\` = NEW.\`documentId\` AND d.\`type\` IN ('INVOICE', 'CREDIT_NOTE') AND d.\`status\` <> 'DRAFT') OR EXISTS (SELECT 1 FROM \`document_lines\` l JOIN \`documents\` d ON d.\`id\` = l.\`documentId\` WHERE l.\`id\` = NEW.\`id\` AND d.\`type\` IN ('INVOICE', 'CREDIT_NOTE') AND d.\`status\` <> 'DRAFT') BEGIN SELECT RAISE(ABORT, 'Lines of an issued invoice or credit note are immutable'); END`);
    await queryRunner.query(`CREATE TRIGGER \`trg_document_lines_issued_update\` BEFORE UPDATE ON \`document_lines\` FOR EACH ROW WHEN EXISTS (SELECT 1 FROM \`documents\` d WHERE d.\`id\` = OLD.\`documentId\` AND d.\`type\` IN ('INVOICE', 'CREDIT_NOTE') AND d.\`status\` <> 'DRAFT') OR EXISTS (SELECT 1 FROM \`documents\` d WHERE d.\`id\` = NEW.\`documentId\` AND d.\`type\` IN ('INVOICE', 'CREDIT_NOTE') AND d.\`status\` <> 'DRAFT') BEGIN SELECT RAISE(ABORT, 'Lines of an issued invoice or credit note are immutable'); END`);
    await queryRunner.query(`CREATE TRIGGER \`trg_document_lines_issued_delete\` BEFORE DELETE ON \`document_lines\` FOR EACH ROW WHEN EXISTS (SELECT 1 FROM \`documents\` d WHERE d.\`id\` = OLD.\`documentId\` AND d.\`type\` IN ('INVOICE', 'CREDIT_NOTE') AND d.\`status\` <> 'DRAFT') BEGIN SELECT RAISE(ABORT, 'Lines of an issued invoice or credit note are immutable'); END`);
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
