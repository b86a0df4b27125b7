/**
 * Free threading (PEP 703): one CPU-bound thread runs 5-8% slower than under the GIL, and
 * independent work still scales almost perfectly. The costs behind it are nogil.* parameters.
 */
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../sim/run/result.js';
import { runWorkload } from './helpers.js';

function run(name: string, policy: string, cores: number, params: Record<string, number>, sets: string[] = []): RunResult {
  const r = runWorkload(name, policy, cores, params, sets);
  expect(r.status).toBe('ok');
  return r;
}

describe('free threading', () => {
  for (const [name, params] of [
    ['independent', { threads: 1, iters: 3000 }],
    ['richards', { threads: 1 }],
  ] as const) {
    it(`single-thread overhead vs the GIL is 5-8% on ${name}`, () => {
      const gil = run(name, 'gil', 1, params);
      const nogil = run(name, 'nogil', 1, params);
      expect(nogil.stdout).toBe(gil.stdout);
      const ratio = nogil.simCycles / gil.simCycles;
      expect(ratio).toBeGreaterThanOrEqual(1.05);
      expect(ratio).toBeLessThanOrEqual(1.08);
    });
  }

  it('the overhead is the nogil cost parameters: without them free threading is not slower', () => {
    const params = { threads: 1, iters: 3000 };
    const gil = run('independent', 'gil', 1, params);
    const free = run('independent', 'nogil', 1, params, ['nogil.bytecodeCycles=0', 'nogil.readCycles=0']);
    expect(free.simCycles / gil.simCycles).toBeLessThan(1.02);
  });

  it('independent work still scales almost perfectly (4 threads doing 4x the work on 4 cores)', () => {
    const one = run('independent', 'nogil', 4, { threads: 1, iters: 3000 });
    const four = run('independent', 'nogil', 4, { threads: 4, iters: 3000 });
    expect(four.simCycles / one.simCycles).toBeLessThan(1.1);
  });
});
