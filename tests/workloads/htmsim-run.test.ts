/**
 * Every workload under every policy on 1, 2 and 4 cores, on the simulator: the self-check passes
 * (racy workloads under nogil may instead report the race, and shared-counter must), metrics are
 * reported, and deterministic workloads print CPython's output (workloads/goldens/*.small.out).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveExecConfig } from '../../sim/experiment/resolve.js';
import type { RunResult } from '../../sim/run/result.js';
import { runPoint } from '../../sim/run/run-point.js';
import { listWorkloads, workloadsDir, type WorkloadInfo } from '../../sim/run/workload-catalog.js';

const POINTS: { policy: string; cores: number }[] = [
  { policy: 'serial', cores: 1 },
  ...['gil', 'stm', 'htm', 'nogil'].flatMap((policy) => [1, 2, 4].map((cores) => ({ policy, cores }))),
];

/**
 * Simulated-cycle cap per run: the small sizes need at most ~4e7 cycles (gil-latency under the GIL,
 * two 5 ms switch intervals); a run that never ends fails here in seconds rather than at the
 * default limit an hour of host time later.
 */
const MAX_CYCLES = 300_000_000;

async function run(w: WorkloadInfo, policy: string, cores: number, params: Record<string, number | string | boolean>): Promise<RunResult> {
  return runPoint(resolveExecConfig({
    policy, cores, sets: [`maxCycles=${MAX_CYCLES}`], workload: { name: w.name, params },
  }));
}

describe('workloads on the simulator', () => {
  for (const w of listWorkloads()) {
    describe(w.name, () => {
      for (const { policy, cores } of POINTS) {
        it(`${policy} on ${cores} core(s), small size`, async () => {
          const r = await run(w, policy, cores, w.small);
          if (w.racy && policy === 'nogil' && r.exitCode !== 0) {
            // The race is allowed here, but it must be the self-check reporting it, not a crash.
            expect(r.exitCode).toBe(1);
            expect(r.stderr).toContain('self-check failed: race');
            return;
          }
          expect(r.error ?? '', r.stderr).toBe('');
          expect(r.exitCode, r.stderr).toBe(0);
          expect(r.status).toBe('ok');
          expect(r.stdout).toMatch(new RegExp(`^ok ${w.name} `));
          if (w.deterministic) {
            expect(r.stdout).toBe(readFileSync(join(workloadsDir(), 'goldens', `${w.name}.small.out`), 'utf8'));
          }
          const src = readFileSync(w.file, 'utf8');
          for (const m of src.matchAll(/metric\("([a-z0-9_]+)"/g)) {
            expect(r.metrics, `metric ${m[1]}`).toHaveProperty(m[1]!);
          }
        });
      }
    });
  }

  it('shared-counter loses updates under nogil on 4 cores and none under gil, stm and htm', async () => {
    const w = listWorkloads().find((x) => x.name === 'shared-counter')!;
    const racy = await run(w, 'nogil', 4, {});
    expect(racy.exitCode).toBe(1);
    expect(racy.stderr).toMatch(/self-check failed: race: counter=\d+, expected 20000/);
    for (const policy of ['gil', 'stm', 'htm']) {
      const r = await run(w, policy, 4, {});
      expect(r.stdout, `${policy}: ${r.stderr}`).toBe(readFileSync(join(workloadsDir(), 'goldens', 'shared-counter.out'), 'utf8'));
    }
  });

  it('gil-latency: under the GIL a sleeper waits about one switch interval when a CPU-bound thread runs', async () => {
    const w = listWorkloads().find((x) => x.name === 'gil-latency')!;
    const busy = await run(w, 'gil', 2, { ...w.small, busy: true });
    const alone = await run(w, 'gil', 2, { ...w.small, busy: false });
    expect(busy.exitCode, busy.stderr).toBe(0);
    expect(alone.exitCode, alone.stderr).toBe(0);
    const interval = busy.config.gil.switchIntervalUs;
    const waited = busy.metrics.response_mean_us!;
    expect(waited).toBeGreaterThan(0.5 * interval);
    expect(waited).toBeLessThan(2.5 * interval);
    expect(alone.metrics.response_mean_us!).toBeLessThan(0.1 * waited);
  });

  it('same-set: 8 written lines in one set of the 8-way L1D commit, 9 never do (Haswell preset)', async () => {
    const w = listWorkloads().find((x) => x.name === 'same-set')!;
    const eight = await run(w, 'nogil', 1, { lines: 8, attempts: 3 });
    const nine = await run(w, 'nogil', 1, { lines: 9, attempts: 3 });
    expect(eight.config.machine.l1d.ways).toBe(8);
    expect(eight.metrics).toMatchObject({ commits: 3, capacity_aborts: 0 });
    expect(nine.metrics).toMatchObject({ commits: 0, capacity_aborts: 3 });
  });

  it('capacity-write: the write-set knee lies between 16 and 32 KiB (Haswell preset)', async () => {
    const w = listWorkloads().find((x) => x.name === 'capacity-write')!;
    const small = await run(w, 'nogil', 1, { kib: 16, attempts: 2 });
    const large = await run(w, 'nogil', 1, { kib: 32, attempts: 2 });
    expect(small.metrics).toMatchObject({ commits: 2, capacity_aborts: 0 });
    expect(large.metrics).toMatchObject({ commits: 0, capacity_aborts: 2 });
  });

  it('capacity probes account for every attempt in their metrics under nogil', async () => {
    for (const name of ['capacity-write', 'capacity-read', 'same-set']) {
      const w = listWorkloads().find((x) => x.name === name)!;
      const r = await run(w, 'nogil', 1, w.small);
      expect(r.exitCode, r.stderr).toBe(0);
      const m = r.metrics;
      const attempts = Number(w.small.attempts ?? w.params.find((p) => p.name === 'attempts')!.default);
      const aborts = (m.capacity_aborts ?? 0) + (m.conflict_aborts ?? 0) + (m.other_aborts ?? 0);
      expect(m.commits! + aborts, name).toBe(attempts);
      expect(m.commit_ratio).toBeCloseTo(m.commits! / attempts, 12);
    }
  });
});
