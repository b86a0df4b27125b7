/**
 * Control signals thrown by host code and caught by the eval loop (never guest-visible).
 * ABORT_SIGNAL (heap.ts) unwinds to the step after a transaction was rolled back.
 */
import type { StepOutcome } from '../thread.js';

export { ABORT_SIGNAL } from '../heap.js';
/** The policy asked the thread to stop here; the current instruction re-executes later. */
export const SUSPEND_SIGNAL = { signal: 'suspend' } as const;
/** The thread waits (lock, join, sleep, transaction workers); `t.blockedOn` says on what. */
export const BLOCK_SIGNAL = { signal: 'block' } as const;

/** Nested guest code passed `vm.cycleLimit`; unwinds to the scheduler (never guest-visible). */
export const CYCLE_LIMIT_SIGNAL = { signal: 'cycle-limit' } as const;

/** Why the eval loop returned (OUTCOME maps it to the step's result; a generator's yield is internal). */
export const L_BUDGET = 0, L_YIELD = 1, L_SUSPEND = 2, L_BLOCK = 3, L_ABORT = 4, L_DONE = 5, L_GENYIELD = 6;
export const OUTCOME: StepOutcome[] = ['budget', 'yield', 'suspended', 'blocked', 'aborted', 'done', 'done'];
