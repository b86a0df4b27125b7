import { describe, expect, it } from 'vitest';
import { asAddr, asCore } from '../../sim/common/brand.js';
import { createMachine, type Machine } from '../../sim/machine/machine.js';
import { XBEGIN_STARTED } from '../../sim/machine/port.js';
import { preset } from './helpers.js';

// The L1D carries the recency of its lines for the L2 (CoherentHierarchy: lazy L2 recency) instead
// of stamping the L2 on every hit. It is a host-speed shortcut and must never change a result: the
// same random stream of reads, writes and transactions on small caches (so L2 victims are chosen
// all the time, among lines that are hot in L1) must give the same latency for every access, the
// same aborts and the same statistics as eager stamping.
describe('lazy L2 recency', () => {
  function trace(lazy: boolean, seed: number): { lat: number[]; aborts: string[]; stats: unknown } {
    // 4 cores; 1 KiB 2-way L1D (8 sets) over a 4 KiB 4-way L2 (16 sets): lines that share an L2
    // set spread over several L1 sets, so the L2 victim depends on which of them L1 kept hot.
    const cfg = preset('haswell-4c', {
      l1d: { sizeKiB: 1, ways: 2, replacement: 'lru' },
      l2: { sizeKiB: 4, ways: 4, replacement: 'lru' },
      l3: { sizeKiB: 64, ways: 8, replacement: 'lru' },
    });
    const m: Machine = createMachine(cfg, { seed: 1, lazyL2Recency: lazy });
    const aborts: string[] = [];
    m.htm.setAbortHandler((core, status, cause) => aborts.push(`${core}:${status}:${cause}`));
    const lat: number[] = [];
    let x = seed;
    const rnd = (n: number): number => {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      return (x >>> 8) % n;
    };
    for (let step = 0; step < 60000; step++) {
      const core = asCore(rnd(4));
      const op = rnd(100);
      if (op < 2) {
        if (!m.htm.active(core)) lat.push(m.htm.begin(core) === XBEGIN_STARTED ? 1 : 0);
        else m.htm.end(core);
        continue;
      }
      // Per core a hot set a little larger than its L1 (hits, and L1 victims that stay in L2),
      // a few lines all cores share (coherence traffic), and a cold tail (L2 and L3 misses).
      const line = op < 80 ? core * 100 + rnd(20) : op < 85 ? 1000 + rnd(30) : 2000 + rnd(600);
      const addr = asAddr(0x10000 + line * 64 + rnd(8) * 8);
      lat.push(op % 3 === 0 ? m.write(core, addr, 8) : m.read(core, addr, 8));
    }
    return { lat, aborts, stats: m.stats() };
  }

  for (const seed of [1, 7, 99]) {
    it(`gives the same latencies, aborts and statistics as eager stamping (seed ${seed})`, () => {
      const lazy = trace(true, seed);
      const eager = trace(false, seed);
      expect(lazy.lat).toEqual(eager.lat);
      expect(lazy.aborts).toEqual(eager.aborts);
      expect(lazy.stats).toEqual(eager.stats);
      // The stream did what it is for: many L2 evictions while L1 holds hot lines.
      const s = eager.stats as { l2: { evictions: number }; l1d: { hits: number } };
      expect(s.l2.evictions).toBeGreaterThan(3000);
      expect(s.l1d.hits).toBeGreaterThan(20000);
    });
  }
});
