import { createTestApp } from '../../test/harness';
import { User } from '../modules/identity/user.entity';
import { newId } from './entity';

describe('newId (UUIDv7)', () => {
  it('is an RFC 9562 version-7 UUID whose first 48 bits are the milliseconds, ordered by time, never repeated', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => newId(1_796_000_000_000 + Math.floor(i / 10)));
    for (const id of ids.slice(0, 20)) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(ids[0].replace(/-/g, '').slice(0, 12), 16)).toBe(1_796_000_000_000);
    expect(new Set(ids).size).toBe(ids.length);
    // Across milliseconds the text order is the time order (within one, the random part decides).
    const firstOfEachMs = ids.filter((_, i) => i % 10 === 0);
    expect([...firstOfEachMs].sort()).toEqual(firstOfEachMs);
    // 74 random bits: the random part differs between two ids of the same millisecond.
    expect(ids[0].slice(14)).not.toBe(ids[1].slice(14));
  });
});

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
