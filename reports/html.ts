/**
 * report.html: one self-contained page that works offline from file:// (Chart.js sits beside it
 * as chart.umd.js). The charts are drawn in the browser from the same JSON the PNGs came from.
 */
import { stringify as toYaml } from 'yaml';
import { chartConfig, drawErrorBars, padLogX } from './chart-config.js';
import type { ChartPanel, SeriesPoint } from './chart-data.js';
import { isObject, type Json, type PointRecord } from './records.js';
import { distinctValues, formatScalar, numberAt, varyingParams } from './metrics.js';
import { forensicsHtml } from './forensics.js';
import type { ReportModel } from './model.js';
import { formatNumber, formatRanges, formatStat, paramText } from './summary.js';
import { escapeHtml as e, jsonForScript, markdownToHtml } from './text.js';

/** The JSON embedded in the page (id `report-data`); tests read it back. */
export interface EmbeddedData {
  charts: { panel: ChartPanel; config: ReturnType<typeof chartConfig> }[];
}

export const CHART_JS_FILE = 'chart.umd.js';

function table(head: string[], rows: string[][], cls = ''): string {
  return `<table${cls ? ` class="${cls}"` : ''}><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead>`
    + `<tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n')}</tbody></table>`;
}

/** The data table under a chart: one row per x value (or category), one column per series. */
export function panelTable(panel: ChartPanel): { head: string[]; rows: string[][] } {
  if (panel.type === 'timeline' && panel.timeline) {
    const head = ['core', ...panel.series.map((s) => `${s.label} (cycles)`)];
    const rows = (panel.categories ?? []).map((cat, i) => [cat, ...panel.series.map((s) => formatNumber(s.points[i]?.y))]);
    return { head, rows };
  }
  const xs: string[] = panel.categories ? [...panel.categories] : [];
  if (!panel.categories) {
    const nums = new Set<number>();
    for (const s of panel.series) for (const p of s.points) nums.add(p.x as number);
    xs.push(...[...nums].sort((a, b) => a - b).map(String));
  }
  const head = [panel.xLabel, ...panel.series.map((s) => s.label)];
  const rows = xs.map((x) => [x, ...panel.series.map((s) => formatStatCell(s.points.find((p) => String(p.x) === x)))]);
  return { head, rows };
}

function formatStatCell(p: SeriesPoint | undefined): string {
  return p ? formatStat({ mean: p.y, sd: p.sd, n: p.n }) + (p.n > 1 ? ` (n=${p.n})` : '') : '—';
}

function chartSection(panel: ChartPanel, png: string | undefined): string {
  const height = panel.type === 'timeline' && panel.timeline ? Math.max(360, 120 + 36 * panel.timeline.cores) : 420;
  const { head, rows } = panelTable(panel);
  const body = panel.empty
    ? `<p class="empty">Nothing to draw: ${e(panel.empty)}.</p>`
    : `<div class="chart-box" style="height:${height}px"><canvas id="chart-${e(panel.id)}" role="img" aria-label="${e(panel.title)}"></canvas></div>`;
  return `<section class="chart" id="${e(panel.id)}">
<h3>${e(panel.title)}</h3>
${body}
<p class="caption">${e(panel.caption)}${png ? ` <a href="${e(png)}">PNG</a>` : ''}</p>
${panel.empty ? '' : `<details class="data"><summary>Data (${rows.length} row${rows.length === 1 ? '' : 's'})</summary>${table(head.map(e), rows.map((r) => r.map(e)), 'data-table')}</details>`}
</section>`;
}

function summarySection(model: ReportModel): string {
  const s = model.summary;
  if (s.rows.length === 0) return '<section id="summary"><h2>Summary</h2><p class="empty">No finished points to summarise yet.</p></section>';
  const withAborts = s.policies.filter((p) => s.rows.some((r) => r.entries.some((en) => en.policy === p && en.abortRate !== undefined)));
  const head = ['workload', 'cores', 'best policy', ...s.policies.map((p) => `${p}: ${s.metricLabel}`), ...withAborts.map((p) => `${p}: abort rate`)];
  const rows = s.rows.map((r) => {
    const byPolicy = new Map(r.entries.map((en) => [en.policy, en]));
    return [
      e(r.workload), e(r.cores), `<strong>${e(r.best)}</strong>${r.ties.length ? `<br><span class="setting">within noise: ${e(r.ties.join(', '))}</span>` : ''}`,
      ...s.policies.map((p) => {
        const en = byPolicy.get(p);
        if (!en) return '—';
        return `${e(formatStat(en.metric))}${en.setting ? `<br><span class="setting">${e(en.setting)}</span>` : ''}`;
      }),
      ...withAborts.map((p) => {
        const rate = byPolicy.get(p)?.abortRate;
        return rate === undefined ? '—' : e(`${(rate * 100).toFixed(1)} %`);
      }),
    ];
  });
  return `<section id="summary"><h2>Summary</h2>
<p>Best policy per workload and core count by ${e(s.metricLabel)} (${s.higherIsBetter ? 'higher' : 'lower'} is better); for each policy its best setting of the other swept parameters, mean ± stddev over repetitions. “Within noise” lists policies whose mean is within the two standard deviations of the best.</p>
${table(head.map(e), rows, 'summary-table')}</section>`;
}

function statusSection(model: ReportModel): string {
  const c = model.completeness;
  const parts: string[] = [];
  const totalText = c.total !== undefined ? `${c.present} of ${c.total} points present` : `${c.present} points present (total unknown: no experiment.json)`;
  parts.push(`<p class="status">${e(totalText)}: ${c.ok} finished, ${c.failed.length} failed, ${c.missing.length} missing.</p>`);
  if (c.present === 0) parts.push('<p class="warning">No results yet: the sweep has not finished any point, or this is not a results directory.</p>');
  if (c.missing.length > 0) {
    parts.push(`<p class="warning">Missing ${c.missing.length} point${c.missing.length > 1 ? 's' : ''} (indices ${e(formatRanges(c.missing))}): the sweep is still running or was interrupted. Charts show only the points present.</p>`);
  }
  if (model.loaded.sources.jsonl === 0 && model.loaded.sources.pointFiles > 0) {
    parts.push('<p class="note">results.jsonl not written yet; read the per-point files in points/.</p>');
  }
  if (model.notes.length) parts.push(`<ul class="notes">${model.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul>`);
  return `<section id="status">${parts.join('\n')}</section>`;
}

function failedSection(model: ReportModel): string {
  const failed = model.completeness.failed;
  if (failed.length === 0) return '';
  const rows = failed.map((p) => [String(p.index), e(paramText(p.params)), `<pre class="error">${e(p.error ?? '')}</pre>`]);
  return `<section id="failed"><h2>Failed points (${failed.length})</h2>${table(['#', 'parameters', 'message'], rows, 'failed-table')}</section>`;
}

function pointsSection(points: readonly PointRecord[], open: boolean): string {
  if (points.length === 0) return '';
  const varying = varyingParams(points);
  const keys = ['rep', 'seed'].filter((k) => points.some((p) => k in p.params));
  const cols = [...varying, ...keys];
  const metrics = ['result.simSeconds', 'derived.speedup', 'derived.throughput', 'computed.abortRate', 'derived.wastedFraction'];
  const rows = points.map((p) => [String(p.index), ...cols.map((k) => e(formatScalar(p.params[k]))), e(p.status),
    ...metrics.map((m) => e(formatNumber(numberAt(p, m))))]);
  return `<section id="points"><details${open ? ' open' : ''}><summary><h2>All points (${points.length})</h2></summary>
${table(['#', ...cols, 'status', 'sim s', 'speedup', 'throughput', 'abort rate', 'wasted'].map(e), rows, 'points-table')}</details></section>`;
}

/** Flattens a nested object into dotted keys for a two-column table. */
function flatten(obj: Json, prefix = '', out: [string, string][] = []): [string, string][] {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (isObject(v)) flatten(v, key, out);
    else out.push([key, Array.isArray(v) ? JSON.stringify(v) : String(v)]);
  }
  return out;
}

export function machineOf(model: ReportModel): Json | undefined {
  const fromExperiment = model.loaded.experiment?.resolved?.machine;
  if (isObject(fromExperiment)) return fromExperiment;
  const first = model.loaded.points.find((p) => isObject(p.result.config) && isObject((p.result.config as Json).machine));
  return first ? ((first.result.config as Json).machine as Json) : undefined;
}

function machineSection(model: ReportModel): string {
  const machine = machineOf(model);
  if (!machine) return '<section id="machine"><h2>Machine</h2><p class="empty">No machine description in the results.</p></section>';
  const points = model.loaded.points;
  const varying = varyingParams(points).filter((k) => k.startsWith('machine.'));
  const rows = flatten(machine).map(([k, v]) => {
    const path = `machine.${k}`;
    const text = varying.includes(path) ? `varies: ${distinctValues(points, path).map((x) => formatScalar(x)).join(', ')}` : v;
    return [e(k), e(text)];
  });
  return `<section id="machine"><h2>Machine</h2><p>${e(machineLine(machine, varying))}</p>
<details><summary>All machine parameters</summary>${table(['parameter', 'value'], rows, 'machine-table')}</details></section>`;
}

/** One line a person reads first: `haswell, 3.4 GHz; L1D 32 KiB 8-way 4 cycles; …`. */
export function machineLine(m: Json, varying: readonly string[]): string {
  const lvl = (name: string, label: string): string | undefined => {
    const c = m[name];
    if (!isObject(c)) return undefined;
    return `${label} ${formatScalar(c.sizeKiB as number)} KiB ${formatScalar(c.ways as number)}-way ${formatScalar(c.latency as number)} cycles`;
  };
  const bits = [
    [typeof m.name === 'string' ? m.name : 'machine', varying.includes('machine.cores') ? 'cores swept' : `${formatScalar(m.cores as number)} cores`,
      typeof m.freqGHz === 'number' ? `${m.freqGHz} GHz` : undefined].filter(Boolean).join(', '),
    lvl('l1d', 'L1D'), lvl('l2', 'L2'), lvl('l3', 'L3'),
    typeof m.memoryLatency === 'number' ? `memory ${m.memoryLatency} cycles` : undefined,
    isObject(m.htm) ? `HTM ${m.htm.enabled === false ? 'off' : `on (reads tracked to ${formatScalar(m.htm.readSetTracking as string)}, ${formatScalar(m.htm.conflictResolution as string)})`}` : undefined,
  ];
  return bits.filter(Boolean).join('; ');
}

function configSection(model: ReportModel): string {
  const exp = model.loaded.experiment;
  let text = model.loaded.resolvedYaml;
  if (text === undefined && exp?.resolved) text = toYaml(exp.resolved);
  if (text === undefined) {
    const cfg = model.loaded.points.find((p) => isObject(p.result.config))?.result.config;
    if (cfg !== undefined) text = `# the first point's resolved config (no experiment.json)\n${toYaml(cfg)}`;
  }
  if (text === undefined) return '';
  const from = exp?.configFile ? ` (from ${exp.configFile})` : '';
  return `<section id="config"><details><summary><h2>Resolved configuration${e(from)}</h2></summary><pre class="config">${e(text)}</pre></details></section>`;
}

function environmentSection(model: ReportModel): string {
  const env = model.environment;
  const rows: [string, string][] = [
    ['htmsim version (report)', env.htmsimVersion],
    ['htmsim version (runs)', env.recordedHtmsimVersions.join(', ') || '—'],
    ['Node.js (report)', env.nodeVersion],
    ['Node.js (runs)', env.recordedNodeVersions.join(', ') || '—'],
    ['host', env.host],
    ['report date', env.date],
    ['total host time of the runs', `${formatNumber(env.totalHostSeconds)} s`],
  ];
  return `<section id="environment"><h2>Environment</h2>${table(['item', 'value'], rows.map(([k, v]) => [e(k), e(v)]), 'env-table')}</section>`;
}

const STYLE = `
body{font-family:'DejaVu Sans','Helvetica Neue',Arial,sans-serif;margin:0 auto;max-width:1100px;padding:1.5em;color:#222;line-height:1.45}
h1{margin-bottom:.2em}h2{margin-top:1.6em;border-bottom:1px solid #ddd;padding-bottom:.2em}
summary h2{display:inline;border:none}
table{border-collapse:collapse;margin:.6em 0;font-size:.9em}
th,td{border:1px solid #ccc;padding:.25em .55em;text-align:left;vertical-align:top}
th{background:#f3f3f3}
td{font-variant-numeric:tabular-nums}
.chart{margin:1.4em 0 2em}
.chart-box{position:relative;width:100%}
.caption{color:#444;font-size:.92em;margin:.4em 0}
.warning{background:#fff4d6;border-left:4px solid #f0b400;padding:.5em .8em}
.empty{color:#666;font-style:italic}
.note,.notes{color:#555;font-size:.9em}
.setting{color:#666;font-size:.85em}
pre.config{background:#f7f7f7;padding:.8em;overflow:auto;font-size:.85em;max-height:40em}
pre.error{white-space:pre-wrap;margin:0;font-size:.9em;color:#a00}
nav a{margin-right:1em}
`;

/** The browser side: build each chart from the embedded JSON with the same error-bar code. */
function clientScript(): string {
  return `(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var drawErrorBars = ${drawErrorBars.toString()};
  var padLogX = ${padLogX.toString()};
  var errorBars = { id: 'htmsimErrorBars', afterDatasetsDraw: drawErrorBars, afterDataLimits: padLogX };
  function fmt(v) {
    if (typeof v !== 'number' || !isFinite(v)) return String(v);
    var a = Math.abs(v);
    if (a !== 0 && (a >= 1e15 || a < 1e-3)) return v.toExponential(2);
    return a >= 1000 ? Math.round(v).toLocaleString('en-US') : String(Number(v.toPrecision(3)));
  }
  function label(ctx) {
    var r = ctx.raw || {};
    var name = ctx.dataset.label || '';
    if (Array.isArray(r.x)) return name + ': cycles ' + fmt(r.x[0]) + '\\u2013' + fmt(r.x[1]) + (r.thread >= 0 ? ' (thread ' + r.thread + ')' : '');
    var s = name + ': ' + fmt(r.y);
    if (r.sd) s += ' \\u00b1 ' + fmt(r.sd);
    if (r.n > 1) s += ' (n=' + r.n + ')';
    return s;
  }
  window.htmsimCharts = [];
  if (typeof Chart === 'undefined') {
    document.body.insertAdjacentHTML('afterbegin', '<p class="warning">${CHART_JS_FILE} did not load: the interactive charts are missing (the PNGs in charts/ are not).</p>');
    return;
  }
  data.charts.forEach(function (c) {
    var canvas = document.getElementById('chart-' + c.panel.id);
    if (!canvas) return;
    var cfg = c.config;
    cfg.options.responsive = true;
    cfg.options.maintainAspectRatio = false;
    cfg.options.plugins.tooltip = { callbacks: { label: label } };
    cfg.plugins = [errorBars];
    window.htmsimCharts.push(new Chart(canvas, cfg));
  });
})();`;
}

export function renderHtml(model: ReportModel): string {
  const allPanels = [...model.panels, ...(model.forensics?.panels ?? [])];
  const embedded: EmbeddedData = { charts: allPanels.map((panel) => ({ panel, config: chartConfig(panel) })) };
  const charts = model.panels.map((p) => chartSection(p, model.pngs.get(p.id))).join('\n');
  const exp = model.loaded.experiment;
  const tables = model.tables;
  const sections = [
    statusSection(model),
    tables.includes('summary') ? summarySection(model) : '',
    `<section id="charts"><h2>Charts</h2>${model.panels.length ? charts : '<p class="empty">No charts: no finished points yet.</p>'}</section>`,
    model.forensics ? forensicsHtml(model.forensics, (p) => chartSection(p, model.pngs.get(p.id))) : '',
    failedSection(model),
    pointsSection(model.loaded.points, tables.includes('points')),
    machineSection(model),
    configSection(model),
    environmentSection(model),
  ].filter(Boolean).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(model.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${e(model.title)}</h1>
${exp?.name && exp.name !== model.title ? `<p class="note">experiment <code>${e(exp.name)}</code></p>` : ''}
${model.description ? `<div class="description">${markdownToHtml(model.description)}</div>` : ''}
<nav><a href="#summary">Summary</a><a href="#charts">Charts</a>${model.forensics ? '<a href="#forensics">Why transactions abort</a>' : ''}${model.completeness.failed.length ? '<a href="#failed">Failed</a>' : ''}<a href="#machine">Machine</a><a href="#config">Config</a><a href="#environment">Environment</a><a href="report.md">report.md</a>${model.dataFiles.map((f) => `<a href="${e(f)}">${e(f)}</a>`).join('')}</nav>
</header>
<main>
${sections}
</main>
<script src="${CHART_JS_FILE}"></script>
<script type="application/json" id="report-data">${jsonForScript(embedded)}</script>
<script>${clientScript()}</script>
</body>
</html>
`;
}
