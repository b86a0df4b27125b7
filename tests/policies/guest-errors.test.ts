// Issue 20: a guest error ends the same way under every policy — the traceback serial prints,
// exit 1 — including a task of transaction.run() that raises and unbounded recursion under htm.
import { describe, expect, it } from 'vitest';
import { POLICY_NAMES } from '../../sim/policies/config.js';
import { resolveExecConfig } from '../../sim/experiment/resolve.js';
import { runPointSync } from '../../sim/run/run-point.js';
import { runGuest } from './helpers.js';

const raisingTask = `
import transaction
out = []
def ok(i):
    out.append(i)
def bad():
    raise ValueError("task failed")
for i in range(3):
    transaction.add(ok, i)
transaction.add(bad)
for i in range(3, 9):
    transaction.add(ok, i)
transaction.run()
print("not reached")
`;

const caughtTask = `
import transaction
def bad(i):
    raise KeyError(i)
transaction.add(bad, 7)
try:
    transaction.run()
except KeyError as e:
    print("caught", e)
`;

// Guest code the host runs to completion inside one instruction.
const nestedLoops: [string, string][] = [
  ['a class body', 'class A:\n    while True:\n        pass\n'],
  ['__repr__ called by repr()', "class K:\n    def __repr__(self):\n        while True: pass\n        return ''\nprint(repr(K()))\n"],
  ['a key function called by sorted()', 'def k(x):\n    while True: pass\nsorted([1, 2], key=k)\n'],
];

const recursion = 'def f(): return f()\nf()\n';

describe.each(POLICY_NAMES.map((p) => [p]))('policy %s', (policy) => {
  it('a transaction task that raises: the exception leaves run(), as under serial', () => {
    const s = runGuest(raisingTask, 'serial', 1);
    const r = runGuest(raisingTask, policy, 4);
    expect(s.exitCode).toBe(1);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(s.stderr);
    expect(r.stderr).not.toContain('Exception in thread');
  });
  it('the exception a task raised can be caught around run()', () => {
    const r = runGuest(caughtTask, policy, 4);
    expect(r.stdout).toBe('caught 7\n');
    expect(r.exitCode).toBe(0);
  });
  it('unbounded recursion ends in RecursionError, exit 1', () => {
    const r = runGuest(recursion, policy, 2);
    expect(r.exitCode).toBe(1);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe('RecursionError: maximum recursion depth exceeded');
  });
  for (const [where, source] of nestedLoops) {
    it(`a loop in ${where} stops at maxCycles`, () => {
      const config = resolveExecConfig({ policy, cores: 2, sets: [], maxCycles: 2_000_000, workload: { name: 'independent', params: {} } });
      const r = runPointSync(config, { source, filename: 'loop.py' });
      expect(r.status).toBe('failed');
      expect(r.error).toMatch(/^cycle limit reached/);
    });
  }
});
