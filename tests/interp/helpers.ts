/** Shared helpers for the VM tests: run guest source on the real haswell-4c machine. */
import { createMachine } from '../../sim/machine/machine.js';
import { loadMachinePreset } from '../../sim/machine/preset-loader.js';
import type { MemoryPort } from '../../sim/machine/port.js';
import type { InterpConfig } from '../../sim/interp/config.js';
import { DefaultHooks, type ExecHooks } from '../../sim/interp/hooks.js';
import { Interpreter, type GuestThread } from '../../sim/interp/interpreter.js';

export const DEFAULT_INTERP: InterpConfig = {
  refcount: 'cpython',
  allocator: 'global',
  smallIntCache: true,
  ticker: 'shared',
  tickerEvery: 100,
  dispatchCycles: 4,
  recursionLimit: 1000,
  maxObjectBytes: 268435456,
  maxHeapBytes: 536870912,
};

export function haswell(cores = 4): MemoryPort {
  const cfg = loadMachinePreset('haswell-4c');
  return createMachine({ ...cfg, cores });
}

export interface RunOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
  interp: Interpreter;
  bytecodes: number;
}

/** Runs every runnable thread round-robin (lowest clock first) until all are done. */
export function runAll(interp: Interpreter, maxSteps = 10_000_000, budget = 1000): void {
  const port = interp.port;
  for (let i = 0; i < maxSteps; i++) {
    let best: GuestThread | null = null;
    for (const t of interp.threads) {
      if (t.state === 'done') continue;
      if (t.state === 'blocked' && !interp.canResume(t)) continue;
      if (best === null || port.now(t.core) < port.now(best.core)) best = t;
    }
    if (best === null) {
      // Everyone blocked: let sleeping threads' (and timed lock waits') clocks catch up.
      const sleepers = interp.threads.filter((t) => t.state === 'blocked' && interp.wakeCycle(t) >= 0);
      if (sleepers.length === 0) return;
      for (const t of sleepers) port.advanceTo(t.core, interp.wakeCycle(t) as never);
      continue;
    }
    interp.step(best, budget);
    if (interp.finished && interp.threads.every((t) => t.state === 'done' || t.isMain)) return;
  }
}

export function runSource(source: string, opts: { config?: Partial<InterpConfig>; port?: MemoryPort; hooks?: ExecHooks; seed?: number; filename?: string; hostModules?: ConstructorParameters<typeof Interpreter>[0]['hostModules'] } = {}): RunOutput {
  let stdout = '';
  let stderr = '';
  const interp = new Interpreter({
    port: opts.port ?? haswell(),
    config: { ...DEFAULT_INTERP, ...opts.config },
    hooks: opts.hooks ?? new DefaultHooks(),
    seed: opts.seed ?? 0,
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    hostModules: opts.hostModules,
  });
  interp.startMain(source, opts.filename ?? 'prog.py');
  runAll(interp);
  const bytecodes = interp.threads.reduce((a, t) => a + t.bytecodes, 0);
  return { stdout, stderr, exitCode: interp.exitCode, interp, bytecodes };
}
