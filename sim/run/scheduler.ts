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
import type { GuestThread, StepOutcome } from '../interp/interpreter.js';
import type { ParkReason, Policy, SchedulerControl } from '../policies/policy.js';
import type { TimelineRecorder } from './timeline.js';

/** The slice of the interpreter the scheduler drives. */
export interface SchedInterp {
  readonly threads: GuestThread[];
  step(t: GuestThread, maxBytecodes: number): StepOutcome;
  canResume(t: GuestThread): boolean;
  wakeCycle(t: GuestThread): number;
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

interface Slot {
  /** Cycle the policy parked the thread until (Infinity: until unparked), or -1 when not parked. */
  parkedUntil: number;
  parkReason: ParkReason | null;
  /** Cycle an event-blocked thread became resumable (-1: not yet seen). */
  wokenAt: number;
  /** A new thread cannot run before its creator started it (plus the OS wake-up of a new thread):
   *  its core's clock may be far behind the creator's. */
  bornAt: number;
}

export interface CoreAccounting {
  idleCycles: number;
  lockWaitCycles: number;
}

export class Scheduler implements SchedulerControl {
  private queues: GuestThread[][] = [];
  private current: number[] = [];
  private sliceStart = new Float64Array(0);
  /** Per thread, indexed by id + 1 (ids are small sequential integers; the boot thread is -1). */
  private readonly slots: (Slot | undefined)[] = [];
  private placed = 0;
  accounting: CoreAccounting[] = [];
  private policy: Policy | null = null;
  private cores = 0;

  constructor(
    private readonly interp: SchedInterp,
    private readonly port: MemoryPort,
    private readonly timeline: TimelineRecorder,
    private readonly opts: SchedulerOptions,
  ) {}

  /** Installs the policy and sizes the scheduler to the cores it uses (serial: one). */
  setPolicy(p: Policy): void {
    this.policy = p;
    const n = Math.max(1, Math.min(this.opts.cores, p.coresUsed(this.opts.cores)));
    this.cores = n;
    this.queues = Array.from({ length: n }, () => []);
    this.current = new Array<number>(n).fill(0);
    this.sliceStart = new Float64Array(n);
    this.accounting = Array.from({ length: n }, () => ({ idleCycles: 0, lockWaitCycles: 0 }));
  }

  // ── SchedulerControl (for policies) ──
  park(t: GuestThread, reason: ParkReason, until?: number): void {
    const s = this.slot(t);
    s.parkedUntil = until ?? Infinity;
    s.parkReason = reason;
  }
  unpark(t: GuestThread, at: number): void {
    const s = this.slot(t);
    if (s.parkedUntil < 0) return;
    s.parkedUntil = Math.max(at, 0);
  }
  isParked(t: GuestThread): boolean {
    return this.slot(t).parkedUntil >= 0;
  }
  liveThreads(): number {
    let n = 0;
    for (const t of this.interp.threads) if (t.state !== 'done') n++;
    return n;
  }

  private slot(t: GuestThread): Slot {
    let s = this.slots[t.id + 1];
    if (s === undefined) {
      s = { parkedUntil: -1, parkReason: null, wokenAt: -1, bornAt: 0 };
      this.slots[t.id + 1] = s;
    }
    return s;
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
      this.queues[best]!.push(t);
      this.slot(t).bornAt = t.isMain ? 0 : t.createdAt + this.opts.wakeupCycles;
    }
  }

  /** When t could run next: a cycle, or Infinity. */
  private readyAt(t: GuestThread, clock: number): number {
    if (t.state === 'done') return Infinity;
    const s = this.slot(t);
    let at = clock > s.bornAt ? clock : s.bornAt;
    if (s.parkedUntil >= 0) at = Math.max(at, s.parkedUntil);
    if (t.state === 'blocked') {
      const wake = this.interp.wakeCycle(t);
      if (wake >= 0) at = Math.max(at, wake);
      else if (s.wokenAt >= 0) at = Math.max(at, s.wokenAt);
      else return Infinity;
    }
    return at;
  }

  /** Event-blocked threads whose condition now holds wake after the OS wake-up latency. */
  private noticeWakeups(now: number): void {
    for (const q of this.queues) {
      for (const t of q) {
        if (t.state !== 'blocked' || this.interp.wakeCycle(t) >= 0) continue;
        const s = this.slot(t);
        if (s.wokenAt < 0 && this.interp.canResume(t)) s.wokenAt = now + this.opts.wakeupCycles;
      }
    }
  }

  /** Runs until every thread is done, the cycle limit passes, or nothing can ever run. */
  run(): SchedulerEnd {
    const policy = this.policy;
    if (policy === null) throw new Error('scheduler: no policy');
    const port = this.port;
    const nCores = this.cores;
    const pickT: (GuestThread | null)[] = new Array<GuestThread | null>(nCores).fill(null);
    const pickAt = new Float64Array(nCores);
    let anyBlocked = false;
    for (;;) {
      this.placeNew();
      // Choose, per core, the thread to run and when; then the earliest core.
      let best = -1;
      let bestAt = Infinity;
      let active = 0;
      for (let c = 0; c < nCores; c++) {
        const q = this.queues[c]!;
        pickT[c] = null;
        pickAt[c] = Infinity;
        if (q.length === 0) continue;
        const clock = port.now(c as CoreId) as number;
        const cur = this.current[c]!;
        const curT = q[cur];
        const curAt = curT !== undefined ? this.readyAt(curT, clock) : Infinity;
        let chosen = cur;
        let chosenAt = curAt;
        // Switch when the current thread cannot run now, or its time slice is over.
        const sliceOver = q.length > 1 && clock - this.sliceStart[c]! >= this.opts.sliceCycles;
        if (curAt > clock || sliceOver) {
          for (let k = 1; k <= q.length; k++) {
            const i = (cur + k) % q.length;
            const at = this.readyAt(q[i]!, clock);
            if (at < chosenAt || (sliceOver && i !== cur && at <= clock && chosen === cur)) {
              chosen = i;
              chosenAt = at;
            }
          }
        }
        if (chosenAt === Infinity) continue;
        if (chosen !== cur) {
          // A context switch is an interrupt: it aborts a hardware transaction the outgoing
          // thread had open on this core (the next thread must not run inside it).
          const out = q[cur];
          if (out !== undefined && out.tx !== null && port.htm.active(c as CoreId)) port.htm.unfriendly(c as CoreId);
          this.current[c] = chosen;
          this.sliceStart[c] = Math.max(clock, chosenAt);
        }
        pickT[c] = q[chosen]!;
        pickAt[c] = chosenAt;
        active++;
        if (chosenAt < bestAt) {
          bestAt = chosenAt;
          best = c;
        }
      }
      if (best < 0) {
        if (this.liveThreads() === 0) return { kind: 'finished' };
        return { kind: 'deadlock', detail: this.describeBlocked() };
      }
      const core = best as CoreId;
      const t = pickT[best]!;
      const s = this.slot(t);
      const clock = port.now(core) as number;
      if (bestAt > clock) {
        const gap = bestAt - clock;
        if (s.parkReason !== null) {
          this.accounting[best]!.lockWaitCycles += gap;
          if (this.timeline.enabled) this.timeline.span(core, t.id, 'lock-wait', clock, bestAt);
        } else {
          this.accounting[best]!.idleCycles += gap;
          if (this.timeline.enabled) this.timeline.span(core, t.id, 'idle', clock, bestAt);
        }
        port.advanceTo(core, asCycles(bestAt));
      }
      if (s.parkedUntil >= 0) {
        s.parkedUntil = -1;
        s.parkReason = null;
      }
      s.wokenAt = -1;
      if (bestAt > this.opts.maxCycles) return { kind: 'cycle-limit', cycles: bestAt };

      if (!policy.admit(t)) continue;
      const start = port.now(core) as number;
      const startedInTx = t.tx !== null;
      const budget = policy.stepBudget(t, active > 1 || anyBlocked ? this.opts.quantum : this.opts.soloQuantum);
      const outcome = this.interp.step(t, budget);
      const end = port.now(core) as number;
      if (this.timeline.enabled && !startedInTx && t.tx === null) this.timeline.span(core, t.id, policy.runningKind(t), start, end);
      policy.afterStep(t, outcome);
      if (end > this.opts.maxCycles) return { kind: 'cycle-limit', cycles: end };
      anyBlocked = false;
      for (const q of this.queues) for (const x of q) if (x.state === 'blocked') anyBlocked = true;
      if (anyBlocked) this.noticeWakeups(end);
    }
  }

  private describeBlocked(): string {
    const parts: string[] = [];
    for (const t of this.interp.threads) {
      if (t.state === 'done') continue;
      const s = this.slot(t);
      const why = t.blockedOn?.kind ?? (s.parkedUntil >= 0 ? `parked (${s.parkReason})` : t.state);
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
        if (this.timeline.enabled) this.timeline.span(c as CoreId, -1, 'idle', clock, end);
        this.port.advanceTo(c as CoreId, asCycles(end));
      }
    }
    return end;
  }
}
