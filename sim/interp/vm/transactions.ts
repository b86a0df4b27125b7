/**
 * The transaction log: begin (frame snapshots), commit, rollback (the undo log replayed
 * backwards, frames and the thread's frame stack restored; objects allocated inside the
 * transaction are simply dropped), the machine's hardware-abort handler, and unfriendly operations.
 *
 * Transactions begun inside a builtin call (rtm.xbegin, a policy's taskStart/atomicEnter): 'rtm'
 * resumes as if the call returned the abort status, 'auto' re-executes the calling instruction.
 * A policy may roll back the running thread from any hook; the loop notices (t.rollbacks) and the
 * step returns 'aborted'.
 */
import type { BoxedPrim } from '../boxes.js';
import type { CoreId } from '../../common/brand.js';
import type { AbortCause } from '../../machine/port.js';
import type { DictSnap, PyDict, PySet, SetSnap } from '../dict.js';
import { ABORT_SIGNAL } from '../heap.js';
import { Frame, GuestThread, TxState, U_ALLOC, U_BOX_FREE, U_BOX_NEW, U_BOX_RC, U_BYTE, U_CALL, U_CELL, U_FIELD, U_FREE, U_LIST_SLOT, U_MAP_SNAP, U_RC, U_SNAP, type TxKind } from '../thread.js';
import { PyBytes, PyCell, PyInstance, PyList, PyObject, PyType, type PyVal, type Slot, type UnfriendlyKind } from '../values.js';
import { SUSPEND_SIGNAL } from './signals.js';
import { VmWritePath } from './write-path.js';

export abstract class VmTransactions extends VmWritePath {


  /** Starts a transaction for t. 'rtm': resumes after the guest's xbegin() call with the abort
   *  status; 'auto': resumes at the instruction where it began. Nested begins flatten. */
  txBegin(t: GuestThread, kind: TxKind): void {
    if (t.tx !== null) return;
    const tx = new TxState(this.nextTx++, kind, t.frames.slice(), t.excInfo, t.nest);
    tx.hw = this.port.htm.enabled && this.port.htm.active(t.core);
    t.tx = tx;
    const f = t.frames[t.frames.length - 1];
    if (f === undefined) return;
    if (t.midCall) {
      // Begun inside a builtin call: 'rtm' resumes as if the call returned the status, 'auto'
      // re-executes the calling instruction (its operands are still in the stack array).
      if (kind === 'rtm') {
        const stack = f.stack.slice(0, t.retSp);
        if (t.retBelow !== null) stack[t.retSp - 1] = t.retBelow;
        this.snapFrameAt(tx, f, t.retPc, t.retSp, stack);
      } else this.snapFrameAt(tx, f, t.callPc, t.callSp, f.stack.slice(0, t.callSp));
    } else this.snapFrame(tx, f);
  }
  protected snapFrameAt(tx: TxState, f: Frame, pc: number, sp: number, stack: Slot[]): void {
    f.txId = tx.id;
    const g = f.gen;
    tx.frameSnaps.push({
      frame: f, pc, sp, stack, fast: f.fast.slice(), lasti: f.lasti,
      genRunning: g !== null && g.running, genDone: g !== null && g.done, genStarted: g !== null && g.started,
    });
  }
  txCommit(t: GuestThread): void {
    t.tx = null;
  }
  inTx(t: GuestThread): boolean {
    return t.tx !== null;
  }
  protected snapFrame(tx: TxState, f: Frame): void {
    f.txId = tx.id;
    const g = f.gen;
    tx.frameSnaps.push({
      frame: f, pc: f.pc, sp: f.sp, stack: f.stack.slice(0, f.sp), fast: f.fast.slice(), lasti: f.lasti,
      genRunning: g !== null && g.running, genDone: g !== null && g.done, genStarted: g !== null && g.started,
    });
  }
  /** Marks f as touched by t's transaction (snapshot on first activation). */
  activate(t: GuestThread, f: Frame): void {
    const tx = t.tx;
    if (tx !== null && f.txId !== tx.id) this.snapFrame(tx, f);
  }
  /** Undoes everything t did since txBegin. Callable for a thread that is not running. */
  txRollback(t: GuestThread, status: number): void {
    const tx = t.tx;
    if (tx === null) return;
    t.tx = null;
    t.rollbacks++;
    for (let i = tx.kinds.length - 1; i >= 0; i--) {
      const o = tx.objs[i] as Record<string, unknown>;
      const old = tx.olds[i];
      switch (tx.kinds[i]) {
        case U_FIELD: o[tx.keys[i] as string] = old; break;
        case U_LIST_SLOT: (o as unknown as PyList).items[tx.keys[i] as number] = old as PyVal; break;
        case U_SNAP: (o as unknown as PyDict | PySet).restore(old as DictSnap & SetSnap); break;
        case U_MAP_SNAP:
          if (tx.keys[i] === 'dict') (o as unknown as PyType).dict = old as Map<string, PyVal>;
          else (o as unknown as PyInstance).attrs = old as Map<string, PyVal>;
          break;
        case U_CELL: (o as unknown as PyCell).value = old as PyVal | undefined; break;
        case U_BYTE: (o as unknown as PyBytes).data[tx.keys[i] as number] = old as number; break;
        case U_CALL: (old as () => void)(); break;
        case U_RC: case U_ALLOC: case U_FREE: this.undoLife(tx.kinds[i]!, o as unknown as PyObject, old as number); break;
        case U_BOX_RC: case U_BOX_NEW: case U_BOX_FREE: this.undoBox(tx.kinds[i]!, o as unknown as number, tx.keys[i] as BoxedPrim, old as number); break;
        default: throw new Error('bad undo record');
      }
    }
    if (this.life !== null) this.life.dirty = true;
    for (const s of tx.frameSnaps) {
      const f = s.frame;
      f.pc = s.pc;
      f.sp = s.sp;
      for (let i = 0; i < s.stack.length; i++) f.stack[i] = s.stack[i];
      f.fast = s.fast;
      f.lasti = s.lasti;
      f.txId = 0;
      if (f.gen !== null) {
        f.gen.running = s.genRunning;
        f.gen.done = s.genDone;
        f.gen.started = s.genStarted;
      }
    }
    t.frames = tx.frames;
    t.excInfo = tx.excInfo;
    t.state = 'runnable';
    t.blockedOn = null;
    t.sleepUntil = -1;
    t.timedAcquire = null;
    if (tx.kind === 'rtm') {
      const f = t.frames[t.frames.length - 1]!;
      f.stack[f.sp++] = status >>> 0;
    }
  }

  /** The machine's abort handler: roll back whichever thread holds a transaction on `core`. */
  handleHwAbort(core: CoreId, status: number, cause: AbortCause): void {
    for (const t of this.threads) {
      if (t.core === core && t.tx !== null && t.state !== 'done' && t.tx.hw) {
        if (this.forensics !== null) this.forensics.hwAbort(core, t, this.cur ?? null);
        this.txRollback(t, status);
        this.hooks.onHwAbort?.(t, status, cause);
        return;
      }
    }
    if (this.forensics !== null) this.forensics.hwAbort(core, null, this.cur ?? null);
  }

  /** Before an unfriendly operation: ask the policy (may suspend), then abort any hardware tx. */
  unfriendly(t: GuestThread, kind: UnfriendlyKind, nested: boolean): void {
    if (!this.hooks.beforeUnfriendly(t, kind) && !nested) throw SUSPEND_SIGNAL;
    if (this.port.htm.enabled && this.port.htm.active(t.core)) {
      this.port.htm.unfriendly(t.core);
      throw ABORT_SIGNAL;
    }
  }
}
