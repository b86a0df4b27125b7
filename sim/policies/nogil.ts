/**
 * Free threading (PEP 703): no global lock and no automatic transactions. Container writes take the
 * object's own mutex, which lives in the object header (a write of the header line plus
 * `lockCycles`); reads are lock-free, as CPython 3.13's optimistic list/dict reads. Racy guest
 * code races. `transaction.run()` runs tasks in parallel without isolation and `atomic()` gives
 * none: this is the baseline that shows what the other policies buy. The guest may use the `rtm`
 * intrinsics directly. Reference counting is chosen by `interp.refcount` (`biased` for PEP 703).
 *
 * What the memory model does not see of PEP 703's single-thread cost is charged as parameters:
 * `readCycles` per lock-free container read and `bytecodeCycles` per bytecode (biased-refcount
 * ownership checks and the like), added after each scheduler step (at most a quantum late).
 * All of it is overhead in the cycle accounting, except inside a guest hardware region, whose
 * cycles the machine counts as committed or rolled-back work.
 */
import type { GuestThread, StepOutcome } from '../interp/interpreter.js';
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

  /** Bytecodes of each thread already charged the per-bytecode overhead. */
  private readonly charged = new Map<GuestThread, number>();

  override afterStep(t: GuestThread, _outcome: StepOutcome): void {
    const per = this.env.nogil.bytecodeCycles;
    if (per <= 0) return;
    const before = this.charged.get(t) ?? 0;
    if (t.bytecodes === before) return;
    this.charged.set(t, t.bytecodes);
    // Whole cycles, with no rounding drift: floor of the running total.
    const cycles = Math.floor(t.bytecodes * per) - Math.floor(before * per);
    if (cycles > 0) {
      if (!this.env.port.htm.active(t.core)) this.env.cycles.overhead(t.core, cycles);
      this.env.port.advance(t.core, cycles);
    }
  }

  override readBarrier(t: GuestThread, obj: PyObject): BarrierResult {
    if (obj.addr !== 0 && CONTAINER_LAYOUTS.has(obj.cls.layout)) {
      const c = this.env.nogil.readCycles;
      if (!this.env.port.htm.active(t.core)) this.env.cycles.overhead(t.core, c);
      this.env.port.advance(t.core, c);
    }
    return BARRIER_CONTINUE;
  }


  override writeBarrier(t: GuestThread, obj: PyObject): BarrierResult {
    if (obj.addr !== 0 && CONTAINER_LAYOUTS.has(obj.cls.layout)) {
      // Lock and unlock: an atomic read-modify-write of the header line each.
      const port = this.env.port;
      const inTx = port.htm.active(t.core);
      const before = port.now(t.core) as number;
      port.write(t.core, asAddr(obj.addr), 8);
      port.advance(t.core, this.env.nogil.lockCycles);
      if (!inTx) this.env.cycles.overhead(t.core, (port.now(t.core) as number) - before);
    }
    return BARRIER_CONTINUE;
  }

  override transactionRunMode(): 'serial' | 'parallel' {
    return 'parallel';
  }

}
