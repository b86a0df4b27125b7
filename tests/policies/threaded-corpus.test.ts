/**
 * The threaded programs of the guest corpus (tests/guest/programs/app-threaded-*.py) under every
 * policy on 4 cores: each must print its CPython golden, whatever the interleaving.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { POLICY_NAMES } from '../../sim/policies/config.js';
import { runGuest } from './helpers.js';

const dir = join(import.meta.dirname, '..', 'guest', 'programs');
const programs = readdirSync(dir).filter((f) => f.startsWith('app-threaded-') && f.endsWith('.py')).sort();

describe('threaded corpus programs under every policy', () => {
  it('has threaded programs', () => {
    expect(programs.length).toBeGreaterThan(0);
  });
  for (const p of programs) {
    const src = readFileSync(join(dir, p), 'utf8');
    const want = readFileSync(join(dir, p.slice(0, -3) + '.out'), 'utf8');
    it.each(POLICY_NAMES.map((n) => [n]))(`${p} under %s`, (policy) => {
      const r = runGuest(src, policy, 4);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(want);
      expect(r.exitCode).toBe(0);
    });
  }
});
