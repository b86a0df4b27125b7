/**
 * The serial baseline: one core, no lock, no barriers, `transaction.run()` runs its tasks in order.
 * Guest threads (if any) share core 0 under the scheduler's time slicing.
 */
import { PolicyBase } from './policy-base.js';

export class SerialPolicy extends PolicyBase {
  readonly name = 'serial' as const;
  override coresUsed(_machineCores: number): number {
    return 1;
  }
}
