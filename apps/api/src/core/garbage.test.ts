import { setImmediate as tick } from 'node:timers/promises';
import { collectGarbage, GarbagePacer } from './garbage';

/** A WeakRef to an object nothing else holds (made in its own function: no local keeps it). */
function unreachable(): WeakRef<object> {
  return new WeakRef({ payload: new Array(1000).fill('x') });
}

describe('collectGarbage', () => {
  it('frees what nothing holds, at once', async () => {
    const ref = unreachable();
    // A WeakRef's target is kept until the end of the job that made or read it.
    await tick();
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
  });

  it('adds no gc to the global object', () => {
    collectGarbage();
    expect((globalThis as Record<string, unknown>).gc).toBeUndefined();
  });
});

describe('GarbagePacer', () => {
  it('collects once the units reach its period, then counts again from zero', async () => {
    const pacer = new GarbagePacer(100);
    const first = unreachable();
    await tick();
    pacer.add(99);
    expect(first.deref()).toBeDefined();
    await tick();
    pacer.add(1);
    expect(first.deref()).toBeUndefined();
    const second = unreachable();
    await tick();
    pacer.add(99);
    expect(second.deref()).toBeDefined();
  });
});
