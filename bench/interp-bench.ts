/**
 * Eval-loop speed: a CPU-bound guest program run single-threaded (serial policy hooks, one core of
 * haswell-4c) directly on the Interpreter, reported as simulated bytecodes per host second, and
 * the slowdown against python3 running the same program natively, measured side by side.
 * Run: `npx tsc -p tsconfig.build.json && node dist/bench/interp-bench.js`.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createMachine } from '../sim/machine/machine.js';
import { loadMachinePreset } from '../sim/machine/preset-loader.js';
import { DefaultHooks } from '../sim/interp/hooks.js';
import { Interpreter } from '../sim/interp/interpreter.js';

/** Integer arithmetic, calls, a list and a dict: the mix of a typical CPU-bound loop. */
export const INTERP_BENCH_PROGRAM = `
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, (a + b) % 1000003
    return a

def work(n):
    total = 0
    xs = []
    d = {}
    for i in range(n):
        total += fib(20) + i * 3
        if i % 7 == 0:
            xs.append(i)
        d[i % 64] = total & 0xffff
    return total + len(xs) + len(d)

print(work(N))
`;

export interface InterpBenchResult {
  program: string;
  n: number;
  bytecodes: number;
  hostSeconds: number;
  bytecodesPerSecond: number;
  /** Per second of this process's CPU time (less sensitive to other load on the host). */
  bytecodesPerCpuSecond: number;
  simCycles: number;
  python3Seconds: number | null;
  /** htmsim host time / python3 time for the same program (null when python3 is unavailable). */
  slowdownVsPython3: number | null;
  outputMatches: boolean | null;
}

export function runInterpBench(opts: { n?: number; print?: boolean } = {}): InterpBenchResult {
  const n = opts.n ?? 4000;
  const src = INTERP_BENCH_PROGRAM.replace(/\bN\b/, String(n));
  const cfg = loadMachinePreset('haswell-4c');
  const machine = createMachine({ ...cfg, cores: 1 });
  let out = '';
  const interp = new Interpreter({
    port: machine,
    config: { refcount: 'cpython', allocator: 'global', smallIntCache: true, ticker: 'shared', tickerEvery: 100, dispatchCycles: 4, recursionLimit: 1000, maxObjectBytes: 268435456, maxHeapBytes: 536870912 },
    hooks: new DefaultHooks(),
    seed: 0,
    stdout: (s) => (out += s),
    stderr: (s) => (out += s),
  });
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const t = interp.startMain(src, 'interp-bench.py');
  while (t.state !== 'done') interp.step(t, 1 << 20);
  const hostSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;

  let python3Seconds: number | null = null;
  let outputMatches: boolean | null = null;
  const py = spawnSync('python3', ['-c', `import time,sys\nt=time.perf_counter()\nexec(compile(sys.stdin.read(),'b','exec'))\nsys.stderr.write(repr(time.perf_counter()-t))`], { input: src, encoding: 'utf8' });
  if (py.status === 0) {
    python3Seconds = parseFloat(py.stderr.trim());
    outputMatches = py.stdout === out;
  }
  const res: InterpBenchResult = {
    program: 'fib+list+dict loop',
    n,
    bytecodes: t.bytecodes,
    hostSeconds,
    bytecodesPerSecond: t.bytecodes / hostSeconds,
    bytecodesPerCpuSecond: t.bytecodes / cpuSeconds,
    simCycles: machine.now(t.core) as number,
    python3Seconds,
    slowdownVsPython3: python3Seconds !== null && python3Seconds > 0 ? hostSeconds / python3Seconds : null,
    outputMatches,
  };
  if (opts.print) {
    const f = (x: number | null, d = 2): string => (x === null ? 'n/a' : x.toFixed(d));
    process.stdout.write(
      `interp: ${res.bytecodes} bytecodes in ${f(res.hostSeconds, 3)} s = ${(res.bytecodesPerSecond / 1e6).toFixed(2)} M bytecodes/s (${(res.bytecodesPerCpuSecond / 1e6).toFixed(2)} M per CPU second); ` +
      `python3 ${f(res.python3Seconds, 3)} s; slowdown ${f(res.slowdownVsPython3, 1)}x; output ${res.outputMatches === null ? 'n/a' : res.outputMatches ? 'matches' : 'DIFFERS'}\n`,
    );
  }
  return res;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) runInterpBench({ print: true });
