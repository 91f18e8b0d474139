// Writes the migrations that install what the entities cannot say (the immutability
// triggers of issued documents and of the accounting; the search terms' collation), with
// the SQL frozen as literal text (a migration must not change when the code it was
// generated from changes later).
//   node dist/scripts/write-trigger-migrations.js <timestamp>
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IMMUTABILITY_DROP_SQL, IMMUTABILITY_SQL_MYSQL, IMMUTABILITY_SQL_SQLITE } from '../modules/documents/immutability.sql';
import { ACCOUNTING_IMMUTABILITY_DROP_SQL, ACCOUNTING_IMMUTABILITY_SQL_MYSQL, ACCOUNTING_IMMUTABILITY_SQL_SQLITE } from '../modules/accounting/immutability.sql';
import { SEARCH_TERMS_BINARY, SEARCH_TERMS_BINARY_UNDO_MYSQL } from '../modules/documents/document-search';

const timestamp = process.argv[2] ?? String(Date.now());
const quote = (sql: string) => '`' + sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';

interface Migration {
  /** The class name without its timestamp, also the file's. */
  name: string;
  summary: string;
  /** Per dialect: a dialect with nothing to do gets no migration. */
  up: PerDialect;
  down: PerDialect;
}
type PerDialect = { sqlite: readonly string[]; mysql: readonly string[] };
const both = (sql: readonly string[]): PerDialect => ({ sqlite: sql, mysql: sql });

const MIGRATIONS: Migration[] = [
  {
    name: 'DocumentImmutability',
    summary: 'The database refuses to change or delete an issued invoice or credit note, or its lines.',
    up: { sqlite: IMMUTABILITY_SQL_SQLITE, mysql: IMMUTABILITY_SQL_MYSQL },
    down: both(IMMUTABILITY_DROP_SQL),
  },
  // Accounting entries (append-only) and collected batches: the migration after the documents' one.
  {
    name: 'AccountingImmutability',
    summary: 'The database refuses to change or delete an accounting entry or its lines, or a collected batch.',
    up: { sqlite: ACCOUNTING_IMMUTABILITY_SQL_SQLITE, mysql: ACCOUNTING_IMMUTABILITY_SQL_MYSQL },
    down: both(ACCOUNTING_IMMUTABILITY_DROP_SQL),
  },
  {
    name: 'SearchTermsBinary',
    summary: 'MariaDB compares document search terms as bytes, as SQLite does (see document-search.ts).',
    up: { sqlite: SEARCH_TERMS_BINARY.sqlite, mysql: SEARCH_TERMS_BINARY.mysql },
    down: { sqlite: [], mysql: SEARCH_TERMS_BINARY_UNDO_MYSQL },
  },
];

/** A method's body: one line per statement (none for none). */
const statements = (sql: readonly string[]) => sql.map((s) => `\n    await queryRunner.query(${quote(s)});`).join('');

MIGRATIONS.forEach((migration, i) => {
  const at = String(Number(timestamp) + i);
  const className = `${migration.name}${at}`;
  for (const dialect of ['sqlite', 'mysql'] as const) {
    if (migration.up[dialect].length === 0) continue;
    const file = join(__dirname, '..', '..', 'src', 'migrations', dialect, `${at}-${migration.name}.ts`);
    writeFileSync(
      file,
      `import type { MigrationInterface, QueryRunner } from 'typeorm';

/** ${migration.summary} */
export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {${statements(migration.up[dialect])}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {${statements(migration.down[dialect])}
  }
}
`,
    );
    console.log(`wrote ${file}`);
  }
});
