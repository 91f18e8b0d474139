// Writes the migrations that install the immutability triggers of issued invoices and
// credit notes, with the SQL frozen as literal text (a migration must not change when
// the code it was generated from changes later).
//   node dist/scripts/write-trigger-migrations.js <timestamp>
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IMMUTABILITY_DROP_SQL, IMMUTABILITY_SQL_MYSQL, IMMUTABILITY_SQL_SQLITE } from '../modules/documents/immutability.sql';
import { ACCOUNTING_IMMUTABILITY_DROP_SQL, ACCOUNTING_IMMUTABILITY_SQL_MYSQL, ACCOUNTING_IMMUTABILITY_SQL_SQLITE } from '../modules/accounting/immutability.sql';

const timestamp = process.argv[2] ?? String(Date.now());
const name = `DocumentImmutability${timestamp}`;
const quote = (sql: string) => '`' + sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';

for (const [dialect, statements] of [
  ['sqlite', IMMUTABILITY_SQL_SQLITE],
  ['mysql', IMMUTABILITY_SQL_MYSQL],
] as const) {
  const file = join(__dirname, '..', '..', 'src', 'migrations', dialect, `${timestamp}-DocumentImmutability.ts`);
  writeFileSync(
    file,
    `import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The database refuses to change or delete an issued invoice or credit note, or its lines. */
export class ${name} implements MigrationInterface {
  name = '${name}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${statements.map((s) => `    await queryRunner.query(${quote(s)});`).join('\n')}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${IMMUTABILITY_DROP_SQL.map((s) => `    await queryRunner.query(${quote(s)});`).join('\n')}
  }
}
`,
  );
  console.log(`wrote ${file}`);
}

// Accounting entries (append-only) and collected batches: the migration after the documents' one.
const accountingTimestamp = String(Number(timestamp) + 1);
const accountingName = `AccountingImmutability${accountingTimestamp}`;
for (const [dialect, statements] of [
  ['sqlite', ACCOUNTING_IMMUTABILITY_SQL_SQLITE],
  ['mysql', ACCOUNTING_IMMUTABILITY_SQL_MYSQL],
] as const) {
  const file = join(__dirname, '..', '..', 'src', 'migrations', dialect, `${accountingTimestamp}-AccountingImmutability.ts`);
  writeFileSync(
    file,
    `import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The database refuses to change or delete an accounting entry or its lines, or a collected batch. */
export class ${accountingName} implements MigrationInterface {
  name = '${accountingName}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${statements.map((s) => `    await queryRunner.query(${quote(s)});`).join('\n')}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${ACCOUNTING_IMMUTABILITY_DROP_SQL.map((s) => `    await queryRunner.query(${quote(s)});`).join('\n')}
  }
}
`,
  );
  console.log(`wrote ${file}`);
}
