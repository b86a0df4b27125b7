/**
 * `htmsim report DIR` through the built CLI (npm test builds dist/ first), including a sweep
 * written by the real experiment runner (with the experiment layer's fake point runner).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBuild } from '../setup/require-build.js';
import { txLengthSweep } from '../../reports/synthetic-sweep.js';
import { embeddedData, removeTempDirs, sweepDir, tempDir } from './helpers.js';

const CLI = 'dist/sim/cli.js';
const htmsim = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

afterAll(removeTempDirs);

describe('htmsim report', () => {
  beforeAll(requireBuild);
  it('rebuilds the report and prints where it is and what it holds', () => {
    const dir = sweepDir('cli', txLengthSweep([10, 100, 1000], 2));
    const r = htmsim(['report', dir]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(join(dir, 'report.html'));
    expect(lines[1]).toBe(join(dir, 'report.md'));
    expect(lines[2]).toMatch(/^12 of 12 points \(12 ok, 0 failed, 0 missing\), 5 charts, 5 PNGs, \d+\.\d\d s$/);
    expect(readdirSync(join(dir, 'charts'))).toHaveLength(5);
  });

  it('--no-png writes the documents without PNGs', () => {
    const dir = sweepDir('cli-nopng', txLengthSweep([10, 100], 1));
    const r = htmsim(['report', '--no-png', '--quiet', dir]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(existsSync(join(dir, 'report.html'))).toBe(true);
    expect(existsSync(join(dir, 'charts'))).toBe(false);
  });

  it('bad input: one line on stderr, exit 2, no stack trace', () => {
    const gone = join(tempDir('cli-gone'), 'nope');
    const r = htmsim(['report', gone]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`htmsim: ${gone}: no such results directory\n`);

    const sweep = txLengthSweep([10], 1);
    (sweep.experiment as { report: unknown }).report = { charts: [{ type: 'scatter' }] };
    const bad = htmsim(['report', sweepDir('cli-bad', sweep)]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('htmsim: configs/long-vs-short.yaml: report.charts[0].type: unknown chart type "scatter" (expected line | bar | stacked-bar | timeline | capacity)\n');
  });

  it('reads what the real sweep runner writes', () => {
    const out = join(tempDir('cli-run'), 'out');
    const run = spawnSync(process.execPath, [CLI, 'run', 'tests/experiment/fixtures/sweep.yaml', '--out', out,
      '--runner', 'tests/experiment/fixtures/fake-runner.mjs', '--no-report'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const r = htmsim(['report', out]);
    expect(r.status, r.stderr).toBe(0);
    const recs = readFileSync(join(out, 'results.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as {
      params: Record<string, string | number>; derived: { speedup?: number };
    });
    expect(r.stdout).toContain(`${recs.length} of ${recs.length} points (${recs.length} ok, 0 failed, 0 missing)`);
    const data = embeddedData(readFileSync(join(out, 'report.html'), 'utf8'));
    const speedup = data.charts.map((c) => c.panel as { title: string; series: { label: string; points: { x: number; y: number; n: number }[] }[] })
      .find((p) => p.title.startsWith('Speedup against cores'))!;
    expect(speedup).toBeDefined();
    // The gil line: mean over reps of the runner's derived speedup at each core count.
    const gil = speedup.series.find((s) => s.label === 'gil')!;
    for (const pt of gil.points) {
      const vals = recs.filter((x) => x.params['policy.name'] === 'gil' && x.params['machine.cores'] === pt.x).map((x) => x.derived.speedup!);
      expect(pt.n).toBe(vals.length);
      expect(pt.y).toBeCloseTo(vals.reduce((a, b) => a + b, 0) / vals.length, 12);
    }
  });
});
