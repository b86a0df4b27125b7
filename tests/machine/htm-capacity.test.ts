import { describe, expect, it } from 'vitest';
import { asCycles } from '../../sim/common/brand.js';
import { ACCESS_ABORTED, XABORT_CAPACITY, XABORT_CONFLICT, XABORT_RETRY, XBEGIN_STARTED } from '../../sim/machine/port.js';
import { A, C0, machine, recordAborts } from './helpers.js';

const LINE = 64;
const L1_SET_STRIDE = 64 * LINE; // haswell-4c: 64 L1D sets

/** Runs one transaction on core 0 touching `addrs`; returns 'committed' or the abort status. */
function runTx(name: string, addrs: number[], write: boolean, timer = true): { result: 'committed' | number; aborts: number } {
  const m = timer ? machine(name) : machine(name, { htm: { timerIntervalCycles: 0 } });
  const log = recordAborts(m);
  expect(m.htm.begin(C0)).toBe(XBEGIN_STARTED);
  for (const a of addrs) {
    const r = write ? m.write(C0, A(a), 8) : m.read(C0, A(a), 8);
    if (r === ACCESS_ABORTED) {
      expect(log).toHaveLength(1);
      expect(m.htm.active(C0)).toBe(false);
      return { result: log[0]!.status, aborts: m.stats().htm.aborted };
    }
  }
  m.htm.end(C0);
  expect(m.stats().htm.committed).toBe(1);
  return { result: 'committed', aborts: 0 };
}

const lines = (n: number, stride = LINE): number[] => Array.from({ length: n }, (_, i) => 0x100000 + i * stride);

describe('HTM capacity on haswell-4c', () => {
  it('a transaction writing 64 distinct lines commits', () => {
    expect(runTx('haswell-4c', lines(64), true).result).toBe('committed');
  });

  it('a transaction writing 600 distinct lines aborts with the capacity bit (and no retry bit)', () => {
    const { result } = runTx('haswell-4c', lines(600), true);
    expect(result).toBe(XABORT_CAPACITY);
  });

  it('8 written lines in one L1D set commit; 9 abort with capacity', () => {
    expect(runTx('haswell-4c', lines(8, L1_SET_STRIDE), true).result).toBe('committed');
    expect(runTx('haswell-4c', lines(9, L1_SET_STRIDE), true).result).toBe(XABORT_CAPACITY);
  });

  it('the 9-line abort happens exactly at the ninth write', () => {
    const m = machine('haswell-4c');
    recordAborts(m);
    m.htm.begin(C0);
    const addrs = lines(9, L1_SET_STRIDE);
    for (let i = 0; i < 8; i++) expect(m.write(C0, A(addrs[i]!), 8)).not.toBe(ACCESS_ABORTED);
    expect(m.write(C0, A(addrs[8]!), 8)).toBe(ACCESS_ABORTED);
    // The speculative lines were discarded from L1D.
    expect(m.probe(C0, A(addrs[0]!)).l1).toBe('I');
    expect(m.stats().htm.abortsByCause.capacity).toBe(1);
  });

  // Cold, these passes take longer than the 1 ms timer tick (65536 misses × 200 cycles ≈ 3.9 ms),
  // which would abort them first, as on real parts; capacity is tested with the timer off.
  it('reads beyond L1D stay tracked: a read-only transaction over 4 MiB of distinct lines commits', () => {
    expect(runTx('haswell-4c', lines((4 << 20) / LINE), false, false).result).toBe('committed');
  });

  it('a read-only transaction over 16 MiB (twice the L3) aborts with capacity', () => {
    expect(runTx('haswell-4c', lines((16 << 20) / LINE), false, false).result).toBe(XABORT_CAPACITY);
  });

  it('with the timer on, a warm 4 MiB read-only transaction fits in one tick and commits; a cold one is interrupted', () => {
    const addrs = lines((4 << 20) / LINE);
    expect(runTx('haswell-4c', addrs, false).result).toBe(0); // status 0: interrupt
    const m = machine('haswell-4c');
    for (const a of addrs) m.read(C0, A(a), 8); // now in the L3 (36 cycles each ⇒ 2.4 M cycles)
    const tick = m.config.htm.timerIntervalCycles;
    m.advanceTo(C0, asCycles((Math.floor(m.now(C0) / tick) + 1) * tick)); // begin right after a tick
    const log = recordAborts(m);
    m.htm.begin(C0);
    for (const a of addrs) m.read(C0, A(a), 8);
    expect(log).toEqual([]);
    m.htm.end(C0);
    expect(m.stats().htm.committed).toBe(1);
  });

  it('with read-set tracking in L1 only, a 64 KiB read-only transaction aborts', () => {
    const m = machine('haswell-4c', { htm: { readSetTracking: 'l1' } });
    const log = recordAborts(m);
    m.htm.begin(C0);
    let aborted = false;
    for (const a of lines(1024)) if (m.read(C0, A(a), 8) === ACCESS_ABORTED) { aborted = true; break; }
    expect(aborted).toBe(true);
    expect(log[0]!.cause).toBe('capacity');
  });

  it('with read-set tracking through L2, 128 KiB commits and 1 MiB aborts', () => {
    const cfg = { htm: { readSetTracking: 'l2' as const } };
    const ok = machine('haswell-4c', cfg);
    ok.htm.begin(C0);
    for (const a of lines(2048)) expect(ok.read(C0, A(a), 8)).not.toBe(ACCESS_ABORTED);
    ok.htm.end(C0);
    const big = machine('haswell-4c', cfg);
    const log = recordAborts(big);
    big.htm.begin(C0);
    for (const a of lines(16384)) if (big.read(C0, A(a), 8) === ACCESS_ABORTED) break;
    expect(log).toEqual([{ core: 0, status: XABORT_CAPACITY, cause: 'capacity' }]);
  });

  it('capacity is not a conflict: the status has neither conflict nor retry bits', () => {
    const { result } = runTx('haswell-4c', lines(9, L1_SET_STRIDE), true);
    expect((result as number) & (XABORT_CONFLICT | XABORT_RETRY)).toBe(0);
  });
});
