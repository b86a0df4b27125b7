/**
 * HTM designs as configuration (issue 18): each tracking mode's capacity, the signature's false
 * conflicts against the Bloom-filter formula, rollback-only transactions and suspend/resume, the
 * line size per preset, and the footprint histograms.
 */
import { describe, expect, it } from 'vitest';
import { ACCESS_ABORTED, XABORT_CAPACITY, XABORT_CONFLICT, XABORT_RETRY, XBEGIN_STARTED } from '../../sim/machine/port.js';
import { bloomFalsePositive } from '../../sim/machine/tx-signature.js';
import { TxBuffer } from '../../sim/machine/tx-buffer.js';
import { TxLineSet } from '../../sim/machine/tx-line-set.js';
import { bucketLow, footprintBucket } from '../../sim/machine/footprint-histogram.js';
import type { Machine } from '../../sim/machine/machine.js';
import { loadMachinePreset } from '../../sim/machine/preset-loader.js';
import { validateMachineConfig } from '../../sim/machine/preset-loader.js';
import { A, C0, C1, machine, preset, recordAborts } from './helpers.js';

const BASE = 0x1000000;

/**
 * Core 0 writes (or reads) distinct lines `stride` bytes apart inside one transaction until it
 * aborts; returns how many accesses succeeded before the aborting one (Infinity if `max` fit).
 */
function linesUntilAbort(m: Machine, write: boolean, stride: number, max: number): { fit: number; status: number } {
  const log = recordAborts(m);
  expect(m.htm.begin(C0)).toBe(XBEGIN_STARTED);
  for (let i = 0; i < max; i++) {
    const a = A(BASE + i * stride);
    const r = write ? m.write(C0, a, 8) : m.read(C0, a, 8);
    if (r === ACCESS_ABORTED) return { fit: i, status: log[0]!.status };
  }
  m.htm.end(C0);
  return { fit: Infinity, status: 0 };
}

describe('a dedicated tracking buffer', () => {
  it('power8: 64 TMCAM lines of writes commit, the 65th aborts with the capacity bit (no retry)', () => {
    const m = machine('power8', { htm: { timerIntervalCycles: 0 } });
    const r = linesUntilAbort(m, true, 128, 65);
    expect(r.fit).toBe(64);
    expect(r.status).toBe(XABORT_CAPACITY);
    expect(m.stats().htm.abortsByCause.capacity).toBe(1);
  });

  it('power8: loads share the TMCAM (64 read lines fit, 65 do not); a mix counts lines, not accesses', () => {
    const m = machine('power8', { htm: { timerIntervalCycles: 0 } });
    expect(linesUntilAbort(m, false, 128, 65).fit).toBe(64);
    const m2 = machine('power8', { htm: { timerIntervalCycles: 0 } });
    recordAborts(m2);
    m2.htm.begin(C0);
    for (let i = 0; i < 32; i++) m2.read(C0, A(BASE + i * 128), 8);
    for (let i = 0; i < 32; i++) expect(m2.write(C0, A(BASE + i * 128 + 8), 8)).not.toBe(ACCESS_ABORTED); // same lines
    for (let i = 32; i < 64; i++) expect(m2.write(C0, A(BASE + i * 128), 8)).not.toBe(ACCESS_ABORTED);
    expect(m2.write(C0, A(BASE + 64 * 128), 8)).toBe(ACCESS_ABORTED);
  });

  it('a buffer with its own associativity overflows in one set: 4-way, 5 lines of one set abort', () => {
    const cfg = { htm: { timerIntervalCycles: 0, buffer: { lines: 64, ways: 4 } } };
    const sets = 16;
    expect(linesUntilAbort(machine('power8', cfg), true, 128 * sets, 5).fit).toBe(4);
    // Spread over the sets, all 64 fit.
    expect(linesUntilAbort(machine('power8', cfg), true, 128, 64).fit).toBe(Infinity);
  });

  it('zec12: 32 written lines of 256 B (8 KB) commit, the 33rd aborts; lines survive L1 eviction', () => {
    const m = machine('zec12', { htm: { timerIntervalCycles: 0 } });
    expect(linesUntilAbort(m, true, 256, 33).fit).toBe(32);
    // 32 written lines, all in one 6-way L1 set: L1 evictions do not abort a buffered write set.
    expect(linesUntilAbort(machine('zec12', { htm: { timerIntervalCycles: 0 } }), true, 64 * 256, 32).fit).toBe(Infinity);
  });

  it('the buffer itself: insert reports overflow only for a new line in a full set', () => {
    const b = new TxBuffer({ lines: 4, ways: 2 });
    expect(b.insert(0, 1)).toBe(true);
    expect(b.insert(2, 1)).toBe(true);
    expect(b.insert(4, 2)).toBe(false); // set 0 is full
    expect(b.insert(2, 2)).toBe(true); // already there
    expect(b.flags(2)).toBe(3);
    expect(b.insert(1, 1)).toBe(true); // set 1
    b.clear();
    expect(b.size).toBe(0);
    expect(b.insert(4, 2)).toBe(true);
  });
});

describe('write set tracked in a cache level', () => {
  it('l1 (haswell): 9 written lines in one 8-way L1 set abort; l2: they commit until the L2 set overflows', () => {
    const stride = 64 * 64; // one L1D set of haswell-4c
    const over = { htm: { timerIntervalCycles: 0 } };
    expect(linesUntilAbort(machine('haswell-4c', over), true, stride, 9).fit).toBe(8);
    const l2 = { htm: { timerIntervalCycles: 0, writeSetTracking: 'l2' as const } };
    // haswell-4c L2: 512 sets × 8 ways; lines 4 KiB apart fall into 8 L2 sets → 64 lines fit there.
    const r = linesUntilAbort(machine('haswell-4c', l2), true, stride, 200);
    expect(r.fit).toBeGreaterThan(8);
    expect(r.fit).toBeLessThanOrEqual(64);
    expect(r.status).toBe(XABORT_CAPACITY);
  });

  it('bgq: the write set survives the private caches and lives in the shared level (1 MiB commits)', () => {
    const m = machine('bgq');
    expect(linesUntilAbort(m, true, 128, (1 << 20) / 128).fit).toBe(Infinity);
    expect(m.stats().htm.committed).toBe(1);
  });

  it('an abort discards the speculative lines kept in the L2 as well as the L1', () => {
    const m = machine('haswell-4c', { htm: { timerIntervalCycles: 0, writeSetTracking: 'l2' } });
    recordAborts(m);
    m.htm.begin(C0);
    const stride = 64 * 64;
    for (let i = 0; i < 12; i++) m.write(C0, A(BASE + i * stride), 8); // 4 of them left L1 for L2
    m.htm.abort(C0, 1);
    for (let i = 0; i < 12; i++) {
      const p = m.probe(C0, A(BASE + i * stride));
      expect(p.l1).toBe('I');
      expect(p.l2).toBe('I');
    }
  });
});

describe('unbounded tracking (ideal)', () => {
  it('a write set far beyond every cache commits, and a conflict on a line that left the L3 is still seen', () => {
    const cfg = preset('ideal');
    // A tiny L3 so that the transaction's lines leave it.
    const m = machine('ideal', { l2: { sizeKiB: 64 }, l3: { sizeKiB: 256 } });
    expect(cfg.htm.timerIntervalCycles).toBe(0);
    const log = recordAborts(m);
    m.htm.begin(C0);
    const n = 16384; // 1 MiB of lines through a 256 KiB L3
    for (let i = 0; i < n; i++) expect(m.write(C0, A(BASE + i * 64), 8)).not.toBe(ACCESS_ABORTED);
    expect(m.probe(C0, A(BASE)).inL3).toBe(false);
    // Core 1 reads the first line (gone from every cache): core 0's write set still holds it.
    m.read(C1, A(BASE), 8);
    expect(log).toEqual([{ core: 0, status: (XABORT_CONFLICT | XABORT_RETRY) >>> 0, cause: 'conflict' }]);
  });

  it('a read set that left the L3 gets its directory marks back when the line returns', () => {
    const m = machine('ideal', { l2: { sizeKiB: 64 }, l3: { sizeKiB: 256 } });
    const log = recordAborts(m);
    m.htm.begin(C0);
    for (let i = 0; i < 16384; i++) m.read(C0, A(BASE + i * 64), 8);
    m.read(C1, A(BASE), 8); // a read does not conflict with a read set; the line comes back to the L3
    expect(log).toHaveLength(0);
    expect(m.probe(C1, A(BASE)).l1).toBe('S'); // core 0 is a sticky sharer again: no silent E → M
    m.write(C1, A(BASE), 8);
    expect(log.map((r) => r.cause)).toEqual(['conflict']);
  });

  it('the line set grows and clears', () => {
    const s = new TxLineSet();
    for (let i = 0; i < 5000; i++) expect(s.add(i * 7 + 2 ** 33, 1)).toBe(true);
    expect(s.add(7 + 2 ** 33, 2)).toBe(false);
    expect(s.flags(7 + 2 ** 33)).toBe(3);
    expect(s.size).toBe(5000);
    s.clear();
    expect(s.flags(7 + 2 ** 33)).toBe(0);
  });
});

describe('a read signature (Bloom filter)', () => {
  const BITS = 1024;
  const HASHES = 2;
  const sigCfg = { htm: { timerIntervalCycles: 0, readSetTracking: 'signature' as const, signature: { bits: BITS, hashes: HASHES } } };

  it('never aborts for read capacity (a read set larger than the L3)', () => {
    const m = machine('small-2c', sigCfg);
    expect(linesUntilAbort(m, false, 64, 8192).fit).toBe(Infinity);
  });

  it('aborts falsely at the rate the Bloom-filter formula gives', () => {
    // Core 0 reads n lines; core 1 then writes lines core 0 never touched, one fresh transaction
    // of core 0 per trial. The share of trials that abort core 0 estimates the false-positive rate.
    const n = 200;
    const trials = 400;
    let falseAborts = 0;
    const m = machine('haswell-4c', sigCfg, 7);
    const log = recordAborts(m);
    for (let t = 0; t < trials; t++) {
      m.htm.begin(C0);
      const base = BASE + t * 0x200000;
      for (let i = 0; i < n; i++) m.read(C0, A(base + i * 64), 8);
      const before = log.length;
      m.write(C1, A(0x40000000 + t * 64 * 97), 8); // a line core 0 never read
      if (log.length > before) falseAborts++;
      if (m.htm.active(C0)) m.htm.end(C0);
    }
    const measured = falseAborts / trials;
    const expected = bloomFalsePositive(BITS, HASHES, n);
    // Binomial standard error at 400 trials: sqrt(p(1-p)/400) ≈ 0.024 for p ≈ 0.1; 3 σ.
    expect(expected).toBeGreaterThan(0.08);
    expect(Math.abs(measured - expected)).toBeLessThan(3 * Math.sqrt(expected * (1 - expected) / trials));
    expect(m.stats().htm.abortsByCause.conflict).toBe(falseAborts);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const run = (seed: number): number => {
      const m = machine('haswell-4c', sigCfg, seed);
      const log = recordAborts(m);
      let hits = 0;
      for (let t = 0; t < 100; t++) {
        m.htm.begin(C0);
        for (let i = 0; i < 150; i++) m.read(C0, A(BASE + t * 0x100000 + i * 64), 8);
        const before = log.length;
        m.write(C1, A(0x40000000 + t * 64 * 31), 8);
        if (log.length > before) hits++;
        if (m.htm.active(C0)) m.htm.end(C0);
      }
      return hits;
    };
    expect(run(3)).toBe(run(3));
    const seeds = [1, 2, 3, 4, 5].map(run);
    expect(new Set(seeds).size).toBeGreaterThan(1);
  });
});

describe('POWER8 rollback-only transactions and suspend/resume', () => {
  it('another core writing a line a rollback-only transaction read does not abort it; an ordinary one aborts', () => {
    const m = machine('power8', { htm: { timerIntervalCycles: 0 } });
    const log = recordAborts(m);
    expect(m.htm.beginRollbackOnly(C0)).toBe(XBEGIN_STARTED);
    m.read(C0, A(BASE), 8);
    m.write(C1, A(BASE), 8);
    expect(log).toHaveLength(0);
    m.htm.end(C0);
    m.htm.begin(C0);
    m.read(C0, A(BASE), 8);
    m.write(C1, A(BASE), 8);
    expect(log.map((r) => r.cause)).toEqual(['conflict']);
  });

  it('a rollback-only transaction reads more than the TMCAM holds, but its writes are still tracked', () => {
    const m = machine('power8', { htm: { timerIntervalCycles: 0 } });
    const log = recordAborts(m);
    m.htm.beginRollbackOnly(C0);
    for (let i = 0; i < 1000; i++) expect(m.read(C0, A(BASE + i * 128), 8)).not.toBe(ACCESS_ABORTED);
    m.write(C0, A(BASE), 8);
    m.read(C1, A(BASE), 8); // reads a line in its write set
    expect(log.map((r) => r.cause)).toEqual(['conflict']);
  });

  it('suspended accesses are untracked; a conflict while suspended aborts, and resume reports it', () => {
    const m = machine('power8', { htm: { timerIntervalCycles: 0 } });
    const log = recordAborts(m);
    m.htm.begin(C0);
    m.write(C0, A(BASE), 8);
    m.htm.suspend(C0);
    expect(m.htm.active(C0)).toBe(false);
    for (let i = 1; i <= 100; i++) m.write(C0, A(BASE + i * 128), 8); // beyond the TMCAM: untracked
    expect(log).toHaveLength(0);
    expect(m.htm.resume(C0)).toBe(true);
    expect(m.htm.active(C0)).toBe(true);
    m.htm.suspend(C0);
    m.read(C1, A(BASE), 8); // conflicts with the suspended transaction's write set
    expect(log.map((r) => r.cause)).toEqual(['conflict']);
    expect(m.htm.resume(C0)).toBe(false);
    expect(m.htm.active(C0)).toBe(false);
  });

  it('presets without the features refuse the calls', () => {
    const m = machine('haswell-4c');
    expect(m.htm.rollbackOnly).toBe(false);
    expect(() => m.htm.beginRollbackOnly(C0)).toThrow(/rollback-only/);
    expect(() => m.htm.suspend(C0)).toThrow(/suspend/);
  });
});

describe('presets', () => {
  it('load, with the line sizes of their parts', () => {
    expect(loadMachinePreset('power8').lineBytes).toBe(128);
    expect(loadMachinePreset('bgq').lineBytes).toBe(128);
    expect(loadMachinePreset('zec12').lineBytes).toBe(256);
    expect(loadMachinePreset('tme').lineBytes).toBe(64);
    expect(loadMachinePreset('ideal').htm.writeSetTracking).toBe('unbounded');
  });

  it('a tracking mode without its structure is one clear line', () => {
    const bad = { ...preset('haswell-4c'), htm: { ...preset('haswell-4c').htm, readSetTracking: 'signature' } };
    expect(() => validateMachineConfig(bad, 'x.yaml')).toThrow(/htm\.signature.*readSetTracking is 'signature'/);
    const odd = { ...preset('power8'), htm: { ...preset('power8').htm, buffer: { lines: 64, ways: 5 } } };
    expect(() => validateMachineConfig(odd, 'x.yaml')).toThrow(/htm\.buffer\.ways/);
  });

  it('at 256-byte lines, two addresses 128 bytes apart share a line (false sharing): a conflict', () => {
    const m = machine('zec12', { htm: { timerIntervalCycles: 0 } });
    const log = recordAborts(m);
    m.htm.begin(C0);
    m.write(C0, A(BASE), 8);
    m.read(C1, A(BASE + 128), 8);
    expect(log.map((r) => r.cause)).toEqual(['conflict']);
  });
});

describe('footprint histograms', () => {
  it('bucket bounds are exact below 32 and within 12.5% above', () => {
    for (const n of [0, 1, 31, 32, 33, 100, 1000, 123456, 2 ** 30]) {
      const low = bucketLow(footprintBucket(n));
      expect(low).toBeLessThanOrEqual(n);
      expect(n - low).toBeLessThanOrEqual(n / 8);
      if (n < 32) expect(low).toBe(n);
    }
  });

  it('count each ended transaction once, by distinct lines and written lines', () => {
    const m = machine('haswell-4c', { htm: { timerIntervalCycles: 0 } });
    recordAborts(m);
    m.htm.begin(C0);
    for (let i = 0; i < 10; i++) m.read(C0, A(BASE + i * 64), 8);
    for (let i = 0; i < 3; i++) m.write(C0, A(BASE + i * 64), 8);
    m.htm.end(C0);
    m.htm.begin(C0);
    m.write(C0, A(BASE), 8);
    m.htm.abort(C0, 1);
    const h = m.footprintHistograms();
    expect(h.committedLines).toEqual([[10, 1]]);
    expect(h.committedWriteLines).toEqual([[3, 1]]);
    expect(h.abortedLines).toEqual([[1, 1]]);
    m.resetStats();
    expect(m.footprintHistograms().committedLines).toEqual([]);
  });
});
