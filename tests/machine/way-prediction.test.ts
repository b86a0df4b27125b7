import { describe, expect, it } from 'vitest';
import { Cache } from '../../sim/machine/cache.js';
import { MESI_E } from '../../sim/machine/mesi.js';

// Cache.find() guesses the slot from a small hint table before scanning the set. The guess must
// never change an answer: after any mix of fills, evictions and invalidations, find() agrees with
// lookup() (the plain scan) for every line, present or not, including lines whose hint entries
// collide and lines past 2^31 (the modulo path).
describe('way prediction (Cache.find)', () => {
  for (const base of [0, 2 ** 33]) {
    it(`agrees with the set scan under random fills and invalidations (lines from ${base})`, () => {
      const c = new Cache({ sizeKiB: 4, ways: 4, latency: 4, replacement: 'lru' }, 64, { directory: false, seed: 1, wayPrediction: true });
      let x = 12345;
      const rnd = (n: number): number => {
        x = (Math.imul(x, 1103515245) + 12345) >>> 0;
        return x % n;
      };
      // 16 sets x 4 ways = 64 slots; 400 candidate lines so sets overflow and hints collide.
      const universe = 400;
      let agreed = 0;
      for (let step = 0; step < 20000; step++) {
        const line = base + rnd(universe) * 7;
        const op = rnd(10);
        if (op < 6) {
          const s = c.find(line);
          expect(s).toBe(c.lookup(line));
          if (s >= 0) agreed++;
          else {
            const v = c.victimSlot(c.setOf(line));
            c.install(v, line, MESI_E);
          }
        } else if (op < 8) {
          const s = c.lookup(line);
          if (s >= 0) c.invalidate(s);
          expect(c.find(line)).toBe(-1);
        } else {
          const probe = base + rnd(universe) * 7;
          expect(c.find(probe)).toBe(c.lookup(probe));
        }
      }
      expect(agreed).toBeGreaterThan(1000);
    });
  }
});
