/**
 * The lemming effect (shared/FACTS.md, HTM): once one thread falls back to the GIL, every
 * concurrent transaction that reads the lock word aborts; if the others retry at once they find the
 * lock still held, use up their retries and fall back too, and the threads stay in fallback. With
 * htm.waitForLockFree they wait for the lock to be free before retrying, and only the thread that
 * had to fall back does.
 */
import { describe, expect, it } from 'vitest';
import { runGuest } from './helpers.js';

const QUIET = ['interp.refcount=none', 'interp.allocator=per-thread', 'interp.smallIntCache=false', 'interp.ticker=per-thread'];

/** Independent work; every 500 iterations each thread runs something no transaction survives
 *  (an explicit abort inside a hardware region), so it falls back to the GIL: 4 per thread. */
const program = (trigger: boolean): string => `
import threading
import rtm
def work(seed, out):
    x = seed + 1
    acc = 0
    aborts = 0
    for i in range(2000):
        x = x * 48271 % 2147483647
        acc = (acc + (x & 1023)) & 0xFFFFFF
        if ${trigger ? 'True' : 'False'} and i % 500 == 499:
            if rtm.xbegin() == rtm.XBEGIN_STARTED:
                rtm.xabort(1)
            aborts += 1
    out[seed] = acc + aborts
res = [0] * 4
ts = [threading.Thread(target=work, args=(i, res)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sum(res))
`;

describe('lemming effect', () => {
  const run = (trigger: boolean, wait: boolean) => runGuest(program(trigger), 'htm', 4, [...QUIET, `htm.waitForLockFree=${wait}`]);

  it('without waiting, one thread falling back drags the others into fallback', () => {
    const cured = run(true, true);
    const lemming = run(true, false);
    expect(lemming.stdout).toBe(cured.stdout);
    // With the cure only the 16 forced fallbacks happen (4 threads x 4 triggers)...
    expect(cured.htm.fallbacks).toBe(16);
    // ...without it, the others abort on the held lock, exhaust their retries and follow.
    expect(lemming.htm.fallbacks).toBeGreaterThan(10 * cured.htm.fallbacks);
    expect(lemming.htm.abortsByCause.explicit).toBeGreaterThan(lemming.htm.abortsByCause.conflict);
    expect(lemming.simCycles).toBeGreaterThan(2 * cured.simCycles);
  });

  it('is caused by the fallback: without the trigger nobody falls back, waiting or not', () => {
    for (const wait of [true, false]) {
      const r = run(false, wait);
      expect(r.htm.fallbacks).toBe(0);
    }
  });
});
