/**
 * The serial baseline: one core, no lock, no barriers, `transaction.run()` runs its tasks in order.
 * Guest threads (if any) share core 0 under the scheduler's time slicing.
 */
import type { GuestThread, StepOutcome } from '../interp/interpreter.js';
import { BaseHooks } from './base-hooks.js';
import type { Policy, SpanKind } from './policy.js';
import { emptyGilStats, emptyHtmPolicyStats, emptyStmStats, type PolicyStats } from './stats.js';

export class SerialPolicy extends BaseHooks implements Policy {
  readonly name = 'serial' as const;
  private readonly st: PolicyStats = { gil: emptyGilStats(), htm: emptyHtmPolicyStats(), stm: emptyStmStats() };
  coresUsed(_machineCores: number): number {
    return 1;
  }
  admit(_t: GuestThread): boolean {
    return true;
  }
  afterStep(_t: GuestThread, _outcome: StepOutcome): void {}
  runningKind(_t: GuestThread): SpanKind {
    return 'running';
  }
  stats(): PolicyStats {
    return this.st;
  }
}
