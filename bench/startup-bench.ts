/**
 * Start-up, the part of a short run that is not simulation (issue 21):
 *   - `htmsim exec` of an empty program (bin/htmsim, which starts it from the V8 start-up
 *     snapshot, and `node dist/sim/cli.js exec`, which loads every module), side by side with
 *     `python3 -c pass` (and `node -e 0`, the floor no Node program goes under): median wall
 *     seconds of `reps` starts, and the median
 *     CPU seconds of the child (user + system, from /proc/self/stat on Linux; null elsewhere),
 *     which a loaded host disturbs less than wall time;
 *   - a sweep of 100 short points (--jobs 1): its wall time, the time its points spent in
 *     runPoint (their host.seconds), and the share of the sweep spent outside it (process starts,
 *     module loading, config checks, point ids, JSON writes, the worker's messages).
 * Run: npm run build && node dist/bench/startup-bench.js [reps]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runExperiment } from '../sim/experiment/run-experiment.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = existsSync(join(here, '..', 'package.json')) ? resolve(here, '..') : resolve(here, '..', '..');
const cli = join(root, 'dist', 'sim', 'cli.js');
const bin = join(root, 'bin', 'htmsim');

export interface StartupFigure { wallSeconds: number; cpuSeconds: number | null }
export interface StartupBenchResult {
  reps: number;
  execEmpty: StartupFigure;
  execEmptyNoSnapshot: StartupFigure;
  python3: StartupFigure | null;
  node: StartupFigure;
  sweep: { points: number; wallSeconds: number; runPointSeconds: number; outsideShare: number; medianPointSeconds: number };
}

/** Children's CPU seconds so far (user + system of waited-for children), Linux only. */
function childCpu(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the command name: state is field 3, so cutime (16) and cstime (17) are at 13 and 14.
    return (Number(f[13]) + Number(f[14])) / 100;
  } catch {
    return null;
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Median wall and CPU seconds of `reps` runs of the command (after one unmeasured warm-up). */
function timeStarts(cmd: string, args: string[], reps: number): StartupFigure | null {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i <= reps; i++) {
    const c0 = childCpu();
    const t0 = performance.now();
    const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    const wall = (performance.now() - t0) / 1000;
    const c1 = childCpu();
    if (r.error !== undefined) return null;
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr.toString().split('\n')[0]}`);
    if (i === 0) continue;
    walls.push(wall);
    if (c0 !== null && c1 !== null) cpus.push(c1 - c0);
  }
  return { wallSeconds: median(walls), cpuSeconds: cpus.length > 0 ? median(cpus) : null };
}

const quiet = { write: () => true, isTTY: false };

async function sweep(points: number): Promise<StartupBenchResult['sweep']> {
  const dir = mkdtempSync(join(tmpdir(), 'htmsim-startup-bench-'));
  try {
    const config = join(dir, 'sweep.yaml');
    // 200 iterations of `independent`: ≈ 10 k bytecodes, about a millisecond of simulation.
    writeFileSync(config, [
      'name: startup-bench',
      'machine: haswell',
      'workloads:',
      '  - { name: independent, params: { threads: 1, iters: 200 } }',
      'policies: [serial]',
      `repetitions: ${points}`,
      '',
    ].join('\n'));
    const out = join(dir, 'out');
    const t0 = performance.now();
    const code = await runExperiment({ config, out, jobs: 1, fresh: true, report: false, stderr: quiet, stdout: quiet });
    const wallSeconds = (performance.now() - t0) / 1000;
    if (code !== 0) throw new Error(`the start-up sweep failed (exit ${code})`);
    const secs = readFileSync(join(out, 'results.jsonl'), 'utf8').trim().split('\n')
      .map((l) => (JSON.parse(l) as { result: { host: { seconds: number } } }).result.host.seconds);
    const runPointSeconds = secs.reduce((a, b) => a + b, 0);
    return { points, wallSeconds, runPointSeconds, outsideShare: 1 - runPointSeconds / wallSeconds, medianPointSeconds: median(secs) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runStartupBench(reps = 20, points = 100): Promise<StartupBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'htmsim-startup-'));
  try {
    const empty = join(dir, 'empty.py');
    writeFileSync(empty, '');
    return {
      reps,
      execEmpty: timeStarts(bin, ['exec', empty], reps)!,
      execEmptyNoSnapshot: timeStarts(process.execPath, [cli, 'exec', empty], reps)!,
      python3: timeStarts('python3', ['-c', 'pass'], reps),
      node: timeStarts(process.execPath, ['-e', '0'], reps)!,
      sweep: await sweep(points),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatStartup(r: StartupBenchResult): string {
  const f = (x: StartupFigure | null): string => x === null ? 'not found'
    : `${(x.wallSeconds * 1000).toFixed(0)} ms wall, ${x.cpuSeconds === null ? '?' : (x.cpuSeconds * 1000).toFixed(0)} ms CPU`;
  return `htmsim exec (empty program): ${f(r.execEmpty)} (without the snapshot: ${f(r.execEmptyNoSnapshot)})  |  python3 -c pass: ${f(r.python3)}  |  node -e 0: ${f(r.node)}  (medians of ${r.reps})\n` +
    `sweep of ${r.sweep.points} short points (--jobs 1): ${r.sweep.wallSeconds.toFixed(2)} s wall, ${r.sweep.runPointSeconds.toFixed(2)} s in runPoint ` +
    `(median point ${(r.sweep.medianPointSeconds * 1000).toFixed(1)} ms), ${(r.sweep.outsideShare * 100).toFixed(0)}% outside it\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(formatStartup(await runStartupBench(process.argv[2] ? Number(process.argv[2]) : undefined)));
}
