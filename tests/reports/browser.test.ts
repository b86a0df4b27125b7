/**
 * report.html in a real browser: headless Chromium (Debian's, via playwright-core) opens it from
 * file:// with the network cut off, and every chart must draw and every table must be filled.
 * The screenshot lands in tests/output/report.png for a person to look at.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../reports/build-report.js';
import { scalingSweep } from '../../reports/synthetic-sweep.js';
import { fixtureCopy, removeTempDirs, sweepDir } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const OUTPUT = new URL('../output/', import.meta.url);

interface PageReport {
  errors: string[];
  offsite: string[];
  charts: { id: string; inked: number; variance: number; width: number; height: number }[];
  canvases: number;
  tables: { cls: string; rows: number; emptyCells: number }[];
  tooltip: string;
  pluginIds: string[][];
  /** What a reader sees of each chart: its caption, legend, axis titles and category labels. */
  texts: { id: string; type: string; caption: string; legend: string[]; axes: string[]; ticks: string[] }[];
}

/*
 * Minimal types for the code that runs inside the page: the project compiles without the DOM
 * library (it is a Node program), so the few browser APIs used here are declared locally.
 */
interface Canvas2D { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } }
interface CanvasEl { id: string; width: number; height: number; getContext(kind: '2d'): Canvas2D | null }
interface El { className: string; textContent: string | null; open?: boolean; querySelectorAll(sel: string): ArrayLike<El>; closest(sel: string): El | null; querySelector(sel: string): El | null }
interface PageChart {
  canvas: CanvasEl & { closest(sel: string): El | null };
  config: { type: string; plugins?: { id: string }[] };
  legend: { legendItems?: { text: string }[] };
  scales: Record<string, { type: string; options: { title?: { text?: string } }; getLabels?(): string[] }>;
  options: { plugins: { tooltip: { callbacks: { label: (ctx: unknown) => string } } } };
  data: { datasets: { label: string; data: unknown[] }[] };
}
interface PageGlobals { htmsimCharts?: PageChart[]; document: { querySelectorAll(sel: string): ArrayLike<El> } }

async function inspect(browser: Browser, html: string, screenshot?: string): Promise<PageReport> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const offsite: string[] = [];
  // Offline: anything that is not file:// is recorded and refused.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    offsite.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('requestfailed', (r) => { if (r.url().startsWith('file:')) errors.push(`failed to load ${r.url()}`); });
  await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
  const canvases = await page.locator('canvas').count();
  if (canvases > 0) await page.waitForFunction((n) => (globalThis as unknown as PageGlobals).htmsimCharts?.length === n, canvases, { timeout: 60000 });
  // Open every collapsible section so the screenshot and the table checks see everything.
  await page.evaluate(() => {
    for (const d of Array.from((globalThis as unknown as PageGlobals).document.querySelectorAll('details'))) d.open = true;
  });
  const result = await page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals;
    const charts = (g.htmsimCharts ?? []).map((c) => {
      const ctx = c.canvas.getContext('2d')!;
      const { width, height } = c.canvas;
      const px = ctx.getImageData(0, 0, width, height).data;
      let inked = 0;
      let sum = 0;
      let sq = 0;
      for (let i = 0; i < px.length; i += 4) {
        if (px[i + 3]! > 0) inked++;
        const l = px[i + 3]! === 0 ? 255 : 0.299 * px[i]! + 0.587 * px[i + 1]! + 0.114 * px[i + 2]!;
        sum += l;
        sq += l * l;
      }
      const n = px.length / 4;
      return { id: c.canvas.id, inked: inked / n, variance: sq / n - (sum / n) ** 2, width, height };
    });
    const tables = Array.from(g.document.querySelectorAll('table')).map((t) => ({
      cls: t.className,
      rows: t.querySelectorAll('tbody tr').length,
      emptyCells: Array.from(t.querySelectorAll('tbody td')).filter((td) => (td.textContent ?? '').trim() === '').length,
    }));
    const first = (g.htmsimCharts ?? []).find((c) => c.config.type === 'line');
    let tooltip = '';
    if (first) {
      const ds = first.data.datasets[1]!;
      tooltip = first.options.plugins.tooltip.callbacks.label({ raw: ds.data[2], dataset: ds });
    }
    const pluginIds = (g.htmsimCharts ?? []).map((c) => (c.config.plugins ?? []).map((p) => p.id));
    const texts = (g.htmsimCharts ?? []).map((c) => {
      const scales = Object.values(c.scales);
      return {
        id: c.canvas.id,
        type: c.config.type,
        caption: c.canvas.closest('section')?.querySelector('.caption')?.textContent ?? '',
        legend: (c.legend.legendItems ?? []).map((i) => i.text),
        axes: scales.map((s) => s.options.title?.text ?? ''),
        ticks: scales.flatMap((s) => (s.type === 'category' && s.getLabels ? s.getLabels() : [])),
      };
    });
    return { charts, tables, tooltip, pluginIds, texts };
  });
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
  await context.close();
  return { errors, offsite, canvases, ...result };
}

const haveChromium = existsSync(CHROMIUM);

// Without Chromium the suite is skipped, and its title says so.
describe.skipIf(!haveChromium)(`report.html in headless Chromium${haveChromium ? '' : `: SKIPPED, no ${CHROMIUM}`}`, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    removeTempDirs();
  });

  it('draws every chart, fills every table, logs no errors, fetches nothing from the network', async () => {
    const dir = sweepDir('browser', scalingSweep({ fail: { workload: 'nbody', policy: 'nogil', cores: 8, rep: 2 } }));
    const summary = await buildReport(dir);
    mkdirSync(OUTPUT, { recursive: true });
    const r = await inspect(browser, join(dir, 'report.html'), new URL('report.png', OUTPUT).pathname);
    expect(r.errors).toEqual([]);
    expect(r.offsite).toEqual([]);
    expect(r.canvases).toBe(summary.panels);
    expect(r.charts).toHaveLength(summary.panels);
    for (const c of r.charts) {
      expect(c.width, c.id).toBeGreaterThan(300);
      expect(c.inked, c.id).toBeGreaterThan(0.02);
      expect(c.variance, c.id).toBeGreaterThan(100);
    }
    // The same error-bar plugin as the PNGs, and tooltips that give mean ± stddev (n).
    for (const ids of r.pluginIds) expect(ids).toEqual(['htmsimErrorBars']);
    expect(r.tooltip).toMatch(/^htm: \d+(\.\d+)? ± \d+(\.\d+)? \(n=3\)$/);
    const classes = r.tables.map((t) => t.cls);
    expect(classes.filter((c) => c === 'data-table')).toHaveLength(summary.panels);
    for (const c of ['summary-table', 'failed-table', 'points-table', 'machine-table', 'env-table']) expect(classes).toContain(c);
    for (const t of r.tables) {
      expect(t.rows, t.cls).toBeGreaterThan(0);
      expect(t.emptyCells, t.cls).toBe(0);
    }
  });

  it("reads like a paper's figures: no field paths in legends, axes or labels; each caption names its own chart's metric", async () => {
    // The quickstart's charts, as configured there (the first report to show `result.htm.wastedCycles`
    // in a legend, `name=gil` on an axis and the abort chart's caption under the lost-time chart).
    const sweep = scalingSweep({ reps: 2 });
    (sweep.experiment as { report: unknown }).report = {
      timelinePoint: { 'policy.name': 'stm', 'machine.cores': 4 },
      charts: [
        { type: 'line', title: 'Speedup against cores', x: 'machine.cores', y: 'derived.speedup', series: 'policy.name', facet: 'workload.name' },
        { type: 'stacked-bar', title: 'HTM abort causes', x: 'machine.cores', y: ['result.htm.abortsByCause.conflict', 'result.htm.abortsByCause.capacity', 'result.htm.fallbacks'], facet: 'workload.name', where: { 'policy.name': 'htm' } },
        { type: 'stacked-bar', title: 'Wasted work and lock waiting', x: 'policy.name', y: ['result.htm.wastedCycles', 'result.stm.wastedCycles', 'result.gil.waitCycles'], facet: 'workload.name', where: { 'machine.cores': 4 } },
        { type: 'timeline', title: 'STM on 4 cores' },
      ],
    };
    const dir = sweepDir('paper', sweep);
    const summary = await buildReport(dir);
    const r = await inspect(browser, join(dir, 'report.html'), new URL('report-paper.png', OUTPUT).pathname);
    expect(r.errors).toEqual([]);
    expect(r.texts).toHaveLength(summary.panels);
    // The cycle accounting leads, with a whisker per bar (two repetitions).
    expect(r.texts[0]!.caption).toMatch(/^Where the cycles go/);
    const rawPath = /\b(result|computed|derived|params|machine|policy|workload|htm|stm|gil|interp)\.[A-Za-z]/;
    for (const t of r.texts) {
      for (const text of [...t.legend, ...t.axes, ...t.ticks]) {
        expect(text, `${t.id}: "${text}"`).not.toMatch(rawPath);
        expect(text, `${t.id}: "${text}"`).not.toMatch(/=/);
      }
      const caption = t.caption.toLowerCase();
      if (t.id.includes('timeline') || t.id.includes('stm-on-4-cores')) {
        expect(caption, t.id).toContain('timeline');
      } else if (t.type === 'line') {
        // The value axis' title is the metric.
        expect(caption, t.id).toContain(t.axes[1]!.toLowerCase());
      } else {
        // A stacked chart's caption names every part its legend shows, and no other chart's parts.
        for (const item of t.legend) expect(caption, `${t.id}: ${item}`).toContain(item.toLowerCase());
      }
    }
    // The lost-time chart no longer carries the abort chart's caption.
    const lost = r.texts.find((t) => t.id.includes('wasted-work'))!;
    expect(lost.caption).not.toMatch(/Aborts by cause/);
    expect(lost.legend).toEqual(['HTM cycles in aborted transactions', 'STM cycles in aborted transactions', 'cycles parked waiting (GIL, fallback lock, STM)']);
  });

  it('a partial sweep opens cleanly too', async () => {
    const dir = fixtureCopy('partial-sweep');
    await buildReport(dir);
    const r = await inspect(browser, join(dir, 'report.html'));
    expect(r.errors).toEqual([]);
    expect(r.charts.length).toBe(r.canvases);
    for (const c of r.charts) expect(c.inked, c.id).toBeGreaterThan(0.02);
  });
});
