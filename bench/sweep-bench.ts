/**
 * Parallel efficiency of the sweep runner: 20 equal points (repetitions of one CPU-bound serial
 * run) with --jobs 1 and with --jobs 2, wall-clock time of each, and the speed-up.
 * Run: npm run build && node dist/bench/sweep-bench.js [iters]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runExperiment } from '../sim/experiment/run-experiment.js';

export interface SweepBenchResult {
  points: number;
  iters: number;
  seconds: { jobs1: number; jobs2: number };
  /** Host CPU seconds of this process (all threads) during each sweep: cpu / wall shows how many
   *  cores the host actually gave it (on a busy host, --jobs 2 cannot beat the cores it gets). */
  cpuSeconds: { jobs1: number; jobs2: number };
  speedup: number;
}

const quiet = { write: () => true, isTTY: false };

// Points must be long enough that the pool's start-up does not dominate: at 3,000 iterations a
// point takes ~85 ms and two workers were slower than one; at 40,000 (~0.3 s) --jobs 2 measured
// 1.78x on this 2-core machine.
export async function runSweepBench(iters = 40000, points = 20): Promise<SweepBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'htmsim-sweep-bench-'));
  try {
    const config = join(dir, 'bench.yaml');
    writeFileSync(config, [
      'name: sweep-bench',
      'machine: haswell',
      'workloads:',
      `  - { name: independent, params: { threads: 1, iters: ${iters} } }`,
      'policies: [serial]',
      `repetitions: ${points}`,
      '',
    ].join('\n'));
    const time = async (jobs: number): Promise<[number, number]> => {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const code = await runExperiment({ config, out: join(dir, `jobs-${jobs}`), jobs, fresh: true, report: false, stderr: quiet, stdout: quiet });
      if (code !== 0) throw new Error(`sweep with --jobs ${jobs} failed (exit ${code})`);
      const c = process.cpuUsage(c0);
      return [(performance.now() - t0) / 1000, (c.user + c.system) / 1e6];
    };
    const [jobs1, cpu1] = await time(1);
    const [jobs2, cpu2] = await time(2);
    return { points, iters, seconds: { jobs1, jobs2 }, cpuSeconds: { jobs1: cpu1, jobs2: cpu2 }, speedup: jobs1 / jobs2 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const iters = process.argv[2] ? Number(process.argv[2]) : undefined;
  const r = await runSweepBench(iters);
  process.stdout.write(`sweep-bench: ${r.points} equal points (independent, iters=${r.iters}, serial): ` +
    `--jobs 1 ${r.seconds.jobs1.toFixed(2)} s, --jobs 2 ${r.seconds.jobs2.toFixed(2)} s, speed-up ${r.speedup.toFixed(2)}x ` +
    `(CPU used / wall: ${(r.cpuSeconds.jobs1 / r.seconds.jobs1).toFixed(2)} and ${(r.cpuSeconds.jobs2 / r.seconds.jobs2).toFixed(2)} cores)\n`);
}
