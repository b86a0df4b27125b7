import { describe, expect, it } from 'vitest';
import { asAddr, asCore } from '../../sim/common/brand.js';
import { createMachine } from '../../sim/machine/machine.js';
import { XBEGIN_STARTED } from '../../sim/machine/port.js';
import { A, C0, C1, machine, preset } from './helpers.js';

// The footprint (distinct lines touched, read and written) is fed from the coherence slow path
// (misses and S/E → M upgrades) and, on an L1 hit, only by the first read of a line the core
// brought in by a write. These streams check that no first touch, read or write escapes it, and
// that nothing is counted twice.
describe('footprint counter', () => {
  it('counts the lines a hand-built stream reads and writes', () => {
    const m = machine('haswell-4c');
    for (let k = 0; k < 10; k++) m.read(C0, A(64 * k), 8); // lines 0..9 read (E)
    for (let k = 5; k < 15; k++) m.write(C0, A(64 * k + 8), 8); // 5..9: E → M upgrades; 10..14: write misses
    expect(m.stats().footprint).toEqual({ lines: 15, linesRead: 10, linesWritten: 10 });
    for (let k = 5; k < 15; k++) m.read(C0, A(64 * k), 4); // hits; 10..14 are read for the first time
    for (let k = 5; k < 15; k++) m.write(C0, A(64 * k), 4); // writes to M lines: the fast path
    m.write(C0, A(64 * 21 - 4), 8); // spans lines 20 and 21
    expect(m.stats().footprint).toEqual({ lines: 17, linesRead: 15, linesWritten: 12 });
  });

  it('counts an S → M upgrade and counts each line once over all cores', () => {
    const m = machine('haswell-4c');
    m.read(C0, A(640), 8);
    m.read(C1, A(640), 8); // both hold line 10 in S
    expect(m.stats().footprint).toEqual({ lines: 1, linesRead: 1, linesWritten: 0 });
    m.write(C0, A(640), 8); // S → M upgrade on an L1 hit
    expect(m.stats().footprint).toEqual({ lines: 1, linesRead: 1, linesWritten: 1 });
    m.write(C1, A(648), 8); // core 1 lost its copy: a write miss on a line already written
    expect(m.stats().footprint).toEqual({ lines: 1, linesRead: 1, linesWritten: 1 });
  });

  it('counts lines touched inside transactions, committed or aborted, and survives resetStats', () => {
    const m = machine('haswell-4c');
    m.htm.setAbortHandler(() => undefined);
    m.write(C0, A(0x10100), 8); // written, never read yet
    expect(m.htm.begin(C0)).toBe(XBEGIN_STARTED);
    m.read(C0, A(0x10100), 8); // an L1 hit on the slow path (not yet in the read set): first read
    m.read(C0, A(0x10000), 8);
    m.write(C0, A(0x10040), 8);
    m.htm.end(C0);
    expect(m.htm.begin(C0)).toBe(XBEGIN_STARTED);
    m.write(C0, A(0x10080), 8);
    m.htm.abort(C0, 1);
    m.resetStats();
    expect(m.stats().footprint).toEqual({ lines: 4, linesRead: 2, linesWritten: 3 });
  });

  it('matches a set-based count on a random 4-core stream over small caches', () => {
    // Small caches: lines leave and come back (re-misses), cores steal lines from one another
    // (invalidations, S copies), and writes hit lines in every MESI state.
    const cfg = preset('haswell-4c', {
      l1d: { sizeKiB: 1, ways: 2 },
      l2: { sizeKiB: 4, ways: 4 },
      l3: { sizeKiB: 64, ways: 8 },
    });
    const m = createMachine(cfg, { seed: 3 });
    const touched = new Set<number>();
    const read = new Set<number>();
    const written = new Set<number>();
    let x = 12345;
    const rnd = (n: number): number => {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      return (x >>> 8) % n;
    };
    for (let step = 0; step < 50000; step++) {
      const core = asCore(rnd(4));
      const write = rnd(2) === 0;
      // A hot region shared by all cores and a wide cold one (3 MiB: lines in several bitmap pages).
      const addr = rnd(4) === 0 ? 0x400000 + rnd(48000) * 64 + rnd(64) : 0x40000 + rnd(4096);
      const bytes = 1 << rnd(4);
      if (write) m.write(core, asAddr(addr), bytes);
      else m.read(core, asAddr(addr), bytes);
      for (let line = Math.floor(addr / 64); line <= Math.floor((addr + bytes - 1) / 64); line++) {
        touched.add(line);
        if (write) written.add(line);
        else read.add(line);
      }
    }
    expect(m.stats().footprint).toEqual({ lines: touched.size, linesRead: read.size, linesWritten: written.size });
  });
});
