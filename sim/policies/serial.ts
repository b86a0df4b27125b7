/**
 * The serial baseline: one core, no lock, no barriers, `transaction.run()` runs its tasks in order.
 * Guest threads (if any) share core 0 under the scheduler's time slicing, which never takes a
 * thread off the core inside a `transaction.atomic()` block (as PyPy without STM keeps the GIL
 * through one): the baseline runs every atomic block whole, so a workload's self-check holds.
 */
import type { GuestThread } from '../interp/interpreter.js';
import { PolicyBase } from './policy-base.js';

export class SerialPolicy extends PolicyBase {
  readonly name = 'serial' as const;
  private readonly atomicDepth = new Map<GuestThread, number>();
  override coresUsed(_machineCores: number): number {
    return 1;
  }
  override preemptible(t: GuestThread): boolean {
    return (this.atomicDepth.get(t) ?? 0) === 0;
  }
  override atomicEnter(t: GuestThread): void {
    this.atomicDepth.set(t, (this.atomicDepth.get(t) ?? 0) + 1);
  }
  override atomicExit(t: GuestThread): void {
    this.atomicDepth.set(t, Math.max(0, (this.atomicDepth.get(t) ?? 0) - 1));
  }
}
