/**
 * What a thread of the sweep pool (pool.ts, piscina) runs for each point: imports the point runner
 * once per module, runs the point, and turns an error that escaped the runner into its first line
 * here, where its class is still known (errors lose it when posted between threads).
 */
import type { PointConfig } from '../run/point-config.js';
import type { RunResult } from '../run/result.js';

/** One task of the pool (pool.ts), and what this worker makes of it; declared here so that the
 *  worker does not import the pool that loads it. */
export type PointTask = { runnerModule: string; config: PointConfig };
export type PointOutcome =
  | { kind: 'done'; result: RunResult }
  | { kind: 'failed'; message: string; seconds: number }
  | { kind: 'init-error'; message: string };

type Runner = (config: PointConfig) => Promise<RunResult> | RunResult;

const runners = new Map<string, Promise<Runner>>();

function firstLine(err: unknown): string {
  const msg = err instanceof Error ? `${err.name === 'Error' || err.name === 'UserError' ? '' : `${err.name}: `}${err.message}` : String(err);
  return msg.split('\n')[0]!;
}

async function loadRunner(runnerModule: string): Promise<Runner> {
  const mod = (await import(runnerModule)) as { runPoint?: Runner };
  if (typeof mod.runPoint !== 'function') throw new Error('does not export runPoint(config)');
  return mod.runPoint;
}

export default async function runTask(task: PointTask): Promise<PointOutcome> {
  let loading = runners.get(task.runnerModule);
  if (!loading) runners.set(task.runnerModule, (loading = loadRunner(task.runnerModule)));
  let run: Runner;
  try {
    run = await loading;
  } catch (err) {
    return { kind: 'init-error', message: firstLine(err) };
  }
  const t0 = performance.now();
  try {
    return { kind: 'done', result: await run(task.config) };
  } catch (err) {
    return { kind: 'failed', message: firstLine(err), seconds: (performance.now() - t0) / 1000 };
  }
}
