/**
 * The conformance suite every execution policy passes: the same guest programs, the same
 * guarantees (correct output for correctly synchronized programs, conserved invariants,
 * determinism, limits reported the same way).
 */
import { describe, expect, it } from 'vitest';
import { POLICY_NAMES } from '../../sim/policies/config.js';
import { bankTasks, bankThreads } from './programs.js';
import { runGuest, withoutHost } from './helpers.js';

const deterministicProgram = `
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
d = {}
for i in range(30):
    d[i % 7] = d.get(i % 7, 0) + fib(i % 12)
print(sorted(d.items()))
print([x * x for x in range(10) if x % 3])
`;

describe.each(POLICY_NAMES.map((p) => [p]))('policy %s', (policy) => {
  it('runs a single-threaded program with the same output as serial', () => {
    const r = runGuest(deterministicProgram, policy, 4);
    const s = runGuest(deterministicProgram, 'serial', 1);
    expect(r.status).toBe('ok');
    expect(r.stdout).toBe(s.stdout);
    expect(r.exitCode).toBe(0);
  });

  it('conserves money in a lock-protected 4-thread bank', () => {
    const r = runGuest(bankThreads(4, 150, true), policy, 4);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('total 1600\n');
  });

  it('gives identical results for the same config and seed', () => {
    const a = runGuest(bankThreads(2, 60, true), policy, 2);
    const b = runGuest(bankThreads(2, 60, true), policy, 2);
    expect(withoutHost(a)).toEqual(withoutHost(b));
  });

  it('reports a guest exception with a traceback and exit status 1', () => {
    const r = runGuest('def f():\n    raise ValueError("boom")\nf()\n', policy, 2);
    expect(r.exitCode).toBe(1);
    expect(r.status).toBe('failed');
    expect(r.stderr).toContain('Traceback (most recent call last):');
    expect(r.stderr.trimEnd().endsWith('ValueError: boom')).toBe(true);
  });

  it('stops a runaway loop at the cycle limit', () => {
    const r = runGuest('while True:\n    pass\n', policy, 2, ['maxCycles=2000000']);
    expect(r.status).toBe('failed');
    expect(r.error).toMatch(/cycle limit/);
    expect(r.exitCode).toBe(2);
  });

  it('accounts every core cycle as busy, idle or lock-wait', () => {
    const r = runGuest(bankThreads(3, 50, true), policy, 4);
    for (const c of r.cores) {
      expect(c.busyCycles + c.idleCycles + c.lockWaitCycles).toBeCloseTo(r.simCycles, -1);
    }
    expect(r.cores.reduce((n, c) => n + c.bytecodes, 0)).toBe(r.bytecodes);
  });
});

describe('serializability under the isolating policies', () => {
  for (const policy of ['gil', 'stm', 'htm'] as const) {
    for (const cores of [1, 2, 4, 8]) {
      it(`${policy} on ${cores} cores: unsynchronized transaction.add tasks conserve the total`, () => {
        const r = runGuest(bankTasks(8, 40), policy, cores);
        expect(r.stderr).toBe('');
        expect(r.stdout).toBe('total 1600\n');
      });
    }
  }
});
