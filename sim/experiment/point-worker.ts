/**
 * A worker thread of the sweep pool: imports the point runner once, then runs the points it is
 * sent, one at a time, and posts back each RunResult (or the error that escaped the runner).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PointConfig } from '../run/point-config.js';
import type { RunResult } from '../run/result.js';
import type { FromWorker, ToWorker } from './pool.js';

type Runner = (config: PointConfig) => Promise<RunResult> | RunResult;

const port = parentPort!;
const { runnerModule } = workerData as { runnerModule: string };

function firstLine(err: unknown): string {
  const msg = err instanceof Error ? `${err.name === 'Error' || err.name === 'UserError' ? '' : `${err.name}: `}${err.message}` : String(err);
  return msg.split('\n')[0]!;
}

let run: Runner | undefined;
try {
  const mod = (await import(runnerModule)) as { runPoint?: Runner };
  if (typeof mod.runPoint !== 'function') throw new Error(`${runnerModule} does not export runPoint(config)`);
  run = mod.runPoint;
} catch (err) {
  port.postMessage({ kind: 'init-error', message: firstLine(err) } satisfies FromWorker);
}

port.on('message', (msg: ToWorker) => {
  void (async () => {
    const t0 = performance.now();
    try {
      const result = await run!(msg.config);
      port.postMessage({ kind: 'done', task: msg.task, result } satisfies FromWorker);
    } catch (err) {
      port.postMessage({ kind: 'failed', task: msg.task, message: firstLine(err), seconds: (performance.now() - t0) / 1000 } satisfies FromWorker);
    }
  })();
});
if (run) port.postMessage({ kind: 'ready' } satisfies FromWorker);
