import { createTestApp } from '../../test/harness';

describe('committed migrations', () => {
  it('build exactly the schema the entities declare, on this dialect', async () => {
    const t = await createTestApp({ migrations: true });
    try {
      const pending = await t.app.dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
