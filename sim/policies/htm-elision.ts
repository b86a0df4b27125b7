/**
 * GIL elision with hardware transactions (Odaira et al., PPoPP 2014, for Ruby; glibc's lock elision
 * for the retry rules).
 *
 * Each thread runs transactions between yield points: at a yield point whose transaction has run
 * `txLength` bytecodes (fixed, or adapted per yield point: shrink on aborts, grow on commits) it
 * commits (XEND) and the next step begins a new one (XBEGIN) there. Inside, the GIL word is read,
 * so a thread that takes the lock aborts every running transaction (a held lock ⇒ XABORT 0xff).
 * After an abort the thread retries — per cause: `conflictRetries` for conflicts, `capacityRetries`
 * for capacity (no retry bit ⇒ fall back at once, as glibc), `retries` for the rest — then falls
 * back: it takes the GIL (a write, so every transaction reading the word aborts: the lemming
 * effect) and runs about one transaction's length non-transactionally. With `waitForLockFree` a
 * thread waits until the GIL is free before it retries, the published cure for the lemming effect.
 * Unfriendly operations (print, sleep, blocking, thread start/join) commit the running transaction
 * and run under the GIL.
 */
import type { CoreId } from '../common/brand.js';
import { XABORT_RETRY, XBEGIN_STARTED, type AbortCause } from '../machine/port.js';
import { PolicyBase } from './policy-base.js';
import type { GuestThread, StepOutcome } from '../interp/interpreter.js';
import type { UnfriendlyKind } from '../interp/values.js';
import type { CodeObject } from '../interp/chunk.js';
import { AdaptiveLengths } from './adaptive-length.js';
import { GilLock } from './gil-lock.js';
import type { PolicyEnv, SpanKind } from './policy.js';

/** XABORT code used when the GIL is found held inside a transaction. */
export const GIL_HELD_ABORT_CODE = 0xff;

type Mode = 'spec' | 'fallback' | 'gil-op';

interface ThreadState {
  readonly t: GuestThread;
  mode: Mode;
  /** t.bytecodes when the running transaction (or fallback stretch) began. */
  startBytecodes: number;
  startCycle: number;
  site: number;
  conflictAborts: number;
  capacityAborts: number;
  otherAborts: number;
  inTx: boolean;
  /** Atomic-block nesting when the transaction began (restored by a rollback). */
  atomicAtBegin: number;
  /** `transaction.atomic()` nesting: no transaction ends inside one. */
  atomicDepth: number;
  /** Cycles of elision bookkeeping (reading the GIL word) in the running transaction: overhead
   *  if it commits, part of the machine's rolled-back cycles if it aborts. */
  txOverhead: number;
}

export class HtmElisionPolicy extends PolicyBase {
  readonly name = 'htm' as const;
  private readonly lock: GilLock;
  /** Per thread, indexed by id + 1 (small sequential integers; the boot thread is -1). */
  private readonly byIdx: (ThreadState | undefined)[] = [];
  /** The same states in the order the threads were first seen. */
  private readonly threads: ThreadState[] = [];
  private readonly lengths: AdaptiveLengths;
  private readonly codeIds = new WeakMap<CodeObject, number>();
  private nextCodeId = 1;

  constructor(private readonly env: PolicyEnv) {
    super();
    this.lock = new GilLock(env.port, env.gilAddr, this.st.gil, env.cycles);
    const L = env.htm.txLength;
    this.lengths = new AdaptiveLengths({
      initial: L, min: Math.max(1, Math.floor(L / 64)), max: L * 16, shrink: 0.5, grow: 2, growAfter: 4,
    });
  }

  private state(t: GuestThread): ThreadState {
    const s = this.byIdx[t.id + 1];
    if (s !== undefined) return s;
    const n: ThreadState = {
      t, mode: 'spec', startBytecodes: 0, startCycle: 0, site: 0, conflictAborts: 0, capacityAborts: 0, otherAborts: 0,
      inTx: false, atomicAtBegin: 0, atomicDepth: 0, txOverhead: 0,
    };
    while (this.byIdx.length <= t.id + 1) this.byIdx.push(undefined);
    this.byIdx[t.id + 1] = n;
    this.threads.push(n);
    return n;
  }

  /** A yield point's identity: the code object and instruction where the transaction begins. */
  private siteOf(t: GuestThread): number {
    const f = t.frames[t.frames.length - 1];
    if (f === undefined) return 0;
    let id = this.codeIds.get(f.code);
    if (id === undefined) {
      id = this.nextCodeId++;
      this.codeIds.set(f.code, id);
    }
    return id * 1_000_003 + f.pc;
  }

  private length(s: ThreadState): number {
    return this.env.htm.adaptive ? this.lengths.get(s.site) : this.env.htm.txLength;
  }

  override runningKind(t: GuestThread): SpanKind {
    return this.state(t).mode === 'spec' ? 'running' : 'fallback';
  }

  override admit(t: GuestThread): boolean {
    const s = this.state(t);
    if (s.inTx) return true;
    if (s.mode !== 'spec') return this.acquireGil(t, s);
    const port = this.env.port;
    if (this.lock.isHeld()) {
      if (this.env.htm.waitForLockFree) {
        this.st.htm.lockFreeWaits++;
        this.env.sched.park(t, 'lock-free');
        return false;
      }
    }
    const status = port.htm.begin(t.core);
    if (status >>> 0 !== XBEGIN_STARTED) return false; // aborted at once (handler already ran)
    this.env.interp.txBegin(t, 'auto');
    s.inTx = true;
    s.atomicAtBegin = s.atomicDepth;
    // Sites only key the adaptive lengths.
    if (this.env.htm.adaptive) s.site = this.siteOf(t);
    s.startBytecodes = t.bytecodes;
    s.startCycle = port.now(t.core) as number;
    const held = this.lock.observe(t);
    if (s.inTx) s.txOverhead = (port.now(t.core) as number) - s.startCycle;
    if (held) {
      // The lock is held: a transaction must not run beside the lock holder.
      port.htm.abort(t.core, GIL_HELD_ABORT_CODE);
      return false;
    }
    return true;
  }

  private acquireGil(t: GuestThread, s: ThreadState): boolean {
    if (this.lock.holder === t) return true; // still holding it from an earlier step
    if (this.lock.tryAcquire(t)) {
      s.startBytecodes = t.bytecodes;
      s.startCycle = this.env.port.now(t.core) as number;
      return true;
    }
    this.env.sched.park(t, 'fallback-lock');
    return false;
  }

  private releaseGil(t: GuestThread, s: ThreadState): void {
    if (s.mode === 'fallback') this.st.htm.fallbackBytecodes += t.bytecodes - s.startBytecodes;
    if (this.lock.holder === t) {
      this.lock.release(t);
      const now = this.env.port.now(t.core) as number;
      // A spin lock: every waiter sees the release after one cache-line transfer, no OS wake-up.
      const all = this.threads;
      for (let i = 0; i < all.length; i++) {
        const other = all[i]!.t;
        if (other !== t && this.env.sched.isParked(other)) this.env.sched.unpark(other, now);
      }
    }
    s.mode = 'spec';
  }

  private commit(t: GuestThread, s: ThreadState): void {
    const port = this.env.port;
    // Only the outermost level is the policy's; a guest rtm region nested inside ends it itself.
    if (port.htm.active(t.core)) port.htm.end(t.core);
    this.env.interp.txCommit(t);
    s.inTx = false;
    this.env.cycles.overhead(t.core, s.txOverhead);
    s.txOverhead = 0;
    s.conflictAborts = s.capacityAborts = s.otherAborts = 0;
    if (this.env.htm.adaptive) this.lengths.onCommit(s.site);
    const tl = this.env.timeline;
    if (tl.enabled) tl.span(t.core, t.id, 'tx-committed', s.startCycle, port.now(t.core) as number);
  }

  override yieldPoint(t: GuestThread): boolean {
    const s = this.state(t);
    if (s.atomicDepth > 0) return false;
    if (s.inTx) {
      if (t.bytecodes - s.startBytecodes < this.length(s)) return false;
      // A guest rtm region (xbegin … xend) is open inside this transaction: never split it.
      if (this.env.port.htm.depth(t.core) > 1) return false;
      this.commit(t, s);
      return true;
    }
    if (s.mode !== 'spec' && this.lock.holder === t) {
      if (s.mode === 'fallback' && t.bytecodes - s.startBytecodes < this.length(s)) return false;
      this.releaseGil(t, s);
      return true;
    }
    return false;
  }

  override beforeUnfriendly(t: GuestThread, kind: UnfriendlyKind): boolean {
    void kind;
    const s = this.state(t);
    if (this.lock.holder === t) return true;
    if (s.inTx) this.commit(t, s);
    // Run the operation under the GIL: suspend, take the lock in admit, re-execute.
    this.st.htm.unfriendly++;
    s.mode = 'gil-op';
    return false;
  }

  override atomicEnter(t: GuestThread): void {
    this.state(t).atomicDepth++;
  }

  override atomicExit(t: GuestThread): void {
    const s = this.state(t);
    s.atomicDepth = Math.max(0, s.atomicDepth - 1);
  }

  override transactionRunMode(): 'serial' | 'parallel' {
    return 'parallel';
  }

  /** Called by the VM after it rolled t back (t may not be the running thread). */
  onHwAbort(t: GuestThread, status: number, cause: AbortCause): void {
    const s = this.state(t);
    const port = this.env.port;
    const now = port.now(t.core as CoreId) as number;
    const tl = this.env.timeline;
    if (tl.enabled && s.inTx) tl.span(t.core, t.id, 'tx-aborted', s.startCycle, now);
    if (s.inTx) s.atomicDepth = s.atomicAtBegin;
    s.inTx = false;
    s.txOverhead = 0;
    if (this.env.htm.adaptive) this.lengths.onAbort(s.site);
    let fallBack: boolean;
    switch (cause) {
      case 'conflict':
        fallBack = ++s.conflictAborts > this.env.htm.conflictRetries;
        break;
      case 'capacity':
        // No retry bit: retrying the same transaction cannot succeed (glibc falls back at once).
        fallBack = ++s.capacityAborts > this.env.htm.capacityRetries || (status & XABORT_RETRY) === 0;
        break;
      case 'explicit':
      case 'interrupt':
      case 'unfriendly':
      case 'nested':
      case 'other':
        fallBack = ++s.otherAborts > this.env.htm.retries;
        break;
      default: {
        const _never: never = cause;
        fallBack = _never;
      }
    }
    if (fallBack) {
      s.mode = 'fallback';
      s.conflictAborts = s.capacityAborts = s.otherAborts = 0;
      this.st.htm.fallbacks++;
    } else if (this.env.htm.waitForLockFree && this.lock.isHeld() && this.lock.holder !== t) {
      this.st.htm.lockFreeWaits++;
      if (!this.env.sched.isParked(t)) this.env.sched.park(t, 'lock-free');
    }
  }

  override afterStep(t: GuestThread, outcome: StepOutcome): void {
    const s = this.state(t);
    if (outcome === 'done' || outcome === 'blocked') {
      if (s.inTx) this.commit(t, s);
      if (this.lock.holder === t) this.releaseGil(t, s);
      else s.mode = 'spec';
    }
  }
}
