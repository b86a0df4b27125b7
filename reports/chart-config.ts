/**
 * Chart.js configurations for the panels. The same JSON configuration is rendered to PNG in Node
 * and embedded in report.html for the browser; only the error-bar plugin (and, in the browser,
 * tooltip callbacks) are functions, added by each renderer.
 */
import { TIMELINE_LABELS, type ChartPanel, type SeriesPoint } from './chart-data.js';

/** Fixed colours per policy, so a policy looks the same in every chart of every report. */
const POLICY_COLOURS: Record<string, string> = {
  serial: '#6b6b6b',
  gil: '#d62728',
  htm: '#1f77b4',
  stm: '#2ca02c',
  nogil: '#9467bd',
};

/** Colours for series that are not policies: none of them is a policy's colour. */
const PALETTE = ['#ff7f0e', '#8c564b', '#e377c2', '#bcbd22', '#17becf', '#393b79', '#637939', '#7f7f7f', '#aec7e8', '#ffbb78', '#98df8a', '#c49c94'];

const PART_COLOURS: Record<string, string> = {
  'HTM conflict': '#d62728',
  'HTM capacity': '#ff7f0e',
  'HTM explicit': '#9467bd',
  'HTM interrupt': '#8c564b',
  'HTM unfriendly op': '#e377c2',
  'HTM nesting': '#bcbd22',
  'HTM other': '#7f7f7f',
  'HTM fallback to lock': '#393b79',
  'STM write–write': '#17becf',
  'STM read–write': '#2ca02c',
  'STM inevitable': '#637939',
  'wasted in aborted transactions': '#d62728',
  'waiting for the lock': '#ffbf00',
  // The cycle accounting: work in blue, waste in red, overheads in purples, waits in ambers.
  'useful work': '#4a90d9',
  'rolled back (aborted transactions)': '#d62728',
  'barriers, locks and bookkeeping': '#9467bd',
  'transaction begin and commit': '#c5b0d5',
  'waiting for the GIL': '#f0b400',
  'waiting for the fallback lock': '#ff7f0e',
  'waiting for a conflicting STM transaction': '#8c564b',
  'waiting for the inevitable token': '#e377c2',
  'OS scheduling latency': '#7f7f7f',
  idle: '#dddddd',
};

/** Timeline colours, after the PyPy talk's pictures: work in blue/green, waste in red, waiting in amber. */
export const TIMELINE_COLOURS: Record<string, string> = {
  running: '#4a90d9',
  'tx-committed': '#2ca02c',
  'tx-aborted': '#d62728',
  'lock-wait': '#f0b400',
  'stm-wait': '#8c564b',
  fallback: '#9467bd',
  idle: '#dddddd',
};

const DASHES: number[][] = [[], [6, 4], [2, 3], [10, 3, 2, 3]];

export interface JsonChartConfig {
  type: 'line' | 'bar';
  data: { labels?: string[]; datasets: Record<string, unknown>[] };
  options: Record<string, unknown>;
}

const FONT = { family: "'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif" };

/** Darker or lighter variants of a colour, so split series of one policy differ in the legend too. */
function shade(hex: string, variant: number): string {
  if (variant === 0) return hex;
  const steps = [0, -0.35, 0.4, -0.6, 0.6];
  const f = steps[variant % steps.length]!;
  const c = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  const mixed = c.map((v) => Math.round(f < 0 ? v * (1 + f) : v + (255 - v) * f));
  return `#${mixed.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

function seriesColours(labels: readonly string[]): { colour: string; dash: number[] }[] {
  const perPolicy = new Map<string, number>();
  let next = 0;
  return labels.map((label) => {
    const policy = label.split(' · ')[0]!;
    // A part named after one policy ("STM cycles in aborted transactions") takes its colour.
    const named = POLICY_COLOURS[label.split(' ')[0]!.toLowerCase()];
    const known = POLICY_COLOURS[policy] ?? PART_COLOURS[label] ?? named;
    if (known) {
      const k = perPolicy.get(policy) ?? 0;
      perPolicy.set(policy, k + 1);
      return { colour: shade(known, k), dash: DASHES[k % DASHES.length]! };
    }
    return { colour: PALETTE[next++ % PALETTE.length]!, dash: [] };
  });
}

function errorPoint(p: SeriesPoint): Record<string, unknown> {
  // Whiskers: the 95% confidence interval of the mean where there are repetitions, else ± stddev (0).
  return { x: p.x, y: p.y, yMin: p.ciLow ?? p.y - p.sd, yMax: p.ciHigh ?? p.y + p.sd, sd: p.sd, n: p.n };
}

/** A stacked segment: a whisker only where the panel put one (the bar's total ± stddev). */
function stackedPoint(p: SeriesPoint): Record<string, unknown> {
  const [lo, hi] = p.whisker ?? [p.y, p.y];
  return { x: p.x, y: p.y, yMin: lo, yMax: hi, sd: p.sd, n: p.n };
}

/** Colours of category labels that name a policy (its colour in every other chart). */
function categoryColours(categories: readonly string[]): string[] | undefined {
  const colours = categories.map((c) => POLICY_COLOURS[c.split(' · ')[0]!]);
  return colours.some((c) => c !== undefined) ? colours.map((c) => c ?? '#444444') : undefined;
}

function axis(type: string, text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type,
    title: { display: true, text, font: { ...FONT, size: 14 } },
    ticks: { font: { ...FONT, size: 12 } },
    ...extra,
  };
}

function baseOptions(panel: ChartPanel): Record<string, unknown> {
  return {
    animation: false,
    plugins: {
      title: { display: true, text: panel.title, font: { ...FONT, size: 16, weight: 'bold' } },
      legend: { position: 'top', labels: { font: { ...FONT, size: 12 } } },
      htmsimErrorBars: { enabled: panel.errorBars, padLogX: panel.xScale === 'log' },
    },
  };
}

/** The Chart.js configuration of one panel (pure JSON). */
export function chartConfig(panel: ChartPanel): JsonChartConfig {
  if (panel.type === 'timeline') return timelineConfig(panel);
  const options = baseOptions(panel);
  const colours = seriesColours(panel.series.map((s) => s.label));
  const yType = panel.logY ? 'logarithmic' : 'linear';
  if (panel.type === 'bar' || panel.type === 'stacked-bar') {
    const tickColours = categoryColours(panel.categories ?? []);
    let top = -Infinity;
    for (const s of panel.series) for (const p of s.points) if (p.whisker) top = Math.max(top, p.whisker[1]);
    options.scales = {
      x: axis('category', panel.xLabel, { stacked: panel.stacked, ...(tickColours ? { ticks: { font: { ...FONT, size: 12, weight: 'bold' }, color: tickColours } } : {}) }),
      y: axis(yType, panel.yLabel, { stacked: panel.stacked, beginAtZero: !panel.logY, ...(Number.isFinite(top) ? { suggestedMax: top } : {}) }),
    };
    return {
      type: 'bar',
      data: {
        labels: panel.categories ?? [],
        datasets: panel.series.map((s, i) => ({
          label: s.label,
          data: s.points.map(panel.stacked ? stackedPoint : errorPoint),
          backgroundColor: colours[i]!.colour,
          borderColor: colours[i]!.colour,
          borderWidth: 1,
          // A stacked bar's whisker spans segments of other colours: draw it dark.
          ...(panel.stacked ? { whiskerColor: '#222222' } : {}),
          // A sweep with one or two bars should not paint the whole plot.
          maxBarThickness: 90,
        })),
      },
      options,
    };
  }
  const xType = panel.xScale === 'log' ? 'logarithmic' : panel.xScale;
  // Whiskers must fit: stretch the value axis to the highest whisker top.
  const yExtra: Record<string, unknown> = { beginAtZero: !panel.logY };
  if (panel.errorBars) {
    let top = -Infinity;
    for (const s of panel.series) for (const p of s.points) top = Math.max(top, p.ciHigh ?? p.y + p.sd);
    if (Number.isFinite(top)) yExtra.suggestedMax = top;
  }
  options.scales = {
    x: axis(xType, panel.xLabel, panel.xScale === 'category' ? {} : panel.xScale === 'log'
      ? { ticks: { font: { ...FONT, size: 12 }, maxRotation: 0, autoSkip: true, autoSkipPadding: 12 } } : { grace: '2%' }),
    y: axis(yType, panel.yLabel, yExtra),
  };
  // Line legends show the line itself (with its dash), not a filled box.
  (options.plugins as { legend: { labels: Record<string, unknown> } }).legend.labels = {
    font: { ...FONT, size: 12 }, usePointStyle: true, pointStyle: 'line', pointStyleWidth: 36,
  };
  const data: JsonChartConfig['data'] = {
    datasets: panel.series.map((s, i) => ({
      label: s.label,
      data: s.points.map(errorPoint),
      borderColor: colours[i]!.colour,
      backgroundColor: colours[i]!.colour,
      borderDash: colours[i]!.dash,
      borderWidth: 2,
      pointRadius: 4,
      tension: 0,
      fill: false,
    })),
  };
  if (panel.xScale === 'category') data.labels = panel.categories ?? [];
  if (panel.reference) {
    data.datasets.push({
      label: panel.reference.label,
      data: panel.reference.points,
      borderColor: '#9a9a9a',
      // Transparent fill: the legend shows a dashed outline, like the line.
      backgroundColor: 'rgba(0,0,0,0)',
      borderDash: [5, 5],
      borderWidth: 1.5,
      pointRadius: 0,
      fill: false,
      htmsimReference: true,
    });
  }
  return { type: 'line', data, options };
}

function timelineConfig(panel: ChartPanel): JsonChartConfig {
  const tl = panel.timeline;
  const labels = panel.categories ?? [];
  const options = baseOptions(panel);
  options.indexAxis = 'y';
  let lo = Infinity;
  let hi = -Infinity;
  for (const iv of tl?.intervals ?? []) {
    if (iv.start < lo) lo = iv.start;
    if (iv.end > hi) hi = iv.end;
  }
  options.scales = {
    // Start at 0 unless the run's recorded window begins well after it; the end is left to Chart.js.
    x: axis('linear', panel.xLabel, Number.isFinite(lo) ? { min: lo > 0.05 * hi ? lo : 0 } : {}),
    y: axis('category', panel.yLabel, { reverse: false }),
  };
  return {
    type: 'bar',
    data: {
      labels,
      datasets: (tl?.kinds ?? []).map((kind) => ({
        label: TIMELINE_LABELS[kind] ?? kind,
        data: tl!.intervals.filter((iv) => iv.kind === kind).map((iv) => ({ x: [iv.start, iv.end], y: `core ${iv.core}`, thread: iv.thread })),
        backgroundColor: TIMELINE_COLOURS[kind] ?? '#999999',
        borderWidth: 0,
        // Every kind shares a core's row: floating bars drawn over each other, not side by side.
        grouped: false,
        barPercentage: 0.8,
        categoryPercentage: 0.9,
      })),
    },
    options,
  };
}

interface ErrorBarChart {
  ctx: CanvasRenderingContext2DLike;
  chartArea?: { left: number; top: number; right: number; bottom: number };
  options: { plugins?: { htmsimErrorBars?: { enabled?: boolean } } };
  scales: Record<string, { getPixelForValue(v: number): number; type?: string }>;
  data: { datasets: { borderColor?: unknown; whiskerColor?: unknown; data: unknown[] }[] };
  isDatasetVisible(i: number): boolean;
  getDatasetMeta(i: number): { data: { x: number }[] };
}

interface CanvasRenderingContext2DLike {
  save(): void;
  restore(): void;
  beginPath(): void;
  rect(x: number, y: number, w: number, h: number): void;
  clip(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  stroke(): void;
  strokeStyle: unknown;
  lineWidth: number;
}

/**
 * Draws whiskers (the 95% confidence interval of the mean) from each point's yMin/yMax. Self-contained (no closures, no
 * imports): report.html embeds its source text, so the browser runs this very function.
 */
export function drawErrorBars(chart: ErrorBarChart): void {
  const opts = chart.options.plugins && chart.options.plugins.htmsimErrorBars;
  if (!opts || !opts.enabled) return;
  const yScale = chart.scales.y;
  if (!yScale) return;
  const ctx = chart.ctx;
  const log = yScale.type === 'logarithmic';
  const area = chart.chartArea;
  for (let i = 0; i < chart.data.datasets.length; i++) {
    if (!chart.isDatasetVisible(i)) continue;
    const ds = chart.data.datasets[i]!;
    const elements = chart.getDatasetMeta(i).data;
    ctx.save();
    if (area) {
      // Never draw over the axes or the legend.
      ctx.beginPath();
      ctx.rect(area.left, area.top, area.right - area.left, area.bottom - area.top);
      ctx.clip();
    }
    ctx.strokeStyle = typeof ds.whiskerColor === 'string' ? ds.whiskerColor : typeof ds.borderColor === 'string' ? ds.borderColor : '#333333';
    ctx.lineWidth = 1.5;
    for (let j = 0; j < elements.length; j++) {
      const raw = ds.data[j] as { yMin?: unknown; yMax?: unknown } | null;
      if (!raw || typeof raw.yMin !== 'number' || typeof raw.yMax !== 'number' || !(raw.yMax > raw.yMin)) continue;
      const lowValue = log && raw.yMin <= 0 ? raw.yMax / 1e3 : raw.yMin;
      const top = yScale.getPixelForValue(raw.yMax);
      const bottom = yScale.getPixelForValue(lowValue);
      const x = elements[j]!.x;
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, bottom);
      ctx.moveTo(x - 5, top);
      ctx.lineTo(x + 5, top);
      ctx.moveTo(x - 5, bottom);
      ctx.lineTo(x + 5, bottom);
      ctx.stroke();
    }
    ctx.restore();
  }
}

interface LimitsScale {
  axis: string;
  type: string;
  min: number;
  max: number;
  chart: { options: { plugins?: { htmsimErrorBars?: { padLogX?: boolean } } } };
}

/**
 * Widens a logarithmic x axis by 3% of its decades at each end, so the first and last points and
 * their whiskers clear the axes (Chart.js puts them on the edges). Self-contained, like drawErrorBars.
 */
export function padLogX(_chart: unknown, args: { scale: LimitsScale }): void {
  const scale = args.scale;
  const opts = scale.chart.options.plugins && scale.chart.options.plugins.htmsimErrorBars;
  if (!opts || !opts.padLogX || scale.axis !== 'x' || scale.type !== 'logarithmic' || !(scale.min > 0) || !(scale.max > scale.min)) return;
  const pad = Math.pow(scale.max / scale.min, 0.03);
  scale.min = scale.min / pad;
  scale.max = scale.max * pad;
}

/** The plugin object handed to Chart.js in Node (the browser builds its own from the source). */
export const errorBarsPlugin = { id: 'htmsimErrorBars', afterDatasetsDraw: drawErrorBars, afterDataLimits: padLogX };
