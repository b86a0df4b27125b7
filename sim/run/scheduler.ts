/**
 * Interleaves guest threads on the simulated cores in simulated-time order.
 *
 * Each thread is pinned to a core when it first appears (the core with the fewest live threads,
 * lowest id first). The scheduler always runs the core whose next runnable thread is earliest in
 * simulated time (ties by core id), for a small batch of bytecodes, so that memory accesses — and
 * hence conflicts — happen in time order to within one batch. A thread that cannot run yet has a
 * ready time: its core's clock, the cycle a timed wait ends, the release that woke it plus the OS
 * wake-up latency, or never (waiting on an event). A core with no ready thread idles; when its
 * thread becomes ready later, the core's clock jumps forward and the gap is counted as idle or as
 * lock-wait time. More threads than cores are time-sliced every `sliceCycles` (the OS tick).
 */
import { asCycles, type CoreId } from '../common/brand.js';
import type { MemoryPort } from '../machine/port.js';
import { CYCLE_LIMIT_SIGNAL, type GuestThread, type StepOutcome } from '../interp/interpreter.js';
import type { ParkReason, Policy, SchedulerControl } from '../policies/policy.js';
import type { TimelineRecorder } from './timeline.js';
import type { CycleLedger } from '../policies/cycle-ledger.js';

/** The slice of the interpreter the scheduler drives. */
export interface SchedInterp {
  readonly threads: GuestThread[];
  step(t: GuestThread, maxBytecodes: number): StepOutcome;
  canResume(t: GuestThread): boolean;
  wakeCycle(t: GuestThread): number;
  /** Where guest code run inside one step stops (CYCLE_LIMIT_SIGNAL): the run's maxCycles. */
  cycleLimit: number;
}

export interface SchedulerOptions {
  /** Cores the policy may use. */
  cores: number;
  maxCycles: number;
  /** Bytecodes per step while several cores have work (bounds the time skew between cores). */
  quantum: number;
  /** Bytecodes per step while only one core has work. */
  soloQuantum: number;
  /** OS time slice when a core has several threads. */
  sliceCycles: number;
  /** Cycles a thread woken by another (lock released, thread joined) needs before it runs. */
  wakeupCycles: number;
}

export type SchedulerEnd =
  | { kind: 'finished' }
  | { kind: 'cycle-limit'; cycles: number }
  | { kind: 'deadlock'; detail: string };

/** Per-core integer fields, `CF` per core in one Int32Array (`coreInts`). */
const CF = 4;
/** Threads in the core's queue. */
const K_LEN = 0;
/** Position in the queue of the thread the core runs, and that thread's index. */
const K_CUR = 1;
const K_CUR_IDX = 2;

/** Per-thread scheduler fields, `TF` numbers per thread in one Float64Array (`tf`). */
const TF = 4;
/** Cycle the policy parked the thread until (Infinity: until unparked), or -1 when not parked. */
const F_PARKED = 0;
/** Cycle an event-blocked thread became resumable (-1: not yet seen). */
const F_WOKEN = 1;
/** A new thread cannot run before its creator started it (plus the OS wake-up of a new thread):
 *  its core's clock may be far behind the creator's. */
const F_BORN = 2;
/** The thread's state as last seen (S_*): see `watched`. */
const F_STATE = 3;

const S_RUNNABLE = 0;
const S_BLOCKED = 1;
const S_DONE = 2;

function stateCode(t: GuestThread): number {
  switch (t.state) {
    case 'runnable': return S_RUNNABLE;
    case 'blocked': return S_BLOCKED;
    case 'done': return S_DONE;
    default: {
      const _never: never = t.state;
      throw new Error(`unknown thread state ${String(_never)}`);
    }
  }
}

export interface CoreAccounting {
  idleCycles: number;
  lockWaitCycles: number;
}

/**
 * Hot state lives in a few small typed arrays indexed by core or by thread index (id + 1; the boot
 * thread is -1), so a scheduling decision touches a few host cache lines, not every thread object.
 *
 * Thread states are mirrored (F_STATE). A thread becomes blocked or done only in its own step
 * (the scheduler re-reads it after each step); any other change is a rollback making a thread
 * runnable, which can happen to any thread at any time. So every placed thread whose mirror is not
 * runnable is on the `watched` list and is re-read before each decision; a mirrored runnable thread
 * is really runnable. The decisions are exactly those of reading every thread's state each time.
 */
export class Scheduler implements SchedulerControl {
  private queues: GuestThread[][] = [];
  /** Per core: thread indices of `queues[c]`, position for position. */
  private qIdx: number[][] = [];
  private coreInts = new Int32Array(0);
  /** Per core: when the running thread's time slice began. */
  private sliceStart = new Float64Array(0);
  /** TF fields per thread index. */
  private tf = new Float64Array(0);
  private parkReasons: (ParkReason | null)[] = [];
  /** Placed threads by index. */
  private byIdx: (GuestThread | undefined)[] = [];
  /** Indices of placed threads whose mirrored state is not runnable. */
  private watched: number[] = [];
  private placed = 0;
  accounting: CoreAccounting[] = [];
  private policy: Policy | null = null;
  private cores = 0;
  /** The region of interest's warm-up end (Infinity: none pending) and what to do then. */
  private alarmAt = Infinity;
  private alarm: (() => void) | null = null;

  constructor(
    private readonly interp: SchedInterp,
    private readonly port: MemoryPort,
    private readonly timeline: TimelineRecorder,
    private readonly opts: SchedulerOptions,
    private readonly ledger: CycleLedger,
  ) {
    interp.cycleLimit = opts.maxCycles;
    this.grow(8);
  }


  /** Installs the policy and sizes the scheduler to the cores it uses (serial: one). */
  setPolicy(p: Policy): void {
    this.policy = p;
    const n = Math.max(1, Math.min(this.opts.cores, p.coresUsed(this.opts.cores)));
    this.cores = n;
    this.queues = Array.from({ length: n }, () => []);
    this.qIdx = Array.from({ length: n }, () => []);
    this.coreInts = new Int32Array(n * CF);
    this.sliceStart = new Float64Array(n);
    this.accounting = Array.from({ length: n }, () => ({ idleCycles: 0, lockWaitCycles: 0 }));
  }

  /** Calls `fire` once, at the first scheduling decision at or past cycle `at` (before the chosen
   *  core's clock moves there); `setAlarm(Infinity, null)` cancels. */
  setAlarm(at: number, fire: (() => void) | null): void {
    this.alarmAt = at;
    this.alarm = fire;
  }

  // ── SchedulerControl (for policies) ──
  park(t: GuestThread, reason: ParkReason, until?: number): void {
    const i = this.index(t);
    this.tf[i * TF + F_PARKED] = until ?? Infinity;
    this.parkReasons[i] = reason;
  }
  unpark(t: GuestThread, at: number): void {
    const b = this.index(t) * TF + F_PARKED;
    if (this.tf[b]! < 0) return;
    this.tf[b] = Math.max(at, 0);
  }
  isParked(t: GuestThread): boolean {
    return this.tf[this.index(t) * TF + F_PARKED]! >= 0;
  }
  liveThreads(): number {
    let n = 0;
    for (const t of this.interp.threads) if (t.state !== 'done') n++;
    return n;
  }

  /** t's index into the per-thread arrays (grown on first sight of a thread). */
  private index(t: GuestThread): number {
    const i = t.id + 1;
    if (i >= this.parkReasons.length) this.grow(Math.max(i + 1, this.parkReasons.length * 2));
    return i;
  }

  private grow(n: number): void {
    const old = this.tf;
    const from = this.parkReasons.length;
    this.tf = new Float64Array(n * TF);
    this.tf.set(old);
    for (let i = from; i < n; i++) {
      this.tf[i * TF + F_PARKED] = -1;
      this.tf[i * TF + F_WOKEN] = -1;
      this.parkReasons.push(null);
      this.byIdx.push(undefined);
    }
  }

  /** Re-reads t's state into the mirror, watching it while it is not runnable. */
  private observe(i: number, t: GuestThread): void {
    const code = stateCode(t);
    const b = i * TF + F_STATE;
    if (code !== S_RUNNABLE && this.tf[b] === S_RUNNABLE) this.watched.push(i);
    this.tf[b] = code;
  }

  /** Re-reads every watched thread (a rollback may have made it runnable); true if any is blocked. */
  private refreshWatched(): boolean {
    const w = this.watched;
    let any = false;
    let k = 0;
    for (let j = 0; j < w.length; j++) {
      const i = w[j]!;
      const code = stateCode(this.byIdx[i]!);
      this.tf[i * TF + F_STATE] = code;
      if (code === S_RUNNABLE) continue;
      if (code === S_BLOCKED) any = true;
      w[k++] = i;
    }
    if (k !== w.length) w.length = k; // setting an array's length is a runtime call
    return any;
  }

  /** Pins threads that appeared since the last call; each may run once the OS has woken it. */
  private placeNew(): void {
    const threads = this.interp.threads;
    while (this.placed < threads.length) {
      const t = threads[this.placed++]!;
      if (t.state === 'done') continue;
      let best = 0;
      let bestLoad = Infinity;
      for (let c = 0; c < this.cores; c++) {
        let load = 0;
        for (const q of this.queues[c]!) if (q.state !== 'done') load++;
        if (load < bestLoad) {
          best = c;
          bestLoad = load;
        }
      }
      t.core = best as CoreId;
      const i = this.index(t);
      this.queues[best]!.push(t);
      this.qIdx[best]!.push(i);
      if (this.coreInts[best * CF + K_LEN]++ === 0) this.coreInts[best * CF + K_CUR_IDX] = i;
      this.byIdx[i] = t;
      this.tf[i * TF + F_BORN] = t.isMain ? 0 : t.createdAt + this.opts.wakeupCycles;
      this.tf[i * TF + F_STATE] = S_RUNNABLE;
      this.observe(i, t);
    }
  }

  /** When the thread with index i could run next: a cycle, or Infinity. */
  private readyAt(i: number, clock: number): number {
    const tf = this.tf;
    const b = i * TF;
    const st = tf[b + F_STATE]!;
    if (st === S_DONE) return Infinity;
    const born = tf[b + F_BORN]!;
    let at = clock > born ? clock : born;
    const parked = tf[b + F_PARKED]!;
    if (parked >= 0) at = Math.max(at, parked);
    if (st === S_BLOCKED) {
      const wake = this.interp.wakeCycle(this.byIdx[i]!);
      const woken = tf[b + F_WOKEN]!;
      // A timed lock wait has both: its deadline, and a wake-up when the lock is released first.
      if (wake >= 0) at = Math.max(at, woken >= 0 && woken < wake ? woken : wake);
      else if (woken >= 0) at = Math.max(at, woken);
      else return Infinity;
    }
    return at;
  }

  /** Event-blocked threads whose condition now holds wake after the OS wake-up latency. Every
   *  blocked thread is watched and its mirror was just refreshed. */
  private noticeWakeups(now: number): void {
    const w = this.watched;
    const tf = this.tf;
    for (let j = 0; j < w.length; j++) {
      const i = w[j]!;
      const b = i * TF;
      if (tf[b + F_STATE] !== S_BLOCKED) continue;
      const t = this.byIdx[i]!;
      if (t.blockedOn?.kind === 'sleep') continue;
      if (tf[b + F_WOKEN]! < 0 && this.interp.canResume(t)) tf[b + F_WOKEN] = now + this.opts.wakeupCycles;
    }
  }

  /** Runs until every thread is done, the cycle limit passes, or nothing can ever run. */
  run(): SchedulerEnd {
    const policy = this.policy;
    if (policy === null) throw new Error('scheduler: no policy');
    const port = this.port;
    const nCores = this.cores;
    const sliceCycles = this.opts.sliceCycles;
    let anyBlocked = false;
    // Mirrors not re-read since code last ran (a step re-reads them; a refused admit does not).
    let stale = true;
    for (;;) {
      this.placeNew();
      if (stale && this.watched.length !== 0) this.refreshWatched();
      // Choose, per core, the thread to run and when; then the earliest core.
      let best = -1;
      let bestAt = Infinity;
      let bestIdx = -1;
      let active = 0;
      for (let c = 0; c < nCores; c++) {
        const ci = this.coreInts;
        const k0 = c * CF;
        const n = ci[k0 + K_LEN]!;
        if (n === 0) continue;
        const clock = port.now(c as CoreId) as number;
        const cur = ci[k0 + K_CUR]!;
        const curIdx = ci[k0 + K_CUR_IDX]!;
        const curAt = this.readyAt(curIdx, clock);
        let chosen = cur;
        let chosenIdx = curIdx;
        let chosenAt = curAt;
        // Switch when the current thread cannot run now, or its time slice is over.
        const sliceOver = n > 1 && clock - this.sliceStart[c]! >= sliceCycles && policy.preemptible(this.queues[c]![cur]!);
        if (curAt > clock || sliceOver) {
          const qi = this.qIdx[c]!;
          for (let k = 1; k <= n; k++) {
            const i = (cur + k) % n;
            const at = this.readyAt(qi[i]!, clock);
            if (at < chosenAt || (sliceOver && i !== cur && at <= clock && chosen === cur)) {
              chosen = i;
              chosenIdx = qi[i]!;
              chosenAt = at;
            }
          }
        }
        if (chosenAt === Infinity) continue;
        if (chosen !== cur) {
          // A context switch is an interrupt: it aborts a hardware transaction the outgoing
          // thread had open on this core (the next thread must not run inside it).
          const out = this.queues[c]![cur]!;
          if (out.tx !== null && port.htm.active(c as CoreId)) {
            port.htm.unfriendly(c as CoreId);
            if (this.watched.length !== 0) this.refreshWatched(); // its handlers may roll threads back
          }
          ci[k0 + K_CUR] = chosen;
          ci[k0 + K_CUR_IDX] = chosenIdx;
          this.sliceStart[c] = Math.max(clock, chosenAt);
        }
        active++;
        if (chosenAt < bestAt) {
          bestAt = chosenAt;
          best = c;
          bestIdx = chosenIdx;
        }
      }
      if (best < 0) {
        if (this.liveThreads() === 0) return { kind: 'finished' };
        return { kind: 'deadlock', detail: this.describeBlocked() };
      }
      const core = best as CoreId;
      const ti = bestIdx;
      const t = this.byIdx[ti]!;
      const b = ti * TF;
      if (bestAt >= this.alarmAt) {
        const fire = this.alarm!;
        this.setAlarm(Infinity, null);
        fire();
      }
      const clock = port.now(core) as number;
      if (bestAt > clock) {
        const gap = bestAt - clock;
        const reason = this.parkReasons[ti] ?? null;
        if (reason !== null) {
          this.accounting[best]!.lockWaitCycles += gap;
          this.ledger.wait(core, reason, gap);
          if (this.timeline.enabled) {
            const kind = reason === 'stm-conflict' || reason === 'inevitable' ? 'stm-wait' : 'lock-wait';
            this.timeline.span(core, t.id, kind, clock, bestAt);
          }
        } else {
          this.accounting[best]!.idleCycles += gap;
          // The end of the gap that is the OS waking the thread (a new thread, or one whose event
          // happened) is scheduling latency; the rest the core had nothing to run.
          const woken = this.tf[b + F_WOKEN]!;
          const wake = woken >= 0 ? woken : this.tf[b + F_BORN]!;
          const os = wake === bestAt ? Math.min(gap, this.opts.wakeupCycles) : 0;
          this.ledger.idle(core, gap, os);
          if (this.timeline.enabled) this.timeline.span(core, t.id, 'idle', clock, bestAt);
        }
        port.advanceTo(core, asCycles(bestAt));
      }
      const tf = this.tf; // (advanceTo's abort handlers may have grown it)
      if (tf[b + F_PARKED]! >= 0) {
        tf[b + F_PARKED] = -1;
        this.parkReasons[ti] = null;
      }
      tf[b + F_WOKEN] = -1;
      if (bestAt > this.opts.maxCycles) return { kind: 'cycle-limit', cycles: bestAt };

      this.ledger.enter(t);
      if (!policy.admit(t)) {
        this.ledger.leave(t);
        stale = true;
        continue;
      }
      const start = port.now(core) as number;
      const startedInTx = t.tx !== null;
      const budget = policy.stepBudget(t, active > 1 || anyBlocked ? this.opts.quantum : this.opts.soloQuantum);
      let outcome: StepOutcome;
      try {
        outcome = this.interp.step(t, budget);
      } catch (err) {
        if (err !== CYCLE_LIMIT_SIGNAL) throw err;
        return { kind: 'cycle-limit', cycles: port.now(core) as number };
      }
      const end = port.now(core) as number;
      if (this.timeline.enabled && !startedInTx && t.tx === null) this.timeline.span(core, t.id, policy.runningKind(t), start, end);
      policy.afterStep(t, outcome);
      this.ledger.leave(t);
      if (end > this.opts.maxCycles) return { kind: 'cycle-limit', cycles: end };
      this.observe(ti, t);
      anyBlocked = this.watched.length !== 0 && this.refreshWatched();
      stale = false;
      if (anyBlocked) this.noticeWakeups(end);
    }
  }

  private describeBlocked(): string {
    const parts: string[] = [];
    for (const t of this.interp.threads) {
      if (t.state === 'done') continue;
      const i = this.index(t);
      const why = t.blockedOn?.kind ?? (this.tf[i * TF + F_PARKED]! >= 0 ? `parked (${this.parkReasons[i]})` : t.state);
      parts.push(`${t.name}: ${why}`);
    }
    return parts.join(', ');
  }

  /** Cores' final clocks: the run ends when the last core does; earlier cores idle until then. */
  finish(): number {
    let end = 0;
    for (let c = 0; c < this.cores; c++) end = Math.max(end, this.port.now(c as CoreId) as number);
    for (let c = 0; c < this.cores; c++) {
      const clock = this.port.now(c as CoreId) as number;
      if (clock < end) {
        this.accounting[c]!.idleCycles += end - clock;
        this.ledger.idle(c as CoreId, end - clock);
        if (this.timeline.enabled) this.timeline.span(c as CoreId, -1, 'idle', clock, end);
        this.port.advanceTo(c as CoreId, asCycles(end));
      }
    }
    return end;
  }
}
