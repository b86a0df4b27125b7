/**
 * Free threading (PEP 703): one CPU-bound thread runs 5-8% slower than under the GIL, and
 * independent work (fib, the fact's own example) still scales almost perfectly. The costs behind
 * it are nogil.* parameters. Objects every thread references and whose counts PEP 703 does not
 * defer (a module-level int) are the exception: their header lines move between the cores.
 */
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../sim/run/result.js';
import { runGuest, runWorkload } from './helpers.js';

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

  // FACTS: fib(34) on 1 thread 1.50 s, 20 threads doing 20x the work 1.52 s on 20 cores. The same
  // shape: recursive calls through a module-level function, small ints only. PEP 703 defers the
  // function's count (no refcount write per call) and small ints are immortal.
  const fib = (threads: number): string => `
import threading
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
out = [0] * ${threads}
def work(k):
    out[k] = fib(15)
ts = [threading.Thread(target=work, args=(k,)) for k in range(${threads})]
for t in ts: t.start()
for t in ts: t.join()
print(out)
`;
  it('independent work scales almost perfectly: fib, 4 threads doing 4x the work on 4 cores', () => {
    const one = runGuest(fib(1), 'nogil', 4);
    const four = runGuest(fib(4), 'nogil', 4);
    expect(four.stdout).toBe('[610, 610, 610, 610]\n');
    expect(four.simCycles / one.simCycles).toBeLessThan(1.1);
  });

  it('but shared module-level ints cost scaling: their counts are not deferred (independent reads MUL and MOD every iteration)', () => {
    const one = run('independent', 'nogil', 4, { threads: 1, iters: 3000 });
    const four = run('independent', 'nogil', 4, { threads: 4, iters: 3000 });
    const slowdown = four.simCycles / one.simCycles;
    expect(slowdown).toBeGreaterThan(1.2);
    // Without reference counts the same program scales again: the loss is the shared counts' lines.
    const one0 = run('independent', 'nogil', 4, { threads: 1, iters: 3000 }, ['interp.refcount=none']);
    const four0 = run('independent', 'nogil', 4, { threads: 4, iters: 3000 }, ['interp.refcount=none']);
    expect(four0.simCycles / one0.simCycles).toBeLessThan(1.1);
  });
});
