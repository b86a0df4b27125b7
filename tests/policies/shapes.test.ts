/**
 * The published shapes (shared/FACTS.md) each policy must show, on small deterministic programs.
 */
import { describe, expect, it } from 'vitest';
import { independent, sharedCounter } from './programs.js';
import { runGuest } from './helpers.js';

/** The interpreter's shared writes turned off (what HTM and free threading need to scale). */
const QUIET = ['interp.refcount=none', 'interp.allocator=per-thread', 'interp.smallIntCache=false', 'interp.ticker=per-thread'];

describe('GIL', () => {
  it('gives no scaling: N threads doing N× the work take about N× the time', () => {
    // A 50 us switch interval so that the threads really contend (at the default 5 ms this short
    // program never switches: the threads simply run one after another).
    const sets = ['gil.switchIntervalUs=50'];
    const base = runGuest(independent(1, 3000), 'gil', 4, sets).simCycles;
    const two = runGuest(independent(2, 3000), 'gil', 4, sets).simCycles;
    const four = runGuest(independent(4, 3000), 'gil', 4, sets).simCycles;
    expect(two / base).toBeGreaterThanOrEqual(1.9);
    expect(four / base).toBeGreaterThanOrEqual(3.8);
  });

  it('ticks vs interval changes how often the lock moves, not throughput much', () => {
    const ticks = runGuest(independent(2, 4000), 'gil', 2, ['gil.mode=ticks']);
    const interval = runGuest(independent(2, 4000), 'gil', 2, ['gil.mode=interval', 'gil.switchIntervalUs=50']);
    expect(ticks.gil.acquisitions).not.toBe(interval.gil.acquisitions);
    const ratio = ticks.simCycles / interval.simCycles;
    expect(ratio).toBeGreaterThan(0.8);
    expect(ratio).toBeLessThan(1.25);
  });
});

describe('yield points: a loop body without calls', () => {
  it('loses no update of counter[0] += 1 under gil (interval), stm and htm', () => {
    for (const policy of ['gil', 'stm', 'htm']) {
      const r = runGuest(sharedCounter(4, 1500), policy, 4);
      expect(r.stdout, policy).toBe('6000\n');
    }
  });

  it('loses updates under nogil on 4 cores, as free-threaded code really does', () => {
    const r = runGuest(sharedCounter(4, 1500), 'nogil', 4);
    expect(Number(r.stdout.trim())).toBeLessThan(6000);
  });
});

describe('free threading', () => {
  it('scales almost perfectly on independent work', () => {
    const one = runGuest(independent(1, 3000), 'nogil', 4, QUIET).simCycles;
    const four = runGuest(independent(4, 3000), 'nogil', 4, QUIET).simCycles;
    // 4× the work in about the time of 1×.
    expect(four / one).toBeLessThan(1.25);
  });
});

describe('HTM lock elision', () => {
  it('scales independent work ≥ 3× on 4 cores once the interpreter’s shared writes are off', () => {
    const one = runGuest(independent(1, 3000), 'htm', 4, QUIET).simCycles;
    const four = runGuest(independent(4, 3000), 'htm', 4, QUIET).simCycles;
    expect((4 * one) / four).toBeGreaterThanOrEqual(3);
  });

  it('scales far less with CPython’s refcounting, shared allocator and ticker, and conflicts say why', () => {
    const one = runGuest(independent(1, 3000), 'htm', 4).simCycles;
    const r = runGuest(independent(4, 3000), 'htm', 4);
    const quiet = runGuest(independent(4, 3000), 'htm', 4, QUIET);
    expect(r.simCycles).toBeGreaterThan(quiet.simCycles * 1.3);
    expect((4 * one) / r.simCycles).toBeLessThan(3);
    const c = r.htm.abortsByCause;
    expect(c.conflict).toBeGreaterThan(c.capacity + c.interrupt + c.explicit);
  });

  it('with very long transactions, capacity aborts dominate and threads fall back to the GIL', () => {
    const r = runGuest(independent(4, 3000), 'htm', 4, [...QUIET, 'htm.txLength=200000']);
    const c = r.htm.abortsByCause;
    expect(c.capacity).toBeGreaterThan(0);
    expect(r.htm.fallbacks).toBeGreaterThan(0);
  });
});

describe('STM', () => {
  it('costs 20–70% on one thread against the GIL', () => {
    const gil = runGuest(independent(1, 4000), 'gil', 1).simCycles;
    const stm = runGuest(independent(1, 4000), 'stm', 1).simCycles;
    const overhead = stm / gil - 1;
    expect(overhead).toBeGreaterThanOrEqual(0.2);
    expect(overhead).toBeLessThanOrEqual(0.7);
  });

  it('runs independent work ≥ 3× faster on 4 cores', () => {
    const one = runGuest(independent(1, 3000), 'stm', 4, QUIET).simCycles;
    const four = runGuest(independent(4, 3000), 'stm', 4, QUIET).simCycles;
    expect((4 * one) / four).toBeGreaterThanOrEqual(3);
  });

  it('serializes a shared counter but is not slower than the GIL by more than its single-thread overhead', () => {
    const gil1 = runGuest(independent(1, 4000), 'gil', 1).simCycles;
    const stm1 = runGuest(independent(1, 4000), 'stm', 1).simCycles;
    const gil = runGuest(sharedCounter(4, 1500), 'gil', 4).simCycles;
    const stm = runGuest(sharedCounter(4, 1500), 'stm', 4).simCycles;
    expect(stm / gil).toBeLessThanOrEqual((stm1 / gil1) * 1.15);
  });
});

describe('policy-implied interpreter', () => {
  it('free threading runs PEP 703’s interpreter unless told otherwise, and then scales with defaults', () => {
    const one = runGuest(independent(1, 2000), 'nogil', 4);
    const four = runGuest(independent(4, 2000), 'nogil', 4);
    expect(one.config.interp.refcount).toBe('biased');
    expect(one.config.interp.allocator).toBe('per-thread');
    expect(four.simCycles / one.simCycles).toBeLessThan(1.25);
    const cpython = runGuest(independent(1, 200), 'nogil', 1, ['interp.refcount=cpython']);
    expect(cpython.config.interp.refcount).toBe('cpython');
    expect(runGuest(independent(1, 200), 'gil', 1).config.interp.refcount).toBe('cpython');
  });
});
