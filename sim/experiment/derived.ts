/**
 * Derived metrics (docs/results-format.md): speedup against the baseline point, throughput,
 * abort rate and wasted-work fraction; and the flat CSV rows of the records.
 */
import { stringify } from 'csv-stringify/sync';
import { meanInterval } from '../../reports/confidence.js';
import type { RunResult } from '../run/result.js';
import { canonicalJson } from './point-id.js';
import { getPath, type ParamValue } from './params.js';
import { POLICY_SECTIONS } from '../policies/config.js';
import type { PointRecord, StoredPoint } from './store.js';

function valueOf(p: StoredPoint, key: string): unknown {
  return key in p.params ? p.params[key] : getPath(p.result.config, key);
}

/**
 * The baseline of a point has the same parameters except the baseline's own keys (which take the
 * baseline values), the policy-section parameters (a serial run has no transaction length) and the
 * seed (repetitions pair by `rep`). A baseline key whose value no point has is not a constraint.
 * When no point matches all baseline keys, they are relaxed from the last one backwards: with
 * `{policy.name: serial, machine.cores: 1}` and threads zipped to cores, the baseline of 4 threads
 * on 4 cores is the serial run of the same 4 threads (its own core count).
 */
export function computeDerived(points: readonly StoredPoint[], baseline: Record<string, ParamValue>, axisPaths: readonly string[]): PointRecord[] {
  const effective = Object.entries(baseline).filter(([k, v]) => points.some((p) => valueOf(p, k) === v));
  // Constraint sets to try, strongest first: all keys, then dropping keys from the end.
  const tries: [string, ParamValue][][] = [];
  for (let n = effective.length; n >= 1; n--) tries.push(effective.slice(0, n));
  const lookups = tries.map((constraint) => {
    const skip = new Set<string>(constraint.map(([k]) => k));
    if (!axisPaths.includes('seed')) skip.add('seed');
    const signature = (p: StoredPoint): string => {
      const keys = Object.keys(p.params).filter((k) => !skip.has(k) && !(POLICY_SECTIONS as readonly string[]).includes(k.split('.')[0]!)).sort();
      return canonicalJson(keys.map((k) => [k, p.params[k]]));
    };
    const map = new Map<string, StoredPoint>();
    for (const p of points) {
      if (!constraint.every(([k, v]) => valueOf(p, k) === v)) continue;
      if (p.result.status !== 'ok' || !(p.result.simSeconds > 0)) continue;
      const sig = signature(p);
      if (!map.has(sig)) map.set(sig, p);
    }
    return { signature, map };
  });
  return points.map((p) => {
    const derived = metricsOf(p.result);
    let b: StoredPoint | undefined;
    for (const l of lookups) {
      b = l.map.get(l.signature(p));
      if (b) break;
    }
    if (b && p.result.status === 'ok' && p.result.simSeconds > 0) derived.speedup = b.result.simSeconds / p.result.simSeconds;
    return { id: p.id, index: p.index, params: p.params, result: p.result, derived: orderDerived(derived) };
  });
}

/** Every derived metric, in record order: what `derived.*` may name in a report spec. */
export const DERIVED_METRICS = ['speedup', 'throughput', 'abortRate', 'wastedFraction'] as const;

function orderDerived(d: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of DERIVED_METRICS) if (d[k] !== undefined) out[k] = d[k];
  return out;
}

/** Throughput, abort rate and wasted fraction of one run (absent when undefined for it). */
export function metricsOf(r: RunResult): Record<string, number> {
  const d: Record<string, number> = {};
  if (r.status !== 'ok') return d;
  if (r.simSeconds > 0) d.throughput = r.bytecodes / r.simSeconds;
  const policy = r.config.policy.name;
  const tx = policy === 'stm' ? r.stm : policy === 'htm' || (r.htm?.begun ?? 0) > 0 ? r.htm : r.stm;
  if (tx && tx.begun > 0) d.abortRate = tx.aborted / tx.begun;
  const busy = (r.cores ?? []).reduce((s, c) => s + c.busyCycles, 0);
  if (busy > 0) d.wastedFraction = ((r.htm?.wastedCycles ?? 0) + (r.stm?.wastedCycles ?? 0)) / busy;
  return d;
}

/**
 * RFC 4180 rows (csv-stringify): a field with a comma, quote or line break is quoted, quotes doubled;
 * also one with a carriage return or leading/trailing white space, which spreadsheets would eat.
 * Booleans print as true/false (not the library's 1/''), objects as JSON, null/undefined as ''.
 */
function csvRows(rows: unknown[][]): string {
  return stringify(rows, {
    cast: { boolean: (b) => String(b), number: (n) => String(n) },
    quoted_match: [/^\s/, /\s$/, /\r/],
    record_delimiter: 'unix',
    eof: true,
  });
}

const METRICS = [
  'status', 'exitCode', 'error', 'simCycles', 'simSeconds', 'bytecodes', 'memoryAccesses',
  'htm.begun', 'htm.committed', 'htm.aborted', 'htm.fallbacks', 'htm.wastedCycles',
  'htm.abortsByCause.conflict', 'htm.abortsByCause.capacity', 'htm.abortsByCause.explicit', 'htm.abortsByCause.interrupt',
  'htm.abortsByCause.unfriendly', 'htm.abortsByCause.nested', 'htm.abortsByCause.other',
  'stm.begun', 'stm.committed', 'stm.aborted', 'stm.wastedCycles', 'stm.inevitable', 'stm.barrierCycles',
  'stm.abortsByKind.writeWrite', 'stm.abortsByKind.readWrite', 'stm.abortsByKind.inevitable',
  'gil.acquisitions', 'gil.switches', 'gil.waitCycles',
  'caches.l1d.hits', 'caches.l1d.misses', 'caches.l2.hits', 'caches.l2.misses', 'caches.l3.hits', 'caches.l3.misses',
  'coherence.messages', 'coherence.invalidations',
  'host.seconds',
];

/** results.csv: id, index, every parameter, the main metrics (`result.*`) and `derived.*`. */
export function toCsv(records: readonly PointRecord[]): string {
  const paramKeys: string[] = [];
  for (const r of records) for (const k of Object.keys(r.params)) if (!paramKeys.includes(k)) paramKeys.push(k);
  const derivedKeys = ['speedup', 'throughput', 'abortRate', 'wastedFraction'];
  const header = ['id', 'index', ...paramKeys, ...METRICS.map((m) => `result.${m}`), ...derivedKeys.map((k) => `derived.${k}`)];
  const rows: unknown[][] = [header];
  for (const r of records) {
    const row: unknown[] = [r.id, r.index];
    for (const k of paramKeys) row.push(r.params[k]);
    for (const m of METRICS) row.push(getPath(r.result, m));
    for (const k of derivedKeys) row.push(r.derived[k]);
    rows.push(row);
  }
  return csvRows(rows);
}

/** One group: the points that differ only by repetition (and its seed). */
export interface GroupRecord {
  params: Record<string, ParamValue>;
  /** Points in the group, and how many of them are ok. */
  n: number;
  ok: number;
  /**
   * Mean and sample standard deviation over the ok points that have the metric, and the 95%
   * confidence interval of the mean (Student's t with n − 1 degrees of freedom; absent for n < 2).
   */
  metrics: Record<string, GroupMetric>;
}

export interface GroupMetric {
  mean: number;
  stddev: number;
  n: number;
  ciLow?: number;
  ciHigh?: number;
}

const GROUP_METRICS = ['result.simSeconds', 'result.simCycles', 'derived.speedup', 'derived.throughput', 'derived.abortRate', 'derived.wastedFraction'];

/** Groups over repetitions, in order of their first point. */
export function computeGroups(records: readonly PointRecord[], axisPaths: readonly string[]): GroupRecord[] {
  const groups = new Map<string, { params: Record<string, ParamValue>; members: PointRecord[] }>();
  for (const r of records) {
    const params = Object.fromEntries(Object.entries(r.params).filter(([k]) => k !== 'rep' && (k !== 'seed' || axisPaths.includes('seed'))));
    const key = canonicalJson(params);
    let g = groups.get(key);
    if (!g) {
      g = { params, members: [] };
      groups.set(key, g);
    }
    g.members.push(r);
  }
  return [...groups.values()].map(({ params, members }) => {
    const ok = members.filter((m) => m.result.status === 'ok');
    const metrics: GroupRecord['metrics'] = {};
    for (const name of GROUP_METRICS) {
      const values = ok.map((m) => getPath(m, name)).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
      if (values.length === 0) continue;
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      const variance = values.length > 1 ? values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1) : 0;
      metrics[name] = withInterval({ mean, stddev: Math.sqrt(variance), n: values.length });
    }
    return { params, n: members.length, ok: ok.length, metrics };
  });
}

function withInterval(m: GroupMetric): GroupMetric {
  const ci = meanInterval(m.mean, m.stddev, m.n);
  return ci ? { ...m, ciLow: ci.low, ciHigh: ci.high } : m;
}

/** groups.csv: the group's parameters, n, ok, then mean, stddev and the 95% interval of each metric. */
export function groupsToCsv(groups: readonly GroupRecord[]): string {
  const paramKeys: string[] = [];
  for (const g of groups) for (const k of Object.keys(g.params)) if (!paramKeys.includes(k)) paramKeys.push(k);
  const header = [...paramKeys, 'n', 'ok', ...GROUP_METRICS.flatMap((m) => [`${m}.mean`, `${m}.stddev`, `${m}.ci95Low`, `${m}.ci95High`])];
  const rows: unknown[][] = [header];
  for (const g of groups) {
    const row: unknown[] = paramKeys.map((k) => g.params[k]);
    row.push(g.n, g.ok);
    for (const m of GROUP_METRICS) row.push(g.metrics[m]?.mean, g.metrics[m]?.stddev, g.metrics[m]?.ciLow, g.metrics[m]?.ciHigh);
    rows.push(row);
  }
  return csvRows(rows);
}
