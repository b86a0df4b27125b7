/**
 * PyPy-STM-style software transactional memory (Meier, Rigo, Gross; the stmgc design).
 *
 * Every thread always runs inside a transaction. Conflicts are tracked per object
 * (StmConflictTracker): write–write eagerly in the write barrier (the second writer aborts itself),
 * read–write when the writer commits (its readers abort: the committer wins; `reader-wins` makes
 * the committer abort instead). A transaction is broken at a yield point once it has run
 * `txLength` bytecodes (0: never), except inside `with transaction.atomic():` or a
 * `transaction.run()` task, which are one transaction each. Before I/O a transaction becomes
 * inevitable (it can no longer abort); only one may be inevitable at a time and others wait.
 * Barrier, begin and commit costs are charged to the core as simulated work.
 *
 * A guest `rtm` region (xbegin … xend) is a hardware transaction, not part of the STM one: the
 * STM transaction commits at the outermost xbegin (rtmBegin), the region runs with the hardware's
 * own undo state and conflict detection (no STM barriers, no STM tracking), and the next STM
 * transaction begins after xend or after the region aborted — so a region that overflows the
 * write buffer aborts with XABORT_CAPACITY and the guest's xbegin returns that status, as the C
 * intrinsic does. A region inside an atomic block splits the block there.
 */
import type { GuestThread, StepOutcome } from '../interp/interpreter.js';
import { BARRIER_ABORT, BARRIER_CONTINUE, type BarrierResult } from '../interp/hooks.js';
import { PolicyBase } from './policy-base.js';
import type { PyObject, UnfriendlyKind } from '../interp/values.js';
import type { PolicyEnv } from './policy.js';
import { StmConflictTracker, type StmConflictKind } from './stm-conflicts.js';

interface ThreadState {
  startBytecodes: number;
  startCycle: number;
  /** Nesting of atomic blocks and tasks: no automatic break while > 0. */
  atomic: number;
  /** The nesting the thread has again when a rollback returns it to its transaction's start. */
  atomicAtBegin: number;
  waitingInevitableSince: number;
  /** t.bytecodes already charged the per-bytecode frame barrier. */
  chargedBytecodes: number;
  /** The thread's running cycles (CycleLedger.runCycles) when its transaction began. */
  runAtBegin: number;
  /** Barrier cycles charged in the running transaction: overhead if it commits, rolled-back
   *  work if it aborts. */
  txBarrierCycles: number;
}

export class StmPolicy extends PolicyBase {
  readonly name = 'stm' as const;
  override readonly barriers: boolean = true;
  private readonly tracker = new StmConflictTracker();
  private readonly threads = new Map<GuestThread, ThreadState>();
  private readonly byId = new Map<number, GuestThread>();
  /** Threads that lost a write–write conflict, by the transaction they wait for. */
  private readonly waitingFor = new Map<number, GuestThread[]>();

  constructor(private readonly env: PolicyEnv) {
    super();
  }




  private state(t: GuestThread): ThreadState {
    let s = this.threads.get(t);
    if (s === undefined) {
      s = {
        startBytecodes: 0, startCycle: 0, atomic: 0, atomicAtBegin: 0, waitingInevitableSince: -1, chargedBytecodes: 0,
        runAtBegin: 0, txBarrierCycles: 0,
      };
      this.threads.set(t, s);
      this.byId.set(t.id, t);
    }
    return s;
  }

  private charge(t: GuestThread, cycles: number): void {
    if (cycles > 0) this.env.port.advance(t.core, cycles);
  }

  /**
   * Starts t's transaction. Between steps (admit) a rollback resumes at the current instruction
   * ('auto'); inside a builtin call (atomic(), a task's start or end) it resumes as if that call
   * had just returned ('rtm' resumption), so the instruction is not re-executed half-done.
   */
  private begin(t: GuestThread, s: ThreadState, midCall: boolean, atomicAfter: number): void {
    this.tracker.begin(t.id);
    this.env.interp.txBegin(t, midCall ? 'rtm' : 'auto');
    s.atomicAtBegin = atomicAfter;
    this.charge(t, this.env.stm.beginCycles);
    this.env.cycles.txBeginCommit(t.core, this.env.stm.beginCycles);
    s.startBytecodes = t.bytecodes;
    s.startCycle = this.env.port.now(t.core) as number;
    s.runAtBegin = this.env.cycles.runCycles(t);
    s.txBarrierCycles = 0;
    this.st.stm.begun++;
  }

  override admit(t: GuestThread): boolean {
    const s = this.state(t);
    if (!this.tracker.isLive(t.id) && !this.inRtm(t)) this.begin(t, s, false, s.atomic);
    return true;
  }

  /** t is inside a guest hardware region: the hardware isolates it, the STM stays out. */
  private inRtm(t: GuestThread): boolean {
    return this.env.port.htm.active(t.core);
  }

  rtmBegin(t: GuestThread): void {
    const s = this.state(t);
    if (!this.tracker.isLive(t.id)) return;
    // A losing commit rolls t back to its transaction's start; the VM unwinds the xbegin call.
    this.commit(t, s);
  }

  /**
   * PyPy-STM's interpreter reaches its frame, a heap object, through a barrier on every bytecode:
   * charged here in bulk for the bytecodes run since the last charge.
   */
  private chargeFrameBarriers(t: GuestThread, s: ThreadState): void {
    const n = t.bytecodes - s.chargedBytecodes;
    s.chargedBytecodes = t.bytecodes;
    if (n <= 0 || !this.tracker.isLive(t.id)) return;
    const c = n * this.env.stm.readBarrierCycles;
    this.st.stm.barrierCycles += c;
    s.txBarrierCycles += c;
    this.charge(t, c);
  }

  /**
   * Aborts t's transaction (t may be running or not) and restarts its bookkeeping. `obj` and
   * `other` (the contested object, the transaction on the other side) are for abort forensics.
   */
  private abort(t: GuestThread, kind: StmConflictKind, rollback: boolean, obj: PyObject | null = null, other: GuestThread | null = null): void {
    const s = this.state(t);
    const now = this.env.port.now(t.core) as number;
    const fx = this.env.interp.forensics ?? null;
    if (fx !== null) fx.stmAbort(t, kind, obj?.addr ?? 0, other, Math.max(0, now - s.startCycle), this.env.port.lineBytes);
    this.st.stm.aborted++;
    this.st.stm.abortsByKind[kind]++;
    this.st.stm.wastedCycles += Math.max(0, now - s.startCycle);
    // The attempt's own running time, barriers included (not the waits and other threads' slices
    // that wall time since its start may hold).
    this.env.cycles.rolledBack(t.core, this.env.cycles.runCycles(t) - s.runAtBegin);
    s.txBarrierCycles = 0;
    const tl = this.env.timeline;
    if (tl.enabled) tl.span(t.core, t.id, 'tx-aborted', s.startCycle, now);
    this.endTx(t);
    if (rollback) this.env.interp.txRollback(t, 0);
    // The rollback returns t to its transaction's start, with the nesting it had there.
    s.atomic = s.atomicAtBegin;
    s.chargedBytecodes = t.bytecodes;
  }

  private commit(t: GuestThread, s: ThreadState): boolean {
    this.chargeFrameBarriers(t, s);
    const res = this.env.stm.conflictResolution === 'committer-wins'
      ? this.tracker.commitVictims(t.id)
      : { self: this.tracker.readersOfWrites(t.id).length > 0, victims: [] };
    if (res.self) {
      this.abort(t, this.tracker.hasInevitable() ? 'inevitable' : 'readWrite', true);
      return false;
    }
    for (const v of res.victims) {
      const vt = this.byId.get(v.tx);
      if (vt !== undefined) this.abort(vt, v.kind, true, null, t);
    }
    this.charge(t, this.env.stm.commitCycles);
    this.env.cycles.txBeginCommit(t.core, this.env.stm.commitCycles);
    this.env.cycles.overhead(t.core, s.txBarrierCycles);
    s.txBarrierCycles = 0;
    if (this.tracker.isInevitable(t.id)) this.wakeInevitableWaiters(t);
    this.endTx(t);
    this.env.interp.txCommit(t);
    this.st.stm.committed++;
    const tl = this.env.timeline;
    if (tl.enabled) tl.span(t.core, t.id, 'tx-committed', s.startCycle, this.env.port.now(t.core) as number);
    return true;
  }

  /** Parks t until transaction `winner` ends (commit or abort). */
  private waitFor(t: GuestThread, winner: number): void {
    let q = this.waitingFor.get(winner);
    if (q === undefined) this.waitingFor.set(winner, (q = []));
    q.push(t);
    this.env.sched.park(t, 'stm-conflict');
  }

  /** Ends t's transaction in the tracker and lets those that waited for it retry. */
  private endTx(t: GuestThread): void {
    this.tracker.end(t.id);
    const q = this.waitingFor.get(t.id);
    if (q === undefined) return;
    this.waitingFor.delete(t.id);
    const now = this.env.port.now(t.core) as number;
    for (const w of q) if (this.env.sched.isParked(w)) this.env.sched.unpark(w, now);
  }

  private wakeInevitableWaiters(t: GuestThread): void {
    const now = this.env.port.now(t.core) as number;
    for (const [other, os] of this.threads) {
      if (other !== t && os.waitingInevitableSince >= 0 && this.env.sched.isParked(other)) {
        this.env.sched.unpark(other, now);
      }
    }
  }

  /**
   * Code that runs after a commit inside a step (the rest of an unfriendly operation's step) runs
   * in a new transaction, begun at the first barrier. Barriers come before the instruction's side
   * effects, so a rollback may re-execute that instruction from its start ('auto').
   */
  private ensureLive(t: GuestThread): void {
    if (!this.tracker.isLive(t.id)) {
      const s = this.state(t);
      this.begin(t, s, false, s.atomic);
    }
  }

  override readBarrier(t: GuestThread, obj: PyObject): BarrierResult {
    if (this.inRtm(t)) return BARRIER_CONTINUE;
    this.ensureLive(t);
    // The VM writes in place (with an undo log), so an object another live transaction has
    // written holds uncommitted data. PyPy-STM readers see the committed copy and would lose at
    // the writer's commit anyway (the committer wins): the reader aborts now and waits for the
    // writer to finish. It holds nothing while it waits, so waiting cannot deadlock.
    const owner = this.tracker.ownerOf(obj);
    if (owner >= 0 && owner !== t.id) {
      this.abort(t, 'readWrite', false, obj, this.byId.get(owner) ?? null);
      this.waitFor(t, owner);
      return BARRIER_ABORT;
    }
    this.tracker.read(t.id, obj);
    const c = this.env.stm.readBarrierCycles;
    this.st.stm.barrierCycles += c;
    this.state(t).txBarrierCycles += c;
    this.charge(t, c);
    return BARRIER_CONTINUE;
  }

  override writeBarrier(t: GuestThread, obj: PyObject): BarrierResult {
    if (this.inRtm(t)) return BARRIER_CONTINUE;
    this.ensureLive(t);
    const r = this.tracker.write(t.id, obj);
    if (r.kind === 'abort-self') {
      // Contention management: the loser waits for the winner to finish before it retries,
      // instead of re-running into the same conflict (stmgc waits on write–write conflicts).
      const winner = this.tracker.ownerOf(obj);
      this.abort(t, r.conflict, false, obj, this.byId.get(winner) ?? null);
      if (winner >= 0) this.waitFor(t, winner);
      return BARRIER_ABORT;
    }
    if (r.first) {
      if (this.tracker.isInevitable(t.id)) {
        const displaced = this.tracker.displacedOwner(t.id, obj);
        const dt = displaced >= 0 ? this.byId.get(displaced) : undefined;
        if (dt !== undefined) this.abort(dt, 'inevitable', true, obj, t);
      }
      const c = this.env.stm.writeBarrierCycles;
      this.st.stm.barrierCycles += c;
      this.state(t).txBarrierCycles += c;
      this.charge(t, c);
    }
    return BARRIER_CONTINUE;
  }

  override yieldPoint(t: GuestThread): boolean {
    const s = this.state(t);
    this.chargeFrameBarriers(t, s);
    if (s.atomic > 0 || this.env.stm.txLength <= 0 || !this.tracker.isLive(t.id)) return false;
    if (t.bytecodes - s.startBytecodes < this.env.stm.txLength) return false;
    this.commit(t, s);
    return true;
  }

  override beforeUnfriendly(t: GuestThread, kind: UnfriendlyKind): boolean {
    const s = this.state(t);
    if (!this.tracker.isLive(t.id)) return true;
    switch (kind) {
      case 'output':
      case 'io': {
        if (this.tracker.becomeInevitable(t.id)) {
          if (s.waitingInevitableSince >= 0) {
            this.st.stm.inevitableWaitCycles += (this.env.port.now(t.core) as number) - s.waitingInevitableSince;
            s.waitingInevitableSince = -1;
          }
          this.st.stm.inevitable++;
          return true;
        }
        if (s.waitingInevitableSince < 0) s.waitingInevitableSince = this.env.port.now(t.core) as number;
        this.env.sched.park(t, 'inevitable');
        return false;
      }
      case 'sleep':
      case 'lock-block':
      case 'thread-start':
      case 'thread-join':
      case 'tx-run':
        // The thread may block: end the transaction first; admit begins the next one.
        if (s.atomic > 0) return true;
        if (!this.commit(t, s)) return false;
        return true;
      default: {
        const _never: never = kind;
        return _never;
      }
    }
  }

  /** Atomic blocks and tasks: commit what came before, then run the block as one transaction. */
  private enterSpan(t: GuestThread): void {
    const s = this.state(t);
    if (s.atomic === 0 && this.tracker.isLive(t.id) && t.bytecodes > s.startBytecodes) {
      // A commit that loses rolls t back to before this call: nothing more to do here.
      if (!this.commit(t, s)) return;
    }
    if (!this.tracker.isLive(t.id)) this.begin(t, s, true, s.atomic + 1);
    s.atomic++;
  }

  private exitSpan(t: GuestThread): void {
    const s = this.state(t);
    if (s.atomic > 0) s.atomic--;
    if (s.atomic === 0 && this.tracker.isLive(t.id)) {
      if (this.commit(t, s)) this.begin(t, s, true, 0);
    }
  }

  override atomicEnter(t: GuestThread): void {
    this.enterSpan(t);
  }

  override atomicExit(t: GuestThread): void {
    this.exitSpan(t);
  }

  override taskStart(t: GuestThread): void {
    this.enterSpan(t);
  }

  override taskEnd(t: GuestThread): void {
    this.exitSpan(t);
  }

  override transactionRunMode(): 'serial' | 'parallel' {
    return 'parallel';
  }

  override afterStep(t: GuestThread, outcome: StepOutcome): void {
    if (outcome === 'done' && this.tracker.isLive(t.id)) {
      this.commit(t, this.state(t));
      this.endTx(t);
    }
  }
}
