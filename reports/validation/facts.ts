/**
 * The fact checks of `configs/validation*.yaml`: each published fact of shared/FACTS.md that htmsim
 * models, measured from the result records of those experiments (docs/results-format.md) and
 * judged against the band FACTS.md states. Facts it does not model, or that these experiments do
 * not measure, are listed with the reason. Reads records only; never imports the simulator.
 *
 * Every row is one of three kinds, reported apart (only validation rows make the headline):
 * - calibration: a parameter was fitted to this published number (the row says which and how);
 *   it shows the fit still holds, it is not evidence;
 * - validation: a published number no parameter was fitted to, predicted by the model;
 * - mechanism: a configured behaviour working as configured (its value follows from a parameter).
 *
 * Bands are the published ones. Where FACTS.md says "~X", "≈ X" or "about X", the band is X ± 5%
 * (APPROX), one rule for every row; a published range "a–b" is taken as written.
 *
 * Points are selected by their fully resolved configuration (`result.config`), so a check does not
 * depend on which parameters happened to vary across the sweep.
 */
import { isObject, type PointRecord, type Scalar } from '../records.js';

/** A measured value (null: the points it needs are missing or failed) and how it was obtained. */
export interface Measurement {
  value: number | null;
  text: string;
  /** Further numbers a compound fact is judged on (e.g. both ends of a sweep). */
  detail?: Record<string, number>;
}

export type RowKind = 'calibration' | 'validation' | 'mechanism';

export const ROW_KINDS: readonly RowKind[] = ['validation', 'calibration', 'mechanism'];

/** How "~X" / "≈ X" / "about X" in FACTS.md is read: X ± 5% (relative). */
export const APPROX = 0.05;

export interface FactCheck {
  id: string;
  kind: RowKind;
  /** The fact, one sentence. */
  fact: string;
  source: string;
  /** The published numbers and the band this check applies (FACTS.md's, read with APPROX). */
  publishedBand: string;
  /** Calibration rows: the parameters fitted to this number and how. */
  calibrates?: { params: readonly string[]; how: string };
  /** Mechanism rows: the configured parameters whose behaviour the row shows. */
  configured?: readonly string[];
  /** For a single-number band: its ends, so a failing row can say by how much it misses. */
  band?: { lo?: number; hi?: number };
  measure(records: readonly PointRecord[]): Measurement;
  /** Whether the measured value lies in the band; 'not measured' when the value is null. */
  holds(value: number | null, detail?: Record<string, number>): boolean | 'not measured';
}

export interface UncheckedFact {
  id: string;
  fact: string;
  source: string;
  publishedBand: string;
  /** Why this experiment does not check it (not modelled, or checked elsewhere). */
  reason: string;
}

// ---------------------------------------------------------------------------------------------
// Reading records

/** A parameter of a record: from `params`, else from the resolved config (`result.config`). */
export function paramOf(rec: PointRecord, path: string): Scalar | undefined {
  if (Object.hasOwn(rec.params, path)) return rec.params[path];
  let cur: unknown = rec.result.config;
  for (const seg of path.split('.')) {
    if (!isObject(cur)) return undefined;
    cur = cur[seg];
  }
  return cur === null || ['string', 'number', 'boolean'].includes(typeof cur) ? (cur as Scalar) : undefined;
}

/** A numeric metric path inside the record (`result.simSeconds`, `result.htm.fallbacks`). */
export function metricOf(rec: PointRecord, path: string): number | undefined {
  const [head, ...rest] = path.split('.');
  let cur: unknown = head === 'result' ? rec.result : head === 'derived' ? rec.derived : undefined;
  for (const seg of rest) {
    if (!isObject(cur)) return undefined;
    cur = cur[seg];
  }
  return typeof cur === 'number' && Number.isFinite(cur) ? cur : undefined;
}

export type Where = Record<string, Scalar>;

/** The successful records matching every `where` entry. */
export function select(records: readonly PointRecord[], where: Where): PointRecord[] {
  return records.filter((r) => r.status === 'ok' && Object.entries(where).every(([k, v]) => paramOf(r, k) === v));
}

/** One metric of the first successful record matching `where`. */
function get(records: readonly PointRecord[], where: Where, path: string): number | undefined {
  for (const r of select(records, where)) {
    const v = metricOf(r, path);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** The CPython interpreter (every shared write on) and the quiet one (none of them). */
export const DEFAULT_INTERP: Where = {
  'interp.refcount': 'cpython', 'interp.allocator': 'global', 'interp.smallIntCache': true, 'interp.ticker': 'shared',
};
export const QUIET_INTERP: Where = {
  'interp.refcount': 'biased', 'interp.allocator': 'per-thread', 'interp.smallIntCache': false, 'interp.ticker': 'per-thread',
};
/**
 * The interpreter of the read-only probe: no reference counts and shared small ints, so that a
 * loop of reads writes nothing (a read-only transaction, as FACTS.md's read-set fact states).
 */
export const READ_ONLY_INTERP: Where = { 'interp.refcount': 'none', 'interp.smallIntCache': true };

const GIL: Where = { 'policy.name': 'gil', 'gil.mode': 'interval' };
const GIL_TICKS: Where = { 'policy.name': 'gil', 'gil.mode': 'ticks' };
const STM: Where = { 'policy.name': 'stm' };
const NOGIL: Where = { 'policy.name': 'nogil' };
/** HTM lock elision as configured by default in the validation experiment. */
const HTM: Where = { 'policy.name': 'htm', 'htm.txLength': 100, 'htm.waitForLockFree': true };
/** `independent` with `threads` threads of `iters` iterations and no table (validation.yaml's size by default). */
const indep = (threads: number, iters = 1500): Where => ({
  'workload.name': 'independent', 'workload.params.threads': threads, 'workload.params.iters': iters, 'workload.params.table': 0,
});
/** validation-gil.yaml: iterations per thread, enough for many switch intervals. */
const LONG_ITERS = 150_000;
/** validation-overhead.yaml: one thread on one core. */
const ONE_CORE: Where = { 'machine.cores': 1 };
/** Free threading with its own interpreter (configs/defaults.yaml policyInterp: PEP 703's). */
const NOGIL_OWN: Where = { 'policy.name': 'nogil', 'interp.refcount': 'biased', 'interp.allocator': 'per-thread', 'interp.smallIntCache': true, 'interp.ticker': 'per-thread' };
/** Programs the overhead parameters were fitted on (configs/validation-overhead.yaml). */
export const STM_FIT_PROGRAMS: readonly string[] = ['independent'];
export const NOGIL_FIT_PROGRAMS: readonly string[] = ['independent', 'richards'];

const NOT_MEASURED = (what: string): Measurement => ({ value: null, text: `not measured: ${what}` });

const fmt = (x: number, digits = 2): string => (Number.isInteger(x) ? String(x) : x.toFixed(digits));
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** Simulated seconds of the independent workload with `threads` threads under `where`. */
function indepTime(records: readonly PointRecord[], where: Where, threads: number): number | undefined {
  return get(records, { ...where, ...indep(threads) }, 'result.simSeconds');
}

/** Weak-scaling speedup: N threads do N× the work, so speedup = N · T(1) / T(N). */
function weakSpeedup(records: readonly PointRecord[], where: Where, threads: number): number | undefined {
  const t1 = indepTime(records, where, 1);
  const tn = indepTime(records, where, threads);
  return t1 !== undefined && tn !== undefined && tn > 0 ? (threads * t1) / tn : undefined;
}

const inBand = (lo: number, hi: number) => (v: number | null): boolean | 'not measured' => (v === null ? 'not measured' : v >= lo && v <= hi);
const atLeast = (lo: number) => (v: number | null): boolean | 'not measured' => (v === null ? 'not measured' : v >= lo);
const above = (lo: number) => (v: number | null): boolean | 'not measured' => (v === null ? 'not measured' : v > lo);
const atMost = (hi: number) => (v: number | null): boolean | 'not measured' => (v === null ? 'not measured' : v <= hi);

/** How far a value lies outside [lo, hi], in the value's units and relative to the nearer end; '' inside. */
export function missBy(value: number, band: { lo?: number; hi?: number }): string {
  const rel = (d: number, end: number) => (end !== 0 ? ` (${(Math.abs(d / end) * 100).toFixed(0)}%)` : '');
  if (band.lo !== undefined && value < band.lo) return `${fmt(band.lo - value, 3)} below the band's lower end ${fmt(band.lo, 3)}${rel(band.lo - value, band.lo)}`;
  if (band.hi !== undefined && value > band.hi) return `${fmt(value - band.hi, 3)} above the band's upper end ${fmt(band.hi, 3)}${rel(value - band.hi, band.hi)}`;
  return '';
}

/** Single-thread time of `workload` under `where` on one core (validation-overhead.yaml). */
function oneThreadTime(records: readonly PointRecord[], where: Where, workload: string): number | undefined {
  return get(records, { ...where, ...ONE_CORE, 'workload.name': workload }, 'result.simSeconds');
}

/** Programs with a one-core point under `where`, in name order. */
function oneCorePrograms(records: readonly PointRecord[], where: Where): string[] {
  const names = new Set<string>();
  for (const r of select(records, { ...where, ...ONE_CORE })) {
    const n = paramOf(r, 'workload.name');
    if (typeof n === 'string') names.add(n);
  }
  return [...names].sort();
}

/** Per-program overhead of `a` against `b` (time ratio − 1) on one core, for programs with both points. */
function overheads(records: readonly PointRecord[], a: Where, b: Where, programs: readonly string[]): { name: string; overhead: number }[] {
  const out: { name: string; overhead: number }[] = [];
  for (const name of programs) {
    const ta = oneThreadTime(records, a, name);
    const tb = oneThreadTime(records, b, name);
    if (ta !== undefined && tb !== undefined && tb > 0) out.push({ name, overhead: ta / tb - 1 });
  }
  return out;
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Overheads of `a` against `b` on the programs not in `fitted`, their mean and a listing; undefined when none. */
function heldOut(records: readonly PointRecord[], a: Where, b: Where, fitted: readonly string[]): { os: { name: string; overhead: number }[]; mean: number; list: string } | undefined {
  const os = overheads(records, a, b, oneCorePrograms(records, a).filter((n) => !fitted.includes(n)));
  if (os.length === 0) return undefined;
  return { os, mean: mean(os.map((o) => o.overhead)), list: os.map((o) => `${o.name} ${pct(o.overhead)}`).join(', ') };
}

/** Commit ratio (`result.metrics.commit_ratio`) of the capacity probe points matching `where` with `param` = `size`. */
function commitRatio(records: readonly PointRecord[], where: Where, param: string, size: number): number | undefined {
  return get(records, { ...NOGIL, ...where, [`workload.params.${param}`]: size }, 'result.metrics.commit_ratio');
}

/** The values of a capacity probe's size parameter (`kib`, `lines`) present under `where`, ascending. */
function probeSizes(records: readonly PointRecord[], where: Where, param: string): number[] {
  const sizes = new Set<number>();
  for (const r of select(records, { ...NOGIL, ...where })) {
    const v = paramOf(r, `workload.params.${param}`);
    if (typeof v === 'number' && metricOf(r, 'result.metrics.commit_ratio') !== undefined) sizes.add(v);
  }
  return [...sizes].sort((a, b) => a - b);
}

/**
 * The Haswell probes of validation-probes.yaml (preset `haswell`): the design probes of
 * validation-designs.yaml run the same workloads on other presets (designs.ts judges those).
 */
export const HASWELL: Where = { 'machine.name': 'haswell' };
/** The write-set probe at one byte per 64-byte line, quiet interpreter. */
const WRITE_PROBE: Where = { ...HASWELL, ...QUIET_INTERP, 'workload.name': 'capacity-write', 'workload.params.line': 64 };
/** The read-set probe at one byte per 64-byte line, nothing written. */
const READ_PROBE: Where = { ...HASWELL, ...READ_ONLY_INTERP, 'workload.name': 'capacity-read', 'workload.params.line': 64 };

/** A number of the Haswell probes' machine (the first record of preset `haswell` that has it). */
function machineNumber(records: readonly PointRecord[], path: string): number | undefined {
  for (const r of select(records, HASWELL)) {
    const v = paramOf(r, path);
    if (typeof v === 'number') return v;
  }
  return undefined;
}

/** The HTM transaction lengths swept with the quiet interpreter (wait for the lock free), ascending. */
function htmLengths(records: readonly PointRecord[], workload: Where): number[] {
  const lengths = new Set<number>();
  for (const r of select(records, { 'policy.name': 'htm', 'htm.waitForLockFree': true, ...QUIET_INTERP, ...workload })) {
    const l = paramOf(r, 'htm.txLength');
    if (typeof l === 'number') lengths.add(l);
  }
  return [...lengths].sort((a, b) => a - b);
}

/**
 * Workloads of the HTM length sweep. `grows`: the lines a transaction writes grow with its length
 * (independent with a private table: a new row per iteration), the workloads the capacity fact is
 * about; tx-demo's items keep a small footprint and count only for the intermediate-length fact.
 */
const LENGTH_WORKLOADS: { label: string; where: Where; grows: boolean }[] = [
  { label: 'independent×4 with a 256 KiB table', where: { ...indep(4, 6000), 'workload.params.table': 256 }, grows: true },
  { label: 'tx-demo', where: { 'workload.name': 'tx-demo' }, grows: false },
];

// ---------------------------------------------------------------------------------------------
// The checks

const GIL_CPY: Where = { ...GIL, ...DEFAULT_INTERP };
const GIL_QUIET: Where = { ...GIL, ...QUIET_INTERP };
const STM_QUIET: Where = { ...STM, ...QUIET_INTERP };
const approxBand = (x: number): { lo: number; hi: number } => ({ lo: x * (1 - APPROX), hi: x * (1 + APPROX) });

/** PyPy-STM's published single-thread overhead without JIT: ~40% on average, max ~65%. */
const STM_MEAN = approxBand(0.4);
const STM_MAX = 0.65 * (1 + APPROX);
/** PEP 703: 5–8% single-thread overhead. */
const NOGIL_BAND = { lo: 0.05, hi: 0.08 };

/** Weak-scaling time ratio T(N)/(N·T(1)) of the long GIL runs in `mode`. */
function gilLongRatio(records: readonly PointRecord[], mode: 'interval' | 'ticks', threads: number): number | undefined {
  const where = { 'policy.name': 'gil', 'gil.mode': mode, ...DEFAULT_INTERP };
  const t1 = indepTimeIters(records, where, 1, LONG_ITERS);
  const tn = indepTimeIters(records, where, threads, LONG_ITERS);
  return t1 !== undefined && tn !== undefined && t1 > 0 ? tn / (threads * t1) : undefined;
}

function indepTimeIters(records: readonly PointRecord[], where: Where, threads: number, iters: number): number | undefined {
  return get(records, { ...where, ...indep(threads, iters) }, 'result.simSeconds');
}

/** One point of the HTM length sweep (validation-length.yaml): quiet interpreter, waiting or not. */
function lengthPoint(records: readonly PointRecord[], where: Where, len: number, wait: boolean): { t: number; fb: number; committed: number } | undefined {
  const w = { 'policy.name': 'htm', ...QUIET_INTERP, ...where, 'htm.txLength': len, 'htm.waitForLockFree': wait };
  const t = get(records, w, 'result.simSeconds');
  if (t === undefined) return undefined;
  return { t, fb: get(records, w, 'result.htm.fallbacks') ?? 0, committed: get(records, w, 'result.htm.committed') ?? 0 };
}

/** Contiguous runs of `lengths` where `ok` holds, as "a–b" ranges ('none' when empty). */
export function windows(lengths: readonly number[], ok: readonly boolean[]): string {
  const runs: string[] = [];
  let start = -1;
  for (let i = 0; i <= lengths.length; i++) {
    if (i < lengths.length && ok[i]) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      runs.push(start === i - 1 ? String(lengths[start]) : `${lengths[start]}–${lengths[i - 1]}`);
      start = -1;
    }
  }
  return runs.length ? runs.join(', ') : 'none';
}

export const FACT_CHECKS: readonly FactCheck[] = [
  // ----- calibration: a parameter was fitted to these numbers
  {
    id: 'stm-overhead-fit',
    kind: 'calibration',
    fact: 'PyPy-STM without JIT costs ~40% on average over the GIL build on one thread.',
    source: 'Meier, Rigo, Gross, DLS 2014 draft',
    publishedBand: '~40% (38–42%), on the program it was fitted on: independent, one thread, quiet interpreter on both sides',
    calibrates: { params: ['stm.readBarrierCycles'], how: 'set by hand (integer cycles per read barrier) until independent×1 under stm was ~40% slower than under the GIL, both on the quiet interpreter; 4 → 8 moves it from ~26% to ~52%' },
    band: STM_MEAN,
    measure(records) {
      const [o] = overheads(records, STM_QUIET, GIL_QUIET, STM_FIT_PROGRAMS);
      if (o === undefined) return NOT_MEASURED('independent×1 under stm and gil on one core, quiet interpreter (validation-overhead)');
      return { value: o.overhead, text: `${pct(o.overhead)} slower than the GIL on ${o.name}` };
    },
    holds: inBand(STM_MEAN.lo, STM_MEAN.hi),
  },
  {
    id: 'nogil-overhead-fit',
    kind: 'calibration',
    fact: 'Free-threaded CPython costs ~5–8% on one thread against the GIL build.',
    source: 'PEP 703',
    publishedBand: '5–8% on each program it was fitted on: independent and richards, one thread (free threading with its own interpreter vs the GIL with CPython\'s)',
    calibrates: { params: ['nogil.bytecodeCycles'], how: 'set by hand (cycles per bytecode) until independent×1 and richards×1 were 5–8% slower than under the GIL (tests/policies/nogil-overhead.test.ts keeps it there)' },
    band: NOGIL_BAND,
    measure(records) {
      const os = overheads(records, NOGIL_OWN, GIL_CPY, NOGIL_FIT_PROGRAMS);
      if (os.length < NOGIL_FIT_PROGRAMS.length) return NOT_MEASURED('independent×1 and richards×1 under nogil and gil on one core (validation-overhead)');
      const worst = os.reduce((a, b) => (Math.abs(b.overhead - 0.065) > Math.abs(a.overhead - 0.065) ? b : a));
      return { value: worst.overhead, text: os.map((o) => `${o.name} ${pct(o.overhead)}`).join(', ') + ' (value: the one farther from the band\'s middle)' };
    },
    holds: inBand(NOGIL_BAND.lo, NOGIL_BAND.hi),
  },

  // ----- validation: published numbers nothing was fitted to
  {
    id: 'gil-no-scaling',
    kind: 'validation',
    fact: 'N CPU-bound threads doing N× the work under the GIL take about N× the time (no scaling); on multicore it can be slower than one thread.',
    source: 'Beazley, "Understanding the Python GIL", PyCon 2010',
    publishedBand: 'T(N) / (N · T(1)) ≈ 1 or above, i.e. ≥ 0.95, for N = 2 and 4 under both GILs, in runs spanning many switch intervals (validation-gil: ~11 ms of work per thread, ~45 ms and 9 switch intervals at 4 threads)',
    band: { lo: 1 - APPROX },
    measure(records) {
      const parts: string[] = [];
      let worst: number | undefined;
      let slowest = 0;
      for (const mode of ['interval', 'ticks'] as const) {
        for (const n of [2, 4]) {
          const r = gilLongRatio(records, mode, n);
          if (r === undefined) return NOT_MEASURED(`independent×1/2/4 with iters ${LONG_ITERS} under the ${mode} GIL (validation-gil)`);
          parts.push(`${mode} N=${n}: ${fmt(r, 3)}`);
          worst = worst === undefined ? r : Math.min(worst, r);
          slowest = Math.max(slowest, r);
        }
      }
      const t4 = indepTimeIters(records, { ...GIL_CPY }, 4, LONG_ITERS);
      const span = t4 !== undefined ? `; the 4-thread interval run lasts ${fmt(t4 * 1e3, 1)} ms` : '';
      return { value: worst!, text: `${parts.join(', ')} (lowest ${fmt(worst!, 3)}; slowest ${fmt(slowest, 3)}× the serial time${slowest > 1.05 ? ': slower than one thread, as published' : ''})${span}` };
    },
    holds: atLeast(1 - APPROX),
  },
  {
    id: 'gil-ticks-retake',
    kind: 'validation',
    fact: 'Python 2 releases the GIL every 100 ticks and reacquires it; on multicore the releaser often retakes it at once.',
    source: 'Beazley, PyCon 2010',
    publishedBand: '"often": more than half of the releases retaken by the releaser (4 threads, ticks, the long run)',
    band: { lo: 0.5 },
    measure(records) {
      const w = { ...GIL_TICKS, ...DEFAULT_INTERP, ...indep(4, LONG_ITERS) };
      const acq = get(records, w, 'result.gil.acquisitions');
      const sw = get(records, w, 'result.gil.switches');
      if (acq === undefined || sw === undefined || acq === 0) return NOT_MEASURED(`independent×4 (iters ${LONG_ITERS}) under gil ticks`);
      const retaken = 1 - sw / acq;
      return { value: retaken, text: `${pct(retaken)} retaken (${sw} switches in ${acq} acquisitions)` };
    },
    holds: above(0.5),
  },
  {
    id: 'stm-overhead-heldout',
    kind: 'validation',
    fact: 'PyPy-STM without JIT costs ~40% on average (max ~65%) over the GIL build on one thread.',
    source: 'Meier, Rigo, Gross, DLS 2014 draft',
    publishedBand: `mean over the programs stm.readBarrierCycles was not fitted on ~40% (38–42%), and none above ~65% (68.3%); one thread, quiet interpreter on both sides`,
    band: STM_MEAN,
    measure(records) {
      const h = heldOut(records, STM_QUIET, GIL_QUIET, STM_FIT_PROGRAMS);
      if (h === undefined) return NOT_MEASURED('held-out programs under stm and gil on one core, quiet interpreter (validation-overhead)');
      const max = h.os.reduce((a, b) => (b.overhead > a.overhead ? b : a));
      return { value: h.mean, text: `mean ${pct(h.mean)} over ${h.os.length} held-out programs, max ${pct(max.overhead)} (${max.name}): ${h.list}`, detail: { max: max.overhead } };
    },
    holds: (v, d) => (v === null ? 'not measured' : v >= STM_MEAN.lo && v <= STM_MEAN.hi && (d?.max ?? Infinity) <= STM_MAX),
  },
  {
    id: 'stm-scaling',
    kind: 'validation',
    fact: 'A conflict-free loop under PyPy-STM reaches ~3.7× at 4 threads on 4 cores.',
    source: 'Meier, Rigo, Gross, DLS 2014 draft',
    publishedBand: '~3.7× (3.52–3.89×), weak scaling against STM on one thread, quiet interpreter',
    band: approxBand(3.7),
    measure(records) {
      const quiet = weakSpeedup(records, STM_QUIET, 4);
      if (quiet === undefined) return NOT_MEASURED('independent×1 and ×4 under stm, quiet interpreter');
      const def = weakSpeedup(records, { ...STM, ...DEFAULT_INTERP }, 4);
      const other = def !== undefined ? `; with CPython refcounts, allocator and ticker: ${fmt(def)}×` : '';
      return { value: quiet, text: `${fmt(quiet, 3)}× at 4 threads with the interpreter's shared writes off${other}` };
    },
    holds: inBand(3.7 * (1 - APPROX), 3.7 * (1 + APPROX)),
  },
  {
    id: 'stm-beats-gil-2',
    kind: 'validation',
    fact: 'PyPy-STM already beats the GIL at 2 threads.',
    source: 'Meier, Rigo, Gross, DLS 2014 draft',
    publishedBand: 'GIL time / STM time > 1 at 2 threads (quiet interpreter on both sides)',
    band: { lo: 1 },
    measure(records) {
      const stm = indepTime(records, STM_QUIET, 2);
      const gil = indepTime(records, GIL_QUIET, 2);
      if (stm === undefined || gil === undefined) return NOT_MEASURED('independent×2 under stm and gil, quiet interpreter');
      return { value: gil / stm, text: `STM ${fmt(gil / stm, 3)}× faster than the GIL at 2 threads` };
    },
    holds: above(1),
  },
  {
    id: 'stm-not-worse',
    kind: 'validation',
    fact: 'PyPy-STM with conflicting transactions is "not worse than a GIL": one commits while the others waste work.',
    source: 'Meier, Rigo, Gross, DLS 2014 draft',
    publishedBand: '"not worse": on shared-counter (every transaction conflicts), STM/GIL time at 4 threads ≤ STM/GIL time at 1 thread (the single-thread barrier overhead is not the conflicts\' doing)',
    band: { hi: 1 },
    measure(records) {
      const t = (where: Where, threads: number): number | undefined =>
        get(records, { ...where, ...DEFAULT_INTERP, 'workload.name': 'shared-counter', 'workload.params.threads': threads }, 'result.simSeconds');
      const s1 = t(STM, 1);
      const s4 = t(STM, 4);
      const g1 = t(GIL, 1);
      const g4 = t(GIL, 4);
      if (s1 === undefined || s4 === undefined || g1 === undefined || g4 === undefined) return NOT_MEASURED('shared-counter with 1 and 4 threads under stm and gil, CPython interpreter');
      const ratio = s4 / g4 / (s1 / g1);
      return { value: ratio, text: `STM/GIL time ${fmt(s4 / g4)}× at 4 threads vs ${fmt(s1 / g1)}× at 1 thread (${fmt(ratio, 3)})` };
    },
    holds: atMost(1),
  },
  {
    id: 'htm-write-knee',
    kind: 'validation',
    fact: 'The RTM write set lives in the 32 KiB L1D: capacity knees are reported from 16 KiB to ~20 KiB written on real parts, never above 32 KiB.',
    source: 'perfbook "future/htm"; measurements on Haswell parts',
    publishedBand: 'knee (first size where fewer than half the transactions commit) in (16, ~20] KiB, i.e. ≤ 21 KiB',
    band: { lo: 16, hi: 20 * (1 + APPROX) },
    measure(records) {
      const sizes = probeSizes(records, WRITE_PROBE, 'kib');
      if (sizes.length === 0) return NOT_MEASURED('capacity-write at a 64-byte stride under nogil, quiet interpreter');
      const ratios = sizes.map((kib) => [kib, commitRatio(records, WRITE_PROBE, 'kib', kib)!] as const);
      const curve = ratios.map(([kib, r]) => `${kib}:${fmt(r)}`).join(' ');
      const knee = ratios.find(([, r]) => r < 0.5);
      const max = sizes[sizes.length - 1]!;
      if (knee === undefined) return { value: Number.POSITIVE_INFINITY, text: `no knee up to ${max} KiB (commit ratio by KiB: ${curve})` };
      const below = ratios.filter(([kib]) => kib < knee[0]);
      const lo = below.length ? below[below.length - 1]![0] : 0;
      return { value: knee[0], text: `knee in (${lo}, ${knee[0]}] KiB (commit ratio by KiB: ${curve})`, detail: { lowestTested: sizes[0]! } };
    },
    // A knee at the smallest size tested says only that it lies below it.
    holds: (v, d) => (v === null ? 'not measured' : v > 16 && v <= 20 * (1 + APPROX) && (d?.lowestTested ?? 0) < v),
  },
  {
    id: 'htm-quiet-scales',
    kind: 'validation',
    fact: "HTM lock elision gains over the GIL only once the interpreter's own shared writes (refcounts, allocator, globals) are removed.",
    source: 'Odaira et al., PPoPP 2014 (Ruby)',
    publishedBand: 'GIL time / HTM time at 4 threads: ≤ 1 with CPython\'s shared writes on (no gain), > 1 with them off (a gain)',
    measure(records) {
      const gain = (interp: Where): number | undefined => {
        const h = indepTime(records, { ...HTM, ...interp }, 4);
        const g = indepTime(records, { ...GIL, ...interp }, 4);
        return h !== undefined && g !== undefined && h > 0 ? g / h : undefined;
      };
      const quiet = gain(QUIET_INTERP);
      const def = gain(DEFAULT_INTERP);
      if (quiet === undefined || def === undefined) return NOT_MEASURED('independent×4 under htm and gil with both interpreters');
      return { value: quiet, text: `HTM ${fmt(quiet, 3)}× the GIL's speed at 4 threads with the shared writes off vs ${fmt(def, 3)}× with CPython's`, detail: { def } };
    },
    holds: (v, d) => (v === null ? 'not measured' : v > 1 && (d?.def ?? Number.POSITIVE_INFINITY) <= 1),
  },
  {
    id: 'htm-lemming',
    kind: 'validation',
    fact: 'Lemming effect: without waiting for the lock to be free before retrying, threads stay stuck in fallback mode; waiting cures it.',
    source: 'Dice, Lev, Moir, Nussbaum (lemming effect); glibc elision',
    publishedBand: 'over the whole length axis (validation-length), wherever sections fall back: more fallbacks without waiting, and waiting no slower',
    measure(records) {
      const parts: string[] = [];
      let lengthsWithFallbacks = 0;
      let bad = 0;
      let worstTime = Number.POSITIVE_INFINITY;
      for (const { label, where } of LENGTH_WORKLOADS) {
        const lengths = htmLengths(records, where);
        const rows = lengths.map((len) => ({ len, y: lengthPoint(records, where, len, true), n: lengthPoint(records, where, len, false) }));
        const used = rows.filter((r) => r.y !== undefined && r.n !== undefined && (r.y.fb > 0 || r.n.fb > 0));
        if (used.length === 0) continue;
        const moreFb = used.map((r) => r.n!.fb > r.y!.fb);
        const noSlower = used.map((r) => r.n!.t >= r.y!.t);
        lengthsWithFallbacks += used.length;
        bad += used.filter((_, i) => !moreFb[i] || !noSlower[i]).length;
        for (const r of used) worstTime = Math.min(worstTime, r.n!.t / r.y!.t);
        const ls = used.map((r) => r.len);
        parts.push(`${label}: fallbacks at lengths ${ls[0]}–${ls[ls.length - 1]}; more without waiting at ${windows(ls, moreFb)}; waiting no slower at ${windows(ls, noSlower)} ` +
          `(time without/with waiting: ${used.map((r) => `${r.len} ${fmt(r.n!.t / r.y!.t, 3)}`).join(', ')})`);
      }
      if (lengthsWithFallbacks === 0) return NOT_MEASURED('an htm.txLength sweep, waiting and not, where some sections fall back');
      return { value: worstTime, text: `${lengthsWithFallbacks - bad} of ${lengthsWithFallbacks} lengths hold. ${parts.join('; ')}`, detail: { bad } };
    },
    holds: (v, d) => (v === null ? 'not measured' : (d?.bad ?? 1) === 0),
  },
  {
    id: 'nogil-scaling',
    kind: 'validation',
    fact: 'Free threading (biased refcounts, per-thread allocation) scales almost perfectly on independent work.',
    source: 'PEP 703 (fib(34): 1.50 s on 1 thread vs 1.52 s for 20× the work on 20 threads)',
    publishedBand: 'efficiency ≈ 1.50/1.52 = 0.987, i.e. ≥ 0.94 (≥ 3.75× at 4 threads); quiet interpreter (no shared small ints: PEP 703 makes them immortal)',
    band: { lo: 4 * 0.987 * (1 - APPROX) },
    measure(records) {
      const s = weakSpeedup(records, { ...NOGIL, ...QUIET_INTERP }, 4);
      if (s === undefined) return NOT_MEASURED('independent×1 and ×4 under nogil, quiet interpreter');
      return { value: s, text: `${fmt(s, 3)}× at 4 threads (${pct(s / 4)} efficiency)` };
    },
    holds: atLeast(4 * 0.987 * (1 - APPROX)),
  },
  {
    id: 'nogil-overhead-heldout',
    kind: 'validation',
    fact: 'Free-threaded CPython costs ~5–8% on one thread against the GIL build.',
    source: 'PEP 703 (its per-benchmark pyperformance figures could not be found; the 5–8% average is the band)',
    publishedBand: 'mean over the programs nogil.bytecodeCycles was not fitted on in 5–8%; free threading with its own interpreter vs the GIL with CPython\'s, one thread',
    band: NOGIL_BAND,
    measure(records) {
      const h = heldOut(records, NOGIL_OWN, GIL_CPY, NOGIL_FIT_PROGRAMS);
      if (h === undefined) return NOT_MEASURED('held-out programs under nogil and gil on one core (validation-overhead)');
      const inside = h.os.filter((o) => o.overhead >= NOGIL_BAND.lo && o.overhead <= NOGIL_BAND.hi).length;
      return { value: h.mean, text: `mean ${pct(h.mean)} over ${h.os.length} held-out programs (${inside} of them in 5–8% alone): ${h.list}` };
    },
    holds: inBand(NOGIL_BAND.lo, NOGIL_BAND.hi),
  },

  // ----- mechanism checks: a configured behaviour working as configured
  {
    id: 'gil-tick-interval',
    kind: 'mechanism',
    fact: 'Python 2 checks every 100 bytecodes ("ticks"): the lock is released and reacquired about once per 100 bytecodes.',
    source: 'CPython 2 sys.setcheckinterval; Beazley, PyCon 2010',
    publishedBand: 'bytecodes per acquisition ≈ gil.checkInterval (95–105 at 100)',
    configured: ['gil.checkInterval'],
    measure(records) {
      const w = { ...GIL_TICKS, ...DEFAULT_INTERP, ...indep(4, LONG_ITERS) };
      const acq = get(records, w, 'result.gil.acquisitions');
      const bc = get(records, w, 'result.bytecodes');
      if (acq === undefined || bc === undefined || acq === 0) return NOT_MEASURED(`independent×4 (iters ${LONG_ITERS}) under gil ticks`);
      return { value: bc / acq, text: `${fmt(bc / acq, 1)} bytecodes per acquisition (${bc} bytecodes, ${acq} acquisitions)` };
    },
    holds: inBand(95, 105),
  },
  {
    id: 'gil-latency',
    kind: 'mechanism',
    fact: "An I/O-bound thread's response time grows when it competes with a CPU-bound thread for the GIL.",
    source: 'Beazley, PyCon 2010',
    publishedBand: '"grows": the worst response time beside a CPU-bound thread is about one switch interval (gil.switchIntervalUs), far above the response alone',
    configured: ['gil.switchIntervalUs', 'gil.forcedSwitching'],
    measure(records) {
      const w = { ...GIL, ...DEFAULT_INTERP, 'workload.name': 'gil-latency' };
      const busy = get(records, { ...w, 'workload.params.busy': true }, 'result.metrics.response_max_us');
      const idle = get(records, { ...w, 'workload.params.busy': false }, 'result.metrics.response_max_us');
      if (busy === undefined || idle === undefined || idle <= 0) return NOT_MEASURED('gil-latency with busy true and false under gil');
      return { value: busy / idle, text: `worst response ${fmt(busy, 1)} µs with a CPU-bound thread vs ${fmt(idle, 1)} µs alone (${fmt(busy / idle, 1)}×)` };
    },
    holds: atLeast(2),
  },
  {
    id: 'htm-same-set',
    kind: 'mechanism',
    fact: 'Written lines that map to one L1D set (8-way): nine can never commit; eight can when nothing else is written to that set.',
    source: 'perfbook "future/htm"; Intel optimization manual (L1D 32 KiB, 8-way, 64 sets)',
    publishedBand: 'largest number of same-set lines that commits = machine.l1d.ways, measured in a set the interpreter does not write (same-set, set 37)',
    configured: ['machine.l1d.ways', 'machine.htm.writeSetTracking'],
    measure(records) {
      const ways = machineNumber(records, 'machine.l1d.ways') ?? 8;
      const line = machineNumber(records, 'machine.lineBytes') ?? 64;
      const sets = ((machineNumber(records, 'machine.l1d.sizeKiB') ?? 32) * 1024) / ways / line;
      // The probe's stride must be the machine's set stride, or its lines spread over several sets.
      const where: Where = { ...HASWELL, ...QUIET_INTERP, 'workload.name': 'same-set', 'workload.params.sets': sets, 'workload.params.line': line };
      const sizes = probeSizes(records, where, 'lines');
      if (sizes.length === 0) return NOT_MEASURED(`same-set with sets=${sets} line=${line} under nogil, quiet interpreter`);
      let best = 0;
      const parts: string[] = [];
      for (const lines of sizes) {
        const r = commitRatio(records, where, 'lines', lines)!;
        parts.push(`${lines} lines: ${fmt(r)}`);
        if (r > 0) best = Math.max(best, lines);
      }
      return { value: best, text: `${best} lines commit at most (commit ratio ${parts.join(', ')})`, detail: { ways, maxTested: sizes[sizes.length - 1]! } };
    },
    holds: (v, d) => (v === null ? 'not measured' : v === (d?.ways ?? 8) && (d?.maxTested ?? 0) > v),
  },
  {
    id: 'htm-read-limit',
    kind: 'mechanism',
    fact: 'The RTM read set is tracked through L1, L2 and L3: read-only transactions of 7.5 MB committed on an i7-4770, none above the 8 MB L3 ever did.',
    source: 'Dice, Harris, Kogan, Lev, arXiv 1504.04640',
    publishedBand: '7.5 MiB commits and 9 MiB (above machine.l3.sizeKiB) does not: the configured L3 read-set tracking at work',
    configured: ['machine.htm.readSetTracking', 'machine.l3.sizeKiB'],
    measure(records) {
      const l3 = machineNumber(records, 'machine.l3.sizeKiB') ?? 8192;
      const sizes = probeSizes(records, READ_PROBE, 'kib');
      if (sizes.length === 0) return NOT_MEASURED('capacity-read under nogil with interp.refcount none and the small-int cache');
      let best = 0;
      const parts: string[] = [];
      for (const kib of sizes) {
        const r = commitRatio(records, READ_PROBE, 'kib', kib)!;
        parts.push(`${kib} KiB: ${fmt(r)}`);
        if (r > 0) best = kib;
      }
      return { value: best, text: `largest committed read set ${best} KiB, L3 ${l3} KiB (commit ratio ${parts.join(', ')})`, detail: { l3, maxTested: sizes[sizes.length - 1]! } };
    },
    holds: (v, d) => (v === null ? 'not measured' : v >= 7680 && v <= (d?.l3 ?? 8192) && (d?.maxTested ?? 0) > (d?.l3 ?? 8192)),
  },
  {
    id: 'htm-length-capacity',
    kind: 'mechanism',
    fact: 'Longer HTM transactions abort more on capacity until falling back to the lock dominates (HTM of the day is too limited for long transactions).',
    source: 'EuroPython 2012 PyPy talk; Odaira et al., PPoPP 2014',
    publishedBand: 'on a workload whose written lines grow with the length: capacity aborts per begun transaction never fall as the length grows up to the first length where most sections end on the lock, and rise overall; most sections of the longest length end on the lock — the configured L1D write-set limit at work',
    configured: ['machine.htm.writeSetTracking', 'machine.l1d.sizeKiB', 'htm.capacityRetries'],
    measure(records) {
      const parts: string[] = [];
      let measured = 0;
      let shaped = 0;
      for (const { label, where, grows } of LENGTH_WORKLOADS) {
        if (!grows) continue;
        const lengths = htmLengths(records, where);
        const rows = lengths.map((len) => {
          const w = { 'policy.name': 'htm', 'htm.waitForLockFree': true, ...QUIET_INTERP, ...where, 'htm.txLength': len };
          const begun = get(records, w, 'result.htm.begun') ?? 0;
          const committed = get(records, w, 'result.htm.committed') ?? 0;
          const cap = get(records, w, 'result.htm.abortsByCause.capacity') ?? 0;
          const fb = get(records, w, 'result.htm.fallbacks') ?? 0;
          // A critical section ends either in a commit or on the lock (after its retries).
          return { len, capRate: begun > 0 ? cap / begun : 0, fbRate: committed + fb > 0 ? fb / (committed + fb) : 0 };
        });
        if (rows.length < 3) continue;
        measured++;
        // "Until falling back dominates": past the first length where most sections end on the
        // lock, attempts are fewer and the capacity rate may fall; the rise is judged up to it.
        const firstDominated = rows.findIndex((r) => r.fbRate >= 0.5);
        const upTo = rows.slice(0, firstDominated < 0 ? rows.length : firstDominated + 1);
        const rising = upTo.every((r, i) => i === 0 || r.capRate >= upTo[i - 1]!.capRate - 1e-9) && upTo[upTo.length - 1]!.capRate > upTo[0]!.capRate;
        const dominated = rows[rows.length - 1]!.fbRate >= 0.5;
        if (rising && dominated) shaped++;
        parts.push(`${label}: ${rows.map((r) => `${r.len}→cap ${fmt(r.capRate)}/fb ${fmt(r.fbRate)}`).join(', ')}`);
      }
      if (measured === 0) return NOT_MEASURED('an htm.txLength sweep of at least 3 lengths');
      return { value: shaped, text: `shape on ${shaped} of ${measured} workloads (capacity aborts per begun transaction / share of critical sections on the lock): ${parts.join('; ')}`, detail: { measured } };
    },
    holds: (v, d) => (v === null ? 'not measured' : v === d?.measured),
  },
  {
    id: 'htm-length-intermediate',
    kind: 'mechanism',
    fact: 'An intermediate HTM transaction length beats both very short and very long transactions.',
    source: 'EuroPython 2012 PyPy talk; Odaira et al., PPoPP 2014 (per-yield-point length adaptation)',
    publishedBand: 'some intermediate length faster than both ends of the length axis on at least one workload. Its margin comes from machine.htm.beginCycles/commitCycles (short end) and the write-set capacity (long end), both configured; the window over the axis is stated',
    configured: ['machine.htm.beginCycles', 'machine.htm.commitCycles', 'machine.l1d.sizeKiB'],
    measure(records) {
      let best: number | null = null;
      const parts: string[] = [];
      for (const { label, where } of LENGTH_WORKLOADS) {
        const lengths = htmLengths(records, where);
        if (lengths.length < 3) continue;
        const time = (len: number): number | undefined => lengthPoint(records, where, len, true)?.t;
        const lo = time(lengths[0]!);
        const hi = time(lengths[lengths.length - 1]!);
        if (lo === undefined || hi === undefined) continue;
        const ends = Math.min(lo, hi);
        const mids = lengths.slice(1, -1).map((l) => [l, time(l)] as const).filter((m): m is readonly [number, number] => m[1] !== undefined);
        if (mids.length === 0) continue;
        const [bestLen, bestT] = mids.reduce((a, b) => (b[1] < a[1] ? b : a));
        const ratio = ends / bestT;
        best = best === null ? ratio : Math.max(best, ratio);
        const win = windows(mids.map((m) => m[0]), mids.map((m) => m[1] < ends));
        parts.push(`${label}: beats both ends (${lengths[0]}, ${lengths[lengths.length - 1]}) at lengths ${win}; best ${bestLen}, ${fmt(ratio, 3)}× the better end`);
      }
      if (best === null) return NOT_MEASURED('an htm.txLength sweep of at least 3 lengths');
      return { value: best, text: parts.join('; ') };
    },
    holds: above(1),
  },
  {
    id: 'glibc-retries',
    kind: 'mechanism',
    fact: 'glibc lock elision retries xbegin 3 times before taking the lock.',
    source: 'glibc elision-conf.c',
    publishedBand: '3 retries: read from the configuration (htm.retries), it shows the setting, not a model result',
    configured: ['htm.retries'],
    measure(records) {
      const r = select(records, { 'policy.name': 'htm' })[0];
      const v = r ? paramOf(r, 'htm.retries') : undefined;
      if (typeof v !== 'number') return NOT_MEASURED('no htm point');
      return { value: v, text: `htm.retries = ${v}` };
    },
    holds: inBand(3, 3),
  },
  {
    id: 'tx-module-serial',
    kind: 'mechanism',
    fact: "The `transaction` module gives long, controlled transactions with the same results as a serial run.",
    source: 'EuroPython 2012 PyPy talk',
    publishedBand: 'every tx-demo run passes its self-check (the serial result) under every policy',
    configured: ['policy.name'],
    measure(records) {
      const all = records.filter((r) => paramOf(r, 'workload.name') === 'tx-demo');
      if (all.length === 0) return NOT_MEASURED('no tx-demo point');
      const ok = all.filter((r) => r.status === 'ok' && metricOf(r, 'result.exitCode') === 0).length;
      return { value: ok / all.length, text: `${ok} of ${all.length} tx-demo runs correct` };
    },
    holds: inBand(1, 1),
  },
];

// ---------------------------------------------------------------------------------------------
// Facts this experiment does not check

export const UNCHECKED_FACTS: readonly UncheckedFact[] = [
  { id: 'rtm-status-bits', fact: 'RTM abort status bits (XABORT, retry, conflict, capacity, debug, nested, XABORT argument).', source: 'Intel SDM vol. 1, TSX', publishedBand: 'bit layout', reason: 'modelled; checked exactly by the machine unit tests (tests/machine), not an experiment shape' },
  { id: 'rtm-nesting', fact: 'Nesting is flattened; exceeding the maximum depth aborts.', source: 'Intel SDM', publishedBand: '—', reason: 'modelled (machine.htm.maxNestingDepth); checked by unit tests' },
  { id: 'rtm-always-abort', fact: 'XABORT, CPUID, PAUSE always abort; syscalls, I/O, interrupts may.', source: 'Intel SDM', publishedBand: '—', reason: 'modelled as abort causes; checked by unit tests' },
  { id: 'rtm-line-conflicts', fact: 'Conflicts are detected per 64-byte line; requester wins.', source: 'Intel SDM; gem5 HTM', publishedBand: '—', reason: 'modelled (machine.htm.conflictResolution); checked by unit tests' },
  { id: 'gil-interval', fact: 'Python 3.2+: a waiter waits one 5 ms switch interval before a drop request; forced switching.', source: 'CPython ceval_gil', publishedBand: '5 ms', reason: 'configured (gil.switchIntervalUs, gil.forcedSwitching), so not evidence by itself: its effects are the gil-latency mechanism check and the long runs of gil-no-scaling (9 intervals at 4 threads)' },
  { id: 'stm-granularity', fact: 'PyPy-STM: object-granularity conflicts, eager write–write, read–write at commit, inevitable transactions win.', source: 'PyPy-STM docs; DLS 2014', publishedBand: '—', reason: 'modelled; checked on small programs by tests/policies/shapes.test.ts' },
  { id: 'ruby-htm-npb', fact: 'HTM GIL elision in Ruby: 1.9–4.4× over the GIL on 12 threads (NPB), 1.2–1.6× on servers.', source: 'Odaira et al., PPoPP 2014', publishedBand: '1.9–4.4×; 1.2–1.6×', reason: 'not modelled: NPB is not ported, and the figures belong to a zEC12 / Xeon server and the Ruby interpreter' },
  { id: 'ruby-adaptive', fact: 'Adapting the transaction length per yield point was worth up to ~18%.', source: 'Odaira et al., PPoPP 2014', publishedBand: 'up to 18%', reason: 'modelled (htm.adaptive) but not swept here; see configs/long-vs-short.yaml' },
  { id: 'ruby-single-thread', fact: 'Single-threaded programs kept the lock, which is cheaper.', source: 'Odaira et al., PPoPP 2014', publishedBand: '—', reason: 'a design choice of that implementation, not a shape of the model' },
  { id: 'jit', fact: 'PyPy-STM figures with the JIT.', source: 'DLS 2014 draft', publishedBand: '—', reason: 'not modelled: htmsim interprets bytecode, it has no JIT' },
  { id: 'simulator-speed', fact: 'gem5/MARSS ~0.2 MIPS, Sniper a few MIPS, zsim 300–1500 MIPS.', source: 'zsim paper (ISCA 2013)', publishedBand: '—', reason: "host speed of other simulators, not a property of the simulated machine (htmsim's own speed is in bench/)" },
  { id: 'pep703-fib', fact: 'fib(34) 1.50 s on 1 thread vs 1.52 s on 20 threads.', source: 'PEP 703', publishedBand: '1.50 s / 1.52 s', reason: 'CPU-specific seconds; the shape is the nogil-scaling check' },
];

// ---------------------------------------------------------------------------------------------

export type Verdict = 'holds' | 'fails' | 'not measured';

export interface CheckRow {
  id: string;
  kind: RowKind;
  fact: string;
  source: string;
  publishedBand: string;
  /** null when not measured or not finite (e.g. no knee found). */
  value: number | null;
  measured: string;
  verdict: Verdict;
  /** A failing row: how far outside the band it lies (or that it echoes a parameter). */
  miss?: string;
  /** A validation row whose value is a configured parameter's: "path = value". */
  echo?: string;
  calibrates?: { params: readonly string[]; how: string };
  configured?: readonly string[];
}

/** Runs every check over the records. */
export function checkFacts(records: readonly PointRecord[], checks: readonly FactCheck[] = FACT_CHECKS): CheckRow[] {
  return checks.map((c) => {
    const m = c.measure(records);
    const h = c.holds(m.value, m.detail);
    const verdict: Verdict = h === 'not measured' ? 'not measured' : h ? 'holds' : 'fails';
    const value = m.value !== null && Number.isFinite(m.value) ? m.value : null;
    const miss = verdict === 'fails' && c.band && value !== null ? missBy(value, c.band) : '';
    return {
      id: c.id,
      kind: c.kind,
      fact: c.fact,
      source: c.source,
      publishedBand: c.publishedBand,
      value,
      measured: m.text,
      verdict,
      ...(miss ? { miss } : {}),
      ...(c.calibrates ? { calibrates: c.calibrates } : {}),
      ...(c.configured ? { configured: c.configured } : {}),
    };
  });
}
