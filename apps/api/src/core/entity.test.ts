import { createTestApp } from '../../test/harness';
import { User } from '../modules/identity/user.entity';

describe('timestamps', () => {
  it('keeps milliseconds on creation and update, on every dialect', async () => {
    const t = await createTestApp();
    // Only Date is faked: the clock is set, not waited for, so the test does not depend on scheduling.
    const clock = (iso: string) => jest.useFakeTimers({ now: new Date(iso), doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
    try {
      const repo = t.app.dataSource.getRepository(User);
      clock('2026-03-04T05:06:07.123Z');
      const first = await repo.save(repo.create({ email: 'a@example.test', name: 'A', passwordHash: null, phone: null, platformRole: null }));
      clock('2026-03-04T05:06:07.456Z');
      const second = await repo.save(repo.create({ email: 'b@example.test', name: 'B', passwordHash: null, phone: null, platformRole: null }));
      const [a, b] = await Promise.all([repo.findOneByOrFail({ id: first.id }), repo.findOneByOrFail({ id: second.id })]);
      expect(a.createdAt.toISOString()).toBe('2026-03-04T05:06:07.123Z');
      expect(b.createdAt.toISOString()).toBe('2026-03-04T05:06:07.456Z');
      a.name = 'A2';
      clock('2026-03-04T05:06:07.789Z');
      await repo.save(a);
      const updated = await repo.findOneByOrFail({ id: a.id });
      expect(updated.updatedAt.toISOString()).toBe('2026-03-04T05:06:07.789Z');
    } finally {
      jest.useRealTimers();
      await t.close();
    }
  });
});
