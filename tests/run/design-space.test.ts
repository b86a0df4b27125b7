/**
 * The HTM designs end to end (issue 18): guest programs give the same output on the IBM parts'
 * 128- and 256-byte lines as on Haswell's 64, under every policy, and the run record carries the
 * footprint histograms of the hardware transactions.
 */
import { describe, expect, it } from 'vitest';
import { resolveExecConfig } from '../../sim/experiment/resolve.js';
import { runPointSync } from '../../sim/run/run-point.js';
import type { RunResult } from '../../sim/run/result.js';

function run(machine: string, name: string, policy: string, params: Record<string, number>, sets: string[] = []): RunResult {
  return runPointSync(resolveExecConfig({ machine, policy, cores: 4, sets, workload: { name, params } }));
}

describe('line sizes of the IBM parts', () => {
  const cases: [string, Record<string, number>][] = [
    ['tx-demo', { items: 4, span: 10 }],
    ['bank-tx', { tasks: 8, batch: 10, accounts: 16 }],
    ['independent', { threads: 2, iters: 300, table: 16 }],
  ];
  for (const [name, params] of cases) {
    const reference = run('haswell-4c', name, 'serial', params);
    for (const machine of ['power8', 'zec12', 'bgq']) {
      // bank-tx races under nogil on every machine (its self-check fails on Haswell too).
      for (const policy of name === 'bank-tx' ? ['gil', 'htm', 'stm'] : ['gil', 'htm', 'stm', 'nogil']) {
        it(`${name} on ${machine} under ${policy}: the serial Haswell output`, () => {
          const r = run(machine, name, policy, params);
          expect(r.status).toBe('ok');
          expect(r.stdout).toBe(reference.stdout);
          expect(r.config.machine.lineBytes).toBeGreaterThan(64);
        });
      }
    }
  }
});

describe('footprint histograms in the run record', () => {
  it('count every committed transaction, with more lines for longer transactions (quiet interpreter, ideal)', () => {
    const quiet = ['interp.refcount=none', 'interp.allocator=per-thread', 'interp.ticker=per-thread', 'interp.smallIntCache=false'];
    const at = (len: number): RunResult => run('ideal', 'independent', 'htm', { threads: 4, iters: 300, table: 64 }, [...quiet, `htm.txLength=${len}`]);
    const short = at(10);
    const long = at(1000);
    for (const r of [short, long]) {
      const h = r.htmFootprint!;
      expect(h.committedLines.reduce((a, [, c]) => a + c, 0)).toBe(r.htm.committed);
      expect(h.abortedLines.reduce((a, [, c]) => a + c, 0)).toBe(r.htm.aborted);
    }
    const median = (r: RunResult): number => {
      const h = r.htmFootprint!.committedLines;
      let seen = 0;
      for (const [low, c] of h) if ((seen += c) >= r.htm.committed / 2) return low;
      return Number.NaN;
    };
    // A 10-bytecode transaction touches a handful of lines; a 1000-bytecode one fills 4-line table rows.
    expect(median(short)).toBeLessThan(32);
    expect(median(long)).toBeGreaterThan(4 * median(short));
  });
});
