import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource } from 'typeorm';
import { crossDossierReason } from '../src/core/cross-dossier';
import { isDossierTable } from '../src/core/entity';

/**
 * Watches every SQL statement a test file runs through the harness's data sources
 * (TypeORM's logger) and records each one that touches a table of dossier data
 * without a `dossierId` condition. `test/sql-audit.setup.ts` fails the file in an
 * `afterAll` when any was recorded, on SQLite and MariaDB alike.
 *
 * A statement passes when, for every dossier table it reads, changes or joins, it
 * compares that table's `dossierId` (qualified by its alias, or unqualified when the
 * statement names a single table) with `=` or `IN`, or, for an INSERT, lists the
 * `dossierId` column.
 *
 * The only ways around it are explicit and named: production code's deliberate
 * cross-dossier work runs inside `acrossDossiers(reason, …)` (src/core/cross-dossier.ts,
 * a short list of reasons), and a test's own tampering or whole-database checks run
 * inside `sqlAudit.exempt(reason, …)`.
 */
export interface UnscopedStatement {
  sql: string;
  tables: string[];
  /** The first frames of our code that issued it. */
  from: string[];
}

/**
 * Statements that are exempt by nature: schema building and checks (DDL, SQLite's
 * PRAGMA and catalogue, MariaDB's information_schema), trigger installs, and
 * transaction control. None of them reads or writes rows of a dossier.
 */
const EXEMPT = /^\s*(CREATE|ALTER|DROP|PRAGMA|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|START TRANSACTION|SET |SHOW |DESCRIBE |SELECT VERSION\(\)|SELECT 1\b)/i;
const CATALOGUE = /\b(sqlite_master|sqlite_schema|information_schema|sqlite_sequence)\b|`migrations`|"migrations"|\btypeorm_metadata\b/i;

const quoted = (name: string) => `[\`"]?${name}[\`"]?`;

export class SqlAudit {
  private tables: string[] = [];
  readonly #exempt = new AsyncLocalStorage<string>();
  /** Off while the harness builds the schema (synchronize, migrations, triggers). */
  enabled = false;
  readonly offenders: UnscopedStatement[] = [];

  watch(dataSource: DataSource): void {
    this.tables = dataSource.entityMetadatas.filter((m) => isDossierTable(m)).map((m) => m.tableName);
    this.enabled = true;
  }

  check(sql: string): void {
    if (!this.enabled || EXEMPT.test(sql) || CATALOGUE.test(sql)) return;
    if (crossDossierReason() || this.#exempt.getStore()) return;
    const unscoped = this.unscopedTables(sql);
    if (unscoped.length === 0) return;
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 40;
    const stack = new Error().stack ?? '';
    Error.stackTraceLimit = limit;
    // TypeORM reads back, by primary key, the generated columns (defaults, timestamps) of
    // rows it has just inserted or updated in the same statement sequence; the write itself
    // was audited. Exempt because TypeORM offers no way to scope that read-back.
    if (stack.includes('ReturningResultsEntityUpdator')) return;
    const from = stack
      .split('\n')
      .slice(1)
      .map((l) => l.trim())
      .filter((l) => /\/(src|test)\//.test(l) && !/node_modules|sql-audit|harness\.ts/.test(l))
      .slice(0, 4);
    this.offenders.push({ sql: sql.length > 600 ? `${sql.slice(0, 600)}…` : sql, tables: unscoped, from });
  }

  /**
   * Runs a test's own statements that leave out the dossier on purpose (tampering with rows
   * behind the API to prove a trigger refuses it, counting rows of the whole database to
   * prove nothing was written): `reason` says which, for the reader.
   */
  exempt<T>(reason: string, work: () => Promise<T>): Promise<T> {
    if (!reason.trim()) throw new Error('sqlAudit.exempt needs a reason');
    return this.#exempt.run(reason, work);
  }

  /** The dossier tables `sql` touches without a dossierId condition (exported for the audit's own test). */
  unscopedTables(sql: string): string[] {
    const references = [...sql.matchAll(/\b(FROM|JOIN|UPDATE|INTO)\s+[`"]?(\w+)[`"]?(?:\s+(?:AS\s+)?[`"]?(\w+)[`"]?)?/gi)];
    const touched = references.filter((r) => this.tables.includes(r[2]));
    if (touched.length === 0) return [];
    const tableCount = new Set(references.map((r) => r[2])).size;
    const missing: string[] = [];
    for (const [, keyword, table, maybeAlias] of touched) {
      if (/^into$/i.test(keyword)) {
        // INSERT INTO t (…, dossierId, …) VALUES / SELECT: the row carries its dossier.
        if (!new RegExp(`INTO\\s+${quoted(table)}\\s*\\([^)]*${quoted('dossierId')}`, 'i').test(sql)) missing.push(table);
        continue;
      }
      const alias = maybeAlias && !/^(WHERE|SET|ON|LEFT|INNER|JOIN|ORDER|GROUP|LIMIT|FOR|WITH)$/i.test(maybeAlias) ? maybeAlias : table;
      const qualified = new RegExp(`${quoted(alias)}\\.${quoted('dossierId')}\\s*(=|IN\\b)`, 'i');
      const bare = new RegExp(`(^|[^.\\w\`"])${quoted('dossierId')}\\s*(=|IN\\b)`, 'i');
      // A sub-select of its own (`(SELECT … FROM t WHERE dossierId = ?)`) scopes that table.
      const own = new RegExp(`\\b(FROM|UPDATE)\\s+${quoted(table)}\\s+(AS\\s+\\w+\\s+)?WHERE\\s+${quoted('dossierId')}\\s*(=|IN\\b)`, 'i');
      if (!qualified.test(sql) && !(tableCount === 1 && bare.test(sql)) && !own.test(sql)) missing.push(table);
    }
    return [...new Set(missing)];
  }
}

/** One audit per test file (jest gives each file its own module registry). */
export const sqlAudit = new SqlAudit();
