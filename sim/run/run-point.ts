/**
 * runPoint(config) → RunResult: builds the machine, the interpreter and the policy for one fully
 * resolved point, runs the workload under the scheduler, and assembles the result record
 * (shared/DESIGN.md, "Results and statistics"). Everything host-dependent goes under `host`.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve as resolvePath } from 'node:path';
import { repoFolder } from '../common/repo-folder.js';
import { asAddr, type CoreId } from '../common/brand.js';
import { UserError } from '../common/errors.js';
import { HTMSIM_VERSION } from '../common/version.js';
import { createMachine, type Machine } from '../machine/machine.js';
import type { CacheLevelStats, MachineStats } from '../machine/stats.js';
import { Interpreter, type TraceEvent } from '../interp/interpreter.js';
import { DefaultHooks } from '../interp/hooks.js';
import { decodeSource } from '../interp/front/syntax-error.js';
import { Forensics } from '../interp/forensics.js';
import { createPolicy } from '../policies/create-policy.js';
import type { Policy, PolicyEnv } from '../policies/policy.js';
import { CycleLedger, idleBreakdown, type CycleBreakdown } from '../policies/cycle-ledger.js';
import { FORENSICS_TOP_DEFAULT, type PointConfig } from './point-config.js';
import type { CacheLevelRecord, CoreRecord, RunResult } from './result.js';
import { callerClock, Region, wholeRun, type RegionFigures } from './region.js';
import { Scheduler, type SchedulerEnd } from './scheduler.js';
import { TimelineRecorder } from './timeline.js';
import { getWorkload, loadWorkloadSource, resolveWorkloadParams } from './workload-catalog.js';

/**
 * The GIL word's address: a line of its own in the runtime area below the guest heap, clear of the
 * interpreter's singletons (0x1000–0x10ff), small-int table (0x2000–0x40bf) and allocator heads
 * (0x10000 on; see sim/interp/heap.ts).
 */
export const GIL_WORD_ADDR = asAddr(0x8000);

/** Bytecodes per scheduler step while several cores run: bounds the time skew between cores. */
const QUANTUM = 8;
/** Bytecodes per step while one core runs alone. */
const SOLO_QUANTUM = 2000;

export interface RunOptions {
  /** Guest source to run instead of the workload's file (exec of an arbitrary program). */
  source?: string;
  filename?: string;
  /** Streams guest output as it is produced (exec); it is always also collected in the result. */
  onStdout?: (text: string) => void;
  onStderr?: (text: string) => void;
  trace?: (ev: TraceEvent) => void;
  argv?: string[];
  /** The guest's standard input (`sys.stdin`, `input()`); absent: empty. */
  stdin?: string;
  /** Receives the run's abort forensics (its per-abort records) when the point records forensics. */
  onForensics?: (f: Forensics) => void;
}

export async function runPoint(config: PointConfig, opts: RunOptions = {}): Promise<RunResult> {
  return runPointSync(config, opts);
}

export function runPointSync(config: PointConfig, opts: RunOptions = {}): RunResult {
  const hostStart = process.hrtime.bigint();
  let filename: string;
  let source: string;
  let params: Record<string, number | string | boolean> = {};
  if (opts.source !== undefined) {
    source = opts.source;
    filename = opts.filename ?? '<program>';
    params = { ...config.workload.params };
  } else {
    const info = getWorkload(config.workload.name);
    source = loadWorkloadSource(info);
    filename = info.file;
    params = resolveWorkloadParams(info, config.workload.params, `workload ${info.name}`);
  }

  const machine = createMachine(config.machine, { seed: config.seed, perturbation: config.perturbation });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const metrics: Record<string, number> = {};
  const timeline = new TimelineRecorder(config.timeline, config.machine.cores);
  // Abort forensics (docs/forensics.md): off unless the point asks; it changes no other figure.
  const forensics = config.forensics === true
    ? new Forensics(config.machine.lineBytes, config.interp, config.policy.name === 'stm' ? 'stm' : 'htm')
    : undefined;
  forensics?.owners.tag(GIL_WORD_ADDR, 8, 'gil', 'the GIL word');

  // The policy drives the interpreter, so it is created after it; the interpreter's hooks are
  // set to the policy before any guest code runs.
  const interp = new Interpreter({
    port: machine,
    config: config.interp,
    hooks: new DefaultHooks(), // replaced by the policy below, before any guest code runs
    seed: config.seed,
    stdout: (s) => {
      stdout.push(s);
      opts.onStdout?.(s);
    },
    stderr: (s) => {
      stderr.push(s);
      opts.onStderr?.(s);
    },
    hostModules: {
      htmsim: {
        values: { params },
        functions: {
          metric: (name: unknown, value: unknown) => {
            if (typeof name === 'string' && typeof value === 'number') metrics[name] = value;
            return null;
          },
          roi_begin: () => {
            region.roiBegin(callerClock(machine, interp));
            return null;
          },
          roi_end: () => {
            region.roiEnd(callerClock(machine, interp));
            return null;
          },
        },
      },
    },
    trace: opts.trace,
    argv: opts.argv ?? [filename],
    ...(opts.stdin !== undefined ? { stdin: opts.stdin } : {}),
    ...(forensics !== undefined ? { forensics } : {}),
  });

  const ledger = new CycleLedger(config.machine.cores, (c) => machine.now(c) as number);
  const sched = new Scheduler(interp, machine, timeline, {
    cores: config.machine.cores,
    maxCycles: config.maxCycles,
    quantum: QUANTUM,
    soloQuantum: SOLO_QUANTUM,
    // The OS tick: the same timer interrupt that aborts hardware transactions.
    sliceCycles: config.machine.htm.timerIntervalCycles > 0 ? config.machine.htm.timerIntervalCycles : Infinity,
    wakeupCycles: config.gil.wakeupCycles,
  }, ledger);
  const env: PolicyEnv = {
    port: machine,
    interp,
    sched,
    timeline,
    cycles: ledger,
    gilAddr: GIL_WORD_ADDR,
    gil: config.gil,
    htm: config.htm,
    stm: config.stm,
    nogil: config.nogil,
    seed: config.seed,
  };
  const policy = createPolicy(config.policy.name, env);
  interp.hooks = policy;
  sched.setPolicy(policy);
  const warmupCycles = Math.round(config.roi.warmupUs * config.machine.freqGHz * 1e3);
  const region = new Region(warmupCycles, machine, interp, ledger, () => policy, sched);

  // A GuestSyntaxError propagates: exec prints it CPython-style (exit 2), sweeps record it.
  interp.startMain(source, filename);

  const end: SchedulerEnd = sched.run();
  const runCycles = sched.finish();
  const counted = region.finish(runCycles);
  if (forensics !== undefined) opts.onForensics?.(forensics);
  const run: RunParts = { config, machine, interp, policy, sched, ledger, timeline, end, runCycles, counted };
  return assemble(run, stdout, stderr, metrics, hostStart);
}

/** What assemble reads: the finished run, and the region of interest's figures if one was counted. */
interface RunParts {
  config: PointConfig;
  machine: Machine;
  interp: Interpreter;
  policy: Policy;
  sched: Scheduler;
  ledger: CycleLedger;
  timeline: TimelineRecorder;
  end: SchedulerEnd;
  /** Every core's final clock. */
  runCycles: number;
  counted: RegionFigures | null;
}

function level(s: CacheLevelStats): CacheLevelRecord {
  return { hits: s.hits, misses: s.misses, evictions: s.evictions, writebacks: s.writebacks, invalidations: s.invalidations };
}

/** The counted figures per core: the whole run's, or the region of interest's (region.ts). */
function coreRecords(r: RunParts, ms: MachineStats, simCycles: number): CoreRecord[] {
  const { config, machine, interp, sched, ledger, counted } = r;
  let perCoreBytecodes = counted?.perCoreBytecodes;
  if (perCoreBytecodes === undefined) {
    perCoreBytecodes = new Array<number>(config.machine.cores).fill(0);
    for (const t of interp.threads) {
      if (t.core >= 0 && t.core < perCoreBytecodes.length) perCoreBytecodes[t.core] = perCoreBytecodes[t.core]! + t.bytecodes;
    }
  }
  const cores: CoreRecord[] = [];
  for (let c = 0; c < config.machine.cores; c++) {
    const used = c < sched.accounting.length;
    let cycles: CycleBreakdown;
    if (used) {
      // Hardware transactions: rolled-back work and begin/commit costs as the machine counted them.
      const h = ms.cores[c]!.htm;
      const beginCommit = h.committed * (config.machine.htm.beginCycles + config.machine.htm.commitCycles);
      ledger.hardware(c as CoreId, h.wastedCycles, beginCommit, counted?.end ?? null);
      cycles = counted ? ledger.between(c as CoreId, counted.begin, counted.end, simCycles) : ledger.breakdown(c as CoreId, machine.now(c as CoreId) as number);
    } else {
      cycles = idleBreakdown(simCycles);
    }
    let idle: number;
    let lockWait: number;
    if (counted) {
      idle = cycles.idle + cycles.osScheduling;
      lockWait = cycles.waitGil + cycles.waitFallbackLock + cycles.waitStmConflict + cycles.waitInevitable;
    } else {
      const acc = sched.accounting[c] ?? { idleCycles: 0, lockWaitCycles: 0 };
      // Cores the policy did not use idle for the whole run.
      idle = used ? acc.idleCycles : simCycles;
      lockWait = acc.lockWaitCycles;
    }
    const clock = counted || !used ? simCycles : machine.now(c as CoreId) as number;
    const busy = Math.max(0, clock - idle - lockWait);
    cores.push({ busyCycles: busy, idleCycles: idle, lockWaitCycles: lockWait, bytecodes: perCoreBytecodes[c]!, cycles });
  }
  return cores;
}

function assemble(r: RunParts, stdout: string[], stderr: string[], metrics: Record<string, number>, hostStart: bigint): RunResult {
  const { config, machine, interp, policy, timeline, end, counted } = r;
  const ms = counted?.machine ?? machine.stats();
  const ps = counted?.policy ?? policy.stats();
  const regionRecord = counted?.record ?? wholeRun(r.runCycles);
  const simCycles = regionRecord.endCycle - regionRecord.beginCycle;
  let bytecodes = counted?.bytecodes ?? 0;
  if (!counted) for (const t of interp.threads) bytecodes += t.bytecodes;
  const cores = coreRecords(r, ms, simCycles);
  let status: 'ok' | 'failed' = 'ok';
  let error: string | undefined;
  let exitCode = interp.exitCode;
  switch (end.kind) {
    case 'finished':
      if (exitCode !== 0) {
        status = 'failed';
        const lines = stderr.join('').trimEnd().split('\n');
        error = `guest exited with status ${exitCode}: ${lines[lines.length - 1] ?? ''}`;
      }
      break;
    case 'cycle-limit':
      status = 'failed';
      exitCode = 2;
      error = `cycle limit reached: the run passed maxCycles=${config.maxCycles} simulated cycles (raise it with --max-cycles or maxCycles)`;
      break;
    case 'deadlock':
      status = 'failed';
      exitCode = 1;
      error = `deadlock: no guest thread can run (${end.detail})`;
      break;
    default: {
      const _never: never = end;
      throw new Error(`unknown end ${String(_never)}`);
    }
  }
  const hostSeconds = Number(process.hrtime.bigint() - hostStart) / 1e9;
  const result: RunResult = {
    config,
    status,
    ...(error !== undefined ? { error } : {}),
    exitCode,
    stdout: stdout.join(''),
    stderr: stderr.join(''),
    simCycles,
    simSeconds: machine.seconds(simCycles),
    bytecodes,
    memoryAccesses: ms.accesses,
    footprint: { lines: ms.footprint.lines, linesRead: ms.footprint.linesRead, linesWritten: ms.footprint.linesWritten },
    cores,
    caches: { l1d: level(ms.l1d), l2: level(ms.l2), l3: level(ms.l3) },
    coherence: { messages: ms.coherence.messages, invalidations: ms.coherence.invalidations, cacheToCache: ms.coherence.cacheToCache },
    htm: {
      begun: ms.htm.begun,
      committed: ms.htm.committed,
      aborted: ms.htm.aborted,
      fallbacks: ps.htm.fallbacks,
      wastedCycles: ms.htm.wastedCycles,
      abortsByCause: { ...ms.htm.abortsByCause },
    },
    htmFootprint: counted?.histograms ?? machine.footprintHistograms(), // issue 18: the design-space footprint block
    stm: { ...ps.stm, abortsByKind: { ...ps.stm.abortsByKind } },
    gil: { acquisitions: ps.gil.acquisitions, switches: ps.gil.switches, waitCycles: sumLockWait(cores) },
    metrics,
    region: regionRecord,
    ...(config.timeline ? { timeline: timeline.sorted() } : {}),
    ...(interp.forensics !== null
      ? {
        forensics: interp.forensics.report(
          config.forensicsTop ?? FORENSICS_TOP_DEFAULT,
          (f, l) => interp.sources.get(f)?.[l - 1]?.trim() ?? '',
          repoRelative,
        ),
      }
      : {}),
    host: {
      seconds: hostSeconds,
      bytecodesPerSecond: hostSeconds > 0 ? bytecodes / hostSeconds : 0,
      memoryAccessesPerSecond: hostSeconds > 0 ? ms.accesses / hostSeconds : 0,
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
      htmsimVersion: HTMSIM_VERSION,
      nodeVersion: process.version,
    },
  };
  return result;
}

/** A path inside the repository written from its root (workloads/x.py), so records do not depend on the checkout. */
function repoRelative(file: string): string {
  if (file.startsWith('<')) return file; // a built-in guest module (<threading>)
  const root = dirname(repoFolder('workloads'));
  const rel = relative(root, resolvePath(file));
  return rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

function sumLockWait(cores: CoreRecord[]): number {
  let n = 0;
  for (const c of cores) n += c.lockWaitCycles;
  return n;
}

/**
 * Reads a guest program from disk for exec, with a one-line error when it cannot. `shownAs` is the
 * name a syntax error gives (CPython's absolute path of the main script).
 */
export function readProgram(file: string, shownAs = file): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(`${file}: cannot read the program (${code ?? String(e)})`);
  }
  return decodeSource(bytes, shownAs);
}
