/**
 * The reports' entry point: `buildReport(dir)` reads a results directory and (re)writes
 * charts/*.png, report.html (+ chart.umd.js beside it) and report.md. It never reruns anything
 * and never fails on partial results: what is missing is said in the report.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, hostname, platform, release } from 'node:os';
import { dirname, join } from 'node:path';
import { buildAllChartData, buildChartData, type ChartPanel } from './chart-data.js';
import { ReportError } from './errors.js';
import { forensicsView } from './forensics.js';
import { CHART_JS_FILE, renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { valueAt } from './metrics.js';
import type { Environment, ReportModel } from './model.js';
import { PngRenderer } from './png.js';
import { isObject, loadResults, type LoadedResults } from './records.js';
import { CYCLE_PRESETS, Y_PRESETS, cycleChart, defaultCharts, parseReportSpec, type ChartSpec, type TableType } from './spec.js';
import { buildSummary, completeness } from './summary.js';

export interface BuildReportOptions {
  /** Render charts/*.png (default true). Without them report.md links no images. */
  png?: boolean;
  /** The report's date (default now); tests pin it. */
  now?: Date;
}

export interface ReportSummary {
  dir: string;
  html: string;
  markdown: string;
  /** PNG files written, relative to dir. */
  charts: string[];
  panels: number;
  points: { total: number | undefined; present: number; ok: number; failed: number; missing: number };
  /** What the report says went wrong or is missing (also shown in the report). */
  notes: string[];
  /** Host seconds spent building the report. */
  seconds: number;
}

function readOwnVersion(): string {
  // reports/ → package.json is one level up from source, two from dist/reports.
  for (const rel of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'htmsim' && pkg.version) return pkg.version;
    } catch {
      // next candidate
    }
  }
  return 'unknown';
}

function hostString(): string {
  const cpu = cpus();
  const model = cpu[0]?.model.trim() ?? 'unknown CPU';
  return `${hostname()} (${platform()} ${release()}, ${cpu.length} × ${model})`;
}

function environment(loaded: LoadedResults, now: Date): Environment {
  const htmsim = new Set<string>();
  const node = new Set<string>();
  let seconds = 0;
  for (const p of loaded.points) {
    const host = p.result.host;
    if (!isObject(host)) continue;
    if (typeof host.htmsimVersion === 'string') htmsim.add(host.htmsimVersion);
    if (typeof host.nodeVersion === 'string') node.add(host.nodeVersion);
    if (typeof host.seconds === 'number' && Number.isFinite(host.seconds)) seconds += host.seconds;
  }
  return {
    htmsimVersion: readOwnVersion(),
    recordedHtmsimVersions: [...htmsim].sort(),
    nodeVersion: process.version,
    recordedNodeVersions: [...node].sort(),
    host: hostString(),
    date: now.toISOString(),
    totalHostSeconds: seconds,
  };
}

/** Paths a user-written chart names that no point has: most likely typos, worth saying. */
function unknownPaths(specs: readonly ChartSpec[], loaded: LoadedResults): string[] {
  const notes: string[] = [];
  const ok = loaded.points.filter((p) => p.status === 'ok');
  if (ok.length === 0) return notes;
  specs.forEach((c, i) => {
    const paths = [c.x, c.series, c.facet, typeof c.y === 'string' && Y_PRESETS[c.y] === undefined ? c.y : undefined,
      ...(Array.isArray(c.y) ? c.y : [])].filter((p): p is string => p !== undefined);
    for (const path of paths) {
      if (!ok.some((p) => valueAt(p, path) !== undefined)) notes.push(`report.charts[${i}]: no point has a value at "${path}"`);
    }
  });
  return notes;
}

function writeAtomically(path: string, text: string | Buffer): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

function chartJsSource(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('chart.js')), CHART_JS_FILE);
}

export async function buildReport(dir: string, opts: BuildReportOptions = {}): Promise<ReportSummary> {
  const started = process.hrtime.bigint();
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ReportError(`${dir}: no such results directory`);
  const loaded = loadResults(dir);
  const exp = loaded.experiment;
  const spec = parseReportSpec(exp?.report, exp?.configFile ?? join(dir, 'experiment.json'));
  const userCharts = spec.charts && spec.charts.length > 0;
  // The cycle accounting leads every report whose records have it, unless the config places it.
  const cycles = cycleChart(loaded.points);
  const placed = spec.charts?.some((c) => typeof c.y === 'string' && CYCLE_PRESETS.includes(c.y)) ?? false;
  const specs = userCharts ? spec.charts! : defaultCharts(loaded.points);
  const panels: ChartPanel[] = [
    // Numbered 0, so the configured charts keep their numbers (c01 is report.charts[0]).
    ...(userCharts && cycles && !placed ? buildChartData(cycles, loaded.points, { number: 0 }) : []),
    ...buildAllChartData(specs, loaded.points, spec.timelinePoint),
  ];
  // Numbered past the configured charts, so their ids (c01 = report.charts[0]) stay put.
  const forensics = forensicsView(loaded.points, specs.length + 1);
  const notes = [...loaded.problems, ...(userCharts ? unknownPaths(specs, loaded) : [])];
  if (!exp) notes.push('experiment.json is missing: the title, the config and the number of expected points are unknown.');

  const pngs = new Map<string, string>();
  const written: string[] = [];
  if (opts.png !== false) {
    const chartsDir = join(dir, 'charts');
    mkdirSync(chartsDir, { recursive: true });
    const renderer = new PngRenderer();
    for (const panel of [...panels, ...(forensics?.panels ?? [])]) {
      if (panel.empty) continue;
      const rel = `charts/${panel.id}.png`;
      try {
        writeAtomically(join(dir, rel), await renderer.render(panel));
        pngs.set(panel.id, rel);
        written.push(rel);
      } catch (err) {
        notes.push(`${rel}: could not render (${(err as Error).message.split('\n')[0]})`);
      }
    }
    // charts/ belongs to the report: drop PNGs of charts that no longer exist.
    for (const f of readdirSync(chartsDir)) {
      if (f.endsWith('.png') && !written.includes(`charts/${f}`)) unlinkSync(join(chartsDir, f));
    }
  }

  const tables: TableType[] = spec.tables?.map((t) => t.type) ?? ['summary'];
  const model: ReportModel = {
    title: spec.title ?? exp?.title ?? exp?.name ?? 'htmsim report',
    description: spec.description ?? exp?.description ?? '',
    loaded,
    panels,
    pngs,
    summary: buildSummary(loaded.points),
    completeness: completeness(loaded),
    tables,
    environment: environment(loaded, opts.now ?? new Date()),
    dataFiles: ['results.csv', 'results.jsonl'].filter((f) => existsSync(join(dir, f))),
    notes,
    ...(forensics ? { forensics } : {}),
  };
  copyFileSync(chartJsSource(), join(dir, CHART_JS_FILE));
  const html = join(dir, 'report.html');
  const markdown = join(dir, 'report.md');
  writeAtomically(html, renderHtml(model));
  writeAtomically(markdown, renderMarkdown(model));
  const c = model.completeness;
  return {
    dir, html, markdown, charts: written, panels: panels.length,
    points: { total: c.total, present: c.present, ok: c.ok, failed: c.failed.length, missing: c.missing.length },
    notes,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
  };
}

export { ReportError } from './errors.js';
export { ReportSpecError, parseReportSpec, defaultCharts } from './spec.js';
export type { ReportSpec, ChartSpec } from './spec.js';
export { buildChartData, buildAllChartData } from './chart-data.js';
export type { ChartPanel } from './chart-data.js';
export { loadResults } from './records.js';
