/**
 * Guest rtm regions under the transactional policies. Under stm the STM transaction commits at the
 * guest's xbegin and the region is a hardware transaction of its own; under htm it nests (flat) in
 * the policy's transaction, whose abort re-executes from the policy's yield point, and on the
 * fallback path the guest's xbegin is outermost. Either way the guest sees what the C intrinsic
 * returns: commits below the write-buffer knee, XABORT_CAPACITY above it — the same as with no
 * transactional policy at all — and never an internal error or "xend() outside a transaction".
 */
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../sim/run/result.js';
import { runGuest, runWorkload } from './helpers.js';

const probe = (name: string, policy: string, cores: number, kib: number): RunResult => runWorkload(name, policy, cores, { kib, attempts: 3 });

const outcome = (r: RunResult) => ({
  status: r.status,
  stderr: r.stderr,
  commits: r.metrics['commits'],
  capacity: r.metrics['capacity_aborts'],
  conflict: r.metrics['conflict_aborts'],
  other: r.metrics['other_aborts'],
});

describe('guest rtm capacity probes under stm and htm', () => {
  for (const [name, below, above] of [['capacity-write', 8, 40], ['capacity-read', 8, 96]] as const) {
    for (const policy of ['stm', 'htm']) {
      for (const cores of [1, 4]) {
        it(`${name} under ${policy} on ${cores} core(s): commits at ${below} KiB, capacity aborts at ${above} KiB`, () => {
          const small = probe(name, policy, cores, below);
          const big = probe(name, policy, cores, above);
          expect(outcome(small)).toEqual({ status: 'ok', stderr: '', commits: 3, capacity: 0, conflict: 0, other: 0 });
          expect(outcome(big)).toEqual({ status: 'ok', stderr: '', commits: 0, capacity: 3, conflict: 0, other: 0 });
          // What the guest sees does not depend on the policy around it.
          expect(outcome(big)).toEqual(outcome(probe(name, 'serial', 1, above)));
        });
      }
    }
  }
});

describe('a guest rtm region under stm has its own undo state', () => {
  const program = `
import rtm
box = [0]
before = [5]
before[0] = 6
s = rtm.xbegin()
if s == rtm.XBEGIN_STARTED:
    box[0] = 1
    rtm.xabort(7)
    rtm.xend()
print(box[0], before[0], (s & rtm.XABORT_EXPLICIT) != 0, rtm.xabort_code(s))
s = rtm.xbegin()
if s == rtm.XBEGIN_STARTED:
    box[0] = 2
    rtm.xend()
print(box[0], s == rtm.XBEGIN_STARTED)
`;
  for (const policy of ['serial', 'stm', 'htm']) {
    it(`an explicit abort undoes the region's writes and keeps what came before (${policy})`, () => {
      const r = runGuest(program, policy, 2);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe('0 6 True 7\n2 True\n');
    });
  }
});
