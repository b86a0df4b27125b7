/**
 * The execution-policy interface. A policy is the VM's ExecHooks (yield points, unfriendly
 * operations, barriers, atomic blocks, tasks) plus what the scheduler asks it: may this thread run
 * now (`admit`), and what happened in the step it just ran (`afterStep`).
 *
 * Policies never touch the scheduler's queues directly; they park and unpark threads through
 * `SchedulerControl`, and they never touch caches: the GIL word and lock traffic go through the
 * memory port like any other access, so lock handoffs cost coherence misses and a fallback that
 * writes the GIL word aborts every transaction that read it (the lemming effect emerges from the
 * machine, it is not scripted here).
 */
import type { Forensics } from '../interp/forensics.js';
import type { Addr, CoreId } from '../common/brand.js';
import type { MemoryPort } from '../machine/port.js';
import type { ExecHooks } from '../interp/hooks.js';
import type { GuestThread, StepOutcome, TxKind } from '../interp/interpreter.js';
import type { GilConfig, HtmPolicyConfig, NogilConfig, PolicyName, StmConfig } from './config.js';
import type { PolicyStats } from './stats.js';
import type { CycleLedger, ParkReason } from './cycle-ledger.js';

/** What a core is doing over an interval (the timeline chart's categories): `lock-wait` is a wait
 *  for the GIL or the fallback lock, `stm-wait` for a conflicting STM transaction or the inevitable
 *  token. */
export type SpanKind = 'running' | 'tx-committed' | 'tx-aborted' | 'lock-wait' | 'stm-wait' | 'fallback' | 'idle';

/** Why a thread is parked by a policy (the scheduler accounts the wait accordingly). */
export type { ParkReason };

/** The slice of the interpreter a policy drives. */
export interface PolicyInterp {
  readonly threads: GuestThread[];
  txBegin(t: GuestThread, kind: TxKind): void;
  txCommit(t: GuestThread): void;
  txRollback(t: GuestThread, status: number): void;
  /** Abort forensics, when the run records it (null: off). */
  readonly forensics?: Forensics | null;
}

export interface SchedulerControl {
  /** Take t off its core until `unpark`, or until cycle `until` when given (a timed wait). */
  park(t: GuestThread, reason: ParkReason, until?: number): void;
  /** Make a parked thread runnable again from cycle `at` on (its core's clock catches up). */
  unpark(t: GuestThread, at: number): void;
  isParked(t: GuestThread): boolean;
  /** Threads that have not finished. */
  liveThreads(): number;
}

export interface TimelineSink {
  readonly enabled: boolean;
  span(core: CoreId, thread: number, kind: SpanKind, start: number, end: number): void;
}

export interface PolicyEnv {
  port: MemoryPort;
  interp: PolicyInterp;
  sched: SchedulerControl;
  timeline: TimelineSink;
  /** Where each core's cycles go: policies attribute what they charge (sim/policies/cycle-ledger.ts). */
  cycles: CycleLedger;
  /** The simulated address of the GIL word (its own cache line). */
  gilAddr: Addr;
  gil: GilConfig;
  htm: HtmPolicyConfig;
  stm: StmConfig;
  nogil: NogilConfig;
  /** The point's seed (policies that model OS timing noise draw from it, deterministically). */
  seed: number;
}

export interface Policy extends ExecHooks {
  readonly name: PolicyName;
  /** How many cores the policy may use (serial: 1). */
  coresUsed(machineCores: number): number;
  /** Whether the OS time slice may take t off its core now (serial: not inside `atomic`). */
  preemptible(t: GuestThread): boolean;
  /**
   * The scheduler is about to run t. Return false when t may not run now; the policy has then
   * parked it (or wants admit asked again at once, e.g. after an aborted transaction attempt).
   */
  admit(t: GuestThread): boolean;
  /** The bytecodes t may run in its next step (at most `budget`): a policy that must act at an
   *  exact bytecode count (the Python 2 GIL's check interval) ends the step there. */
  stepBudget(t: GuestThread, budget: number): number;
  /** After a step of t, with its outcome. */
  afterStep(t: GuestThread, outcome: StepOutcome): void;
  /** The timeline kind of non-transactional execution of t right now. */
  runningKind(t: GuestThread): SpanKind;
  stats(): PolicyStats;
}
