/**
 * Parameters of the execution policies. Names are the dotted keys of `--set` and YAML sweeps
 * (shared/DESIGN.md, "Parameter names"). Every cost is a parameter, none is a literal in code.
 */
export type PolicyName = 'serial' | 'gil' | 'htm' | 'stm' | 'nogil';
export const POLICY_NAMES: readonly PolicyName[] = ['serial', 'gil', 'htm', 'stm', 'nogil'];

export interface GilConfig {
  /** `ticks`: Python 2, release every checkInterval bytecodes. `interval`: Python 3.2+ drop request. */
  mode: 'ticks' | 'interval';
  checkInterval: number;
  switchIntervalUs: number;
  /** Python 3 forced switching: the releaser waits until another thread has taken the lock. */
  forcedSwitching: boolean;
  /** Cycles a woken waiter needs before it runs (OS wake-up latency). */
  wakeupCycles: number;
  /** Ticks mode: cycles between the holder's release and its own re-acquire when a thread waits
   *  (signal the condition, unlock, lock again). A waiter that wakes in this window gets the lock. */
  retakeCycles: number;
  /** Ticks mode: a signalled waiter's wake-up takes wakeupCycles plus up to this many cycles more
   *  (OS scheduling noise, drawn from the point's seed). Without it a periodic holder could make
   *  the waiter wake at the same phase forever. */
  wakeupJitterCycles: number;
}

export interface HtmPolicyConfig {
  /** Bytecodes per transaction before it ends at the next yield point. */
  txLength: number;
  /** Adapt the length per yield point: shrink on aborts, grow on commits (Ruby, PPoPP 2014). */
  adaptive: boolean;
  /** Retries of a transaction before falling back to the GIL. */
  retries: number;
  /** Separate budgets per abort cause; a capacity abort without the retry bit falls back at once. */
  conflictRetries: number;
  capacityRetries: number;
  /** Wait until the GIL is free before retrying (cure for the lemming effect). */
  waitForLockFree: boolean;
}

export interface StmConfig {
  /** Bytecodes after which a transaction is broken at the next safe point (0 = never). */
  txLength: number;
  readBarrierCycles: number;
  writeBarrierCycles: number;
  commitCycles: number;
  beginCycles: number;
  /** Who wins a read–write conflict found at commit: the committing writer (PyPy-STM) or the reader. */
  conflictResolution: 'committer-wins' | 'reader-wins';
}

export interface NogilConfig {
  /** Per-object locks around container operations (PEP 703). */
  containerLocks: boolean;
  lockCycles: number;
  /** A container read without the lock (CPython 3.13's optimistic reads: conditional incref of
   *  the item and a re-check of the container). Charged when containerLocks is on. */
  readCycles: number;
  /** Per-bytecode overhead of the free-threaded interpreter that the memory model does not see:
   *  biased-refcount ownership checks (ob_tid compare, immortality test) on the increfs and
   *  decrefs each bytecode does, deferred refcounts, the atomic eval-breaker load. */
  bytecodeCycles: number;
}

export interface PolicyConfig {
  name: PolicyName;
}

