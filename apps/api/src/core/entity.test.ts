import { createTestApp } from '../../test/harness';
import { User } from '../modules/identity/user.entity';

describe('timestamps', () => {
  it('keeps milliseconds on creation and update, on every dialect', async () => {
    const t = await createTestApp();
    try {
      const repo = t.app.dataSource.getRepository(User);
      const first = await repo.save(repo.create({ email: 'a@example.test', name: 'A', passwordHash: null, phone: null, platformRole: null }));
      await new Promise((r) => setTimeout(r, 5));
      const second = await repo.save(repo.create({ email: 'b@example.test', name: 'B', passwordHash: null, phone: null, platformRole: null }));
      const [a, b] = await Promise.all([repo.findOneByOrFail({ id: first.id }), repo.findOneByOrFail({ id: second.id })]);
      expect(b.createdAt.getTime()).toBeGreaterThan(a.createdAt.getTime());
      expect(b.createdAt.getTime() - a.createdAt.getTime()).toBeLessThan(1000);
      a.name = 'A2';
      await new Promise((r) => setTimeout(r, 5));
      await repo.save(a);
      const updated = await repo.findOneByOrFail({ id: a.id });
      expect(updated.updatedAt.getTime()).toBeGreaterThan(b.createdAt.getTime());
    } finally {
      await t.close();
    }
  });
});
