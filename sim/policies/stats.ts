/** Statistics records kept by the policies (plain typed records; the run layer copies them out). */
export interface GilStats {
  acquisitions: number;
  /** Acquisitions by a different thread than the previous holder. */
  switches: number;
  /** Cycles threads spent parked waiting for the GIL (also in the per-core lockWaitCycles). */
  waitCycles: number;
  dropRequests: number;
}

export interface HtmPolicyStats {
  /** Transactions that ended in the fallback path (took the GIL after exhausting retries). */
  fallbacks: number;
  /** Bytecodes run under the fallback lock. */
  fallbackBytecodes: number;
  /** Unfriendly operations (print, sleep, …) that ended a transaction and ran under the GIL. */
  unfriendly: number;
  /** Times a thread waited for the GIL to be free before retrying (waitForLockFree). */
  lockFreeWaits: number;
}

export interface StmStats {
  begun: number;
  committed: number;
  aborted: number;
  wastedCycles: number;
  inevitable: number;
  barrierCycles: number;
  inevitableWaitCycles: number;
  abortsByKind: { writeWrite: number; readWrite: number; inevitable: number };
}

export const emptyGilStats = (): GilStats => ({ acquisitions: 0, switches: 0, waitCycles: 0, dropRequests: 0 });
export const emptyHtmPolicyStats = (): HtmPolicyStats => ({ fallbacks: 0, fallbackBytecodes: 0, unfriendly: 0, lockFreeWaits: 0 });
export const emptyStmStats = (): StmStats => ({
  begun: 0, committed: 0, aborted: 0, wastedCycles: 0, inevitable: 0, barrierCycles: 0, inevitableWaitCycles: 0,
  abortsByKind: { writeWrite: 0, readWrite: 0, inevitable: 0 },
});

export interface PolicyStats {
  gil: GilStats;
  htm: HtmPolicyStats;
  stm: StmStats;
}
