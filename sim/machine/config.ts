/**
 * The machine description. Every number comes from a preset YAML file under configs/machines/;
 * nothing here has a default baked into the simulator code paths (defaults live in the presets
 * and in the experiment layer's schema).
 */

export type ReplacementPolicyName = 'lru' | 'fifo' | 'random' | 'plru';

export interface CacheLevelConfig {
  sizeKiB: number;
  ways: number;
  /** Load-to-use latency of a hit at this level, in core cycles. */
  latency: number;
  replacement: ReplacementPolicyName;
}

export interface SharedCacheConfig extends CacheLevelConfig {
  /** Inclusive of all private caches: evicting a line here back-invalidates it in every core. */
  inclusive: boolean;
}

// ---- HTM design space (issue 18): where the footprint is tracked ------------------------------
// Write set: 'l1' (Haswell: evicting a written line from L1D aborts), 'l2' (written lines survive
// L1D evictions and abort when they leave the core's L2), 'l3' (until they leave the shared L3;
// Blue Gene/Q keeps speculative state in its shared L2, which is this model's shared level),
// 'buffer' (a dedicated set-associative buffer, `htm.buffer`: POWER8's TMCAM, zEC12's gathering
// store cache), 'unbounded' (never a capacity abort).
// Read set: 'l1' | 'l2' | 'l3' (the last cache level that keeps it), 'buffer' (the same
// `htm.buffer`), 'signature' (a Bloom filter, `htm.signature`: never a capacity abort, false
// conflicts instead), 'unbounded'.
// `buffer` and `signature` are required when a tracking mode names them.
export type WriteSetTracking = 'l1' | 'l2' | 'l3' | 'buffer' | 'unbounded';
export type ReadSetTracking = 'l1' | 'l2' | 'l3' | 'buffer' | 'signature' | 'unbounded';
export const WRITE_SET_TRACKING: readonly WriteSetTracking[] = ['l1', 'l2', 'l3', 'buffer', 'unbounded'];
export const READ_SET_TRACKING: readonly ReadSetTracking[] = ['l1', 'l2', 'l3', 'buffer', 'signature', 'unbounded'];

/** A dedicated tracking buffer of `lines` entries (one per cache line), `ways`-way set associative. */
export interface TxBufferConfig {
  lines: number;
  ways: number;
}

/** A Bloom-filter read signature: `bits` bits (a power of two), `hashes` seeded hash functions. */
export interface TxSignatureConfig {
  bits: number;
  hashes: number;
}
// ---- end of the HTM design-space block ---------------------------------------------------------

export type ConflictResolution = 'requester-wins' | 'requester-loses';

export interface HtmConfig {
  enabled: boolean;
  /** Flat nesting: begins beyond this depth abort with the nested bit. */
  maxNestingDepth: number;
  /** Where the write set lives (see WriteSetTracking); Haswell buffers speculative writes in L1D. */
  writeSetTracking: WriteSetTracking;
  readSetTracking: ReadSetTracking;
  /** The tracking buffer, when a tracking mode is 'buffer' (one buffer for both sets if both use it). */
  buffer?: TxBufferConfig;
  /** The read signature, when readSetTracking is 'signature'. */
  signature?: TxSignatureConfig;
  /** POWER8 rollback-only transactions (reads untracked) are available (default false). */
  rollbackOnly?: boolean;
  /** POWER8 tsuspend./tresume. are available (default false). */
  suspendResume?: boolean;
  conflictResolution: ConflictResolution;
  /** A timer interrupt aborts any running transaction every this many cycles (0 = never). */
  timerIntervalCycles: number;
  beginCycles: number;
  commitCycles: number;
  /** Cost of the abort itself (discarding the write set, restoring registers). */
  abortCycles: number;
}

export interface CoherenceConfig {
  protocol: 'mesi';
  /** Extra cycles when a read is served from another core's private cache (M/E → S). */
  cacheToCacheLatency: number;
  /** Extra cycles for a write that must invalidate copies in other cores (per upgrade). */
  invalidateLatency: number;
}

export interface MachineConfig {
  name: string;
  cores: number;
  freqGHz: number;
  lineBytes: number;
  pageBytes: number;
  l1d: CacheLevelConfig;
  l2: CacheLevelConfig;
  l3: SharedCacheConfig;
  memoryLatency: number;
  coherence: CoherenceConfig;
  htm: HtmConfig;
}
