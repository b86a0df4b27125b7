/**
 * Where every core's cycles went: the run-wide equivalent of Sniper's CPI stacks.
 *
 * A core's clock moves in two ways: the scheduler jumps it over a gap (the core had no thread
 * ready), or a thread's step charges work to it. Gaps are attributed by the scheduler, which knows
 * why the thread was not ready (a policy parked it for the GIL, the fallback lock, a conflicting
 * STM transaction or the inevitable token; the OS had not yet woken it; or nothing to do). Inside
 * steps the policies attribute what they charge — barriers, lock traffic and per-bytecode
 * overhead, transaction begin and commit — and the work of attempts that were rolled back.
 * Useful guest work is what remains: the core's cycles minus every attributed part, so the parts
 * sum to the core's cycles exactly (integers in doubles, far below 2^53).
 *
 * Rules that keep the parts disjoint:
 * - Overhead charged inside a transaction is held by the policy until the transaction ends: it is
 *   overhead when the transaction commits, part of the rolled-back work when it aborts.
 * - Rolled-back STM work is the thread's own running time since its transaction began
 *   (`runCycles`), not wall time, so waits and other threads' slices are never counted twice.
 * - Rolled-back hardware work and hardware begin/commit costs come from the machine's per-core
 *   counters at the end of the run (`hardware`), covering guest rtm regions too.
 *
 * Cheap on the hot path: one typed-array add per call.
 */
import type { CoreId } from '../common/brand.js';
import type { GuestThread } from '../interp/interpreter.js';

/** Why the scheduler took a thread off its core (declared here, where the waits are counted; policy.ts re-exports it). */
export type ParkReason = 'gil' | 'gil-forced' | 'fallback-lock' | 'inevitable' | 'lock-free' | 'stm-conflict';

/** The parts a core's cycles are split into (a closed set; the record keeps this order). */
export const CYCLE_CATEGORIES = [
  'useful', 'rolledBack', 'overhead', 'txBeginCommit',
  'waitGil', 'waitFallbackLock', 'waitStmConflict', 'waitInevitable', 'osScheduling', 'idle',
] as const;
export type CycleCategory = (typeof CYCLE_CATEGORIES)[number];
export type CycleBreakdown = Record<CycleCategory, number>;

const N = CYCLE_CATEGORIES.length;
const K_USEFUL = 0;
const K_ROLLED_BACK = 1;
const K_OVERHEAD = 2;
const K_TX = 3;
const K_WAIT_GIL = 4;
const K_WAIT_FALLBACK = 5;
const K_WAIT_STM = 6;
const K_WAIT_INEVITABLE = 7;
const K_OS = 8;
const K_IDLE = 9;

function waitIndex(reason: ParkReason): number {
  switch (reason) {
    case 'gil':
    case 'gil-forced':
      return K_WAIT_GIL;
    case 'fallback-lock':
    case 'lock-free':
      return K_WAIT_FALLBACK;
    case 'stm-conflict':
      return K_WAIT_STM;
    case 'inevitable':
      return K_WAIT_INEVITABLE;
    default: {
      const _never: never = reason;
      throw new Error(`unknown park reason ${String(_never)}`);
    }
  }
}

/** Every core's attributed parts as of one cycle (CycleLedger.mark). */
export interface LedgerMark {
  readonly at: number;
  readonly k: Float64Array;
}

export class CycleLedger {
  private readonly k: Float64Array;
  private readonly marks: LedgerMark[] = [];
  /** Per thread index (id + 1): cycles the thread has run in finished steps. */
  private run = new Float64Array(8);
  /** The thread index whose step is in progress (-1: none), and its core's clock at the start. */
  private curIdx = -1;
  private curStart = 0;

  constructor(readonly cores: number, private readonly now: (core: CoreId) => number) {
    this.k = new Float64Array(cores * N);
  }

  // ── attributed by policies ──
  overhead(core: CoreId, cycles: number): void {
    this.k[core * N + K_OVERHEAD]! += cycles;
  }
  txBeginCommit(core: CoreId, cycles: number): void {
    this.k[core * N + K_TX]! += cycles;
  }
  rolledBack(core: CoreId, cycles: number): void {
    this.k[core * N + K_ROLLED_BACK]! += cycles;
  }

  // ── attributed by the scheduler: a gap in the core's clock, from its clock now ──
  /** The core waited `cycles` for `reason` (parked). */
  wait(core: CoreId, reason: ParkReason, cycles: number): void {
    this.gap(core, waitIndex(reason), cycles, K_OS, 0);
  }
  /** The core had nothing to run for `cycles`, of which the last `os` were the OS waking a thread. */
  idle(core: CoreId, cycles: number, os = 0): void {
    this.gap(core, K_IDLE, cycles - os, K_OS, os);
  }

  private gap(core: CoreId, head: number, headCycles: number, tail: number, tailCycles: number): void {
    const b = core * N;
    this.k[b + head]! += headCycles;
    this.k[b + tail]! += tailCycles;
    if (this.marks.length === 0) return;
    // A boundary the gap straddles: its share before the boundary belongs to the snapshot.
    const from = this.now(core);
    for (const m of this.marks) {
      let before = m.at - from;
      if (before <= 0) continue;
      const h = Math.min(before, headCycles);
      m.k[b + head]! += h;
      before -= h;
      m.k[b + tail]! += Math.min(before, tailCycles);
    }
  }

  /**
   * Every core's parts as of cycle `at` (a region of interest's boundary), to subtract with
   * `between`. A core whose clock is behind `at` has a gap the scheduler attributes later; the
   * share of that gap before `at` joins this snapshot then. A core a scheduling batch ahead of
   * `at` has its excess in the snapshot (counted as useful work by `between`).
   */
  mark(at: number): LedgerMark {
    const m = { at, k: this.k.slice() };
    this.marks.push(m);
    return m;
  }

  /** A core's parts between two marks, over `total` cycles: useful work is what no part claims. */
  between(core: CoreId, from: LedgerMark, to: LedgerMark, total: number): CycleBreakdown {
    const out = idleBreakdown(0);
    let claimed = 0;
    for (let j = 0; j < N; j++) {
      if (j === K_USEFUL) continue;
      const v = to.k[core * N + j]! - from.k[core * N + j]!;
      out[CYCLE_CATEGORIES[j]!] = v;
      claimed += v;
    }
    out.useful = total - claimed;
    return out;
  }

  /** The scheduler is about to let t run (admit, step, afterStep). */
  enter(t: GuestThread): void {
    this.curIdx = t.id + 1;
    this.curStart = this.now(t.core);
  }

  /** t's step is over. */
  leave(t: GuestThread): void {
    const i = t.id + 1;
    if (i >= this.run.length) {
      const grown = new Float64Array(Math.max(i + 1, this.run.length * 2));
      grown.set(this.run);
      this.run = grown;
    }
    this.run[i]! += this.now(t.core) - this.curStart;
    this.curIdx = -1;
  }

  /** Cycles t has run so far, including the step in progress. */
  runCycles(t: GuestThread): number {
    const i = t.id + 1;
    const done = i < this.run.length ? this.run[i]! : 0;
    return i === this.curIdx ? done + this.now(t.core) - this.curStart : done;
  }

  /** Hardware-transaction parts from the machine's per-core counters (end of run; when a region
   *  of interest is counted, the counters cover the region and so must the parts: `into` is then
   *  the region's end mark, adjusted after the run). */
  hardware(core: CoreId, wastedCycles: number, beginCommitCycles: number, into: LedgerMark | null = null): void {
    const k = into?.k ?? this.k;
    k[core * N + K_ROLLED_BACK]! += wastedCycles;
    k[core * N + K_TX]! += beginCommitCycles;
  }

  /** The breakdown of a core whose clock reads `total`: useful work is what no part claims. */
  breakdown(core: CoreId, total: number): CycleBreakdown {
    const out = idleBreakdown(0);
    let claimed = 0;
    for (let j = 0; j < N; j++) {
      if (j === K_USEFUL) continue;
      const v = this.k[core * N + j]!;
      out[CYCLE_CATEGORIES[j]!] = v;
      claimed += v;
    }
    out.useful = total - claimed;
    return out;
  }
}

/** A core the policy never used: idle for the whole run. */
export function idleBreakdown(total: number): CycleBreakdown {
  const out = {} as CycleBreakdown;
  for (const c of CYCLE_CATEGORIES) out[c] = 0;
  out.idle = total;
  return out;
}
