import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The database refuses to change or delete an accounting entry or its lines, or a collected batch. */
export class AccountingImmutability1796343724515 implements MigrationInterface {
  name = 'AccountingImmutability1796343724515';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TRIGGER \`trg_accounting_entries_update\` BEFORE UPDATE ON \`accounting_entries\` FOR EACH ROW BEGIN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'Accounting entries are immutable'; END`);
    await queryRunner.query(`CREATE TRIGGER \`trg_accounting_entries_delete\` BEFORE DELETE ON \`accounting_entries\` FOR EACH ROW BEGIN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'Accounting entries are immutable'; END`);
    await queryRunner.query(`CREATE TRIGGER \`trg_accounting_entry_lines_update\` BEFORE UPDATE ON \`accounting_entry_lines\` FOR EACH ROW BEGIN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'Accounting entries are immutable'; END`);
    await queryRunner.query(`CREATE TRIGGER \`trg_accounting_entry_lines_delete\` BEFORE DELETE ON \`accounting_entry_lines\` FOR EACH ROW BEGIN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'Accounting entries are immutable'; END`);
    await queryRunner.query(`CREATE TRIGGER \`trg_accounting_batches_update\` BEFORE UPDATE ON \`accounting_batches\` FOR EACH ROW BEGIN IF OLD.\`status\` = 'COLLECTED' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'A collected accounting batch is immutable'; END IF; END`);
    await queryRunner.query(`CREATE TRIGGER \`trg_accounting_batches_delete\` BEFORE DELETE ON \`accounting_batches\` FOR EACH ROW BEGIN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'A collected accounting batch is immutable'; END`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS \`trg_accounting_entries_replace\``);
    await queryRunner.query(`DROP TRIGGER IF EXISTS \`trg_accounting_entries_update\``);
    await queryRunner.query(`DROP TRIGGER IF EXISTS \`trg_accounting_entries_delete\``);
    await queryRunner.query(`DROP TRIGGER IF EXISTS \`trg_accounting_entry_lines_replace\``);
    await queryRunner.query(`DROP TRIGGER IF EXISTS \`trg_accounting_entry_lines_update\``);
    await queryRunner.query(`DROP TRIGGER IF EXISTS \`trg_accounting_entry_lines_delete\``);
    await queryRunner.query(`DROP TRIGGER IF EXISTS \`trg_accounting_batches_update\``);
    await queryRunner.query(`DROP TRIGGER IF EXISTS \`trg_accounting_batches_delete\``);
  }
}
