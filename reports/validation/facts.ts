/**
 * The fact checks of `configs/validation.yaml`: each published fact of shared/FACTS.md that htmsim
 * models, measured from the result records of that experiment (docs/results-format.md) and judged
 * against the published band. Facts it does not model, or that this experiment does not measure,
 * are listed with the reason. Reads records only; never imports the simulator.
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

export interface FactCheck {
  id: string;
  /** The fact, one sentence. */
  fact: string;
  source: string;
  /** The published numbers and, where they differ, the band this check accepts. */
  publishedBand: string;
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
const indep = (threads: number): Where => ({ 'workload.name': 'independent', 'workload.params.threads': threads });

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

/** The write-set probe at one byte per 64-byte line, quiet interpreter. */
const WRITE_PROBE: Where = { ...QUIET_INTERP, 'workload.name': 'capacity-write', 'workload.params.line': 64 };
/** The read-set probe at one byte per 64-byte line, nothing written. */
const READ_PROBE: Where = { ...READ_ONLY_INTERP, 'workload.name': 'capacity-read', 'workload.params.line': 64 };

function machineNumber(records: readonly PointRecord[], path: string): number | undefined {
  for (const r of records) {
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
  { label: 'independent×4 with a 256 KiB table', where: { ...indep(4), 'workload.params.table': 256 }, grows: true },
  { label: 'tx-demo', where: { 'workload.name': 'tx-demo' }, grows: false },
];

// ---------------------------------------------------------------------------------------------
// The checks

export const FACT_CHECKS: readonly FactCheck[] = [
  {
    id: 'gil-no-scaling',
    fact: 'N CPU-bound threads doing N× the work under the GIL take about N× the time (no scaling); on multicore it can be slower than one thread.',
    source: 'Beazley, "Understanding the Python GIL", PyCon 2010',
    publishedBand: 'time / (N · one-thread time) ≈ 1 or above; accepted ≥ 0.9 for N = 2 and 4',
    measure(records) {
      const t1 = indepTime(records, { ...GIL, ...DEFAULT_INTERP }, 1);
      const t2 = indepTime(records, { ...GIL, ...DEFAULT_INTERP }, 2);
      const t4 = indepTime(records, { ...GIL, ...DEFAULT_INTERP }, 4);
      if (t1 === undefined || t2 === undefined || t4 === undefined) return NOT_MEASURED('independent under gil with 1, 2 and 4 threads');
      const r2 = t2 / (2 * t1);
      const r4 = t4 / (4 * t1);
      return { value: Math.min(r2, r4), text: `T(2)/2T(1) = ${fmt(r2, 3)}, T(4)/4T(1) = ${fmt(r4, 3)} (speedup ${fmt(1 / r4)}× at 4 threads)` };
    },
    holds: atLeast(0.9),
  },
  {
    id: 'gil-ticks-retake',
    fact: 'Python 2 releases the GIL every 100 ticks and reacquires it; on multicore the releaser often retakes it at once.',
    source: 'Beazley, PyCon 2010',
    publishedBand: '"often": accepted when at least half of the releases are retaken by the releaser (4 threads, ticks)',
    measure(records) {
      const w = { ...GIL_TICKS, ...DEFAULT_INTERP, ...indep(4) };
      const acq = get(records, w, 'result.gil.acquisitions');
      const sw = get(records, w, 'result.gil.switches');
      const bc = get(records, w, 'result.bytecodes');
      if (acq === undefined || sw === undefined || bc === undefined || acq === 0) return NOT_MEASURED('independent×4 under gil ticks');
      const retaken = 1 - sw / acq;
      return { value: retaken, text: `${pct(retaken)} retaken (${sw} switches in ${acq} acquisitions, one per ${fmt(bc / acq, 0)} bytecodes)` };
    },
    holds: atLeast(0.5),
  },
  {
    id: 'gil-tick-interval',
    fact: 'Python 2 checks every 100 bytecodes ("ticks"): the lock is released and reacquired about once per 100 bytecodes.',
    source: 'CPython 2 sys.setcheckinterval; Beazley, PyCon 2010',
    publishedBand: '100 bytecodes per acquisition; accepted 80–130 (thread start and exit add acquisitions)',
    measure(records) {
      const w = { ...GIL_TICKS, ...DEFAULT_INTERP, ...indep(4) };
      const acq = get(records, w, 'result.gil.acquisitions');
      const bc = get(records, w, 'result.bytecodes');
      if (acq === undefined || bc === undefined || acq === 0) return NOT_MEASURED('independent×4 under gil ticks');
      return { value: bc / acq, text: `${fmt(bc / acq, 1)} bytecodes per acquisition (${bc} bytecodes, ${acq} acquisitions)` };
    },
    holds: inBand(80, 130),
  },
  {
    id: 'gil-latency',
    fact: "An I/O-bound thread's response time grows when it competes with a CPU-bound thread for the GIL.",
    source: 'Beazley, PyCon 2010',
    publishedBand: '"grows"; accepted when the worst response time at least doubles (Python 3 interval GIL)',
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
    id: 'stm-overhead',
    fact: 'PyPy-STM without JIT costs ~40% on average (max ~65%) over the GIL build on one thread.',
    source: 'Meier, Rigo, Gross, DLS 2014 draft',
    publishedBand: '~40% average, max ~65%; accepted 20–70% (both on the quiet interpreter: biased refcounts, per-thread allocator and ticker, no shared small ints)',
    measure(records) {
      const stm = indepTime(records, { ...STM, ...QUIET_INTERP }, 1);
      const gil = indepTime(records, { ...GIL, ...QUIET_INTERP }, 1);
      if (stm === undefined || gil === undefined) return NOT_MEASURED('independent×1 under stm and gil, quiet interpreter');
      const stmD = indepTime(records, { ...STM, ...DEFAULT_INTERP }, 1);
      const gilD = indepTime(records, { ...GIL, ...DEFAULT_INTERP }, 1);
      const other = stmD !== undefined && gilD !== undefined ? `; CPython interpreter: ${pct(stmD / gilD - 1)}` : '';
      return { value: stm / gil - 1, text: `${pct(stm / gil - 1)} slower than the GIL on one thread${other}` };
    },
    holds: inBand(0.2, 0.7),
  },
  {
    id: 'stm-scaling',
    fact: 'A conflict-free loop under PyPy-STM reaches ~3.7× at 4 threads on 4 cores.',
    source: 'Meier, Rigo, Gross, DLS 2014 draft',
    publishedBand: '~3.7×; accepted ≥ 3× (weak scaling against STM on one thread)',
    measure(records) {
      const quiet = weakSpeedup(records, { ...STM, ...QUIET_INTERP }, 4);
      if (quiet === undefined) return NOT_MEASURED('independent×1 and ×4 under stm, quiet interpreter');
      const def = weakSpeedup(records, { ...STM, ...DEFAULT_INTERP }, 4);
      const other = def !== undefined ? `; with CPython refcounts, allocator and ticker: ${fmt(def)}×` : '';
      return { value: quiet, text: `${fmt(quiet)}× at 4 threads with the interpreter's shared writes off${other}` };
    },
    holds: atLeast(3),
  },
  {
    id: 'stm-beats-gil-2',
    fact: 'PyPy-STM already beats the GIL at 2 threads.',
    source: 'Meier, Rigo, Gross, DLS 2014 draft',
    publishedBand: 'GIL time / STM time > 1 at 2 threads',
    measure(records) {
      const stm = indepTime(records, { ...STM, ...QUIET_INTERP }, 2);
      const gil = indepTime(records, { ...GIL, ...QUIET_INTERP }, 2);
      if (stm === undefined || gil === undefined) return NOT_MEASURED('independent×2 under stm and gil, quiet interpreter');
      return { value: gil / stm, text: `STM ${fmt(gil / stm)}× faster than the GIL at 2 threads` };
    },
    holds: (v) => (v === null ? 'not measured' : v > 1),
  },
  {
    id: 'stm-not-worse',
    fact: 'PyPy-STM with long conflicting transactions is "not worse than a GIL": one commits while the others waste work.',
    source: 'Meier, Rigo, Gross, DLS 2014 draft',
    publishedBand: '"not worse than a GIL"; accepted: on shared-counter (every transaction conflicts), STM/GIL time at 4 threads ≤ 1.1 × STM/GIL time at 1 thread (the single-thread barrier overhead is not the conflicts\' doing)',
    measure(records) {
      const t = (where: Where, threads: number): number | undefined =>
        get(records, { ...where, ...DEFAULT_INTERP, 'workload.name': 'shared-counter', 'workload.params.threads': threads }, 'result.simSeconds');
      const s1 = t(STM, 1);
      const s4 = t(STM, 4);
      const g1 = t(GIL, 1);
      const g4 = t(GIL, 4);
      if (s1 === undefined || s4 === undefined || g1 === undefined || g4 === undefined) return NOT_MEASURED('shared-counter with 1 and 4 threads under stm and gil, CPython interpreter');
      const ratio = s4 / g4 / (s1 / g1);
      return { value: ratio, text: `STM/GIL time ${fmt(s4 / g4)}× at 4 threads vs ${fmt(s1 / g1)}× at 1 thread (${fmt(ratio, 3)}); STM at 4 threads takes ${fmt(s4 / (4 * s1), 3)}× the serial time of the same work` };
    },
    holds: (v) => (v === null ? 'not measured' : v <= 1.1),
  },
  {
    id: 'htm-write-knee',
    fact: 'The RTM write set lives in the 32 KiB L1D: the capacity knee lies between 16 and 32 KiB written, never above 32 KiB.',
    source: 'perfbook "future/htm"; measurements on Haswell parts (16–20 KiB)',
    publishedBand: 'knee (first size where fewer than half the transactions commit) in (16, 32] KiB',
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
    holds: (v, d) => (v === null ? 'not measured' : v > 16 && v <= 32 && (d?.lowestTested ?? 0) < v),
  },
  {
    id: 'htm-same-set',
    fact: 'Written lines that map to one L1D set (8-way): nine can never commit; eight can when nothing else is written to that set.',
    source: 'perfbook "future/htm"; Intel optimization manual (L1D 32 KiB, 8-way, 64 sets)',
    publishedBand: 'largest number of same-set lines that commits = 8 (the associativity), measured in a set the interpreter does not write (same-set, set 37)',
    measure(records) {
      const ways = machineNumber(records, 'machine.l1d.ways') ?? 8;
      const line = machineNumber(records, 'machine.lineBytes') ?? 64;
      const sets = ((machineNumber(records, 'machine.l1d.sizeKiB') ?? 32) * 1024) / ways / line;
      // The probe's stride must be the machine's set stride, or its lines spread over several sets.
      const where: Where = { ...QUIET_INTERP, 'workload.name': 'same-set', 'workload.params.sets': sets, 'workload.params.line': line };
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
    fact: 'The RTM read set is tracked through L1, L2 and L3: read-only transactions of several MiB commit, none larger than the L3 (8 MiB) ever does.',
    source: 'Dice, Harris, Kogan, Lev, arXiv 1504.04640 (7.5 MB committed on an i7-4770)',
    publishedBand: 'largest read-only transaction that commits: several MiB (accepted ≥ 4 MiB), and ≤ the L3 size; a size above the L3 must be tested',
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
      return {
        value: best,
        text: `largest committed read set ${best} KiB, L3 ${l3} KiB (commit ratio ${parts.join(', ')})`,
        detail: { l3, maxTested: sizes[sizes.length - 1]! },
      };
    },
    holds: (v, d) => (v === null ? 'not measured' : v >= 4096 && v <= (d?.l3 ?? 8192) && (d?.maxTested ?? 0) > (d?.l3 ?? 8192)),
  },
  {
    id: 'htm-quiet-scales',
    fact: "HTM lock elision only scales once the interpreter's own shared writes (refcounts, allocator, globals) are removed.",
    source: 'Odaira et al., PPoPP 2014 (Ruby); conflict sources of CPython',
    publishedBand: 'accepted: ≥ 2.5× at 4 threads with the shared writes off, and at least 1.5× the speedup with them on',
    measure(records) {
      const quiet = weakSpeedup(records, { ...HTM, ...QUIET_INTERP }, 4);
      const def = weakSpeedup(records, { ...HTM, ...DEFAULT_INTERP }, 4);
      if (quiet === undefined || def === undefined) return NOT_MEASURED('independent×1 and ×4 under htm with both interpreters');
      return { value: quiet, text: `${fmt(quiet)}× at 4 threads with the shared writes off vs ${fmt(def)}× with CPython's`, detail: { def } };
    },
    holds: (v, d) => (v === null ? 'not measured' : v >= 2.5 && v >= 1.5 * (d?.def ?? Number.POSITIVE_INFINITY)),
  },
  {
    id: 'htm-length-capacity',
    fact: 'Longer HTM transactions abort more on capacity until falling back to the lock dominates (HTM of the day is too limited for long transactions).',
    source: 'EuroPython 2012 PyPy talk; Odaira et al., PPoPP 2014',
    publishedBand: 'on workloads whose footprint grows with the length: capacity aborts per begun transaction never fall as the length grows and rise overall, and most critical sections of the longest length end on the lock (fallbacks / (commits + fallbacks) ≥ 50%)',
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
        const rising = rows.every((r, i) => i === 0 || r.capRate >= rows[i - 1]!.capRate - 1e-9) && rows[rows.length - 1]!.capRate > rows[0]!.capRate;
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
    fact: 'An intermediate HTM transaction length beats both very short and very long transactions on at least one workload.',
    source: 'EuroPython 2012 PyPy talk; Odaira et al., PPoPP 2014 (per-yield-point length adaptation)',
    publishedBand: 'best intermediate length faster than both extremes (ratio > 1) on at least one workload',
    measure(records) {
      let best: number | null = null;
      const parts: string[] = [];
      for (const { label, where } of LENGTH_WORKLOADS) {
        const lengths = htmLengths(records, where);
        if (lengths.length < 3) continue;
        const time = (len: number): number | undefined => get(records, { 'policy.name': 'htm', 'htm.waitForLockFree': true, ...QUIET_INTERP, ...where, 'htm.txLength': len }, 'result.simSeconds');
        const lo = time(lengths[0]!);
        const hi = time(lengths[lengths.length - 1]!);
        const mids = lengths.slice(1, -1).map((l) => [l, time(l)] as const).filter((m): m is readonly [number, number] => m[1] !== undefined);
        if (lo === undefined || hi === undefined || mids.length === 0) continue;
        const [bestLen, bestT] = mids.reduce((a, b) => (b[1] < a[1] ? b : a));
        const ratio = Math.min(lo, hi) / bestT;
        best = best === null ? ratio : Math.max(best, ratio);
        parts.push(`${label}: length ${bestLen} ${fmt(ratio)}× faster than the better extreme (${lengths[0]} or ${lengths[lengths.length - 1]})`);
      }
      if (best === null) return NOT_MEASURED('an htm.txLength sweep of at least 3 lengths');
      return { value: best, text: parts.join('; ') };
    },
    holds: (v) => (v === null ? 'not measured' : v > 1),
  },
  {
    id: 'htm-lemming',
    fact: 'Lemming effect: without waiting for the lock to be free before retrying, threads stay stuck in fallback mode; waiting cures it.',
    source: 'Dice, Lev, Moir, Nussbaum (lemming effect); glibc elision',
    publishedBand: 'more fallbacks and no shorter run without waiting (fallback ratio > 1, time ratio ≥ 1), at a length where a minority of sections fall back with waiting (independent×4 with a table, quiet interpreter)',
    measure(records) {
      // The effect needs fallbacks that are occasional: with none there is nothing to cascade, and
      // where most sections fall back anyway (CPython's interpreter, or the longest lengths) both
      // settings end on the lock. So the length is the swept one with the most fallbacks while
      // still fewer than half the sections fall back with waiting.
      const { label, where } = LENGTH_WORKLOADS[0]!;
      const w = (len: number, wait: boolean): Where => ({ 'policy.name': 'htm', ...QUIET_INTERP, ...where, 'htm.txLength': len, 'htm.waitForLockFree': wait });
      let pick: { len: number; share: number } | undefined;
      for (const len of htmLengths(records, where)) {
        const fb = get(records, w(len, true), 'result.htm.fallbacks') ?? 0;
        const committed = get(records, w(len, true), 'result.htm.committed') ?? 0;
        const share = fb + committed > 0 ? fb / (fb + committed) : 0;
        if (share > 0 && share < 0.5 && (pick === undefined || share > pick.share)) pick = { len, share };
      }
      if (pick === undefined) return NOT_MEASURED(`${label}: no swept htm.txLength where some but fewer than half of the sections fall back`);
      const fbNo = get(records, w(pick.len, false), 'result.htm.fallbacks');
      const fbYes = get(records, w(pick.len, true), 'result.htm.fallbacks');
      const tNo = get(records, w(pick.len, false), 'result.simSeconds');
      const tYes = get(records, w(pick.len, true), 'result.simSeconds');
      if (fbNo === undefined || fbYes === undefined || tNo === undefined || tYes === undefined) return NOT_MEASURED(`${label} at length ${pick.len} under htm with waitForLockFree false and true`);
      const ratio = fbYes > 0 ? fbNo / fbYes : fbNo > 0 ? Number.POSITIVE_INFINITY : 1;
      return { value: ratio, text: `length ${pick.len} (${pct(pick.share)} of sections on the lock with waiting): ${fbNo} fallbacks without waiting vs ${fbYes} with (time ${fmt(tNo / tYes, 3)}×)`, detail: { time: tNo / tYes } };
    },
    holds: (v, d) => (v === null ? 'not measured' : v > 1 && (d?.time ?? 0) >= 1),
  },
  {
    id: 'glibc-retries',
    fact: 'glibc lock elision retries xbegin 3 times before taking the lock.',
    source: 'glibc elision-conf.c',
    publishedBand: '3 retries (the htm policy preset)',
    measure(records) {
      const r = select(records, { 'policy.name': 'htm' })[0];
      const v = r ? paramOf(r, 'htm.retries') : undefined;
      if (typeof v !== 'number') return NOT_MEASURED('no htm point');
      return { value: v, text: `htm.retries = ${v}` };
    },
    holds: inBand(3, 3),
  },
  {
    id: 'nogil-scaling',
    fact: 'Free threading (biased refcounts, per-thread allocation) scales almost perfectly on independent work.',
    source: 'PEP 703 (fib(34): 1.50 s on 1 thread vs 1.52 s for 20× the work on 20 threads)',
    publishedBand: '~0.99 efficiency; accepted ≥ 3.6× at 4 threads (90%)',
    measure(records) {
      const s = weakSpeedup(records, { ...NOGIL, ...QUIET_INTERP }, 4);
      if (s === undefined) return NOT_MEASURED('independent×1 and ×4 under nogil, quiet interpreter');
      return { value: s, text: `${fmt(s)}× at 4 threads (${pct(s / 4)} efficiency)` };
    },
    holds: atLeast(3.6),
  },
  {
    id: 'nogil-overhead',
    fact: 'Free-threaded CPython costs ~5–8% on one thread against the GIL build.',
    source: 'PEP 703',
    publishedBand: '5–8%; accepted 0–15% (nogil with the quiet interpreter vs the GIL with CPython\'s)',
    measure(records) {
      const ft = indepTime(records, { ...NOGIL, ...QUIET_INTERP }, 1);
      const gil = indepTime(records, { ...GIL, ...DEFAULT_INTERP }, 1);
      if (ft === undefined || gil === undefined) return NOT_MEASURED('independent×1 under nogil (quiet) and gil (CPython)');
      return { value: ft / gil - 1, text: `${pct(ft / gil - 1)} against the GIL on one thread` };
    },
    holds: inBand(0, 0.15),
  },
  {
    id: 'tx-module-serial',
    fact: "The `transaction` module gives long, controlled transactions with the same results as a serial run.",
    source: 'EuroPython 2012 PyPy talk',
    publishedBand: 'every tx-demo run passes its self-check (the serial result) under every policy',
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
  { id: 'gil-interval', fact: 'Python 3.2+: a waiter waits one 5 ms switch interval before a drop request; forced switching.', source: 'CPython ceval_gil', publishedBand: '5 ms', reason: 'modelled (gil.switchIntervalUs, gil.forcedSwitching); its visible effect is the gil-latency check, and the small runs here are shorter than one interval' },
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
  fact: string;
  source: string;
  publishedBand: string;
  /** null when not measured or not finite (e.g. no knee found). */
  value: number | null;
  measured: string;
  verdict: Verdict;
}

/** Runs every check over the records. */
export function checkFacts(records: readonly PointRecord[], checks: readonly FactCheck[] = FACT_CHECKS): CheckRow[] {
  return checks.map((c) => {
    const m = c.measure(records);
    const h = c.holds(m.value, m.detail);
    const verdict: Verdict = h === 'not measured' ? 'not measured' : h ? 'holds' : 'fails';
    return {
      id: c.id,
      fact: c.fact,
      source: c.source,
      publishedBand: c.publishedBand,
      value: m.value !== null && Number.isFinite(m.value) ? m.value : null,
      measured: m.text,
      verdict,
    };
  });
}
