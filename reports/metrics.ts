/**
 * Looking up parameters and metrics in point records, and averaging repetitions.
 *
 * A path names either a parameter (a key of `params`, e.g. `htm.txLength`), a metric inside the
 * record (`result.htm.aborted`, `derived.speedup`), a value of the resolved config
 * (`machine.l1d.sizeKiB`), or one of the computed metrics below (`computed.commitRatio`).
 */
import { meanInterval } from './confidence.js';
import { isObject, type PointRecord, type Scalar } from './records.js';

function dig(obj: unknown, parts: readonly string[]): unknown {
  let cur: unknown = obj;
  for (const part of parts) {
    if (!isObject(cur)) return undefined;
    cur = cur[part];
  }
  return cur;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function sumCores(p: PointRecord, field: string): number | undefined {
  const cores = p.result.cores;
  if (!Array.isArray(cores) || cores.length === 0) return undefined;
  let total = 0;
  for (const c of cores) total += isObject(c) ? (num(c[field]) ?? 0) : 0;
  return total;
}

/** Which transactional system ran: the one that began any transaction (htm first). */
function txSystem(p: PointRecord): 'htm' | 'stm' | undefined {
  if ((num(dig(p.result, ['htm', 'begun'])) ?? 0) > 0) return 'htm';
  if ((num(dig(p.result, ['stm', 'begun'])) ?? 0) > 0) return 'stm';
  return undefined;
}

function percentOfCoreTime(p: PointRecord, cycles: number | undefined): number | undefined {
  const sim = num(p.result.simCycles);
  const cores = Array.isArray(p.result.cores) && p.result.cores.length > 0 ? p.result.cores.length : num(p.params['machine.cores']);
  if (cycles === undefined || sim === undefined || !(sim > 0) || cores === undefined || !(cores > 0)) return undefined;
  return (100 * cycles) / (sim * cores);
}

/**
 * The parts of a core's cycles in the record (`result.cores[i].cycles`, sim/policies/cycle-ledger.ts),
 * in the order the charts stack them, with the labels a reader sees. Reports keep their own copy:
 * they read records, never the simulator.
 */
export const CYCLE_PARTS: readonly { key: string; label: string }[] = [
  { key: 'useful', label: 'useful work' },
  { key: 'rolledBack', label: 'rolled back (aborted transactions)' },
  { key: 'overhead', label: 'barriers, locks and bookkeeping' },
  { key: 'txBeginCommit', label: 'transaction begin and commit' },
  { key: 'waitGil', label: 'waiting for the GIL' },
  { key: 'waitFallbackLock', label: 'waiting for the fallback lock' },
  { key: 'waitStmConflict', label: 'waiting for a conflicting STM transaction' },
  { key: 'waitInevitable', label: 'waiting for the inevitable token' },
  { key: 'osScheduling', label: 'OS scheduling latency' },
  { key: 'idle', label: 'idle' },
];

/** One part of the cycle accounting summed over the cores, or undefined for a record without it. */
function sumCycles(p: PointRecord, key: string): number | undefined {
  const cores = p.result.cores;
  if (!Array.isArray(cores) || cores.length === 0) return undefined;
  let total = 0;
  for (const c of cores) {
    if (!isObject(c) || !isObject(c.cycles)) return undefined;
    total += num(c.cycles[key]) ?? 0;
  }
  return total;
}

/** The serial baseline's run time in cycles: this run's time × its speedup over the baseline. */
function baselineCycles(p: PointRecord): number | undefined {
  const sim = num(p.result.simCycles);
  const speedup = num(p.derived.speedup);
  return sim !== undefined && speedup !== undefined && speedup > 0 ? sim * speedup : undefined;
}

/** Metrics derived from the raw record, for charts the writer's `derived` block does not cover. */
const COMPUTED: Record<string, (p: PointRecord) => number | undefined> = {
  // Per cycle part: `coreTime.<part>` is the part summed over cores in units of the serial
  // baseline's run time (a perfectly parallel run of the same work stacks to 1); `cyclePercent.<part>`
  // its share of all core time, for records without a baseline.
  ...Object.fromEntries(CYCLE_PARTS.flatMap(({ key }) => [
    [`coreTime.${key}`, (p: PointRecord) => {
      const v = sumCycles(p, key);
      const base = baselineCycles(p);
      return v !== undefined && base !== undefined ? v / base : undefined;
    }],
    [`cyclePercent.${key}`, (p: PointRecord) => percentOfCoreTime(p, sumCycles(p, key))],
  ])),
  /** Committed / begun transactions of whichever system ran. */
  commitRatio: (p) => {
    const sys = txSystem(p);
    if (!sys) return undefined;
    const begun = num(dig(p.result, [sys, 'begun']))!;
    return (num(dig(p.result, [sys, 'committed'])) ?? 0) / begun;
  },
  abortRate: (p) => {
    if (p.derived.abortRate !== undefined) return p.derived.abortRate;
    const sys = txSystem(p);
    if (!sys) return undefined;
    return (num(dig(p.result, [sys, 'aborted'])) ?? 0) / num(dig(p.result, [sys, 'begun']))!;
  },
  /** Cycles spent in transactions that aborted, HTM and STM together. */
  wastedCycles: (p) => {
    const h = num(dig(p.result, ['htm', 'wastedCycles']));
    const s = num(dig(p.result, ['stm', 'wastedCycles']));
    return h === undefined && s === undefined ? undefined : (h ?? 0) + (s ?? 0);
  },
  /** Cycles cores spent waiting for a lock, summed over cores (falls back to the GIL's count). */
  lockWaitCycles: (p) => sumCores(p, 'lockWaitCycles') ?? num(dig(p.result, ['gil', 'waitCycles'])),
  /** The same two, as a share of all core time (simCycles × cores), in percent: comparable across runs. */
  wastedPercent: (p) => percentOfCoreTime(p, COMPUTED.wastedCycles!(p)),
  lockWaitPercent: (p) => percentOfCoreTime(p, COMPUTED.lockWaitCycles!(p)),
  busyCycles: (p) => sumCores(p, 'busyCycles'),
  idleCycles: (p) => sumCores(p, 'idleCycles'),
  fallbacks: (p) => num(dig(p.result, ['htm', 'fallbacks'])),
};

export const COMPUTED_METRICS: readonly string[] = Object.keys(COMPUTED);

/** docs/results-format.md's derived metrics that need no baseline (speedup does). */
const DERIVED_FALLBACK: Record<string, (p: PointRecord) => number | undefined> = {
  throughput: (p) => {
    const bytecodes = num(p.result.bytecodes);
    const seconds = num(p.result.simSeconds);
    return bytecodes !== undefined && seconds !== undefined && seconds > 0 ? bytecodes / seconds : undefined;
  },
  abortRate: (p) => COMPUTED.abortRate!(p),
  wastedFraction: (p) => {
    const busy = sumCores(p, 'busyCycles');
    const wasted = COMPUTED.wastedCycles!(p);
    return busy !== undefined && busy > 0 && wasted !== undefined ? wasted / busy : undefined;
  },
};

/** The value at `path` in a point, or undefined. Parameters win over everything else. */
export function valueAt(p: PointRecord, path: string): Scalar | undefined {
  if (path in p.params) return p.params[path];
  const parts = path.split('.');
  const head = parts[0];
  if (head === 'derived') {
    // points/*.json carry no `derived` (the runner adds it to results.jsonl after the sweep):
    // recompute what needs no baseline, so a report of a running sweep still has its charts.
    const name = parts.slice(1).join('.');
    return num(p.derived[name]) ?? DERIVED_FALLBACK[name]?.(p);
  }
  if (head === 'computed') return COMPUTED[parts.slice(1).join('.')]?.(p);
  if (head === 'metrics') {
    // What the guest reported with htmsim.metric(name, value), e.g. `metrics.commit_ratio`.
    return num(dig(p.result.metrics, parts.slice(1)));
  }
  if (head === 'result' || head === 'params') {
    const v = head === 'params' ? p.params[parts.slice(1).join('.')] : dig(p.result, parts.slice(1));
    return typeof v === 'string' || typeof v === 'boolean' || num(v) !== undefined ? (v as Scalar) : undefined;
  }
  // A bare name: a derived metric, then a computed one, then the point's resolved config.
  if (parts.length === 1) {
    const d = num(p.derived[path]);
    if (d !== undefined) return d;
    const c = COMPUTED[path]?.(p);
    if (c !== undefined) return c;
    const r = dig(p.result, parts);
    if (num(r) !== undefined) return r as number;
  }
  const cfg = dig(p.result.config, parts);
  if (typeof cfg === 'string' || typeof cfg === 'boolean' || num(cfg) !== undefined) return cfg as Scalar;
  return undefined;
}

export function numberAt(p: PointRecord, path: string): number | undefined {
  return num(valueAt(p, path));
}

/** Does the point match every key of `where` (values compared as strings, so 4 matches "4")? */
export function matchesWhere(p: PointRecord, where: Record<string, unknown> | undefined): boolean {
  if (!where) return true;
  for (const [k, want] of Object.entries(where)) {
    const have = valueAt(p, k);
    const wants = Array.isArray(want) ? want : [want];
    if (!wants.some((w) => String(w) === String(have))) return false;
  }
  return true;
}

export interface Stat {
  mean: number;
  /** Sample standard deviation (n − 1); 0 for a single value. */
  sd: number;
  n: number;
  /** The 95% confidence interval of the mean (Student's t, n − 1 df); absent for n < 2. */
  ciLow?: number;
  ciHigh?: number;
}

export function stat(values: readonly number[]): Stat | undefined {
  const n = values.length;
  if (n === 0) return undefined;
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  if (n === 1) return { mean, sd: 0, n };
  let sq = 0;
  for (const v of values) sq += (v - mean) * (v - mean);
  const sd = Math.sqrt(sq / (n - 1));
  const ci = meanInterval(mean, sd, n);
  return ci ? { mean, sd, n, ciLow: ci.low, ciHigh: ci.high } : { mean, sd, n };
}

/** Parameters that only distinguish repetitions of the same configuration. */
export const REPETITION_KEYS: readonly string[] = ['rep', 'seed'];

/** Parameters whose values differ between points (excluding repetition keys), in first-seen order. */
export function varyingParams(points: readonly PointRecord[]): string[] {
  const seen = new Map<string, Set<string>>();
  for (const p of points) {
    for (const [k, v] of Object.entries(p.params)) {
      if (REPETITION_KEYS.includes(k)) continue;
      let s = seen.get(k);
      if (!s) seen.set(k, (s = new Set()));
      s.add(String(v));
    }
  }
  return [...seen].filter(([k, s]) => s.size > 1 || points.some((p) => !(k in p.params))).map(([k]) => k);
}

/** Distinct values of `path` over the points, numbers sorted numerically, others in first-seen order. */
export function distinctValues(points: readonly PointRecord[], path: string): Scalar[] {
  const out: Scalar[] = [];
  const seen = new Set<string>();
  for (const p of points) {
    const v = valueAt(p, path);
    if (v === undefined) continue;
    const key = `${typeof v}:${String(v)}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(v);
    }
  }
  if (out.every((v) => typeof v === 'number')) (out as number[]).sort((a, b) => a - b);
  return out;
}

/** Max repetitions of any configuration: more than one ⇒ error bars are meaningful. */
export function maxReps(points: readonly PointRecord[]): number {
  const counts = new Map<string, number>();
  let max = 0;
  for (const p of points) {
    const key = configKey(p);
    const c = (counts.get(key) ?? 0) + 1;
    counts.set(key, c);
    if (c > max) max = c;
  }
  return max;
}

/** The point's parameters without the repetition keys, as a stable string. */
export function configKey(p: PointRecord): string {
  return Object.keys(p.params).filter((k) => !REPETITION_KEYS.includes(k)).sort()
    .map((k) => `${k}=${String(p.params[k])}`).join(';');
}

export function formatScalar(v: Scalar | undefined): string {
  if (v === undefined || v === null) return '—';
  return String(v);
}
