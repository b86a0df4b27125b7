/**
 * The worker pool that runs sweep points in parallel: a piscina thread pool (one thread per job)
 * whose threads run point-worker.js, which imports the point runner (sim/run/run-point.js by
 * default, or a module given for tests and plug-ins). A point whose runner throws, or whose worker
 * dies (exit, out of memory, uncaught async error), comes back as a failed RunResult; the sweep
 * goes on. piscina replaces a dead worker and rejects only the task it was running.
 */
import { setMaxListeners } from 'node:events';
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { ABORT_CAUSES, type AbortCause } from '../machine/port.js';
import { UserError } from '../common/errors.js';
import { HTMSIM_VERSION } from '../common/version.js';
import type { PointConfig } from '../run/point-config.js';
import type { RunResult } from '../run/result.js';

/** One task of the pool, and what the worker makes of it (point-worker.ts). */
export type PointTask = { runnerModule: string; config: PointConfig };
export type PointOutcome =
  | { kind: 'done'; result: RunResult }
  | { kind: 'failed'; message: string; seconds: number }
  | { kind: 'init-error'; message: string };

/** The default point runner module, beside this file in sim/ or dist/sim/. */
export const DEFAULT_RUNNER = new URL('../run/run-point.js', import.meta.url).href;

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** The record of a run that produced no result of its own (runner threw, worker died). */
export function failedResult(config: PointConfig, error: string, seconds: number): RunResult {
  const zeroCache = { hits: 0, misses: 0, evictions: 0, writebacks: 0, invalidations: 0 };
  return {
    config,
    status: 'failed',
    error,
    exitCode: 1,
    stdout: '',
    stderr: '',
    simCycles: 0,
    simSeconds: 0,
    bytecodes: 0,
    memoryAccesses: 0,
    footprint: { lines: 0, linesRead: 0, linesWritten: 0 },
    cores: [],
    caches: { l1d: { ...zeroCache }, l2: { ...zeroCache }, l3: { ...zeroCache } },
    coherence: { messages: 0, invalidations: 0, cacheToCache: 0 },
    htm: {
      begun: 0, committed: 0, aborted: 0, fallbacks: 0, wastedCycles: 0,
      abortsByCause: Object.fromEntries(ABORT_CAUSES.map((c) => [c, 0])) as Record<AbortCause, number>,
    },
    stm: {
      begun: 0, committed: 0, aborted: 0, wastedCycles: 0, inevitable: 0, barrierCycles: 0, inevitableWaitCycles: 0,
      abortsByKind: { writeWrite: 0, readWrite: 0, inevitable: 0 },
    },
    gil: { acquisitions: 0, switches: 0, waitCycles: 0 },
    metrics: {},
    host: {
      seconds, bytecodesPerSecond: 0, memoryAccessesPerSecond: 0,
      peakRssMiB: Math.round(process.memoryUsage().rss / 1048576), htmsimVersion: HTMSIM_VERSION, nodeVersion: process.version,
    },
  };
}

export interface PoolOptions {
  jobs: number;
  /** Module URL or path exporting `runPoint(config)`. */
  runnerModule: string;
  /** Called in completion order. */
  onResult: (task: number, result: RunResult) => void;
  /** Aborting stops the sweep: queued points are dropped, points in flight are cancelled (their
   *  workers terminated) and not reported; finished points have been reported already. */
  signal?: AbortSignal;
}

/** piscina's message for a worker that exited mid-task is "worker exited with code: N". */
function crashMessage(err: unknown): string {
  const msg = (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
  const exit = /^worker exited with code: (-?\d+)$/.exec(msg);
  return exit ? `exit code ${exit[1]}` : msg;
}

/**
 * Runs every config; resolves when all are done or the signal stopped the sweep. Rejects (UserError)
 * only if the runner cannot be loaded.
 */
export async function runPool(configs: readonly PointConfig[], opts: PoolOptions): Promise<void> {
  if (configs.length === 0 || opts.signal?.aborted) return;
  const threads = Math.max(1, Math.min(opts.jobs, configs.length));
  const pool = new Piscina<PointTask, PointOutcome>({
    filename: new URL('./point-worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    concurrentTasksPerWorker: 1,
    idleTimeout: Number.POSITIVE_INFINITY,
    recordTiming: false,
  });
  // Errors piscina cannot pin on a task (a worker dying while idle, a late reply to a cancelled
  // task) come as pool events; a point's own failure always comes back through its run() promise.
  pool.on('error', () => {});
  // One signal for the whole sweep: the caller's, or a failed runner load.
  const stop = new AbortController();
  setMaxListeners(0, stop.signal); // piscina listens once per queued task
  const onAbort = (): void => stop.abort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  let initError: string | undefined;
  try {
    await Promise.all(configs.map(async (config, task) => {
      let out: PointOutcome;
      try {
        out = await pool.run({ runnerModule: opts.runnerModule, config }, { signal: stop.signal });
      } catch (err) {
        if (stop.signal.aborted) return; // cancelled: not a result
        out = { kind: 'failed', message: `worker died: ${crashMessage(err)}`, seconds: 0 };
      }
      switch (out.kind) {
        case 'done':
          opts.onResult(task, out.result);
          break;
        case 'failed':
          opts.onResult(task, failedResult(config, out.message, out.seconds));
          break;
        case 'init-error':
          initError ??= out.message;
          stop.abort();
          break;
        default: {
          const _never: never = out;
          return _never;
        }
      }
    }));
  } finally {
    // Also when onResult threw (a disk error): the points still in flight are then not results.
    stop.abort();
    opts.signal?.removeEventListener('abort', onAbort);
    await pool.destroy();
  }
  if (initError !== undefined) throw new UserError(`cannot load the point runner ${opts.runnerModule}: ${initError}`);
}
