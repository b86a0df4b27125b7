/**
 * From point records to plotted data. This is the single source of every number a chart shows:
 * the PNGs, the interactive charts and the data tables are all drawn from these panels, and the
 * panels are embedded as JSON in report.html. Tests compare them with the records.
 */
import { isObject, type PointRecord, type Scalar, type TimelineInterval } from './records.js';
import { distinctValues, formatScalar, matchesWhere, maxReps, numberAt, stat, valueAt, REPETITION_KEYS } from './metrics.js';
import { Y_PRESETS, type ChartSpec, type ChartType, type StackPart } from './spec.js';
import { labelFor, valueLabel } from './labels.js';

export { labelFor, valueLabel } from './labels.js';

export interface SeriesPoint {
  /** A number on linear/log axes, the category label on category axes. */
  x: number | string;
  /** Mean over the repetitions. */
  y: number;
  sd: number;
  n: number;
  /** A stacked bar's whisker, in axis units: the 95% confidence interval of the bar's total over
   *  the repetitions (on the top segment only; the others have none). */
  whisker?: [number, number];
  /** The 95% confidence interval of the mean, what the whiskers draw (absent for n < 2). */
  ciLow?: number;
  ciHigh?: number;
}

export interface ChartSeries {
  label: string;
  points: SeriesPoint[];
}

export interface TimelineData {
  point: { index: number; id: string; params: Record<string, Scalar> };
  cores: number;
  /** Adjacent same-kind intervals merged; slivers dropped only when there are very many. */
  intervals: TimelineInterval[];
  /** Intervals in the record before merging. */
  recorded: number;
  kinds: string[];
}

export interface ChartPanel {
  /** Unique, file-name safe: the PNG is charts/<id>.png, the canvas id is chart-<id>. */
  id: string;
  type: ChartType;
  title: string;
  caption: string;
  xLabel: string;
  yLabel: string;
  xScale: 'linear' | 'log' | 'category';
  logY: boolean;
  errorBars: boolean;
  stacked: boolean;
  /** Category axis labels in order (bar charts). */
  categories?: string[];
  series: ChartSeries[];
  timeline?: TimelineData;
  /** A guide line that is not data (ideal linear speedup), drawn dashed and kept out of tables. */
  reference?: { label: string; points: { x: number; y: number }[] };
  /** How many point records the panel was drawn from. */
  points: number;
  /** Why the panel has nothing to draw, when it has not. */
  empty?: string;
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'chart';
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const arr = m.get(k);
    if (arr) arr.push(it);
    else m.set(k, [it]);
  }
  return m;
}

/**
 * Parameters besides x/series/facet that take more than one value among points that would be
 * averaged together: they must split the series, or the mean would mix configurations.
 */
function splittingParams(points: readonly PointRecord[], fixed: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const p of points) for (const k of Object.keys(p.params)) keys.add(k);
  const candidates = [...keys].filter((k) => !fixed.includes(k) && !REPETITION_KEYS.includes(k));
  const groups = groupBy(points, (p) => fixed.map((f) => String(valueAt(p, f))).join('\u0000'));
  return candidates.filter((k) => [...groups.values()].some((g) => new Set(g.map((p) => String(p.params[k]))).size > 1));
}

/** splittingParams per series value: a GIL line is not split by an HTM-only parameter. */
function extrasBySeries(points: readonly PointRecord[], series: string | undefined, fixed: readonly string[]): (p: PointRecord) => string[] {
  const key = (p: PointRecord) => (series ? String(valueAt(p, series)) : '');
  const extras = new Map<string, string[]>();
  for (const [k, g] of groupBy(points, key)) extras.set(k, splittingParams(g, fixed));
  return (p) => extras.get(key(p)) ?? [];
}

/** Is `path` a swept parameter (a key of some point's params), rather than a config value or metric? */
function isParam(points: readonly PointRecord[], path: string): boolean {
  return points.some((p) => path in p.params);
}

function seriesLabel(p: PointRecord, series: string | undefined, extra: readonly string[]): string {
  const parts: string[] = [];
  if (series) parts.push(formatScalar(valueAt(p, series)));
  for (const k of extra) parts.push(valueLabel(k, p.params[k]));
  return parts.length ? parts.join(' · ') : 'all';
}

function yPresetParts(y: string | string[] | undefined): StackPart[] {
  if (y === undefined) return [...Y_PRESETS.abortCauses!];
  if (Array.isArray(y)) return y.map((path) => ({ path, label: labelFor(path) }));
  return [...(Y_PRESETS[y] ?? [{ path: y, label: labelFor(y) }])];
}

function repCaption(errorBars: boolean, reps: number, seeds: number): string {
  if (reps <= 1) return 'One run per configuration.';
  return `Mean of up to ${reps} repetitions per configuration (${seeds} seeds in all)${errorBars ? '; error bars show the 95% confidence interval of the mean (Student\'s t)' : ''}.`;
}

/** Distinct seeds among the points (the report says how many samples stand behind a mean). */
function seedCount(points: readonly PointRecord[]): number {
  return new Set(points.map((p) => String(p.params.seed))).size;
}

export interface BuildOptions {
  /** 1-based chart number, used in ids so they stay in config order. */
  number: number;
  /** The report's `timelinePoint` (used when the chart has no `where`). */
  timelinePoint?: Record<string, unknown>;
}

/** Builds the panels (one per facet value) of one chart spec from the records. */
export function buildChartData(spec: ChartSpec, allPoints: readonly PointRecord[], opts: BuildOptions): ChartPanel[] {
  const prefix = `c${String(opts.number).padStart(2, '0')}`;
  const title = spec.title ?? defaultTitle(spec);
  if (spec.type === 'timeline') {
    // A faceted timeline draws the chosen run for each value of the facet (the talk's GIL-versus-STM
    // picture: facet policy.name), the rest of the point as `where` / timelinePoint say.
    if (spec.facet === undefined) return [timelinePanel(spec, allPoints, opts, `${prefix}-${slug(title)}`, title)];
    const facet = spec.facet;
    const recorded = allPoints.filter((p) => p.status === 'ok' && readTimeline(p).length > 0);
    const where = Object.fromEntries(Object.entries(spec.where ?? opts.timelinePoint ?? {}).filter(([k]) => k !== facet));
    return distinctValues(recorded.filter((p) => matchesWhere(p, where)), facet).map((v) =>
      timelinePanel({ ...spec, where: { ...where, [facet]: v } }, allPoints, opts, `${prefix}-${slug(title)}--${slug(String(v))}`, title));
  }

  const points = allPoints.filter((p) => p.status === 'ok' && matchesWhere(p, spec.where));
  const facetValues = spec.facet ? distinctValues(points, spec.facet) : [undefined];
  const panels: ChartPanel[] = [];
  for (const fv of facetValues.length ? facetValues : [undefined]) {
    const inFacet = spec.facet === undefined || fv === undefined ? points : points.filter((p) => String(valueAt(p, spec.facet!)) === String(fv));
    const panelTitle = fv === undefined ? title : `${title} — ${formatScalar(fv)}`;
    const id = `${prefix}-${slug(title)}${fv === undefined ? '' : `--${slug(String(fv))}`}`;
    panels.push(spec.type === 'stacked-bar' ? stackedPanel(spec, inFacet, id, panelTitle) : xyPanel(spec, inFacet, id, panelTitle));
  }
  return panels;
}

function defaultTitle(spec: ChartSpec): string {
  switch (spec.type) {
    case 'timeline': return 'Per-core timeline';
    case 'capacity': return 'Commit ratio against transaction footprint';
    case 'stacked-bar': return typeof spec.y === 'string' && spec.y === 'lostTime' ? 'Wasted work and lock waiting' : 'Abort causes';
    case 'line':
    case 'bar': return `${labelFor(String(spec.y))} against ${labelFor(spec.x!)}`;
    default: {
      const _never: never = spec.type;
      return _never;
    }
  }
}

function interval(s: { ciLow?: number; ciHigh?: number }): { ciLow?: number; ciHigh?: number } {
  return s.ciLow !== undefined && s.ciHigh !== undefined ? { ciLow: s.ciLow, ciHigh: s.ciHigh } : {};
}

/** line, bar and capacity charts: one series per series value, x → mean ± sd of y. */
function xyPanel(spec: ChartSpec, points: readonly PointRecord[], id: string, title: string): ChartPanel {
  const x = spec.x ?? 'workload.params.footprintKiB';
  // Capacity: the guest's own count of committed attempts when it reports one (the capacity
  // workloads do), else the HTM unit's committed / begun.
  const y = typeof spec.y === 'string' ? spec.y
    : points.some((p) => numberAt(p, 'result.metrics.commit_ratio') !== undefined) ? 'result.metrics.commit_ratio' : 'computed.commitRatio';
  // A swept x (htm.txLength) is only meaningful for the points that have it: a GIL run's config
  // still holds a default transaction length, which must not place it on this axis.
  const xIsParam = isParam(points, x);
  const withX = points.filter((p) => (xIsParam ? x in p.params : valueAt(p, x) !== undefined));
  const withY = withX.filter((p) => numberAt(p, y) !== undefined);
  const without = xIsParam ? distinctValues(points.filter((p) => !(x in p.params)), 'policy.name').map((v) => formatScalar(v)) : [];
  const reps = maxReps(withY);
  const errorBars = spec.errorBars ?? reps > 1;
  const numericX = withY.every((p) => typeof valueAt(p, x) === 'number');
  const xScale: ChartPanel['xScale'] = spec.type === 'bar' || !numericX ? 'category' : spec.logX ? 'log' : 'linear';
  const fixed = [x, ...(spec.series ? [spec.series] : []), ...(spec.facet ? [spec.facet] : [])];
  const extraOf = extrasBySeries(withY, spec.series, fixed);
  const extra = [...new Set(withY.flatMap(extraOf))];
  const bySeries = groupBy(withY, (p) => seriesLabel(p, spec.series, extraOf(p)));
  const categories = xScale === 'category' ? distinctValues(withY, x).map((v) => formatScalar(v)) : undefined;
  const series: ChartSeries[] = [];
  for (const [label, sp] of bySeries) {
    const byX = groupBy(sp, (p) => String(valueAt(p, x)));
    const pts: SeriesPoint[] = [];
    for (const [xs, group] of byX) {
      const s = stat(group.map((p) => numberAt(p, y)!))!;
      const xv = valueAt(group[0]!, x)!;
      pts.push({ x: xScale === 'category' ? xs : (xv as number), y: s.mean, sd: s.sd, n: s.n, ...interval(s) });
    }
    if (xScale !== 'category') pts.sort((a, b) => (a.x as number) - (b.x as number));
    else pts.sort((a, b) => categories!.indexOf(String(a.x)) - categories!.indexOf(String(b.x)));
    series.push({ label, points: pts });
  }
  series.sort((a, b) => a.label.localeCompare(b.label, 'en'));
  const panel: ChartPanel = {
    id, type: spec.type, title,
    caption: [spec.caption ?? '', captionFor(spec, x, y), repCaption(errorBars, reps, seedCount(withY)),
      extra.length ? `Series are split by ${extra.map(labelFor).join(', ')}, which also vary.` : '',
      without.length ? `Runs that have no ${labelFor(x)} (${without.join(', ')}) are not on this chart.` : ''].filter(Boolean).join(' '),
    xLabel: labelFor(x), yLabel: labelFor(y), xScale, logY: spec.logY ?? false, errorBars, stacked: false,
    series, points: withY.length,
  };
  if (categories) panel.categories = categories;
  if (y === 'derived.speedup' && (x === 'machine.cores' || x === 'workload.params.threads') && xScale !== 'category' && withY.length > 0) {
    const xs = distinctValues(withY, x) as number[];
    panel.reference = { label: 'ideal (linear)', points: [{ x: xs[0]!, y: xs[0]! }, { x: xs[xs.length - 1]!, y: xs[xs.length - 1]! }] };
  }
  if (withY.length === 0) panel.empty = `no finished point has both ${x} and ${y}`;
  return panel;
}

function captionFor(spec: ChartSpec, x: string, y: string): string {
  const per = spec.series ? `, one ${spec.type === 'bar' ? 'bar' : 'line'} per ${labelFor(spec.series)}` : '';
  if (spec.type === 'capacity') return `${capitalise(labelFor(y))}: the share of begun transactions that committed, against the transaction's footprint (${labelFor(x)})${per}.`;
  return `${capitalise(labelFor(y))} against ${labelFor(x)}${per}.`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Stacked bars: one bar per (series value, x value), one stacked component per y metric. */
function stackedPanel(spec: ChartSpec, points: readonly PointRecord[], id: string, title: string): ChartPanel {
  const parts = yPresetParts(spec.y);
  const reps = maxReps(points);
  const fixed = [...(spec.x ? [spec.x] : []), ...(spec.series ? [spec.series] : []), ...(spec.facet ? [spec.facet] : [])];
  const extraOf = extrasBySeries(points, spec.series, fixed);
  const xIsParam = spec.x !== undefined && isParam(points, spec.x);
  const categoryOf = (p: PointRecord): string => {
    const bits: string[] = [];
    if (spec.series) bits.push(formatScalar(valueAt(p, spec.series)));
    // A run without the swept x (the GIL in a tx-length sweep) gets one bar, not a fake x value.
    if (spec.x && spec.x !== spec.series && (!xIsParam || spec.x in p.params)) bits.push(valueLabel(spec.x, valueAt(p, spec.x)));
    for (const k of extraOf(p)) if (k in p.params) bits.push(valueLabel(k, p.params[k]));
    return bits.length ? bits.join(' · ') : 'all';
  };
  // Order: by series value, then x (numerically when numeric), then the rest as first seen.
  const ordered = [...points].sort((a, b) => {
    for (const path of [spec.series, spec.x]) {
      if (!path) continue;
      const va = valueAt(a, path);
      const vb = valueAt(b, path);
      if (typeof va === 'number' && typeof vb === 'number') {
        if (va !== vb) return va - vb;
      } else {
        const c = String(va).localeCompare(String(vb), 'en');
        if (c !== 0) return c;
      }
    }
    return a.index - b.index;
  });
  const byCat = groupBy(ordered, categoryOf);
  // Keep bars that have something to stack (e.g. no abort bars for the GIL or serial runs).
  const cats = [...byCat].filter(([, g]) => parts.some((part) => g.some((p) => (numberAt(p, part.path) ?? 0) > 0)));
  const usedParts = parts.filter((part) => cats.some(([, g]) => g.some((p) => (numberAt(p, part.path) ?? 0) > 0)));
  const series: ChartSeries[] = usedParts.map((part) => ({
    label: part.label,
    points: cats.map(([cat, g]) => {
      const s = stat(g.map((p) => numberAt(p, part.path) ?? 0))!;
      return { x: cat, y: s.mean, sd: s.sd, n: s.n };
    }),
  }));
  const errorBars = (spec.errorBars ?? reps > 1) && series.length > 0;
  if (errorBars) {
    // The whisker of a stacked bar is the 95% confidence interval of its total's mean over the
    // repetitions (as on line and bar charts), drawn on the top segment.
    const top = series[series.length - 1]!;
    cats.forEach(([, g], j) => {
      const t = stat(g.map((p) => usedParts.reduce((a, part) => a + (numberAt(p, part.path) ?? 0), 0)))!;
      top.points[j]!.whisker = [t.ciLow ?? t.mean, t.ciHigh ?? t.mean];
    });
  }
  const preset = typeof spec.y === 'string' && Y_PRESETS[spec.y] !== undefined ? spec.y : undefined;
  const text = stackedText(preset, usedParts);
  const dropped = byCat.size - cats.length;
  const panel: ChartPanel = {
    id, type: 'stacked-bar', title,
    caption: [spec.caption ?? '', text.caption,
      spec.series || spec.x ? `One bar per ${[spec.series, spec.x].filter(Boolean).map((p) => labelFor(p!)).join(' and ')}.` : '',
      repCaption(errorBars, reps, seedCount(points)),
      dropped > 0 ? `${dropped} configuration${dropped > 1 ? 's' : ''} with nothing to show left out.` : ''].filter(Boolean).join(' '),
    xLabel: [spec.series, spec.x].filter((p, i, a) => p !== undefined && a.indexOf(p) === i).map((p) => labelFor(p!)).join(' · ') || 'configuration',
    yLabel: text.yLabel, xScale: 'category', logY: spec.logY ?? false, errorBars, stacked: true,
    categories: cats.map(([c]) => c), series, points: cats.reduce((n, [, g]) => n + g.length, 0),
  };
  if (cats.length === 0) panel.empty = text.empty;
  return panel;
}

/** What a stacked chart's caption, value axis and empty note say, from what it stacks. */
function stackedText(preset: string | undefined, parts: readonly StackPart[]): { caption: string; yLabel: string; empty: string } {
  const list = parts.map((p) => p.label);
  const named = list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}` : list[0] ?? 'nothing';
  switch (preset) {
    case 'cycles':
      return {
        caption: `Where the cycles go: each bar is one configuration's cycles summed over its cores, in units of the serial run's time, split into ${named}. `
          + 'A perfectly parallel run of the same work stacks to 1, all useful work; useful work above 1 is the same guest work made slower (memory stalls, coherence misses on shared lines).',
        yLabel: "core time ÷ serial run's time",
        empty: 'no finished point has a cycle accounting and a serial baseline',
      };
    case 'cycleShare':
      return {
        caption: `Where the cycles go: each bar is one configuration's cycles summed over its cores, as a share of all core time, split into ${named}.`,
        yLabel: 'share of core time (%)',
        empty: 'no finished point has a cycle accounting',
      };
    case 'conflictOwners':
      return {
        caption: `Conflicts by the owner of the contested line (HTM) or object (STM): ${named}. Only runs that recorded abort forensics have them.`,
        yLabel: 'conflicts (count)',
        empty: 'no run that recorded forensics had a conflict',
      };
    case 'lostTime':
      return {
        caption: `Lost time: ${named}, as a share of all core time (simulated cycles × cores).`,
        yLabel: 'share of core time (%)',
        empty: 'no finished point wasted work or waited for a lock',
      };
    case 'abortCauses':
    case undefined:
      if (preset === 'abortCauses' || parts.every((p) => Y_PRESETS.abortCauses!.some((a) => a.path === p.path))) {
        return {
          caption: `Aborts by cause (HTM) and by conflict kind (STM), with HTM fallbacks to the lock: ${named}.`,
          yLabel: 'aborts (count)',
          empty: 'no finished point aborted a transaction',
        };
      }
      break;
    default:
      break;
  }
  const cycles = parts.every((p) => /cycles/i.test(p.label));
  return {
    caption: `${capitalise(named)}, stacked.`,
    yLabel: cycles ? 'cycles' : parts.length === 1 ? parts[0]!.label : 'count',
    empty: `no finished point has any of ${named}`,
  };
}

/** Above this many bars (all cores) a timeline is slow to draw and finer than its pixels. */
const TIMELINE_MAX_INTERVALS = 8000;

function readTimeline(p: PointRecord): TimelineInterval[] {
  const raw = p.result.timeline;
  if (!Array.isArray(raw)) return [];
  const out: TimelineInterval[] = [];
  for (const r of raw) {
    if (!isObject(r)) continue;
    const { core, thread, kind, start, end } = r;
    if (typeof core !== 'number' || typeof start !== 'number' || typeof end !== 'number' || typeof kind !== 'string' || end < start) continue;
    out.push({ core, thread: typeof thread === 'number' ? thread : -1, kind, start, end });
  }
  return out;
}

/** Merges touching same-kind, same-thread intervals per core. */
function mergeTouching(intervals: readonly TimelineInterval[]): TimelineInterval[] {
  const sorted = [...intervals].sort((a, b) => a.core - b.core || a.start - b.start || a.end - b.end);
  const merged: TimelineInterval[] = [];
  for (const iv of sorted) {
    const last = merged[merged.length - 1];
    if (last && last.core === iv.core && last.kind === iv.kind && last.thread === iv.thread && iv.start <= last.end) {
      if (iv.end > last.end) last.end = iv.end;
    } else merged.push({ ...iv });
  }
  return merged;
}

/**
 * Down-samples a long timeline: each core's time is cut into `bins` equal slices and each slice
 * shows the kind that took most of it (thread -1: a slice may span threads). Touching slices of
 * one kind merge again. Nothing is silently dropped: a GIL handing off every 100 bytecodes still
 * shows as lock-wait where waiting dominates.
 */
function downsample(intervals: readonly TimelineInterval[], bins: number): TimelineInterval[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const iv of intervals) {
    if (iv.start < lo) lo = iv.start;
    if (iv.end > hi) hi = iv.end;
  }
  const width = (hi - lo) / bins;
  if (!(width > 0)) return mergeTouching(intervals);
  const kinds: string[] = [];
  const kindIndex = new Map<string, number>();
  for (const iv of intervals) if (!kindIndex.has(iv.kind)) { kindIndex.set(iv.kind, kinds.length); kinds.push(iv.kind); }
  const cores = [...new Set(intervals.map((iv) => iv.core))].sort((a, b) => a - b);
  const out: TimelineInterval[] = [];
  for (const core of cores) {
    const time = new Float64Array(bins * kinds.length);
    for (const iv of intervals) {
      if (iv.core !== core) continue;
      const k = kindIndex.get(iv.kind)!;
      const first = Math.min(bins - 1, Math.floor((iv.start - lo) / width));
      const last = Math.min(bins - 1, Math.floor((iv.end - lo) / width));
      for (let b = first; b <= last; b++) {
        const s = Math.max(iv.start, lo + b * width);
        const e = Math.min(iv.end, lo + (b + 1) * width);
        if (e > s) time[b * kinds.length + k]! += e - s;
      }
    }
    for (let b = 0; b < bins; b++) {
      let best = -1;
      let bestTime = 0;
      for (let k = 0; k < kinds.length; k++) {
        const t = time[b * kinds.length + k]!;
        if (t > bestTime) { bestTime = t; best = k; }
      }
      if (best < 0) continue;
      const start = Math.round(lo + b * width);
      const end = b === bins - 1 ? hi : Math.round(lo + (b + 1) * width);
      const prev = out[out.length - 1];
      if (prev && prev.core === core && prev.kind === kinds[best] && prev.end === start) prev.end = end;
      else out.push({ core, thread: -1, kind: kinds[best]!, start, end });
    }
  }
  return out;
}

/** What a timeline chart draws: the intervals merged, and down-sampled when there are too many. */
export function coalesceTimeline(intervals: readonly TimelineInterval[]): { intervals: TimelineInterval[]; binned: number } {
  const merged = mergeTouching(intervals);
  if (merged.length <= TIMELINE_MAX_INTERVALS) return { intervals: merged, binned: 0 };
  const cores = new Set(merged.map((iv) => iv.core)).size;
  const bins = Math.max(100, Math.min(1500, Math.floor(TIMELINE_MAX_INTERVALS / cores)));
  return { intervals: downsample(merged, bins), binned: bins };
}

export const TIMELINE_KINDS: readonly string[] = ['running', 'tx-committed', 'tx-aborted', 'lock-wait', 'stm-wait', 'fallback', 'idle'];

/** Legend labels of the timeline's kinds. */
export const TIMELINE_LABELS: Readonly<Record<string, string>> = {
  running: 'running',
  'tx-committed': 'transaction (committed)',
  'tx-aborted': 'transaction (aborted)',
  'lock-wait': 'waiting for the lock',
  'stm-wait': 'waiting (STM conflict or inevitable)',
  fallback: 'running under the fallback lock',
  idle: 'idle',
};

function timelinePanel(spec: ChartSpec, all: readonly PointRecord[], opts: BuildOptions, id: string, title: string): ChartPanel {
  const where = spec.where ?? opts.timelinePoint;
  const candidates = all.filter((p) => p.status === 'ok' && readTimeline(p).length > 0);
  const chosen = candidates.find((p) => matchesWhere(p, where)) ?? (where ? undefined : candidates[0]);
  const base: ChartPanel = {
    id, type: 'timeline', title, caption: '', xLabel: 'simulated time (cycles)', yLabel: 'core',
    xScale: 'linear', logY: false, errorBars: false, stacked: false, series: [], points: 0,
  };
  if (!chosen) {
    base.empty = where ? `no finished point matching ${JSON.stringify(where)} recorded a timeline` : 'no finished point recorded a timeline (set timeline: true in the config)';
    base.caption = 'Per-core timeline of one run.';
    return base;
  }
  const recorded = readTimeline(chosen);
  const { intervals, binned } = coalesceTimeline(recorded);
  const cores = Math.max(numberAt(chosen, 'machine.cores') ?? 0, ...intervals.map((iv) => iv.core + 1));
  const seen = new Set(intervals.map((iv) => iv.kind));
  const kinds = [...TIMELINE_KINDS.filter((k) => seen.has(k)), ...[...seen].filter((k) => !TIMELINE_KINDS.includes(k)).sort()];
  const paramText = Object.entries(chosen.params).filter(([k]) => !REPETITION_KEYS.includes(k)).map(([k, v]) => valueLabel(k, v)).join(', ');
  base.title = `${title} — ${formatScalar(valueAt(chosen, 'policy.name'))}, ${cores} cores`;
  base.caption = [spec.caption ?? '',
    `Per-core timeline: what each core did over simulated time in point #${chosen.index} (${paramText}): running guest code, inside transactions that committed or aborted, waiting for the lock or for a conflicting STM transaction, running under the fallback lock, or idle.`,
    binned > 0 ? `${recorded.length} recorded intervals: each core's time is cut into ${binned} slices, each drawn as the kind that took most of it (the table gives the drawn totals).`
      : intervals.length < recorded.length ? `${recorded.length} recorded intervals merged into ${intervals.length}.` : ''].filter(Boolean).join(' ');
  base.timeline = { point: { index: chosen.index, id: chosen.id, params: chosen.params }, cores, intervals, recorded: recorded.length, kinds };
  // A series per kind, so the legend and the tables read like the other charts: total cycles.
  base.series = kinds.map((k) => ({
    label: TIMELINE_LABELS[k] ?? k,
    points: Array.from({ length: cores }, (_, c) => {
      let total = 0;
      for (const iv of intervals) if (iv.core === c && iv.kind === k) total += iv.end - iv.start;
      return { x: `core ${c}`, y: total, sd: 0, n: 1 };
    }),
  }));
  base.categories = Array.from({ length: cores }, (_, c) => `core ${c}`);
  base.points = 1;
  return base;
}

/** Every panel of a report, in config order. */
export function buildAllChartData(specs: readonly ChartSpec[], points: readonly PointRecord[], timelinePoint?: Record<string, unknown>): ChartPanel[] {
  const out: ChartPanel[] = [];
  specs.forEach((spec, i) => {
    out.push(...buildChartData(spec, points, { number: i + 1, ...(timelinePoint ? { timelinePoint } : {}) }));
  });
  return out;
}

