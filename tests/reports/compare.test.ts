/**
 * `htmsim compare DIR_A DIR_B`: points matched by parameters, each metric's ratio, flagged only
 * when it moves by more than the repetitions' noise — on real sweeps run through the CLI (two small
 * sweeps differing in one parameter) and on synthetic ones whose noise is known.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBuild } from '../setup/require-build.js';
import { compareResults } from '../../reports/compare.js';
import { scalingSweep, type SyntheticSweep } from '../../reports/synthetic-sweep.js';
import { removeTempDirs, sweepDir, tempDir } from './helpers.js';

const CLI = 'dist/sim/cli.js';

afterAll(removeTempDirs);

function cli(args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
}

/** A tiny sweep of the independent workload, into a fresh directory. */
function runSweep(tag: string, reps: number, sets: string[]): string {
  const dir = tempDir(tag);
  const cfg = join(dir, 'sweep.yaml');
  writeFileSync(cfg, [
    `name: compare-${tag}`,
    'machine: haswell',
    'workloads:',
    '  - { name: independent, params: { threads: 2, iters: 60 } }',
    'policies: [serial, stm]',
    `repetitions: ${reps}`,
    'sweep:',
    '  axes:',
    '    cores: [2]',
  ].join('\n') + '\n');
  const out = join(dir, 'results');
  const r = cli(['run', cfg, '--out', out, '--jobs', '1', '--no-report', ...sets.flatMap((s) => ['--set', s])]);
  if (r.status !== 0) throw new Error(`htmsim run failed: ${r.stderr}`);
  return out;
}

describe('htmsim compare on two real sweeps differing in interp.refcount', () => {
  beforeAll(requireBuild);

  it('matches the points, names the changed parameter, and flags STM getting faster without refcounts', () => {
    const a = runSweep('a', 2, []);
    const b = runSweep('b', 2, ['interp.refcount=none']);
    const html = join(b, 'cmp.html');
    const r = cli(['compare', a, b, '--html', html]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('interp.refcount: "cpython" → "none"');
    // Both policies matched, none left over.
    expect(r.stdout).not.toMatch(/Only in [AB]/);
    const stmTime = r.stdout.split('\n').find((l) => l.startsWith('independent · stm · 2 cores') && l.includes('simulated time'))!;
    expect(stmTime).toBeDefined();
    const ratio = Number(/ (\d+\.\d+)×/.exec(stmTime)![1]);
    expect(ratio).toBeLessThan(1);
    // The simulator is deterministic, so repetitions agree exactly: any change is beyond the noise.
    expect(stmTime).toMatch(/MOVED$/);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<table class="compare-table">');
    expect(page).toMatch(/<tr class="moved"><td>independent · stm · 2 cores<\/td><td>simulated time \(cycles\)<\/td>/);
  });

  it('without repetitions it says the noise is unknown and flags nothing', () => {
    const a = runSweep('a1', 1, []);
    const b = runSweep('b1', 1, ['interp.refcount=none']);
    const r = cli(['compare', a, b]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('No repetitions on one side or both: the noise is unknown');
    expect(r.stdout).not.toContain('MOVED');
    expect(existsSync(join(b, 'compare.html'))).toBe(true);
  });

  it('a missing directory is one line, exit 2', () => {
    const r = cli(['compare', '/nonexistent/a', '/nonexistent/b']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('htmsim: /nonexistent/a: no such results directory\n');
  });
});

/** A copy of a synthetic sweep with one metric of some points scaled. */
function scaled(sweep: SyntheticSweep, policy: string, factor: number): SyntheticSweep {
  const copy = JSON.parse(JSON.stringify(sweep)) as SyntheticSweep;
  for (const p of copy.points) {
    if (p.params['policy.name'] === policy) (p.result as { simCycles: number }).simCycles *= factor;
  }
  return copy;
}

describe('compareResults against known noise', () => {
  const base = scalingSweep({ workloads: ['bank'], policies: ['htm', 'stm'], cores: [4], reps: 3, timelines: [] });

  it('a change far beyond the spread of the repetitions is "moved"; the same numbers are "unchanged"', () => {
    const c = compareResults(sweepDir('base', base), sweepDir('stm-slower', scaled(base, 'stm', 1.5)));
    expect(c.repetitions).toBe(true);
    const time = (label: string) => c.points.find((p) => p.label === label)!.metrics.find((m) => m.metric === 'simulated time (cycles)')!;
    expect(time('bank · stm · 4 cores').verdict).toBe('moved');
    expect(time('bank · stm · 4 cores').ratio).toBeCloseTo(1.5, 12);
    expect(time('bank · htm · 4 cores').verdict).toBe('unchanged');
    expect(c.moved).toBe(1);
  });

  it('a change smaller than the repetitions\' spread is "within noise"', () => {
    // The synthetic runs vary by about ±2% between seeds; 0.1% is well inside that.
    const c = compareResults(sweepDir('base2', base), sweepDir('htm-tiny', scaled(base, 'htm', 1.001)));
    const m = c.points.find((p) => p.label === 'bank · htm · 4 cores')!.metrics.find((x) => x.metric === 'simulated time (cycles)')!;
    expect(m.verdict).toBe('within noise');
    expect(c.moved).toBe(0);
  });
});
