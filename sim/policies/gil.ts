/**
 * The GIL, CPython style, in two modes.
 *
 * `ticks` (Python 2): every `checkInterval` bytecodes — at any instruction boundary, as 2.7's
 * ceval decremented _Py_Ticker at the top of its loop (it skipped the count only for its "fast"
 * opcodes; here every bytecode counts) — the holder releases the lock and takes it again. When a
 * thread waits, the release signals it and the holder re-acquires `retakeCycles` later; the
 * signalled waiter needs `wakeupCycles` (plus seeded jitter) to run and by then the holder has the
 * lock again, so it goes back to sleep until the next signal. It wins only when it happens to
 * wake inside one of the holder's short release windows: on a multicore the releaser nearly
 * always retakes the lock, and a waking thread's latency is large but finite (Beazley, PyCon 2010).
 *
 * `interval` (Python 3.2+): a waiter sleeps up to `switchIntervalUs`; if no switch happened in that
 * time it sets the drop request. The holder sees it at its next yield point (the eval breaker),
 * drops the lock and, with forced switching, waits until another thread has taken it.
 *
 * Yield points are CPython 3.10+'s eval-breaker points: function entry, loop back-edges and
 * function return (sim/interp/hooks.ts). A thread that blocks (lock, join, sleep, task wait) or
 * finishes releases the GIL, as Py_BEGIN_ALLOW_THREADS does.
 */
import type { GuestThread, StepOutcome } from '../interp/interpreter.js';
import type { UnfriendlyKind } from '../interp/values.js';
import { PolicyBase } from './policy-base.js';
import { GilLock } from './gil-lock.js';
import type { PolicyEnv } from './policy.js';
import { xorshift32, xorshiftSeed } from '../common/xorshift.js';

interface WaitState {
  since: number;
  switchesAtWait: number;
}

export class GilPolicy extends PolicyBase {
  readonly name = 'gil' as const;
  private readonly lock: GilLock;
  private readonly waiting = new Map<GuestThread, WaitState>();
  private readonly queue: GuestThread[] = [];
  private dropRequest = false;
  /** A holder that dropped the lock under forced switching, parked until someone else takes it. */
  private forced: GuestThread | null = null;
  private readonly lastCheck = new Map<GuestThread, number>();
  private readonly atomicDepth = new Map<GuestThread, number>();
  private readonly intervalCycles: number;
  /** Waiters signalled and not yet run (ticks mode): no further signal until they have run. */
  private readonly waking = new Set<GuestThread>();
  /** The OS-noise generator (xorshift32 from the point's seed): deterministic jitter. */
  private rng: number;

  constructor(private readonly env: PolicyEnv) {
    super();
    this.lock = new GilLock(env.port, env.gilAddr, this.st.gil, env.cycles);
    this.intervalCycles = Math.max(1, Math.round(env.gil.switchIntervalUs * 1000 * env.port.freqGHz));
    this.rng = xorshiftSeed(env.seed, 0x5bd1e995);
  }

  private jitter(): number {
    const max = this.env.gil.wakeupJitterCycles;
    if (max <= 0) return 0;
    this.rng = xorshift32(this.rng);
    return this.rng % (max + 1);
  }

  /** t holds the lock outside an atomic block: the only state in which it may give the lock up. */
  private maySwitch(t: GuestThread): boolean {
    return this.lock.holder === t && (this.atomicDepth.get(t) ?? 0) === 0;
  }

  /** Ticks mode: end the holder's step exactly where its check interval runs out. */
  override stepBudget(t: GuestThread, budget: number): number {
    if (this.env.gil.mode !== 'ticks' || !this.maySwitch(t)) return budget;
    const left = this.env.gil.checkInterval - (t.bytecodes - (this.lastCheck.get(t) ?? 0));
    return Math.max(1, Math.min(budget, left));
  }

  /** Ticks mode: the holder's check, after a step that ended at its check interval. */
  private tickCheck(t: GuestThread): void {
    if (t.bytecodes - (this.lastCheck.get(t) ?? 0) < this.env.gil.checkInterval) return;
    this.lastCheck.set(t, t.bytecodes);
    if (this.queue.length === 0) {
      // Python 2 released and re-acquired whether or not anyone waited.
      this.lock.release(t);
      this.lock.tryAcquire(t);
      return;
    }
    // Python 2: release (signalling a sleeping waiter), then take the lock again. The lock is
    // free for retakeCycles; the holder is parked that long and a waiter that wakes meanwhile
    // takes it first.
    const now = this.env.port.now(t.core) as number;
    this.lock.release(t);
    if (this.waking.size === 0) {
      const next = this.queue.find((w) => this.env.sched.isParked(w));
      if (next !== undefined) {
        this.waking.add(next);
        this.env.sched.unpark(next, now + this.env.gil.wakeupCycles + this.jitter());
      }
    }
    this.env.sched.park(t, 'gil', now + this.env.gil.retakeCycles);
  }




  override admit(t: GuestThread): boolean {
    if (this.lock.holder === t) return true;
    this.waking.delete(t);
    const now = this.env.port.now(t.core) as number;
    if (this.forced === t) {
      // Forced switching: the dropper may not retake the lock before another thread took it.
      this.env.sched.park(t, 'gil-forced');
      return false;
    }
    if (this.lock.tryAcquire(t)) {
      this.acquired(t, now);
      return true;
    }
    let w = this.waiting.get(t);
    if (w === undefined) {
      w = { since: now, switchesAtWait: this.st.gil.switches };
      this.waiting.set(t, w);
      this.queue.push(t);
    } else if (this.env.gil.mode === 'interval' && now >= w.since + this.intervalCycles) {
      // Timed out with no switch in between: ask the holder to drop the lock.
      if (this.st.gil.switches === w.switchesAtWait && !this.dropRequest) {
        this.dropRequest = true;
        this.st.gil.dropRequests++;
      }
      w.since = now;
      w.switchesAtWait = this.st.gil.switches;
    }
    const until = this.env.gil.mode === 'interval' ? w.since + this.intervalCycles : undefined;
    this.env.sched.park(t, 'gil', until);
    return false;
  }

  private acquired(t: GuestThread, _now: number): void {
    const w = this.waiting.get(t);
    if (w !== undefined) {
      this.waiting.delete(t);
      const i = this.queue.indexOf(t);
      if (i >= 0) this.queue.splice(i, 1);
    }
    this.dropRequest = false;
    this.lastCheck.set(t, t.bytecodes);
    if (this.forced !== null && this.forced !== t) {
      const f = this.forced;
      this.forced = null;
      this.env.sched.unpark(f, this.env.port.now(t.core) as number);
    }
  }

  /** Release and signal the first waiter (condition-variable signal: it runs after a wake-up). */
  private releaseAndSignal(t: GuestThread): void {
    if (this.lock.holder !== t) return;
    this.lock.release(t);
    const now = this.env.port.now(t.core) as number;
    const next = this.queue.find((w) => this.env.sched.isParked(w));
    if (next !== undefined) {
      this.waking.add(next);
      this.env.sched.unpark(next, now + this.env.gil.wakeupCycles);
    }
  }

  override yieldPoint(t: GuestThread): boolean {
    if (!this.maySwitch(t)) return false;
    // Ticks mode checks at any instruction boundary (stepBudget / afterStep), not here.
    if (this.env.gil.mode === 'ticks' || !this.dropRequest) return false;
    this.dropRequest = false;
    this.releaseAndSignal(t);
    if (this.env.gil.forcedSwitching && this.queue.length > 0) this.forced = t;
    return true;
  }

  override beforeUnfriendly(t: GuestThread, kind: UnfriendlyKind): boolean {
    // Blocking operations release the GIL when they actually block (afterStep 'blocked').
    void kind;
    void t;
    return true;
  }

  override atomicEnter(t: GuestThread): void {
    this.atomicDepth.set(t, (this.atomicDepth.get(t) ?? 0) + 1);
  }

  override atomicExit(t: GuestThread): void {
    this.atomicDepth.set(t, Math.max(0, (this.atomicDepth.get(t) ?? 0) - 1));
  }

  override afterStep(t: GuestThread, outcome: StepOutcome): void {
    if (outcome === 'blocked' || outcome === 'done') this.releaseAndSignal(t);
    else if (this.env.gil.mode === 'ticks' && this.maySwitch(t)) this.tickCheck(t);
    if (outcome === 'done') {
      this.waiting.delete(t);
      const i = this.queue.indexOf(t);
      if (i >= 0) this.queue.splice(i, 1);
      if (this.forced === t) this.forced = null;
      this.waking.delete(t);
    }
  }

  /** Exposed for tests and the HTM policy's statistics. */
  get holder(): GuestThread | null {
    return this.lock.holder;
  }
}
