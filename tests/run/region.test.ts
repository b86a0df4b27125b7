/**
 * Regions of interest (sim/run/region.ts): the record counts only what runs between the guest's
 * roi_begin() and roi_end(), says so in `region`, and a program without markers counts the whole
 * run (its figures are those of bench/record-runs.ts's recorded runs, checked there bit for bit).
 */
import { describe, expect, it } from 'vitest';
import { resolveExecConfig } from '../../sim/experiment/resolve.js';
import { CYCLE_CATEGORIES } from '../../sim/policies/cycle-ledger.js';
import type { RunResult } from '../../sim/run/result.js';
import { runPointSync } from '../../sim/run/run-point.js';
import { runGuest, withoutHost } from '../policies/helpers.js';

function run(source: string, policy = 'serial', cores = 1, sets: string[] = []): RunResult {
  const r = runGuest(source, policy, cores, sets);
  expect(r.status, r.stderr).toBe('ok');
  return r;
}

/** The counted work: a dict and list churned in a loop (allocations, refcounts, hash lookups). */
const WORK = `
def work(n):
    s = 0
    d = {}
    xs = []
    for i in range(n):
        s += i * i
        d[i % 50] = s
        xs.append(i)
        if len(xs) > 40:
            xs = []
    return s
`;
/** The same region, with heavy work (other functions, other data) before it and after it. */
const PROGRAMS = {
  bare: `from htmsim import roi_begin, roi_end\n${WORK}\nroi_begin()\nprint(work(1500))\nroi_end()\n`,
  padded: `from htmsim import roi_begin, roi_end\n${WORK}
def other(n):
    t = []
    for i in range(n):
        t.append(str(i) * 3)
    return len(t)
print(other(3000))
work(3000)
roi_begin()
print(work(1500))
roi_end()
print(other(3000))
`,
};

describe('a region of interest', () => {
  const bare = run(PROGRAMS.bare);
  const padded = run(PROGRAMS.padded);

  it('counts only what runs inside it: work before roi_begin and after roi_end adds nothing', () => {
    expect(padded.region.kind).toBe('roi');
    expect(bare.region.kind).toBe('roi');
    // The guest runs the same bytecodes in the region, so these must be equal exactly.
    expect(padded.bytecodes).toBe(bare.bytecodes);
    expect(padded.cores[0]!.bytecodes).toBe(bare.cores[0]!.bytecodes);
    // Memory accesses too, but for the allocator's bookkeeping: pymalloc's traffic depends on the
    // state the set-up left (a block from a free list, a fresh pool, a pool that fills or empties
    // touches one more or one fewer word), as CPython's does: a handful against tens of thousands.
    expect(Math.abs(padded.memoryAccesses - bare.memoryAccesses)).toBeLessThanOrEqual(bare.memoryAccesses / 5000);
    // Lines touched depend on where the allocator put the region's objects, which the padding
    // moves (an object may straddle one more or one fewer line; under refcount cpython pymalloc
    // may serve the region from pools the set-up left partly used, or carve new ones, each pool
    // header a line): equal to within a few lines, against the thousands the whole program touches.
    for (const k of ['lines', 'linesRead', 'linesWritten'] as const) {
      expect(Math.abs(padded.footprint[k] - bare.footprint[k]), k).toBeLessThanOrEqual(8);
    }
    // The padded run's region is far from its whole run, and as long as the region it counts.
    expect(padded.simCycles).toBe(padded.region.endCycle - padded.region.beginCycle);
    expect(padded.region.beginCycle).toBeGreaterThan(padded.simCycles);
    expect(padded.simSeconds).toBeCloseTo(padded.simCycles / 3.4e9, 12);
  });

  it('starts with the caches as the set-up left them: fewer misses, a little faster, never slower', () => {
    // The only difference the padding makes: the earlier work(3000) warmed the caches (the code,
    // the interpreter's data, the dict's lines), so the padded region misses less.
    expect(padded.caches.l1d.misses).toBeLessThan(bare.caches.l1d.misses);
    // Line accesses (an access spanning two lines is two) differ only by such straddles.
    const lineAccesses = (r: RunResult): number => r.caches.l1d.hits + r.caches.l1d.misses;
    expect(Math.abs(lineAccesses(padded) - lineAccesses(bare))).toBeLessThan(lineAccesses(bare) / 1000);
    expect(padded.simCycles).toBeLessThan(bare.simCycles);
    // What the region saves is the memory misses the set-up's warm L2/L3 spared it (200 cycles
    // each on haswell) and the L1 misses served nearer (at most 36 each): nothing else.
    const saved = bare.simCycles - padded.simCycles;
    const memorySaved = bare.caches.l3.misses - padded.caches.l3.misses;
    expect(memorySaved).toBeGreaterThan(0);
    expect(saved).toBeLessThanOrEqual(memorySaved * 200 + Math.abs(bare.caches.l1d.misses - padded.caches.l1d.misses) * 36);
  });

  it('the same program without markers counts the whole run', () => {
    const whole = run(PROGRAMS.padded.replace(/^roi_(begin|end)\(\)$/gm, 'pass'));
    expect(whole.region).toEqual({ kind: 'whole', beginCycle: 0, endCycle: whole.simCycles, warmupCycles: 0 });
    expect(whole.bytecodes).toBeGreaterThan(3 * padded.bytecodes);
    expect(whole.stdout).toBe(padded.stdout);
  });

  it('a warm-up delays the start by roi.warmupUs of simulated time', () => {
    const w = run(PROGRAMS.bare, 'serial', 1, ['roi.warmupUs=50']);
    expect(w.region.warmupCycles).toBe(50 * 3400);
    expect(w.region.beginCycle).toBeGreaterThanOrEqual(bare.region.beginCycle + 50 * 3400);
    // The first 50 µs of the region are not counted: fewer bytecodes, the same end.
    expect(w.bytecodes).toBeLessThan(bare.bytecodes);
    expect(w.region.endCycle).toBe(bare.region.endCycle);
    // A warm-up longer than the region leaves it empty.
    const empty = run(PROGRAMS.bare, 'serial', 1, ['roi.warmupUs=100000']);
    expect(empty.simCycles).toBe(0);
    expect(empty.bytecodes).toBe(0);
  });
});

describe('regions on several cores', () => {
  const sets = ['perturbation.missCycles=2', 'perturbation.timerPhase=true'];
  const params = { threads: 4, iters: 400 };
  const runW = (policy: string, seed: number): RunResult => {
    // shared-counter loses updates without a lock under free threading: independent work there.
    const name = policy === 'nogil' ? 'independent' : 'shared-counter';
    const r = runPointSync(resolveExecConfig({ policy, cores: 4, seed, sets, workload: { name, params } }));
    expect(r.status, r.stderr).toBe('ok');
    return r;
  };

  it.each(['gil', 'htm', 'stm', 'nogil'])('%s: every core\'s parts are non-negative and sum to the region\'s cycles', (policy) => {
    const r = runW(policy, 1);
    expect(r.region.kind).toBe('roi');
    for (const c of r.cores) {
      let sum = 0;
      for (const k of CYCLE_CATEGORIES) {
        expect(c.cycles[k], k).toBeGreaterThanOrEqual(0);
        sum += c.cycles[k];
      }
      expect(sum).toBe(r.simCycles);
      expect(c.busyCycles + c.idleCycles + c.lockWaitCycles).toBe(r.simCycles);
    }
  });

  it('with perturbation, two seeds are two samples of the region; one seed twice is the same run', () => {
    const a = runW('htm', 1);
    const b = runW('htm', 2);
    const again = runW('htm', 1);
    expect(withoutHost(again)).toEqual(withoutHost(a));
    expect(b.simCycles).not.toBe(a.simCycles);
    expect(b.htm.aborted).not.toBe(a.htm.aborted);
    expect(b.stdout).toBe(a.stdout);
  });
});
