/**
 * The worker pool that runs sweep points in parallel: one worker thread per job, each importing
 * the point runner (sim/run/run-point.js by default, or a module given for tests and plug-ins),
 * fed one point at a time. A point whose runner throws, or whose worker dies, comes back as a
 * failed RunResult; the sweep goes on.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ABORT_CAUSES, type AbortCause } from '../machine/port.js';
import { HTMSIM_VERSION } from '../common/version.js';
import type { PointConfig } from '../run/point-config.js';
import type { RunResult } from '../run/result.js';

export type ToWorker = { task: number; config: PointConfig };
export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'init-error'; message: string }
  | { kind: 'done'; task: number; result: RunResult }
  | { kind: 'failed'; task: number; message: string; seconds: number };

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
}

/** Runs every config; resolves when all are done. Rejects only if the runner cannot be loaded. */
export function runPool(configs: readonly PointConfig[], opts: PoolOptions): Promise<void> {
  const workerFile = new URL('./point-worker.js', import.meta.url);
  let next = 0;
  let finished = 0;
  const workers = new Set<Worker>();
  return new Promise<void>((resolve, reject) => {
    if (configs.length === 0) {
      resolve();
      return;
    }
    let stopped = false;
    const stop = (err?: Error): void => {
      if (stopped) return;
      stopped = true;
      for (const w of workers) void w.terminate();
      if (err) reject(err);
      else resolve();
    };
    const complete = (task: number, result: RunResult): void => {
      opts.onResult(task, result);
      finished++;
      if (finished === configs.length) stop();
    };
    const spawn = (): void => {
      if (next >= configs.length || stopped) return;
      const w = new Worker(workerFile, { workerData: { runnerModule: opts.runnerModule } });
      workers.add(w);
      let current: { task: number; started: number } | undefined;
      const feed = (): void => {
        if (next >= configs.length || stopped) {
          current = undefined;
          workers.delete(w);
          void w.terminate();
          return;
        }
        current = { task: next, started: performance.now() };
        next++;
        w.postMessage({ task: current.task, config: configs[current.task]! } satisfies ToWorker);
      };
      w.on('message', (msg: FromWorker) => {
        switch (msg.kind) {
          case 'ready':
            feed();
            break;
          case 'init-error':
            stop(new Error(`cannot load the point runner: ${msg.message}`));
            break;
          case 'done':
            current = undefined;
            complete(msg.task, msg.result);
            feed();
            break;
          case 'failed':
            current = undefined;
            complete(msg.task, failedResult(configs[msg.task]!, msg.message, msg.seconds));
            feed();
            break;
          default: {
            const _never: never = msg;
            return _never;
          }
        }
      });
      const died = (why: string): void => {
        workers.delete(w);
        if (stopped || !current) return;
        const c = current;
        current = undefined;
        complete(c.task, failedResult(configs[c.task]!, `worker died: ${why}`, (performance.now() - c.started) / 1000));
        spawn();
      };
      w.on('error', (err) => died(err.message.split('\n')[0]!));
      w.on('exit', (code) => died(`exit code ${code}`));
    };
    const n = Math.max(1, Math.min(opts.jobs, configs.length));
    for (let i = 0; i < n; i++) spawn();
  });
}
