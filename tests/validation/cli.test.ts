/**
 * The validation entry points through the built files (npm test builds dist/ first):
 * `configs/validation*.yaml` validate, and `dist/reports/validation/main.js` writes the table and
 * exits 0 when every measured row holds, 1 when one fails, 2 on bad usage.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBuild } from '../setup/require-build.js';

const CLI = 'dist/sim/cli.js';
const MAIN = 'dist/reports/validation/main.js';
const node = (args: string[]) => spawnSync(process.execPath, args, { encoding: 'utf8' });

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const QUIET = { refcount: 'biased', allocator: 'per-thread', smallIntCache: false, ticker: 'per-thread' };

/** A results folder holding independent-workload points under nogil: only nogil-scaling is measured. */
function resultsDir(t4: number, threadCounts: readonly number[] = [1, 4]): string {
  const dir = mkdtempSync(join(tmpdir(), 'htmsim-validation-'));
  dirs.push(dir);
  const lines = threadCounts.map((threads, index) => JSON.stringify({
    id: `p${index}`, index,
    params: { 'workload.name': 'independent', 'policy.name': 'nogil', 'machine.cores': 4, rep: 0, seed: 1 },
    result: {
      status: 'ok', exitCode: 0, simSeconds: threads === 1 ? 1 : t4,
      config: { machine: { cores: 4 }, policy: { name: 'nogil' }, interp: QUIET, workload: { name: 'independent', params: { threads, iters: 1500, table: 0 } } },
    },
  }));
  writeFileSync(join(dir, 'results.jsonl'), `${lines.join('\n')}\n`);
  writeFileSync(join(dir, 'experiment.json'), JSON.stringify({ name: 'validation', totalPoints: threadCounts.length }));
  return dir;
}

const PARTS = ['validation', 'validation-gil', 'validation-contention', 'validation-probes', 'validation-length', 'validation-overhead'];

describe('configs/validation*.yaml', () => {
  beforeAll(requireBuild);
  it('every part validates', () => {
    for (const part of PARTS) {
      const r = node([CLI, 'validate', `configs/${part}.yaml`]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^configs/${part}\\.yaml: ok, \\d+ points\n$`));
    }
  });

  it('the design probes validate and npm run validate runs both of their probes', () => {
    const r = node([CLI, 'validate', 'configs/validation-designs.yaml']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.validate).toContain('configs/validation-designs.yaml --jobs 2 --no-report --filter $f');
    expect(pkg.scripts.validate).toContain('interp.refcount=biased,workload.name=capacity-write interp.refcount=none,workload.name=capacity-read');
    expect(pkg.scripts.validate).toMatch(/main\.js [^)]*results\/validation-designs/);
  });

  it('npm run validate runs every part and checks their results together', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    for (const part of PARTS) {
      expect(pkg.scripts.validate).toContain(`configs/$c.yaml`);
      expect(pkg.scripts.validate).toMatch(new RegExp(`for c in [^;]*\\b${part}\\b`));
      expect(pkg.scripts.validate).toContain(`results/${part}`);
    }
  });
});

describe('reports/validation/main', () => {
  beforeAll(requireBuild);
  it('every measured fact holds: exit 0, validation.md and validation.json written', () => {
    const dir = resultsDir(1.05);
    const r = node([MAIN, dir]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^nogil-scaling\s+✔ holds\s+3\.810× at 4 threads/m);
    expect(r.stdout).toContain('Validation tally: 1 hold, 0 fail,');
    expect(r.stdout).toMatch(/^== Validation rows .*: 1 hold, 0 fail/m);
    const json = JSON.parse(readFileSync(join(dir, 'validation.json'), 'utf8')) as { counts: { holds: number; fails: number }; rows: { id: string; verdict: string }[] };
    expect(json.counts).toMatchObject({ holds: 1, fails: 0 });
    expect(json.rows.find((x) => x.id === 'nogil-scaling')?.verdict).toBe('holds');
    const md = readFileSync(join(dir, 'validation.md'), 'utf8');
    expect(md).toContain('| fact | published band | measured | verdict |');
    expect(md).toMatch(/\*\*nogil-scaling\*\*.*3\.810× at 4 threads.*✔ holds/);
    expect(md).toContain('## Facts these experiments do not check');
    expect(md).toContain('## Published Haswell capacity points beside htmsim');
  });

  it('several folders are checked as one set of points; the table goes into the first', () => {
    const one = resultsDir(1.05, [1]);
    const four = resultsDir(1.05, [4]);
    expect(node([MAIN, one]).stdout).toMatch(/^nogil-scaling\s+– not measured/m);
    const r = node([MAIN, one, four]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^nogil-scaling\s+✔ holds\s+3\.810× at 4 threads/m);
    expect(readFileSync(join(one, 'validation.md'), 'utf8')).toMatch(/\*\*nogil-scaling\*\*.*✔ holds/);
    expect(existsSync(join(four, 'validation.md'))).toBe(false);
    const json = JSON.parse(readFileSync(join(one, 'validation.json'), 'utf8')) as { experiment: string; points: { present: number; total: number } };
    expect(json.experiment).toBe('validation + validation');
    expect(json.points).toMatchObject({ present: 2, total: 2 });
  });

  it('a measured fact that fails: exit 1', () => {
    const r = node([MAIN, resultsDir(2)]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^nogil-scaling\s+✘ fails\s+2× at 4 threads .*misses by 1\.751 below/m);
  });

  it('no such folder: one line on stderr, exit 2', () => {
    const r = node([MAIN, join(tmpdir(), 'htmsim-validation-none', 'x')]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('no such results folder');
  });
});
