/**
 * The report spec (the experiment config's `report:` section, docs/results-format.md): parsing
 * with one-line errors that name the key, and the default charts chosen from what a sweep varies.
 */
import { ReportError } from './errors.js';
import { isObject, type PointRecord } from './records.js';
import { CYCLE_PARTS, distinctValues, numberAt, varyingParams } from './metrics.js';
import { labelFor } from './labels.js';

export type ChartType = 'line' | 'bar' | 'stacked-bar' | 'timeline' | 'capacity';
export const CHART_TYPES: readonly ChartType[] = ['line', 'bar', 'stacked-bar', 'timeline', 'capacity'];

export interface ChartSpec {
  type: ChartType;
  title?: string;
  caption?: string;
  /** A parameter path or a metric. Absent for timelines. */
  x?: string;
  /** A metric path; for stacked bars a list, or a preset name (see Y_PRESETS). */
  y?: string | string[];
  series?: string;
  facet?: string;
  logX?: boolean;
  logY?: boolean;
  /** Mean ± stddev over repetitions; default: on when any configuration has more than one. */
  errorBars?: boolean;
  where?: Record<string, unknown>;
}

export type TableType = 'summary' | 'points';

export interface ReportSpec {
  title?: string;
  description?: string;
  timelinePoint?: Record<string, unknown>;
  charts?: ChartSpec[];
  tables?: { type: TableType }[];
}

/** A stacked-bar component: the metric path and the legend label. */
export interface StackPart {
  path: string;
  label: string;
}

/** The owner kinds of abort forensics, as the run record lists them (docs/forensics.md). */
export const CONFLICT_OWNERS: readonly string[] = [
  'refcount', 'allocator', 'ticker', 'gil', 'small-int', 'frame', 'guest-object', 'interp-static', 'stm-meta', 'other',
];

/** Named lists of stacked components, so configs can say `y: abortCauses`. */
export const Y_PRESETS: Record<string, readonly StackPart[]> = {
  abortCauses: [
    { path: 'result.htm.abortsByCause.conflict', label: 'HTM conflict' },
    { path: 'result.htm.abortsByCause.capacity', label: 'HTM capacity' },
    { path: 'result.htm.abortsByCause.explicit', label: 'HTM explicit' },
    { path: 'result.htm.abortsByCause.interrupt', label: 'HTM interrupt' },
    { path: 'result.htm.abortsByCause.unfriendly', label: 'HTM unfriendly op' },
    { path: 'result.htm.abortsByCause.nested', label: 'HTM nesting' },
    { path: 'result.htm.abortsByCause.other', label: 'HTM other' },
    { path: 'result.htm.fallbacks', label: 'HTM fallback to lock' },
    { path: 'result.stm.abortsByKind.writeWrite', label: 'STM write–write' },
    { path: 'result.stm.abortsByKind.readWrite', label: 'STM read–write' },
    { path: 'result.stm.abortsByKind.inevitable', label: 'STM inevitable' },
  ],
  lostTime: [
    { path: 'computed.wastedPercent', label: 'wasted in aborted transactions' },
    { path: 'computed.lockWaitPercent', label: 'waiting for the lock' },
  ],
  /** Conflicts by the owner of the contested line or object (runs that recorded forensics). */
  conflictOwners: CONFLICT_OWNERS.map((owner) => ({ path: `result.forensics.conflictsByOwner.${owner}`, label: owner })),
  /** Where the cycles went, in units of the serial run's time (needs derived.speedup). */
  cycles: CYCLE_PARTS.map(({ key, label }) => ({ path: `computed.coreTime.${key}`, label })),
  /** The same parts as a share of all core time, for sweeps without a serial baseline. */
  cycleShare: CYCLE_PARTS.map(({ key, label }) => ({ path: `computed.cyclePercent.${key}`, label })),
};

/** The y presets of the cycle-accounting chart. */
export const CYCLE_PRESETS: readonly string[] = ['cycles', 'cycleShare'];

/**
 * The cycle-accounting chart, a report's first: one stacked bar per configuration. Undefined when
 * no record has the accounting (results from before it existed).
 */
export function cycleChart(points: readonly PointRecord[]): ChartSpec | undefined {
  const ok = points.filter((p) => p.status === 'ok');
  if (!ok.some((p) => numberAt(p, 'computed.cyclePercent.useful') !== undefined)) return undefined;
  const varying = varyingParams(ok);
  const workloads = distinctValues(ok, 'workload.name').length;
  const axis = mainAxis(varying);
  const normalised = ok.some((p) => numberAt(p, 'computed.coreTime.useful') !== undefined);
  return {
    type: 'stacked-bar', title: 'Where the cycles go', ...(axis ? { x: axis } : {}), y: normalised ? 'cycles' : 'cycleShare',
    series: 'policy.name', ...(workloads > 1 ? { facet: 'workload.name' } : {}),
  };
}

/** Bad report spec: one line naming the file and key. Callers (the CLI) turn it into a user error. */
export class ReportSpecError extends ReportError {
  constructor(message: string) {
    super(message);
    this.name = 'ReportSpecError';
  }
}

function fail(file: string, key: string, msg: string): never {
  throw new ReportSpecError(`${file}: ${key}: ${msg}`);
}

function optString(o: Record<string, unknown>, k: string, file: string, base: string): string | undefined {
  const v = o[k];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || v.trim() === '') fail(file, `${base}.${k}`, `expected a non-empty string, got ${JSON.stringify(v)}`);
  return v;
}

function optBool(o: Record<string, unknown>, k: string, file: string, base: string): boolean | undefined {
  const v = o[k];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') fail(file, `${base}.${k}`, `expected true or false, got ${JSON.stringify(v)}`);
  return v;
}

function optWhere(o: Record<string, unknown>, k: string, file: string, base: string): Record<string, unknown> | undefined {
  const v = o[k];
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) fail(file, `${base}.${k}`, 'expected a mapping of parameter paths to values');
  return v;
}

const CHART_KEYS = new Set(['type', 'title', 'caption', 'x', 'y', 'series', 'facet', 'logX', 'logY', 'errorBars', 'where']);
const SPEC_KEYS = new Set(['title', 'description', 'timelinePoint', 'charts', 'tables']);

/** Parses the `report` section; `file` names where it came from in error messages. */
export function parseReportSpec(raw: unknown, file = 'experiment.json'): ReportSpec {
  if (raw === undefined || raw === null) return {};
  if (!isObject(raw)) fail(file, 'report', 'expected a mapping');
  for (const k of Object.keys(raw)) if (!SPEC_KEYS.has(k)) fail(file, `report.${k}`, `unknown key (expected one of ${[...SPEC_KEYS].join(', ')})`);
  const spec: ReportSpec = {};
  const title = optString(raw, 'title', file, 'report');
  if (title !== undefined) spec.title = title;
  const description = optString(raw, 'description', file, 'report');
  if (description !== undefined) spec.description = description;
  const tp = optWhere(raw, 'timelinePoint', file, 'report');
  if (tp !== undefined) spec.timelinePoint = tp;
  if (raw.charts !== undefined && raw.charts !== null) {
    if (!Array.isArray(raw.charts)) fail(file, 'report.charts', 'expected a list of charts');
    spec.charts = raw.charts.map((c, i) => parseChart(c, file, `report.charts[${i}]`));
  }
  if (raw.tables !== undefined && raw.tables !== null) {
    if (!Array.isArray(raw.tables)) fail(file, 'report.tables', 'expected a list of tables');
    spec.tables = raw.tables.map((t, i) => {
      const key = `report.tables[${i}]`;
      if (!isObject(t)) fail(file, key, 'expected a mapping with a type');
      if (t.type !== 'summary' && t.type !== 'points') fail(file, `${key}.type`, `unknown table type ${JSON.stringify(t.type)} (expected summary | points)`);
      return { type: t.type };
    });
  }
  return spec;
}

function parseChart(raw: unknown, file: string, key: string): ChartSpec {
  if (!isObject(raw)) fail(file, key, 'expected a mapping with a type');
  for (const k of Object.keys(raw)) if (!CHART_KEYS.has(k)) fail(file, `${key}.${k}`, `unknown key (expected one of ${[...CHART_KEYS].join(', ')})`);
  if (!CHART_TYPES.includes(raw.type as ChartType)) {
    fail(file, `${key}.type`, `unknown chart type ${JSON.stringify(raw.type)} (expected ${CHART_TYPES.join(' | ')})`);
  }
  const c: ChartSpec = { type: raw.type as ChartType };
  for (const k of ['title', 'caption', 'x', 'series', 'facet'] as const) {
    const v = optString(raw, k, file, key);
    if (v !== undefined) c[k] = v;
  }
  for (const k of ['logX', 'logY', 'errorBars'] as const) {
    const v = optBool(raw, k, file, key);
    if (v !== undefined) c[k] = v;
  }
  const where = optWhere(raw, 'where', file, key);
  if (where !== undefined) c.where = where;
  if (raw.y !== undefined && raw.y !== null) {
    if (Array.isArray(raw.y)) {
      if (raw.y.length === 0 || !raw.y.every((s) => typeof s === 'string' && s !== '')) fail(file, `${key}.y`, 'expected a metric path or a non-empty list of them');
      c.y = raw.y as string[];
    } else if (typeof raw.y === 'string' && raw.y !== '') c.y = raw.y;
    else fail(file, `${key}.y`, `expected a metric path or a list of them, got ${JSON.stringify(raw.y)}`);
  }
  if (Array.isArray(c.y) && c.type !== 'stacked-bar') fail(file, `${key}.y`, 'a list of metrics needs type stacked-bar');
  if ((c.type === 'line' || c.type === 'bar') && c.x === undefined) fail(file, `${key}.x`, `a ${c.type} chart needs x (a parameter path)`);
  if ((c.type === 'line' || c.type === 'bar') && c.y === undefined) fail(file, `${key}.y`, `a ${c.type} chart needs y (a metric path)`);
  return c;
}

const TX_LENGTH_PARAMS = ['htm.txLength', 'stm.txLength'];

function isCoresParam(p: string): boolean {
  return p === 'machine.cores' || p === 'workload.params.threads';
}

/** A footprint-like workload parameter (capacity experiments), e.g. `workload.params.footprintKiB`. */
export function footprintParam(varying: readonly string[]): string | undefined {
  return varying.find((p) => p.startsWith('workload.params.') && /footprint|kib|bytes|size/i.test(p.slice('workload.params.'.length)));
}

/** A read/write switch among the workload parameters, for the capacity curve's series. */
export function accessModeParam(points: readonly PointRecord[]): string | undefined {
  const keys = new Set<string>();
  for (const p of points) for (const k of Object.keys(p.params)) keys.add(k);
  return [...keys].find((k) => k.startsWith('workload.params.') && /mode|access|kind|op$/i.test(k.slice('workload.params.'.length)));
}

/** The parameter a bar chart of one sweep should spread over: cores, tx length, or the first that varies. */
export function mainAxis(varying: readonly string[]): string | undefined {
  return varying.find(isCoresParam) ?? varying.find((p) => TX_LENGTH_PARAMS.includes(p))
    ?? varying.find((p) => p !== 'policy.name' && p !== 'workload.name');
}

/** The charts a report draws when the config names none, chosen from what the sweep varies. */
export function defaultCharts(points: readonly PointRecord[]): ChartSpec[] {
  const ok = points.filter((p) => p.status === 'ok');
  const varying = varyingParams(ok);
  const workloads = distinctValues(ok, 'workload.name').length;
  const facet = workloads > 1 ? { facet: 'workload.name' } : {};
  const charts: ChartSpec[] = [];
  const cycles = cycleChart(points);
  if (cycles) charts.push(cycles);
  const has = (path: string) => ok.some((p) => numberAt(p, path) !== undefined);
  const any = (path: string) => ok.some((p) => (numberAt(p, path) ?? 0) > 0);
  const speedOrThroughput = has('derived.speedup') ? 'derived.speedup' : 'derived.throughput';
  const speedTitle = speedOrThroughput === 'derived.speedup' ? 'Speedup' : 'Throughput';

  const cores = varying.find(isCoresParam);
  if (cores) {
    charts.push({ type: 'line', title: `${speedTitle} against cores`, x: cores, y: speedOrThroughput, series: 'policy.name', ...facet });
  }
  // One tx-length axis is enough: sweeps usually zip htm.txLength and stm.txLength together.
  const tx = TX_LENGTH_PARAMS.find((p) => varying.includes(p));
  if (tx) {
    const vals = distinctValues(ok, tx).filter((v): v is number => typeof v === 'number' && v > 0);
    const logX = vals.length > 1 && vals[vals.length - 1]! / vals[0]! >= 10;
    charts.push({ type: 'line', title: 'Throughput against transaction length', x: tx, y: 'derived.throughput', series: 'policy.name', logX, ...facet });
    charts.push({ type: 'line', title: 'Abort rate against transaction length', x: tx, y: 'computed.abortRate', series: 'policy.name', logX, ...facet });
  }
  const footprint = footprintParam(varying);
  if (footprint && (has('computed.commitRatio') || has('result.metrics.commit_ratio'))) {
    // Read and write probes are often separate workloads (capacity-read, capacity-write): one
    // chart with a line each, rather than a panel each.
    const series = accessModeParam(ok) ?? (workloads > 1 ? 'workload.name' : undefined);
    const kib = distinctValues(ok, footprint).filter((v): v is number => typeof v === 'number' && v > 0);
    const logX = kib.length > 1 && kib[kib.length - 1]! / kib[0]! >= 16;
    charts.push({ type: 'capacity', title: 'Commit ratio against transaction footprint', x: footprint, logX,
      ...(series ? { series } : {}), ...(series === 'workload.name' ? {} : facet) });
  }
  const axis = mainAxis(varying);
  // Neither cores nor tx length varies (say interp.refcount does): bars of speed per value, per policy.
  if (!cores && !tx && axis && axis !== footprint) {
    charts.push({ type: 'bar', title: `${speedTitle} by ${labelFor(axis)}`, x: axis, y: speedOrThroughput, series: 'policy.name', ...facet });
  }
  if (Y_PRESETS.abortCauses!.some((s) => any(s.path))) {
    charts.push({ type: 'stacked-bar', title: 'Abort causes', ...(axis ? { x: axis } : {}), y: 'abortCauses', series: 'policy.name', ...facet });
  }
  if (Y_PRESETS.lostTime!.some((s) => any(s.path))) {
    charts.push({ type: 'stacked-bar', title: 'Wasted work and lock waiting', ...(axis ? { x: axis } : {}), y: 'lostTime', series: 'policy.name', ...facet });
  }
  const timelines = ok.filter((p) => Array.isArray(p.result.timeline) && p.result.timeline.length > 0);
  if (timelines.length > 0) {
    // Several policies recorded one: a timeline each, side by side (GIL against STM, say).
    const policies = distinctValues(timelines, 'policy.name').length;
    charts.push({ type: 'timeline', title: 'Per-core timeline', ...(policies > 1 ? { facet: 'policy.name' } : {}) });
  }
  if (charts.length === 0 && ok.length > 0) {
    charts.push({ type: 'bar', title: `${speedTitle} per policy`, x: 'policy.name', y: speedOrThroughput, ...facet });
  }
  return charts;
}
