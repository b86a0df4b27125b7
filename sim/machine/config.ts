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

/** Which cache levels keep a transaction's read set tracked (Haswell: reads survive into L2/L3). */
export type ReadSetTracking = 'l1' | 'l2' | 'l3';

export type ConflictResolution = 'requester-wins' | 'requester-loses';

export interface HtmConfig {
  enabled: boolean;
  /** Flat nesting: begins beyond this depth abort with the nested bit. */
  maxNestingDepth: number;
  /** Where the write set lives; Haswell buffers speculative writes in L1D only. */
  writeSetTracking: 'l1';
  readSetTracking: ReadSetTracking;
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
