/**
 * No-op ExecHooks for policies to extend: never stop at yield points, let every operation through,
 * no barriers. (The VM's own DefaultHooks types `barriers` as the literal `false`; policies need it
 * settable.)
 */
import { BARRIER_CONTINUE, type BarrierResult, type ExecHooks } from '../interp/hooks.js';
import type { GuestThread } from '../interp/interpreter.js';
import type { PyObject, UnfriendlyKind } from '../interp/values.js';

export abstract class BaseHooks implements ExecHooks {
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
