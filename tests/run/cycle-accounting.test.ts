/**
 * Cycle accounting (sim/policies/cycle-ledger.ts): every core's cycles split into parts that sum
 * to the run's cycles exactly, under every policy, on 1 and 4 cores, on workloads that exercise
 * aborts, lock waits and blocking — and each measured part agrees with the statistic kept
 * independently of it, so "useful" (what no part claims) cannot hide a mistake.
 */
import { describe, expect, it } from 'vitest';
import { CYCLE_CATEGORIES } from '../../sim/policies/cycle-ledger.js';
import { POLICY_NAMES } from '../../sim/policies/config.js';
import type { RunResult } from '../../sim/run/result.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runGuest, runWorkload } from '../policies/helpers.js';
import { resolveExecConfig } from '../../sim/experiment/resolve.js';
import { runPointSync } from '../../sim/run/run-point.js';

const WORKLOADS: [string, Record<string, number | boolean>][] = [
  ['independent', { threads: 3, iters: 150 }],
  ['shared-counter', { threads: 3, iters: 150 }],
  ['tx-demo-conflict', { items: 6, span: 6, conflict_every: 2 }],
  ['bank', { threads: 3, accounts: 8, transfers: 40 }],
];

/** The workload's program with its roi_begin()/roi_end() calls made no-ops: a whole-run record. */
function withoutMarkers(name: string, cores: number, params: Record<string, number | boolean>): RunResult {
  const source = readFileSync(join('workloads', `${name}.py`), 'utf8').replace(/\broi_(begin|end)\(\)/g, 'None');
  const r = runGuest(source, 'stm', cores, Object.entries(params).map(([k, v]) => `workload.params.${k}=${String(v)}`));
  expect(r.region.kind).toBe('whole');
  return r;
}

const sumOf = (r: RunResult, f: (c: RunResult['cores'][number]) => number): number => r.cores.reduce((a, c) => a + f(c), 0);

describe.each(POLICY_NAMES)('cycle accounting under %s', (policy) => {
  for (const [name, params] of WORKLOADS) {
    for (const cores of [1, 4]) {
      it(`${name} on ${cores} core(s): the parts sum to the run's cycles on every core`, () => {
        const r = runWorkload(name, policy, cores, params);
        // Racy workloads may lose updates under free threading (their self-check fails); the
        // accounting holds all the same.
        if (policy !== 'nogil') expect(r.status).toBe('ok');
        expect(r.cores).toHaveLength(cores);
        for (const c of r.cores) {
          expect(Object.keys(c.cycles)).toEqual([...CYCLE_CATEGORIES]);
          let sum = 0;
          for (const k of CYCLE_CATEGORIES) {
            expect(c.cycles[k], k).toBeGreaterThanOrEqual(0);
            expect(Number.isInteger(c.cycles[k]), k).toBe(true);
            sum += c.cycles[k];
          }
          expect(sum).toBe(r.simCycles);
          // The gaps are the scheduler's own idle and lock-wait time, split by reason.
          expect(c.cycles.idle + c.cycles.osScheduling).toBe(c.idleCycles);
          expect(c.cycles.waitGil + c.cycles.waitFallbackLock + c.cycles.waitStmConflict + c.cycles.waitInevitable).toBe(c.lockWaitCycles);
        }
        // Core 0 runs the main thread: it always did some useful work.
        expect(r.cores[0]!.cycles.useful).toBeGreaterThan(0);
        const rolled = sumOf(r, (c) => c.cycles.rolledBack);
        const overhead = sumOf(r, (c) => c.cycles.overhead);
        switch (policy) {
          case 'serial':
            expect(rolled + overhead + sumOf(r, (c) => c.cycles.txBeginCommit)).toBe(0);
            expect(sumOf(r, (c) => c.lockWaitCycles)).toBe(0);
            break;
          case 'gil':
            expect(rolled).toBe(0);
            expect(sumOf(r, (c) => c.cycles.waitGil)).toBe(r.gil.waitCycles);
            break;
          case 'htm':
            // Every aborted hardware transaction's cycles, as the machine counted them.
            expect(rolled).toBe(r.htm.wastedCycles);
            break;
          case 'stm': {
            // The ledger charges a transaction's barriers when it ends, the policy's statistics
            // when they happen: a transaction open at a region boundary is counted by each on a
            // different side. These relations hold for a whole run: the same program without markers.
            const w = r.region.kind === 'roi' ? withoutMarkers(name, cores, params) : r;
            const wOverhead = sumOf(w, (c) => c.cycles.overhead);
            // Barriers of committed transactions only: those of aborted ones were rolled back.
            expect(wOverhead).toBeLessThanOrEqual(w.stm.barrierCycles);
            if (w.stm.aborted === 0) expect(wOverhead).toBe(w.stm.barrierCycles);
            expect(sumOf(w, (c) => c.cycles.rolledBack)).toBeLessThanOrEqual(w.stm.wastedCycles);
            expect(sumOf(w, (c) => c.cycles.txBeginCommit))
              .toBe(w.stm.begun * w.config.stm.beginCycles + w.stm.committed * w.config.stm.commitCycles);
            break;
          }
          case 'nogil':
            expect(rolled).toBe(0);
            expect(overhead).toBeGreaterThan(0);
            break;
          default: {
            const _never: never = policy;
            throw new Error(String(_never));
          }
        }
      });
    }
  }
});

describe('what the accounting shows', () => {
  it('serial on 4 cores leaves three cores idle for the whole run', () => {
    const r = runWorkload('independent', 'serial', 4, { threads: 2, iters: 100 });
    for (const c of r.cores.slice(1)) expect(c.cycles.idle).toBe(r.simCycles);
  });

  it("quickstart's tx-demo-conflict conflicts under STM on 4 cores, and the aborted attempt is rolled-back work", () => {
    const r = runWorkload('tx-demo-conflict', 'stm', 4, { items: 12, span: 16, conflict_every: 4 });
    expect(r.stm.abortsByKind.readWrite).toBeGreaterThan(0);
    const rolled = sumOf(r, (c) => c.cycles.rolledBack);
    expect(rolled).toBeGreaterThan(0);
    expect(rolled).toBeLessThanOrEqual(r.stm.wastedCycles);
  });

  it('the timeline draws STM waits as their own kind, as long on each core as the accounting says', () => {
    const config = resolveExecConfig({ policy: 'stm', cores: 4, sets: [], workload: { name: 'shared-counter', params: { threads: 4, iters: 300 } } });
    const r = runPointSync({ ...config, timeline: true });
    expect(r.stm.abortsByKind.writeWrite).toBeGreaterThan(0);
    let waited = 0;
    r.cores.forEach((c, core) => {
      const drawn = r.timeline!.filter((iv) => iv.core === core && iv.kind === 'stm-wait').reduce((a, iv) => a + iv.end - iv.start, 0);
      expect(drawn, `core ${core}`).toBe(c.cycles.waitStmConflict + c.cycles.waitInevitable);
      waited += drawn;
    });
    expect(waited).toBeGreaterThan(0);
    expect(r.timeline!.some((iv) => iv.kind === 'lock-wait')).toBe(false);
  });

  it('the same record and seed give the same breakdown (determinism)', () => {
    const a = runWorkload('shared-counter', 'htm', 4, { threads: 3, iters: 150 });
    const b = runWorkload('shared-counter', 'htm', 4, { threads: 3, iters: 150 });
    expect(a.cores.map((c) => c.cycles)).toEqual(b.cores.map((c) => c.cycles));
  });
});
