/**
 * Control signals thrown by host code and caught by the eval loop (never guest-visible).
 * ABORT_SIGNAL (heap.ts) unwinds to the step after a transaction was rolled back.
 */
export { ABORT_SIGNAL } from '../heap.js';
/** The policy asked the thread to stop here; the current instruction re-executes later. */
export const SUSPEND_SIGNAL = { signal: 'suspend' } as const;
/** The thread waits (lock, join, sleep, transaction workers); `t.blockedOn` says on what. */
export const BLOCK_SIGNAL = { signal: 'block' } as const;
