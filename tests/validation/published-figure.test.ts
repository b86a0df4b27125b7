/**
 * The whole published figure (docs/validation/pypy-stm-nojit-figure.json, reports/validation/
 * published-figure.ts): the data file's shape and sources, the comparison math on a small hand-made
 * figure and records (normalisation, error per point, fixed-total selection, the rows' verdicts),
 * the markdown section and the PNG chart, and its wiring into the configs and `npm run validate`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PointRecord } from '../../reports/records.js';
import { checkFacts } from '../../reports/validation/facts.js';
import {
  compareFigure, figureChecks, INTERPS, loadPublishedFigure, publishedFigurePng, PUBLISHED_FIGURE_FILE, ratio, renderPublishedFigureMarkdown,
  type FigureBenchmark, type PublishedFigure,
} from '../../reports/validation/published-figure.js';
import { requireBuild } from '../setup/require-build.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const tmp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'htmsim-figure-'));
  dirs.push(d);
  return d;
};

describe('the data file', () => {
  const fig = loadPublishedFigure();

  it('holds the whole figure: six panels, three interpreters, 1–4 threads, five runs each', () => {
    expect(fig.benchmarks.map((b) => b.name)).toEqual(['btree', 'skiplist', 'threadworms', 'mandelbrot', 'raytrace', 'richards']);
    for (const b of fig.benchmarks) {
      for (const i of INTERPS) {
        expect(b.runs[i].map((l) => l.length)).toEqual([5, 5, 5, 5]);
        for (const l of b.runs[i]) for (const x of l) expect(x).toBeGreaterThan(0.5);
      }
      expect(b.command).toMatch(/^pypy-c-paper-nojit /);
    }
  });

  it('names its source: the data file at a commit, the paper text, the figure, how it was read', () => {
    expect(fig.source.dataFile).toBe(`https://github.com/wdv4758h/pypy-extradoc/blob/${fig.source.dataCommit}/talk/dls2014/paper/plots/plot_performance_nojit.py`);
    expect(fig.source.dataCommit).toMatch(/^[0-9a-f]{40}$/);
    expect(fig.source.paperText).toMatch(/^https:\/\/github\.com\/wdv4758h\/pypy-extradoc\/blob\/[0-9a-f]{40}\/talk\/dls2014\/paper\/paper\.tex$/);
    expect(fig.figure.title).toBe('Comparing execution time between interpreters without a JIT');
    expect(fig.figure.number).toMatch(/^Figure 6 /);
    expect(fig.source.howRead).toMatch(/Not read off a plot/);
    expect(fig.figure.machine).toMatch(/i7-4770/);
  });

  it('spot values copied from the script: btree STM on 1 thread, richards GIL on 4 threads', () => {
    const by = (n: string): FigureBenchmark => fig.benchmarks.find((b) => b.name === n)!;
    expect(by('btree').runs['pypy-stm-nojit'][0]).toEqual([8.21, 8.1, 8.19, 8.13, 8.14]);
    expect(by('richards').runs['pypy-nojit'][3]).toEqual([6.66, 6.71, 6.58, 6.65, 6.56]);
    expect(by('mandelbrot').runs.cpython[1]).toEqual([2.4, 2.27, 2.3, 2.31, 2.3]);
  });

  it('every simulated panel names a workload and points the configs actually run; the others say why not', () => {
    const cfgs = ['configs/validation-figure.yaml', 'configs/validation-figure-tasks.yaml'].map((f) => parse(readFileSync(f, 'utf8')) as { workloads: { name: string; params?: Record<string, unknown> }[] });
    const entries = cfgs.flatMap((c) => c.workloads);
    for (const b of fig.benchmarks) {
      if (!b.simulated) {
        expect(b.notSimulated).toMatch(/no .* workload/);
        continue;
      }
      readFileSync(`workloads/${b.simulated.workload}.py`, 'utf8');
      const mine = entries.filter((e) => e.name === b.simulated!.workload);
      expect(mine.length).toBeGreaterThan(0);
      for (const [k, v] of Object.entries(b.simulated.where)) {
        if (k.startsWith('workload.params.')) for (const e of mine) expect(e.params?.[k.slice('workload.params.'.length)]).toBe(v);
      }
    }
  });

  it('a malformed file is one error naming the file and the key', () => {
    const d = tmp();
    const bad = JSON.parse(readFileSync(PUBLISHED_FIGURE_FILE, 'utf8')) as { benchmarks: { runs: Record<string, unknown> }[] };
    bad.benchmarks[2]!.runs['pypy-nojit'] = [[1], [2], [3]];
    writeFileSync(join(d, 'f.json'), JSON.stringify(bad));
    expect(() => loadPublishedFigure(join(d, 'f.json'))).toThrow(`${join(d, 'f.json')}: benchmarks[2].runs.pypy-nojit: needs 4 non-empty lists`);
  });
});

// ---------------------------------------------------------------------------------------------
// The comparison on a small fixture

const QUIET = { refcount: 'biased', allocator: 'per-thread', smallIntCache: false, ticker: 'per-thread' };

function rec(policy: 'gil' | 'stm', threads: number, iterations: number, simSeconds: number): PointRecord {
  return {
    id: `${policy}${threads}${iterations}`, index: 0, params: { 'workload.name': 'toy', 'policy.name': policy }, status: 'ok', derived: {},
    result: {
      status: 'ok', exitCode: 0, simSeconds,
      config: {
        machine: { name: 'haswell', cores: 4 }, interp: QUIET, policy: { name: policy }, gil: { mode: 'interval' },
        workload: { name: 'toy', params: { threads, iterations } },
      },
    },
  };
}

/** Two runs per point; GIL 1 thread averages 2 s. */
const TOY: PublishedFigure = {
  file: 'toy.json', figure: { title: 'toy', id: 'toy', number: 'Figure 9 (toy)', paper: 'A, B: toy' },
  source: { dataFile: 'https://example.org/toy.py', howRead: 'by hand.' }, mapping: { normalisation: 'by the GIL on 1 thread', cpython: 'not modelled' },
  benchmarks: [
    {
      name: 'toy', panel: 'toy', command: 'x',
      simulated: { workload: 'toy', how: '', threadsFrom: 'workload.params.threads', where: { 'machine.cores': 4 }, fixedTotal: { param: 'workload.params.iterations', total: 12 } },
      runs: {
        'pypy-nojit': [[1.9, 2.1], [2.9, 3.1], [3, 3], [4, 4]],
        'pypy-stm-nojit': [[3, 3], [1.6, 1.6], [1.2, 1.2], [1, 1]],
        cpython: [[1, 1], [1, 1], [1, 1], [1, 1]],
      },
    },
    { name: 'other', panel: 'other', command: 'y', simulated: null, notSimulated: 'no such workload', runs: { 'pypy-nojit': [[1], [1], [1], [1]], 'pypy-stm-nojit': [[1], [1], [1], [1]], cpython: [[1], [1], [1], [1]] } },
  ],
};

// Simulated: GIL 10 s flat; STM 15 s on 1 thread, 5 s on 4 (the 4-thread point at the wrong total is a decoy).
const RECORDS: PointRecord[] = [
  rec('gil', 1, 12, 10), rec('gil', 2, 6, 10), rec('gil', 3, 4, 10), rec('gil', 4, 3, 10),
  rec('stm', 1, 12, 15), rec('stm', 2, 6, 8), rec('stm', 4, 1, 99), rec('stm', 4, 3, 5),
];

describe('the comparison', () => {
  it('ratio: mean over mean, band from the extreme runs', () => {
    expect(ratio([2, 4], [1, 3])).toEqual({ value: 1.5, lo: 2 / 3, hi: 4 });
  });

  it('normalises both sides to the GIL on one thread and gives the error per point', () => {
    const c = compareFigure(TOY, RECORDS);
    expect(c.points).toHaveLength(8);
    const p = (policy: string, n: number) => c.points.find((x) => x.policy === policy && x.threads === n)!;
    expect(p('gil', 1)).toMatchObject({ simulated: 1, error: null });
    expect(p('gil', 1).published.value).toBeCloseTo(1, 12);
    expect(p('gil', 4).published.value).toBeCloseTo(2, 12);
    expect(p('gil', 4).error).toBeCloseTo(1 / 2 - 1, 12);
    expect(p('stm', 1).simulated).toBeCloseTo(1.5, 12);
    expect(p('stm', 1).error).toBeCloseTo(0, 12);
    // the decoy (iterations 1 on 4 threads, total 4 ≠ 12) is not taken
    expect(p('stm', 4).simulated).toBeCloseTo(0.5, 12);
    expect(p('stm', 4).error).toBeCloseTo(0, 12);
    expect(p('stm', 3)).toMatchObject({ simulated: null, error: null });
    // errors: GIL 2, 3, 4 threads −1/3, −1/3, −1/2; STM 1, 2, 4 threads 0
    expect(c.meanAbsError).toBeCloseTo((1 / 3 + 1 / 3 + 1 / 2) / 6, 12);
  });

  it('the rows: validation kind, bands from the runs, hold / fail / not measured', () => {
    const checks = figureChecks(TOY);
    expect(checks.map((c) => c.id)).toEqual(['figure-toy-stm-overhead', 'figure-toy-stm-speedup', 'figure-toy-gil-slowdown']);
    expect(checks.every((c) => c.kind === 'validation')).toBe(true);
    const rows = checkFacts(RECORDS, checks);
    // STM/GIL on 1 thread: 1.5 published (runs 3/2.1..3/1.9), 1.5 simulated
    expect(rows[0]).toMatchObject({ verdict: 'holds', value: 1.5 });
    // STM 1 → 4: 3× published (runs exactly 3), 3× simulated
    expect(rows[1]).toMatchObject({ verdict: 'holds', value: 3 });
    // GIL 4 / 1: 2× published (4/2.1..4/1.9), 1× simulated: fails, saying by how much
    expect(rows[2]).toMatchObject({ verdict: 'fails', value: 1 });
    expect(rows[2]!.miss).toMatch(/below the band's lower end 1\.905/);
    expect(checkFacts(RECORDS.filter((r) => r.result.simSeconds !== 5 && r.result.simSeconds !== 99), checks)[1]!.verdict).toBe('not measured');
  });

  it('rows can be left out of a benchmark with the reason', () => {
    const toy = structuredClone(TOY);
    toy.benchmarks[0]!.simulated!.rows = ['stm-speedup'];
    expect(figureChecks(toy).map((c) => c.id)).toEqual(['figure-toy-stm-speedup']);
  });
});

describe('the report part', () => {
  const c = compareFigure(TOY, RECORDS);

  it('renders the table with one line per point, the chart link and the differences', () => {
    const md = renderPublishedFigureMarkdown(c, 'published-figure.png').join('\n');
    expect(md).toContain('## A whole published figure: toy');
    expect(md).toContain('![Published and simulated runtimes, relative to the GIL on one thread](published-figure.png)');
    expect(md.split('\n').filter((l) => l.startsWith('| toy |'))).toHaveLength(8);
    expect(md).toContain('| toy | GIL (pypy-nojit) | 4 | 2.00 (1.90–2.11) | 1.00 | −50% |');
    expect(md).toContain('| toy | STM (pypy-stm-nojit) | 3 | 0.60 (0.57–0.63) | not measured | — |');
    expect(md).toContain('Not simulated: other (no such workload)');
    expect(md).toContain('### Where and why htmsim differs');
    expect(md).toContain('toy 3.00× vs 3.00×');
  });

  it('draws a PNG chart', () => {
    const png = PNG.sync.read(publishedFigurePng(c));
    expect([png.width, png.height]).toEqual([1100, 560]);
    // not blank: some pixels differ from the white background
    let coloured = 0;
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! < 200 || png.data[i + 2]! < 200) coloured++;
    expect(coloured).toBeGreaterThan(1000);
  });
});

describe('wiring', () => {
  beforeAll(requireBuild);

  it('both configs validate, and npm run validate runs them and hands their folders to main.js last', () => {
    for (const part of ['validation-figure', 'validation-figure-tasks']) {
      const r = spawnSync(process.execPath, ['dist/sim/cli.js', 'validate', `configs/${part}.yaml`], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(new RegExp(`^configs/${part}\\.yaml: ok, \\d+ points\n$`));
      const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
      expect(pkg.scripts.validate).toMatch(new RegExp(`for c in [^;]*\\b${part}\\b`));
    }
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.validate).toMatch(/main\.js [^)]*results\/validation-designs results\/validation-figure results\/validation-figure-tasks\)$/);
  });
});
