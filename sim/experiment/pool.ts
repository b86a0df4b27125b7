/**
 * The worker pool that runs sweep points in parallel: one child process per job, each running
 * point-worker.js, which imports the point runner (sim/run/run-point.js by default, or a module
 * given for tests and plug-ins) and runs one point at a time. Processes, not threads: a V8 fatal
 * error (a guest size V8 cannot allocate), running out of heap, process.exit or a native crash
 * end the whole process that hit it, and with threads that process was the sweep. Here it is one
 * worker: its point is recorded as failed with the process's last words (the fatal line on its
 * stderr), a fresh worker takes the next point, and the sweep goes on. A point whose runner throws
 * comes back as a failed RunResult too. The price is one Node start per job, not per point.
 *
 * A worker still on one point after `pointTimeoutMs` of wall-clock time (a host-side hang or spin
 * no guest limit catches) is killed the same way; its point is recorded as failed with a
 * TIMEOUT_ERROR line, which a resume does not count as done (isTimedOut), and the sweep goes on.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { currentBlob } from '../common/snapshot.js';
import { ABORT_CAUSES, type AbortCause } from '../machine/port.js';
import { UserError } from '../common/errors.js';
import { HTMSIM_VERSION } from '../common/version.js';
import type { PointConfig } from '../run/point-config.js';
import type { RunResult } from '../run/result.js';
import { wholeRun } from '../run/region.js';
import type { WorkerReply } from './point-worker.js';

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
    region: wholeRun(0),
    host: {
      seconds, bytecodesPerSecond: 0, memoryAccessesPerSecond: 0,
      peakRssMiB: Math.round(process.memoryUsage().rss / 1048576), htmsimVersion: HTMSIM_VERSION, nodeVersion: process.version,
    },
  };
}

/** Default wall-clock limit of one point in a worker (--point-timeout), in seconds. */
export const DEFAULT_POINT_TIMEOUT_S = 600;

/** How a point killed by the point timeout is recorded (the start of its `error`). */
export const TIMEOUT_ERROR = 'timed out';

/** A stored failure that a resume runs again: the point timed out (the host, not the point, may be at fault). */
export function isTimedOut(result: RunResult): boolean {
  return result.status === 'failed' && result.error?.startsWith(`${TIMEOUT_ERROR}:`) === true;
}

export interface PoolOptions {
  jobs: number;
  /** Wall-clock limit of one point, in ms (default DEFAULT_POINT_TIMEOUT_S); its worker is killed past it. */
  pointTimeoutMs?: number;
  /** Module URL or path exporting `runPoint(config)`. */
  runnerModule: string;
  /** Called in completion order. */
  onResult: (task: number, result: RunResult) => void;
  /** Called as a point is handed to a worker (before it can crash anything). */
  onStart?: (task: number) => void;
  /** Aborting stops the sweep: queued points are dropped, points in flight are cancelled (their
   *  workers terminated) and not reported; finished points have been reported already. */
  signal?: AbortSignal;
}

/** How much of a worker's stderr is kept to explain its death. */
const STDERR_TAIL = 16384;

/**
 * The line of a dead worker's stderr that says why it died: V8's fatal line ("Fatal JavaScript
 * invalid size error 1000000000", "FATAL ERROR: Reached heap limit … JavaScript heap out of
 * memory") or the first line of an uncaught error, not the native stack that follows.
 */
export function deathLine(stderr: string): string | undefined {
  const lines = stderr.split('\n').map((l) => l.replace(/^#\s*/, '').trim()).filter((l) => l !== '');
  const fatal = lines.find((l) => /^Fatal JavaScript|^FATAL ERROR|out of memory/i.test(l));
  if (fatal) return fatal;
  const error = lines.find((l) => /^[A-Za-z]*Error\b|^Error:|Segmentation fault|Aborted/.test(l));
  if (error) return error;
  const last = lines.filter((l) => !/^at |^\d+: |^-----|^Fatal error in|^FailureMessage/.test(l)).at(-1);
  return last === undefined ? undefined : last.slice(0, 300);
}

function exitText(code: number | null, signal: NodeJS.Signals | null): string {
  return code !== null ? `exit code ${code}` : `signal ${signal ?? 'unknown'}`;
}

interface Worker {
  child: ChildProcess;
  /** The task it is running, with the time it was sent. */
  task?: { index: number; sentAt: number };
  stderr: string;
  /** The point timeout's timer while a task runs; `timedOut` once it fired. */
  timer?: NodeJS.Timeout;
  timedOut?: boolean;
}

/**
 * Runs every config; resolves when all are done or the signal stopped the sweep. Rejects (UserError)
 * if the runner cannot be loaded, or with what onResult threw (a disk error), after every worker
 * has ended.
 */
export async function runPool(configs: readonly PointConfig[], opts: PoolOptions): Promise<void> {
  if (configs.length === 0 || opts.signal?.aborted) return;
  const jobs = Math.max(1, Math.min(opts.jobs, configs.length));
  const timeoutMs = opts.pointTimeoutMs ?? DEFAULT_POINT_TIMEOUT_S * 1000;
  const workerFile = fileURLToPath(new URL('./point-worker.js', import.meta.url));
  // Workers of the default runner start from the start-up snapshot when the build made one and
  // node runs with the options it was built with (V8 refuses a snapshot under other flags, e.g. a
  // NODE_OPTIONS heap limit: the worker would die at once with exit code 14).
  const plainNode = process.execArgv.length === 0 && (process.env.NODE_OPTIONS ?? '').trim() === '';
  const blob = opts.runnerModule === DEFAULT_RUNNER && plainNode
    ? currentBlob(join(workerFile, '..', '..', '..', 'htmsim-worker.blob'), workerFile) : undefined;
  const execArgv = blob === undefined ? process.execArgv : ['--snapshot-blob', blob];
  const live = new Set<Worker>();
  let next = 0;
  let stopped = false;
  let initError: string | undefined;
  let thrown: { err: unknown } | undefined;
  let done!: () => void;
  const finished = new Promise<void>((r) => { done = r; });

  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    for (const w of live) {
      // A point in flight is cancelled, not a result; an idle worker just goes.
      if (w.task) w.child.kill('SIGKILL');
      else w.child.disconnect();
    }
  };
  const report = (index: number, result: RunResult): void => {
    if (stopped) return;
    try {
      opts.onResult(index, result);
    } catch (err) {
      thrown ??= { err };
      stop();
    }
  };
  // Armed as the point is sent (a worker that never starts it is caught too), armed again as the
  // worker starts the point itself, so a fresh worker's start-up is not charged to its point.
  const armTimeout = (w: Worker): void => {
    clearTimeout(w.timer);
    w.timer = setTimeout(() => {
      w.timedOut = true;
      w.child.kill('SIGKILL');
    }, timeoutMs);
  };
  const dispatch = (w: Worker): void => {
    if (stopped || next >= configs.length) {
      if (w.child.connected) w.child.disconnect();
      return;
    }
    const index = next++;
    try {
      opts.onStart?.(index);
    } catch (err) {
      thrown ??= { err };
      stop();
      if (w.child.connected) w.child.disconnect();
      return;
    }
    w.task = { index, sentAt: performance.now() };
    armTimeout(w);
    w.child.send({ task: index, runnerModule: opts.runnerModule, config: configs[index]! });
  };
  const spawnWorker = (): void => {
    const child = fork(workerFile, [], { execArgv, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced' });
    const w: Worker = { child, stderr: '' };
    live.add(w);
    child.stderr!.setEncoding('utf8').on('data', (d: string) => {
      w.stderr = (w.stderr + d).slice(-STDERR_TAIL);
    });
    child.on('message', (m: WorkerReply) => {
      const t = w.task;
      if (!t || m.task !== t.index || w.timedOut) return;
      if (!('outcome' in m)) {
        armTimeout(w);
        return;
      }
      w.task = undefined;
      clearTimeout(w.timer);
      const out = m.outcome;
      switch (out.kind) {
        case 'done':
          report(t.index, out.result);
          break;
        case 'failed':
          report(t.index, failedResult(configs[t.index]!, out.message, out.seconds));
          break;
        case 'init-error':
          initError ??= out.message;
          stop();
          break;
        default: {
          const _never: never = out;
          return _never;
        }
      }
      dispatch(w);
    });
    child.on('error', () => {}); // a failed spawn or send also ends in 'exit'
    // 'exit', then the rest of its stderr (the fatal line may still be in the pipe). Not 'close',
    // which does not come for a child whose IPC channel the parent disconnected.
    child.once('exit', (code, signal) => {
      const err = child.stderr!;
      if (err.readableEnded || err.destroyed) ended(code, signal);
      else err.once('close', () => ended(code, signal));
    });
    const ended = (code: number | null, signal: NodeJS.Signals | null): void => {
      live.delete(w);
      clearTimeout(w.timer);
      const t = w.task;
      if (t && !stopped) {
        const why = deathLine(w.stderr);
        const seconds = (performance.now() - t.sentAt) / 1000;
        report(t.index, failedResult(configs[t.index]!, w.timedOut
          ? `${TIMEOUT_ERROR}: still running after ${timeoutMs / 1000} s (--point-timeout), worker killed; a resume runs it again`
          : `worker died: ${exitText(code, signal)}${why ? `: ${why}` : ''}`, seconds));
      }
      if (!stopped && next < configs.length) spawnWorker();
      else if (live.size === 0) done();
    };
    dispatch(w);
  };

  const onAbort = (): void => stop();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for (let i = 0; i < jobs; i++) spawnWorker();
    await finished;
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
  }
  if (thrown) throw thrown.err;
  if (initError !== undefined) throw new UserError(`cannot load the point runner ${opts.runnerModule}: ${initError}`);
}
