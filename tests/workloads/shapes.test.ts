/**
 * The workload shapes the validation facts rely on (configs/validation-*.yaml), on the simulator:
 * the read-only probe, the growing write set of `independent table=…`, and out-of-range params
 * rejected by name rather than reported as a race.
 */
import { describe, expect, it } from 'vitest';
import { runPoint } from '../../sim/run/run-point.js';
import { resolveExecConfig } from '../../sim/experiment/resolve.js';
import { listWorkloads } from '../../sim/run/workload-catalog.js';

// Refcount none: with counts, the module-level ints every thread reads (independent's MUL, MOD)
// conflict before the table overflows anything; these checks are about the table.
const QUIET = ['interp.refcount=none', 'interp.allocator=per-thread', 'interp.smallIntCache=false', 'interp.ticker=per-thread'];

function run(name: string, policy: string, cores: number, params: Record<string, number | string | boolean>, sets: string[] = []) {
  return runPoint(resolveExecConfig({ policy, cores, sets: ['maxCycles=300000000', ...sets], workload: { name, params } }));
}

describe('capacity-read is a read-only probe', () => {
  const MIB = { kib: 1024, attempts: 1 };
  it('1 MiB commits with nothing written (no refcounts, small-int cache) and the timer off', async () => {
    const r = await run('capacity-read', 'nogil', 1, MIB, ['interp.refcount=none', 'interp.smallIntCache=true', 'machine.htm.timerIntervalCycles=0']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.metrics).toMatchObject({ commits: 1, capacity_aborts: 0 });
  });
  it('with reference counts its early writes are evicted by the stream: a capacity abort', async () => {
    const r = await run('capacity-read', 'nogil', 1, MIB, [...QUIET, 'machine.htm.timerIntervalCycles=0']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.metrics).toMatchObject({ commits: 0, capacity_aborts: 1 });
  });
  it('with the 1 ms timer on, the interpreted loop outlives one tick: not a capacity abort', async () => {
    const r = await run('capacity-read', 'nogil', 1, MIB, ['interp.refcount=none', 'interp.smallIntCache=true']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.metrics).toMatchObject({ commits: 0, capacity_aborts: 0, other_aborts: 1 });
  });
});

describe('independent with a private table', () => {
  const params = { threads: 2, iters: 600, table: 64 };
  it('prints the same as without a table (the table does not change the result)', async () => {
    const plain = await run('independent', 'gil', 2, { threads: 2, iters: 600 });
    const table = await run('independent', 'gil', 2, params);
    expect(table.exitCode, table.stderr).toBe(0);
    expect(table.stdout).toBe(plain.stdout);
  });
  it('its HTM transactions overflow the L1D write set only when long', async () => {
    const short = await run('independent', 'htm', 2, params, [...QUIET, 'htm.txLength=1000']);
    const long = await run('independent', 'htm', 2, params, [...QUIET, 'htm.txLength=10000']);
    expect(short.exitCode, short.stderr).toBe(0);
    expect(long.exitCode, long.stderr).toBe(0);
    expect(short.htm.abortsByCause.capacity).toBe(0);
    expect(long.htm.abortsByCause.capacity).toBeGreaterThan(0);
    expect(long.htm.fallbacks).toBeGreaterThan(short.htm.fallbacks);
  });
});

describe('out-of-range params', () => {
  // One bad value per workload, each outside the range its header declares: htmsim rejects it
  // with one line naming the workload and the param (exit 2) before the guest runs, instead of
  // running and failing its self-check (or reporting a race).
  const BAD: Record<string, Record<string, number>> = {
    'bank': { threads: 0 }, 'bank-tx': { tasks: 0 }, 'btree': { lookups: -1 }, 'capacity-read': { kib: 0 },
    'capacity-write': { attempts: 0 }, 'false-sharing': { iters: 0 }, 'genome': { threads: 0 }, 'gil-latency': { wakeups: 0 },
    'independent': { table: -1 }, 'intruder': { flows: 0 }, 'kmeans': { iterations: 0 }, 'labyrinth': { paths: 0 },
    'mandelbrot': { rows_per_task: 0 }, 'richards': { threads: 0 }, 'same-set': { lines: 0 }, 'shared-counter': { threads: -1 },
    'ssca2': { threads: 0 }, 'tx-demo': { items: 0 }, 'tx-demo-conflict': { span: 0 }, 'vacation': { relations: 0 },
  };
  it('every workload is listed here', () => {
    expect(Object.keys(BAD).sort()).toEqual(listWorkloads().map((w) => w.name).sort());
  });
  for (const [name, bad] of Object.entries(BAD)) {
    it(`${name} ${JSON.stringify(bad)}`, async () => {
      const w = listWorkloads().find((x) => x.name === name)!;
      const [param] = Object.keys(bad) as [string];
      expect(() => run(name, 'serial', 1, { ...w.small, ...bad }))
        .toThrow(new RegExp(`workload ${name} param '${param}' must be an integer >= \\d+, got -?\\d+$`));
    });
  }
});
