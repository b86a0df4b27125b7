/** Runs every guest program of the corpus single-threaded and compares with CPython's goldens. */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runSource } from './helpers.js';

const dir = join(import.meta.dirname, '..', 'guest', 'programs');
const programs = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.py')).sort() : [];

describe('guest corpus vs CPython goldens', () => {
  it('has programs', () => {
    expect(programs.length).toBeGreaterThan(0);
  });
  for (const p of programs) {
    it(p, () => {
      const base = join(dir, p.slice(0, -3));
      const src = readFileSync(join(dir, p), 'utf8');
      const out = runSource(src, { filename: p });
      const want = readFileSync(base + '.out', 'utf8');
      const wantErr = existsSync(base + '.err') ? readFileSync(base + '.err', 'utf8') : '';
      const wantCode = existsSync(base + '.code') ? parseInt(readFileSync(base + '.code', 'utf8').trim(), 10) : 0;
      expect(out.stdout).toBe(want);
      expect(out.stderr).toBe(wantErr);
      expect(out.exitCode).toBe(wantCode);
    });
  }
});
