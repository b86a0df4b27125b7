/**
 * The hooks an execution policy (sim/policies/) plugs into the VM.
 *
 * Yield points (where a GIL may change hands and where automatic transactions may end) are
 * CPython 3.10+'s eval-breaker points: function entry (RESUME), loop back-edges (JUMP_BACKWARD)
 * and function return (RETURN_VALUE). `yieldPoint` is called right AFTER such an instruction has
 * executed (so the thread's state is clean: stopping there and resuming later re-executes nothing).
 * It is not called while the VM runs guest code on behalf of a builtin (a `__repr__` called by
 * `print`, a `key=` function called by `sorted`): those nested runs complete without stopping.
 */
import type { AbortCause } from '../machine/port.js';
import type { GuestThread } from './thread.js';
import type { PyObject, UnfriendlyKind } from './values.js';

/** Barrier verdicts (numbers, so the fast path compares small ints). */
export const BARRIER_CONTINUE = 0;
/** The policy has decided this thread's transaction must abort: the VM calls txRollback itself
 *  unless the policy already did, and the step returns 'aborted'. */
export const BARRIER_ABORT = 1;
/** Suspend before the operation; it is re-executed on the next step. */
export const BARRIER_WAIT = 2;
export type BarrierResult = typeof BARRIER_CONTINUE | typeof BARRIER_ABORT | typeof BARRIER_WAIT;

export interface ExecHooks {
  /** Called after RESUME / JUMP_BACKWARD / RETURN_VALUE; return true to end the step there. */
  yieldPoint(t: GuestThread): boolean;
  /** Before an operation a hardware transaction cannot survive (and which a GIL must cover).
   *  Return false to suspend the thread before it (the instruction is re-executed next step). */
  beforeUnfriendly(t: GuestThread, kind: UnfriendlyKind): boolean;
  /** When true the VM calls readBarrier/writeBarrier (STM); otherwise they are never called. */
  readonly barriers: boolean;
  readBarrier(t: GuestThread, obj: PyObject): BarrierResult;
  writeBarrier(t: GuestThread, obj: PyObject): BarrierResult;
  /** `with transaction.atomic():` enter / exit. */
  atomicEnter(t: GuestThread): void;
  atomicExit(t: GuestThread): void;
  /** Around each task run by `transaction.run()`. */
  taskStart(t: GuestThread): void;
  taskEnd(t: GuestThread): void;
  /** Serial: `transaction.run()` runs the tasks in order in the caller. Parallel: one worker
   *  thread per core pops tasks from the interpreter's queue. */
  transactionRunMode(): 'serial' | 'parallel';
  /** Before a guest rtm.xbegin() opens a hardware region (one not nested in another): a policy
   *  whose own transaction is software (stm) ends it here, so that the region has undo state of
   *  its own. It may roll t back (a losing commit); the VM then unwinds. */
  rtmBegin?(t: GuestThread): void;
  /** After the VM rolled back a thread because its hardware transaction aborted (any cause). */
  onHwAbort?(t: GuestThread, status: number, cause: AbortCause): void;
  /** A thread finished (return or uncaught exception). */
  onThreadExit?(t: GuestThread): void;
}

/** Hooks of a policy that never stops, never serializes and has no barriers (serial, nogil). */
export class DefaultHooks implements ExecHooks {
  readonly barriers: boolean = false;
  yieldPoint(_t: GuestThread): boolean {
    return false;
  }
  beforeUnfriendly(_t: GuestThread, _kind: UnfriendlyKind): boolean {
    return true;
  }
  readBarrier(_t: GuestThread, _obj: PyObject): BarrierResult {
    return BARRIER_CONTINUE;
  }
  writeBarrier(_t: GuestThread, _obj: PyObject): BarrierResult {
    return BARRIER_CONTINUE;
  }
  atomicEnter(_t: GuestThread): void {}
  atomicExit(_t: GuestThread): void {}
  taskStart(_t: GuestThread): void {}
  taskEnd(_t: GuestThread): void {}
  transactionRunMode(): 'serial' | 'parallel' {
    return 'serial';
  }
}
