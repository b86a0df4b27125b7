/**
 * Tests never skip silently: a suite that runs the built CLI (dist/) calls requireBuild(), which
 * fails it with "run `npm run build`" when dist/ is missing or older than the sources
 * (tests/setup/build-check.ts), and the only skips left are for a host tool that is absent, named
 * in the skipped suite's title.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProblem } from '../setup/build-check.js';

const ROOT = resolve(import.meta.dirname, '../..');

/** Skips allowed because a host tool may be absent; the title must say SKIPPED and why. */
const TOOL_SKIPS: Record<string, string> = {
  'tests/workloads/cpython.test.ts': 'python3',
  'tests/reports/browser.test.ts': 'Chromium',
  'tests/run/slurm.test.ts': 'Slurm (slurmctld, slurmd, munged) or root',
};

function testFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    if (statSync(join(ROOT, rel)).isDirectory()) return name === 'output' || name === 'fixtures' ? [] : testFiles(rel);
    return name.endsWith('.ts') ? [rel] : [];
  });
}

const FILES = testFiles('tests').filter((f) => f.endsWith('.test.ts') && !f.startsWith('tests/architecture/'));
const text = (f: string): string => readFileSync(join(ROOT, f), 'utf8');

describe('no silent skips', () => {
  it('every suite that runs dist/ calls requireBuild()', () => {
    const usesDist = (s: string): boolean => /['"`]dist\//.test(s) || /\b(htmsim|CLI)\b.*from '\.\/helpers\.js'/.test(s);
    const users = FILES.filter((f) => usesDist(text(f)));
    expect(users.length).toBeGreaterThan(5);
    expect(users.filter((f) => !text(f).includes('beforeAll(requireBuild)'))).toEqual([]);
  });

  it('no skip but for an absent host tool, said in the title', () => {
    const skips = FILES.flatMap((f) => {
      const lines = text(f).split('\n');
      return lines.flatMap((l, i) => (/\.(skip|skipIf|runIf|todo)\b|\bit\.only\b/.test(l) ? [{ f, line: i + 1, l }] : []));
    });
    const bad = skips.filter(({ f, l }) => !(f in TOOL_SKIPS && /SKIPPED/.test(l))).map(({ f, line, l }) => `${f}:${line}: ${l.trim()}`);
    expect(bad).toEqual([]);
  });
});

describe('the build check', () => {
  const tree = (): string => {
    const root = mkdtempSync(join(tmpdir(), 'htmsim-build-check-'));
    for (const d of ['sim/common', 'dist/sim/common']) mkdirSync(join(root, d), { recursive: true });
    return root;
  };

  it('says to run npm run build when dist/ is missing', () => {
    const root = tree();
    writeFileSync(join(root, 'sim/cli.ts'), '');
    expect(buildProblem(root)).toMatch(/not built: run `npm run build`/);
  });

  it('names a source newer than its build', () => {
    const root = tree();
    for (const f of ['sim/cli', 'sim/common/a']) {
      writeFileSync(join(root, `${f}.ts`), '');
      writeFileSync(join(root, 'dist', `${f}.js`), '');
    }
    expect(buildProblem(root)).toBe('');
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'sim/common/a.ts'), later, later);
    expect(buildProblem(root)).toBe('dist/ is older than sim/common/a.ts: run `npm run build`');
  });
});
