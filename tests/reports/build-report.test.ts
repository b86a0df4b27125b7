import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, type ReportSummary } from '../../reports/build-report.js';
import { buildAllChartData } from '../../reports/chart-data.js';
import { ReportError } from '../../reports/errors.js';
import { pngSize } from '../../reports/png.js';
import { loadResults } from '../../reports/records.js';
import { defaultCharts, ReportSpecError } from '../../reports/spec.js';
import { capacitySweep, scalingSweep, txLengthSweep } from '../../reports/synthetic-sweep.js';
import { embeddedData, fixtureCopy, removeTempDirs, sweepDir } from './helpers.js';

afterAll(removeTempDirs);

const NOW = new Date('2026-01-02T03:04:05Z');

/** Luminance variance and the share of non-white pixels: a blank or all-white PNG fails both. */
function pixelStats(png: PNG): { variance: number; inked: number } {
  let sum = 0;
  let sq = 0;
  let inked = 0;
  const n = png.width * png.height;
  for (let i = 0; i < n; i++) {
    const o = i * 4;
    const l = 0.299 * png.data[o]! + 0.587 * png.data[o + 1]! + 0.114 * png.data[o + 2]!;
    sum += l;
    sq += l * l;
    if (l < 235) inked++;
  }
  const mean = sum / n;
  return { variance: sq / n - mean * mean, inked: inked / n };
}

describe('a full sweep report (102 points, one failed, two timelines)', () => {
  let dir: string;
  let summary: ReportSummary;
  beforeAll(async () => {
    dir = sweepDir('scaling', scalingSweep({ fail: { workload: 'nbody', policy: 'nogil', cores: 8, rep: 2 } }));
    summary = await buildReport(dir, { now: NOW });
  });

  it('writes report.html, report.md, chart.umd.js and a PNG per non-empty panel', () => {
    expect(summary.points).toEqual({ total: 102, present: 102, ok: 101, failed: 1, missing: 0 });
    // The cycle accounting first (a panel per workload), then speedup, abort causes, lost time (a
    // panel per workload each) and a timeline per policy that recorded one (GIL and STM).
    expect(summary.panels).toBe(10);
    expect(summary.charts).toHaveLength(10);
    expect(readdirSync(join(dir, 'charts')).sort()).toEqual(summary.charts.map((c) => c.slice('charts/'.length)).sort());
    for (const f of ['report.html', 'report.md', 'chart.umd.js']) expect(existsSync(join(dir, f))).toBe(true);
    expect(readFileSync(join(dir, 'chart.umd.js'), 'utf8')).toMatch(/Chart\.js v4/);
  });

  it('every PNG decodes, has the expected size and is not blank', () => {
    const panels = embeddedData(readFileSync(join(dir, 'report.html'), 'utf8')).charts.map((c) => c.panel as Parameters<typeof pngSize>[0]);
    for (const panel of panels) {
      const png = PNG.sync.read(readFileSync(join(dir, 'charts', `${panel.id}.png`)));
      expect({ width: png.width, height: png.height }).toEqual(pngSize(panel));
      const { variance, inked } = pixelStats(png);
      expect(variance, panel.id).toBeGreaterThan(100);
      expect(inked, panel.id).toBeGreaterThan(0.01);
      // White background (not transparent): the top-left corner is opaque white.
      expect([...png.data.subarray(0, 4)]).toEqual([255, 255, 255, 255]);
    }
  });

  it('report.html embeds exactly the chart data built from the stored records', () => {
    const loaded = loadResults(dir);
    const expected = buildAllChartData(defaultCharts(loaded.points), loaded.points, { 'policy.name': 'stm', 'machine.cores': 4 });
    const data = embeddedData(readFileSync(join(dir, 'report.html'), 'utf8'));
    expect(data.charts.map((c) => c.panel)).toEqual(JSON.parse(JSON.stringify(expected)));
    // The Chart.js datasets carry the same numbers.
    const first = expected.findIndex((p) => p.type === 'line');
    const speedup = data.charts[first]!;
    const panel = expected[first]!;
    const datasets = speedup.config.data.datasets as { label: string; data: { x: number; y: number }[]; htmsimReference?: boolean }[];
    expect(datasets.filter((d) => !d.htmsimReference).map((d) => d.data.map((p) => p.y)))
      .toEqual(panel.series.map((s) => s.points.map((p) => p.y)));
    // Plus the dashed ideal-speedup guide from 1 to 8 cores.
    expect(datasets.filter((d) => d.htmsimReference).map((d) => [d.label, d.data])).toEqual([['ideal (linear)', [{ x: 1, y: 1 }, { x: 8, y: 8 }]]]);
    expect(data.charts.filter((c) => (c.panel as { type: string }).type === 'timeline').map((c) => (c.panel as { title: string }).title))
      .toEqual(['Per-core timeline — gil, 4 cores', 'Per-core timeline — stm, 4 cores']);
  });

  it('report.html has the sections a reader needs', () => {
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('<title>Scaling of policies with cores</title>');
    expect(html).toContain('Speedup of <strong>GIL</strong>, HTM elision');
    expect(html).toContain('102 of 102 points present: 101 finished, 1 failed, 0 missing.');
    expect(html).toMatch(/<section id="failed"><h2>Failed points \(1\)<\/h2>[\s\S]*core 7 passed maxCycles/);
    expect(html).toContain('haswell, cores swept, 3.4 GHz; L1D 32 KiB 8-way 4 cycles');
    expect(html).toContain('2026-01-02T03:04:05.000Z');
    expect(html).toMatch(/total host time of the runs<\/td><td>\d/);
    expect(html).toContain('<script src="chart.umd.js"></script>');
    expect(html).toContain('<a href="results.jsonl">results.jsonl</a>');
    expect(html).not.toContain('<a href="results.csv">');
    expect(html).not.toMatch(/https?:\/\/[^"]*\.js/);
    expect((html.match(/<canvas id="chart-/g) ?? []).length).toBe(10);
  });

  it('summary: nogil is best on both workloads at 8 cores', () => {
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(md).toMatch(/^# Scaling of policies with cores/);
    expect(md).toMatch(/\| bank \| 8 \| \*\*nogil\*\* \|/);
    expect(md).toMatch(/\| nbody \| 8 \| \*\*nogil\*\* \|/);
    // At one core everything is about as fast as serial: the tie is said, not hidden.
    expect(md).toMatch(/\| bank \| 1 \| \*\*\w+\*\* \(≈ [a-z, ]+\) \|/);
    for (const png of summary.charts) expect(md).toContain(`](${png})`);
    expect(md).toContain('## Failed points');
  });

  it('a rebuild removes PNGs of charts that no longer exist', async () => {
    writeFileSync(join(dir, 'charts', 'stale.png'), 'x');
    await buildReport(dir, { now: NOW });
    expect(existsSync(join(dir, 'charts', 'stale.png'))).toBe(false);
  });
});

describe('configured charts', () => {
  it('capacity chart from the config, log x axis, PNG drawn', async () => {
    const sweep = capacitySweep();
    (sweep.experiment as { report: unknown }).report = { charts: [{ type: 'capacity', x: 'workload.params.kib', y: 'metrics.commit_ratio', series: 'workload.name', logX: true }] };
    const dir = sweepDir('capacity', sweep);
    const s = await buildReport(dir, { now: NOW });
    // The cycle accounting leads (numbered 0, a panel per probe), then the configured chart as c01.
    expect(s.charts).toEqual(['charts/c00-where-the-cycles-go--capacity-read.png', 'charts/c00-where-the-cycles-go--capacity-write.png',
      'charts/c01-commit-ratio-against-transaction-footprint.png']);
    const cfg = embeddedData(readFileSync(join(dir, 'report.html'), 'utf8')).charts[2]!.config as unknown as { options: { scales: { x: { type: string } } } };
    expect(cfg.options.scales.x.type).toBe('logarithmic');
  });

  it('a bad report section is a ReportSpecError naming the key', async () => {
    const sweep = txLengthSweep([10, 100], 1);
    (sweep.experiment as { report: unknown }).report = { charts: [{ type: 'line', x: 'htm.txLength', y: 'derived.throughput', colour: 'red' }] };
    const dir = sweepDir('badspec', sweep);
    await expect(buildReport(dir)).rejects.toThrow(ReportSpecError);
    await expect(buildReport(dir)).rejects.toThrow('configs/long-vs-short.yaml: report.charts[0].colour: unknown key');
  });

  it('a path no point has is reported as a note, not drawn as silence', async () => {
    const sweep = txLengthSweep([10, 100], 1);
    (sweep.experiment as { report: unknown }).report = { charts: [{ type: 'line', x: 'htm.txLen', y: 'derived.throughput' }] };
    const s = await buildReport(sweepDir('typo', sweep), { png: false });
    expect(s.notes).toContain('report.charts[0]: no point has a value at "htm.txLen"');
    expect(s.charts).toEqual([]);
  });
});

describe('partial and missing results', () => {
  it('hand-written partial sweep: points/ only, a truncated file, a failed point, missing points', async () => {
    const dir = fixtureCopy('partial-sweep');
    const s = await buildReport(dir, { now: NOW });
    expect(s.points).toEqual({ total: 6, present: 3, ok: 2, failed: 1, missing: 3 });
    expect(s.notes).toEqual(['points/3d4e5f6071829304.json: not valid JSON']);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('<title>GIL against HTM elision &lt;while running&gt;</title>');
    expect(html).not.toContain('<while running>');
    expect(html).toContain('Missing 3 points (indices 2, 4–5): the sweep is still running or was interrupted.');
    expect(html).toContain('results.jsonl not written yet');
    expect(html).toContain('guest raised AssertionError: lost update &lt;total != 800000&gt;');
    expect(html).toMatch(/<details open><summary><h2>All points \(3\)/);
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(md).toContain('**Missing points** (the sweep is still running or was interrupted): indices 2, 4–5.');
  });

  it('a sweep still running: results.jsonl absent, some points written', async () => {
    const sweep = scalingSweep({ workloads: ['bank'], reps: 1 });
    const dir = sweepDir('running', sweep, { jsonl: false, omit: [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16] });
    const s = await buildReport(dir, { now: NOW });
    expect(s.points).toMatchObject({ total: 17, present: 5, missing: 12 });
    expect(s.charts.length).toBeGreaterThan(0);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('indices 5–16');
  });

  it('results.jsonl with a corrupt line and points/ overlapping it: deduplicated, line reported', async () => {
    const sweep = txLengthSweep([10, 100], 1);
    const dir = sweepDir('corrupt', sweep);
    const lines = readFileSync(join(dir, 'results.jsonl'), 'utf8').trimEnd().split('\n');
    lines.splice(1, 0, '{"id": "broken", ');
    writeFileSync(join(dir, 'results.jsonl'), lines.join('\n') + '\n');
    const s = await buildReport(dir, { png: false });
    expect(s.points.present).toBe(4);
    expect(s.notes).toEqual(['results.jsonl:2: not valid JSON (skipped)']);
  });

  it('zero points, no experiment.json: a report that says so', async () => {
    const dir = sweepDir('empty', scalingSweep({ workloads: ['bank'], reps: 1 }), { jsonl: false, pointFiles: false, experiment: false });
    const s = await buildReport(dir, { now: NOW });
    expect(s.points).toEqual({ total: undefined, present: 0, ok: 0, failed: 0, missing: 0 });
    expect(s.panels).toBe(0);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('No results yet');
    expect(html).toContain('experiment.json is missing');
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toContain('**No results yet**');
  });

  it('zero points with experiment.json: every point is missing', async () => {
    const dir = sweepDir('none', txLengthSweep([10, 100], 1), { jsonl: false, pointFiles: false });
    const s = await buildReport(dir, { now: NOW });
    expect(s.points).toEqual({ total: 4, present: 0, ok: 0, failed: 0, missing: 4 });
  });

  it('no such directory is a ReportError', async () => {
    const dir = sweepDir('gone', txLengthSweep([10], 1));
    rmSync(dir, { recursive: true });
    await expect(buildReport(dir)).rejects.toThrow(ReportError);
  });
});

describe('escaping', () => {
  it('names from results cannot inject markup or end the data script', async () => {
    const evil = '</script><script>alert(1)</script><img src=x onerror=alert(2)>';
    const sweep = txLengthSweep([10, 100], 1);
    // Two workloads, so the evil name lands in panel titles, categories, tables and the JSON.
    for (const p of sweep.points) if (p.params['policy.name'] === 'stm') p.params['workload.name'] = evil;
    (sweep.experiment as { description: string }).description = 'see [docs](https://example.org/"onmouseover="x) and <b>bold</b>';
    const dir = sweepDir('evil', sweep);
    await buildReport(dir, { now: NOW });
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>bold</b>');
    expect(html).not.toMatch(/href="[^"]*"onmouseover/);
    expect((html.match(/<script/g) ?? []).length).toBe(3);
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)');
    const data = embeddedData(html);
    expect(JSON.stringify(data)).toContain(JSON.stringify(evil).slice(1, -1));
  });
});
