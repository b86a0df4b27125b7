/**
 * The memory port: the only door between the guest interpreter and the simulated machine.
 *
 * The interpreter never sees caches. It asks "core c reads/writes `bytes` at `addr`" and is told
 * what it cost. The machine keeps one clock per core; every call here advances that core's clock
 * by what it charges. Data values are not stored in simulated memory (the interpreter keeps them in
 * host objects); the machine models where they live: timing, coherence, transactional footprint.
 *
 * Hot path contract: read/write/advance allocate nothing and never throw.
 */
import type { Addr, CoreId, Cycles } from '../common/brand.js';

/** Intel RTM abort-status bits (EAX after an abort). */
export const XBEGIN_STARTED = 0xffffffff;
export const XABORT_EXPLICIT = 1 << 0;
export const XABORT_RETRY = 1 << 1;
export const XABORT_CONFLICT = 1 << 2;
export const XABORT_CAPACITY = 1 << 3;
export const XABORT_DEBUG = 1 << 4;
export const XABORT_NESTED = 1 << 5;
/** Bits 31:24 carry the xabort(imm8) argument. */
export const xabortCode = (status: number): number => (status >>> 24) & 0xff;

/** Why a hardware transaction aborted (for statistics; the status word is what software sees). */
export type AbortCause = 'conflict' | 'capacity' | 'explicit' | 'interrupt' | 'unfriendly' | 'nested' | 'other';
export const ABORT_CAUSES: readonly AbortCause[] = [
  'conflict', 'capacity', 'explicit', 'interrupt', 'unfriendly', 'nested', 'other',
];

/**
 * Called synchronously the moment a core's transaction aborts, whoever caused it. When another
 * core's access causes the abort, this runs before that access returns, so the layer above can
 * undo the victim's guest-visible writes before the requester observes them.
 * `status` is the EAX value xbegin will return; `cause` is for statistics.
 */
export type AbortHandler = (core: CoreId, status: number, cause: AbortCause) => void;

/** Which transactional set a capacity abort overflowed (0: none, not a capacity abort). */
export const OVERFLOW_NONE = 0;
export const OVERFLOW_READ = 1;
export const OVERFLOW_WRITE = 2;
export type OverflowSet = typeof OVERFLOW_NONE | typeof OVERFLOW_READ | typeof OVERFLOW_WRITE;

/**
 * The lines of a transaction at the moment it aborts (the abort probe's view; valid only during
 * the probe call). Visits each tracked line once per time it was marked, with whether the
 * transaction wrote it.
 */
export interface TxFootprintView {
  forEachLine(core: number, visit: (line: number, written: boolean) => void): void;
}

/**
 * Abort forensics (optional; docs/forensics.md): told of every hardware abort, synchronously,
 * before the core's footprint is cleared and before the abort handler runs. `line` is the line
 * whose access caused it (a conflict: the contested line; a capacity abort: the line whose
 * eviction or overflow lost the set) or -1; `by` is the core whose access caused a conflict
 * (-1 otherwise); `overflow` says which set a capacity abort lost; `wastedCycles` is what the
 * abort adds to the core's wasted cycles. The machine knows lines, never who owns them.
 */
export interface AbortProbe {
  onAbort(core: number, cause: AbortCause, line: number, by: number, overflow: OverflowSet, wastedCycles: number, footprint: TxFootprintView): void;
}

/** Returned by read/write/advance when the calling core's own transaction aborted during the call. */
export const ACCESS_ABORTED = -1;

export interface MemoryPort {
  readonly cores: number;
  readonly lineBytes: number;
  readonly freqGHz: number;

  /** The core's local clock. */
  now(core: CoreId): Cycles;
  /**
   * Charge `cycles` of non-memory work (dispatch, ALU) to the core. Returns the cycles charged, or
   * ACCESS_ABORTED if a timer interrupt fell inside them and aborted the core's transaction.
   */
  advance(core: CoreId, cycles: number): number;
  /** Let an idle core's clock catch up to `t` (waiting, sleeping); never moves a clock backwards. */
  advanceTo(core: CoreId, t: Cycles): void;

  /**
   * A load of `bytes` at `addr` (may span lines). Returns the latency charged to the core, or
   * ACCESS_ABORTED when the core's own transaction aborted during the access (capacity, interrupt).
   * Conflicts with other cores' transactions abort *them* (strong isolation), via the handler.
   */
  read(core: CoreId, addr: Addr, bytes: number): number;
  /** A store; same contract as read. */
  write(core: CoreId, addr: Addr, bytes: number): number;

  /** Hardware transactional memory (Haswell RTM). */
  readonly htm: HtmPort;
}

export interface HtmPort {
  readonly enabled: boolean;
  /**
   * XBEGIN. Returns XBEGIN_STARTED when the (possibly nested) transaction runs. A begin that
   * exceeds the maximum nesting depth aborts the whole transaction: the handler is called and the
   * abort status is returned.
   */
  begin(core: CoreId): number;
  /** XEND. Commits when the outermost level ends. XEND outside a transaction is a host bug (throws). */
  end(core: CoreId): void;
  /** XABORT(code): aborts the running transaction with the explicit bit and code in bits 31:24. */
  abort(core: CoreId, code: number): void;
  /** An operation that always aborts a transaction (I/O, syscall, PAUSE, CPUID); no-op outside one. */
  unfriendly(core: CoreId): void;
  /** XTEST. */
  active(core: CoreId): boolean;
  depth(core: CoreId): number;
  setAbortHandler(handler: AbortHandler): void;
  /** Abort forensics: null (the default) turns it off; nothing on the access path changes. */
  setAbortProbe(probe: AbortProbe | null): void;

  // ---- POWER8 extensions (issue 18), usable where the preset enables them ----------------------
  /** The preset has rollback-only transactions / suspend-resume (calls throw otherwise). */
  readonly rollbackOnly: boolean;
  readonly suspendResume: boolean;
  /** A transaction whose reads are not tracked (no read conflicts, no read capacity). */
  beginRollbackOnly(core: CoreId): number;
  /** Stop tracking the core's accesses; its footprint stays tracked and abortable. */
  suspend(core: CoreId): void;
  /** Track again; false if the transaction was aborted while suspended (handler already called). */
  resume(core: CoreId): boolean;
}
