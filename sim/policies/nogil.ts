/**
 * Free threading (PEP 703): no global lock and no automatic transactions. Container writes take the
 * object's own mutex, which lives in the object header (a write of the header line plus
 * `lockCycles`); reads are lock-free, as CPython 3.13's optimistic list/dict reads. Racy guest
 * code races. `transaction.run()` runs tasks in parallel without isolation and `atomic()` gives
 * none: this is the baseline that shows what the other policies buy. The guest may use the `rtm`
 * intrinsics directly. Reference counting is chosen by `interp.refcount` (`biased` for PEP 703).
 */
import type { GuestThread } from '../interp/interpreter.js';
import { BARRIER_CONTINUE, type BarrierResult } from '../interp/hooks.js';
import type { PyObject } from '../interp/values.js';
import { asAddr } from '../common/brand.js';
import { PolicyBase } from './policy-base.js';
import type { PolicyEnv } from './policy.js';

const CONTAINER_LAYOUTS: ReadonlySet<string> = new Set(['list', 'dict', 'set', 'bytearray']);

export class NogilPolicy extends PolicyBase {
  readonly name = 'nogil' as const;
  override readonly barriers: boolean;

  constructor(private readonly env: PolicyEnv) {
    super();
    this.barriers = env.nogil.containerLocks;
  }


  override writeBarrier(t: GuestThread, obj: PyObject): BarrierResult {
    if (obj.addr !== 0 && CONTAINER_LAYOUTS.has(obj.cls.layout)) {
      // Lock and unlock: an atomic read-modify-write of the header line each.
      this.env.port.write(t.core, asAddr(obj.addr), 8);
      this.env.port.advance(t.core, this.env.nogil.lockCycles);
    }
    return BARRIER_CONTINUE;
  }

  override transactionRunMode(): 'serial' | 'parallel' {
    return 'parallel';
  }

}
