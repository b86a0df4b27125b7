/**
 * `npm run bench`: every benchmark of the project in one run, written as JSON to
 * results/bench/bench.json (for tracking over time) with a short table on stdout.
 *   - guest programs under serial/gil/stm/htm on 1 and 4 cores vs python3 (guest-bench.ts)
 *   - the machine alone: simulated accesses per second, private vs shared data (machine-bench.ts)
 *   - a 20-point sweep with --jobs 1 vs --jobs 2 (sweep-bench.ts)
 *   - the report of a 30-point sweep (report-bench.ts)
 *   - start-up: `htmsim exec` of an empty program beside `python3 -c pass`, and the share of a
 *     100-short-point sweep spent outside the simulation (startup-bench.ts)
 * `npm run bench -- guest` (or machine, sweep, report, startup) runs one part; `scale=N` sets the guest
 * programs' SCALE (default 10: python3 ~0.3–0.5 s each), `programs=cpu,alloc`, `policies=serial,htm` and
 * `cores=1,4` pick some of them, `reps=N` (default 2) runs each point N times and keeps the best.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { arch, cpus, platform } from 'node:os';
import { runGuestBench } from './guest-bench.js';
import { runMachineBench } from './machine-bench.js';
import { runReportBench } from './report-bench.js';
import { runSweepBench } from './sweep-bench.js';
import { formatStartup, runStartupBench } from './startup-bench.js';

const args = process.argv.slice(2);
const option = (k: string): string | undefined => args.find((a) => a.startsWith(`${k}=`))?.slice(k.length + 1);
const parts = args.filter((a) => !a.includes('='));
const want = (p: string): boolean => parts.length === 0 || parts.includes(p);
const out: Record<string, unknown> = {
  date: new Date().toISOString(),
  host: { node: process.version, platform: platform(), arch: arch(), cpus: cpus().length, model: cpus()[0]?.model ?? '' },
};

if (want('guest')) {
  process.stdout.write('== guest programs (simulated bytecodes and accesses per host second; slowdown vs python3)\n');
  const scale = option('scale');
  const reps = option('reps');
  out.guest = runGuestBench({
    print: true,
    scale: scale === undefined ? undefined : Number(scale),
    reps: reps === undefined ? undefined : Number(reps),
    programs: option('programs')?.split(','),
    policies: option('policies')?.split(','),
    cores: option('cores')?.split(',').map(Number),
  });
}
if (want('machine')) {
  process.stdout.write('== machine alone\n');
  out.machine = await runMachineBench({ print: true });
}
if (want('sweep')) {
  process.stdout.write('== sweep: 20 equal points, --jobs 1 vs --jobs 2\n');
  const s = await runSweepBench();
  process.stdout.write(`${JSON.stringify(s)}\n`);
  out.sweep = s;
}
if (want('report')) {
  process.stdout.write('== report of a 30-point sweep\n');
  const r = await runReportBench();
  process.stdout.write(`${JSON.stringify(r)}\n`);
  out.report = r;
}
if (want('startup')) {
  process.stdout.write('== start-up: exec of an empty program vs python3, a sweep of 100 short points\n');
  const s = await runStartupBench();
  process.stdout.write(formatStartup(s));
  out.startup = s;
}
mkdirSync('results/bench', { recursive: true });
writeFileSync('results/bench/bench.json', JSON.stringify(out, null, 2) + '\n');
process.stdout.write('written: results/bench/bench.json\n');
