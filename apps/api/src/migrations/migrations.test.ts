import { createTestApp } from '../../test/harness';
import { IMMUTABILITY_TRIGGER_NAMES } from '../modules/documents/immutability.sql';
import { accountingTriggerNames } from '../modules/accounting/immutability.sql';

describe('committed migrations', () => {
  it('build exactly the schema the entities declare, triggers included, on this dialect', async () => {
    const t = await createTestApp({ migrations: true });
    try {
      const pending = await t.app.dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      const ds = t.app.dataSource;
      const triggers: Record<string, string>[] =
        ds.options.type === 'better-sqlite3'
          ? await ds.query("SELECT name FROM sqlite_master WHERE type = 'trigger'")
          : await ds.query('SELECT TRIGGER_NAME AS name FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()');
      // The REPLACE-refusing trigger exists only on SQLite: MySQL/MariaDB's REPLACE fires the DELETE trigger.
      const expected = [
        ...IMMUTABILITY_TRIGGER_NAMES.filter((name) => ds.options.type === 'better-sqlite3' || name !== 'trg_documents_issued_replace'),
        ...accountingTriggerNames(ds.options.type === 'better-sqlite3'),
      ];
      expect(triggers.map((r) => r.name).sort()).toEqual([...expected].sort());
    } finally {
      await t.close();
    }
  });
});
