/**
 * The report's summary: per workload and core count, the best policy and each policy's best
 * setting, speedup and abort rate; plus what is failed or missing from the sweep.
 */
import type { LoadedResults, PointRecord, Scalar } from './records.js';
import { configKey, distinctValues, formatScalar, numberAt, stat, valueAt, varyingParams, type Stat } from './metrics.js';

export interface PolicyEntry {
  policy: string;
  /** The other parameters of the best setting of this policy, e.g. `htm.txLength=100`; '' if none vary. */
  setting: string;
  metric: Stat;
  abortRate?: number;
}

export interface SummaryRow {
  workload: string;
  cores: string;
  best: string;
  /** Policies whose mean is within one stddev (theirs plus the best's) of the best: not distinguishable. */
  ties: string[];
  entries: PolicyEntry[];
}

export interface Summary {
  metric: string;
  metricLabel: string;
  higherIsBetter: boolean;
  policies: string[];
  rows: SummaryRow[];
}

function summaryMetric(points: readonly PointRecord[]): { path: string; label: string; higher: boolean } {
  if (points.some((p) => numberAt(p, 'derived.speedup') !== undefined)) return { path: 'derived.speedup', label: 'speedup (×)', higher: true };
  if (points.some((p) => numberAt(p, 'derived.throughput') !== undefined)) return { path: 'derived.throughput', label: 'throughput (bytecodes/s)', higher: true };
  return { path: 'result.simSeconds', label: 'simulated time (s)', higher: false };
}

export function buildSummary(points: readonly PointRecord[]): Summary {
  const ok = points.filter((p) => p.status === 'ok');
  const { path, label, higher } = summaryMetric(ok);
  const policies = distinctValues(ok, 'policy.name').map((v) => formatScalar(v));
  const varying = varyingParams(ok).filter((k) => !['workload.name', 'machine.cores', 'policy.name'].includes(k));
  const better = (a: number, b: number) => (higher ? a > b : a < b);
  const rows: SummaryRow[] = [];
  const groups = new Map<string, PointRecord[]>();
  for (const p of ok) {
    if (numberAt(p, path) === undefined) continue;
    const key = `${formatScalar(valueAt(p, 'workload.name'))}\u0000${formatScalar(valueAt(p, 'machine.cores'))}`;
    const g = groups.get(key);
    if (g) g.push(p);
    else groups.set(key, [p]);
  }
  for (const [key, group] of groups) {
    const [workload, cores] = key.split('\u0000') as [string, string];
    const entries: PolicyEntry[] = [];
    for (const policy of policies) {
      const mine = group.filter((p) => formatScalar(valueAt(p, 'policy.name')) === policy);
      const byConfig = new Map<string, PointRecord[]>();
      for (const p of mine) {
        const k = configKey(p);
        const arr = byConfig.get(k);
        if (arr) arr.push(p);
        else byConfig.set(k, [p]);
      }
      let best: PolicyEntry | undefined;
      for (const cfgPoints of byConfig.values()) {
        const s = stat(cfgPoints.map((p) => numberAt(p, path)!))!;
        if (best && !better(s.mean, best.metric.mean)) continue;
        const rates = cfgPoints.map((p) => numberAt(p, 'computed.abortRate')).filter((v): v is number => v !== undefined);
        // Only what distinguishes this setting among the policy's own settings.
        const own = varying.filter((k) => new Set(mine.map((p) => String(p.params[k]))).size > 1);
        const setting = own.filter((k) => k in cfgPoints[0]!.params).map((k) => `${k}=${formatScalar(cfgPoints[0]!.params[k])}`).join(', ');
        best = { policy, setting, metric: s };
        if (rates.length) best.abortRate = stat(rates)!.mean;
      }
      if (best) entries.push(best);
    }
    let top = entries[0];
    for (const e of entries) if (top && better(e.metric.mean, top.metric.mean)) top = e;
    const ties = top ? entries.filter((e) => e !== top && Math.abs(e.metric.mean - top.metric.mean) <= e.metric.sd + top.metric.sd).map((e) => e.policy) : [];
    rows.push({ workload, cores, best: top ? top.policy : '—', ties, entries });
  }
  rows.sort((a, b) => a.workload.localeCompare(b.workload, 'en') || Number(a.cores) - Number(b.cores) || a.cores.localeCompare(b.cores, 'en'));
  return { metric: path, metricLabel: label, higherIsBetter: higher, policies, rows };
}

export interface Completeness {
  total: number | undefined;
  present: number;
  ok: number;
  failed: PointRecord[];
  /** Point indices not present (when experiment.json gives the total). */
  missing: number[];
}

export function completeness(loaded: LoadedResults): Completeness {
  const total = loaded.experiment?.totalPoints;
  const present = new Set(loaded.points.map((p) => p.index));
  const missing: number[] = [];
  if (total !== undefined) for (let i = 0; i < total; i++) if (!present.has(i)) missing.push(i);
  return {
    total,
    present: loaded.points.length,
    ok: loaded.points.filter((p) => p.status === 'ok').length,
    failed: loaded.points.filter((p) => p.status === 'failed'),
    missing,
  };
}

/** `0-3, 7, 9-12`: compact list of indices. */
export function formatRanges(indices: readonly number[]): string {
  const out: string[] = [];
  let i = 0;
  while (i < indices.length) {
    let j = i;
    while (j + 1 < indices.length && indices[j + 1] === indices[j]! + 1) j++;
    out.push(i === j ? `${indices[i]}` : `${indices[i]}–${indices[j]}`);
    i = j + 1;
  }
  return out.join(', ');
}

/** A number for people: 3 significant digits, thousands grouped, no exponent below 1e15. */
export function formatNumber(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return '—';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e15 || a < 1e-3) return v.toExponential(2);
  if (a >= 1000) return Math.round(v).toLocaleString('en-US');
  return Number(v.toPrecision(3)).toString();
}

export function formatStat(s: Stat): string {
  if (!(s.n > 1 && s.sd > 0)) return formatNumber(s.mean);
  // Two significant digits are all a standard deviation of a few repetitions supports.
  const sd = s.sd >= 1000 || s.sd < 1e-3 ? formatNumber(s.sd) : Number(s.sd.toPrecision(2)).toString();
  return `${formatNumber(s.mean)} ± ${sd}`;
}

export function paramText(params: Record<string, Scalar>): string {
  return Object.entries(params).map(([k, v]) => `${k}=${formatScalar(v)}`).join(', ');
}
