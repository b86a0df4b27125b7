/**
 * The main module of a sweep worker process (pool.ts forks one per job): imports the point runner
 * once per module, runs each point the parent sends, and posts back its outcome. An error that
 * escapes the runner becomes its first line here, where its class is still known. Anything that
 * kills the process instead (a V8 fatal error, out of memory, process.exit, a native crash) is
 * seen by the parent as this process's exit and recorded against the point it was running.
 */
import type { PointConfig } from '../run/point-config.js';
import type { RunResult } from '../run/result.js';

/** One task of the pool (pool.ts), and what this worker makes of it; declared here so that the
 *  worker does not import the pool that starts it. */
export type PointTask = { runnerModule: string; config: PointConfig };
export type PointOutcome =
  | { kind: 'done'; result: RunResult }
  | { kind: 'failed'; message: string; seconds: number }
  | { kind: 'init-error'; message: string };
/** The messages a worker process posts back for task number `task`: that the point itself begins
 *  (the runner is loaded; the pool's point timeout counts from here), then its outcome. */
export type WorkerReply = { task: number; started: true } | { task: number; outcome: PointOutcome };

export type Runner = (config: PointConfig) => Promise<RunResult> | RunResult;

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

export async function runTask(task: PointTask, onStarted: () => void = () => {}): Promise<PointOutcome> {
  let loading = runners.get(task.runnerModule);
  if (!loading) runners.set(task.runnerModule, (loading = loadRunner(task.runnerModule)));
  let run: Runner;
  try {
    run = await loading;
  } catch (err) {
    return { kind: 'init-error', message: firstLine(err) };
  }
  onStarted();
  const t0 = performance.now();
  try {
    return { kind: 'done', result: await run(task.config) };
  } catch (err) {
    return { kind: 'failed', message: firstLine(err), seconds: (performance.now() - t0) / 1000 };
  }
}

/** Serves the pool's tasks over the IPC channel. RUNNERS pre-loaded (the start-up snapshot's
 *  bundled point runner, experiment/point-worker-snapshot.ts) are not imported again. */
export function serveTasks(preloaded: ReadonlyMap<string, Runner> = new Map()): void {
  for (const [url, run] of preloaded) runners.set(url, Promise.resolve(run));
  // Ctrl-C reaches the whole process group: the parent decides what a sweep interrupt means and
  // ends its workers itself.
  process.on('SIGINT', () => {});
  // A host error outside the point's own call chain (a timer's throw) ends this worker; its one
  // line on stderr is what the parent records against the point it was running.
  process.on('uncaughtException', (err) => {
    process.stderr.write(`${firstLine(err)}\n`);
    process.exit(1);
  });
  // The parent went away (it finished, or was killed): nothing left to report to.
  process.on('disconnect', () => process.exit(0));
  // One point at a time: the pool sends the next only after it has recorded the point's attempt
  // (store.markStarted), so a point that takes the whole sweep down is always counted.
  process.on('message', (msg: PointTask & { task: number }) => {
    const started = (): void => void process.send!({ task: msg.task, started: true } satisfies WorkerReply);
    void runTask(msg, started).then((outcome) => process.send!({ task: msg.task, outcome } satisfies WorkerReply));
  });
}

// Forked as a plain module. (From the start-up snapshot this ran while it was built, without a
// parent, and the snapshot calls serveTasks itself.)
if (process.send !== undefined) serveTasks();
