/**
 * What every policy shares: the VM's no-op hooks, a statistics record, and the scheduler-side
 * defaults (use every core, admit every thread, nothing to do after a step, run as 'running').
 * Policies override only what they change.
 */
import { DefaultHooks } from '../interp/hooks.js';
import type { GuestThread, StepOutcome } from '../interp/interpreter.js';
import type { PolicyName } from './config.js';
import type { Policy, SpanKind } from './policy.js';
import { emptyGilStats, emptyHtmPolicyStats, emptyStmStats, type PolicyStats } from './stats.js';

export abstract class PolicyBase extends DefaultHooks implements Policy {
  abstract readonly name: PolicyName;
  protected readonly st: PolicyStats = { gil: emptyGilStats(), htm: emptyHtmPolicyStats(), stm: emptyStmStats() };

  coresUsed(machineCores: number): number {
    return machineCores;
  }
  preemptible(_t: GuestThread): boolean {
    return true;
  }
  admit(_t: GuestThread): boolean {
    return true;
  }
  stepBudget(_t: GuestThread, budget: number): number {
    return budget;
  }
  afterStep(_t: GuestThread, _outcome: StepOutcome): void {}
  runningKind(_t: GuestThread): SpanKind {
    return 'running';
  }
  stats(): PolicyStats {
    return this.st;
  }
}
