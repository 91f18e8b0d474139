import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The database refuses to change or delete an accounting entry or its lines, or a collected batch. */
export class AccountingImmutability1796343724515 implements MigrationInterface {
  name = 'AccountingImmutability1796343724515';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TRIGGER \`trg_accounting_entries_replace\` BEFORE INSERT ON \`accounting_entries\` FOR EACH ROW WHEN EXISTS (SELECT 1 FROM \`accounting_entries\` e WHERE e.\`id\` = NEW.\`id\` OR (e.\`dossierId\` = NEW.\`dossierId\` AND e.\`journalCode\` = NEW.\`journalCode\` AND e.\`number\` = NEW.\`number\`)) BEGIN SELECT RAISE(ABORT, 'Accounting entries are immutable'); END`);
    await queryRunner.query(`CREATE TRIGGER \`trg_accounting_entries_update\` BEFORE UPDATE ON \`accounting_entries\` FOR EACH ROW BEGIN SELECT RAISE(ABORT, 'Accounting entries are immutable'); END`);
    await queryRunner.query(`CREATE TRIGGER \`trg_accounting_entries_delete\` BEFORE DELETE ON \`accounting_entries\` FOR EACH ROW BEGIN SELECT RAISE(ABORT, 'Accounting entries are immutable'); END`);
    await queryRunner.query(`CREATE TRIGGER \`trg_accounting_entry_lines_replace\` BEFORE INSERT ON \`accounting_entry_lines\` FOR EACH ROW WHEN EXISTS (SELECT 1 FROM \`accounting_entry_lines\` l WHERE l.\`id\` = NEW.\`id\`) BEGIN SELECT RAISE(ABORT, 'Accounting entries are immutable'); END`);
    await queryRunner.query(`CREATE TRIGGER \`trg_accounting_entry_lines_update\` BEFORE UPDATE ON \`accounting_entry_lines\` FOR EACH ROW BEGIN SELECT RAISE(ABORT, 'Accounting entries are immutable'); END`);
    await queryRunner.query(`CREATE TRIGGER \`trg_accounting_entry_lines_delete\` BEFORE DELETE ON \`accounting_entry_lines\` FOR EACH ROW BEGIN SELECT RAISE(ABORT, 'Accounting entries are immutable'); END`);
    await queryRunner.query(`CREATE TRIGGER \`trg_accounting_batches_update\` BEFORE UPDATE ON \`accounting_batches\` FOR EACH ROW WHEN OLD.\`status\` = 'COLLECTED' BEGIN SELECT RAISE(ABORT, 'A collected accounting batch is immutable'); END`);
    await queryRunner.query(`CREATE TRIGGER \`trg_accounting_batches_delete\` BEFORE DELETE ON \`accounting_batches\` FOR EACH ROW BEGIN SELECT RAISE(ABORT, 'A collected accounting batch is immutable'); END`);
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
