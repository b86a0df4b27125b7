/**
 * Machine statistics. Counting happens in flat Float64Arrays (one stride per core plus one global
 * block) with the index constants below, so the hot path only does `c[i]++`; `stats()` turns them
 * into the plain records here. Names follow the run record (sim/run/result.ts).
 */
import type { FootprintStats } from './footprint.js';
import { ABORT_CAUSES, type AbortCause } from './port.js';

export interface CacheLevelStats {
  hits: number;
  misses: number;
  /** Valid lines replaced to make room. */
  evictions: number;
  /** Dirty lines written to the next level (or memory) on eviction or downgrade. */
  writebacks: number;
  /** Lines removed by coherence (another core's write) or by an inclusive level's back-invalidation. */
  invalidations: number;
}

export interface HtmStats {
  begun: number;
  committed: number;
  aborted: number;
  /** Cycles from xbegin to the abort, summed over aborted transactions (work thrown away). */
  wastedCycles: number;
  /** Cycles from xbegin to xend, summed over committed transactions. */
  committedCycles: number;
  /** Distinct lines read or written, summed over committed transactions (÷ committed = mean footprint). */
  committedFootprintLines: number;
  /** Distinct lines written, summed over committed transactions. */
  committedWriteLines: number;
  /** The largest footprint (distinct lines) of any committed transaction. */
  maxCommittedFootprintLines: number;
  abortsByCause: Record<AbortCause, number>;
}

export interface CoherenceStats {
  /**
   * Messages between private hierarchies and the directory: requests (GetS, GetM, Upgrade),
   * invalidations, forwards from an owner's cache, evictions (PutS/PutM) and back-invalidations.
   */
  messages: number;
  /** Private copies invalidated because another core wrote the line. */
  invalidations: number;
  /** Misses served from another core's private cache. */
  cacheToCache: number;
  /** S → M upgrades (a write to a shared line). */
  upgrades: number;
  /** Private copies removed because the inclusive L3 evicted the line. */
  backInvalidations: number;
  memoryReads: number;
  memoryWritebacks: number;
}

export interface CoreStats {
  /** read() / write() calls (one per call, however many lines it spans). */
  reads: number;
  writes: number;
  /** The core's clock. */
  cycles: number;
  /** Cycles charged by read/write (memory stalls) and by advance (other work). */
  memoryCycles: number;
  workCycles: number;
  l1d: CacheLevelStats;
  l2: CacheLevelStats;
  /** This core's requests that hit or missed in the shared L3. */
  l3: { hits: number; misses: number };
  htm: HtmStats;
}

export interface MachineStats {
  accesses: number;
  reads: number;
  writes: number;
  l1d: CacheLevelStats;
  l2: CacheLevelStats;
  l3: CacheLevelStats;
  coherence: CoherenceStats;
  htm: HtmStats;
  /** Distinct lines touched, read and written since the machine was built (resetStats leaves it). */
  footprint: FootprintStats;
  cores: CoreStats[];
}

// Per-core counters (stride C_STRIDE).
export const C_READS = 0;
export const C_WRITES = 1;
export const C_L1_HITS = 2;
export const C_L1_MISSES = 3;
export const C_L1_EVICTIONS = 4;
export const C_L1_WRITEBACKS = 5;
export const C_L1_INVALIDATIONS = 6;
export const C_L2_HITS = 7;
export const C_L2_MISSES = 8;
export const C_L2_EVICTIONS = 9;
export const C_L2_WRITEBACKS = 10;
export const C_L2_INVALIDATIONS = 11;
export const C_L3_HITS = 12;
export const C_L3_MISSES = 13;
export const C_HTM_BEGUN = 14;
export const C_HTM_COMMITTED = 15;
export const C_HTM_ABORTED = 16;
export const C_HTM_WASTED = 17;
export const C_HTM_COMMITTED_CYCLES = 18;
export const C_MEMORY_CYCLES = 19;
export const C_WORK_CYCLES = 20;
export const C_HTM_FOOTPRINT = 21;
export const C_HTM_WRITE_LINES = 22;
export const C_HTM_MAX_FOOTPRINT = 23;
/** Aborts by cause: C_ABORT_BASE + index in ABORT_CAUSES. */
export const C_ABORT_BASE = 24;
export const C_STRIDE = C_ABORT_BASE + ABORT_CAUSES.length;

// Global counters.
export const G_L3_EVICTIONS = 0;
export const G_L3_WRITEBACKS = 1;
export const G_MESSAGES = 2;
export const G_INVALIDATIONS = 3;
export const G_CACHE_TO_CACHE = 4;
export const G_UPGRADES = 5;
export const G_BACK_INVALIDATIONS = 6;
export const G_MEMORY_READS = 7;
export const G_MEMORY_WRITEBACKS = 8;
export const G_COUNT = 9;

export const ABORT_CAUSE_INDEX: Readonly<Record<AbortCause, number>> = {
  conflict: 0, capacity: 1, explicit: 2, interrupt: 3, unfriendly: 4, nested: 5, other: 6,
};

export class Counters {
  readonly core: Float64Array;
  readonly global = new Float64Array(G_COUNT);
  constructor(readonly cores: number) {
    this.core = new Float64Array(cores * C_STRIDE);
  }
  reset(): void {
    this.core.fill(0);
    this.global.fill(0);
  }
}

function emptyLevel(): CacheLevelStats {
  return { hits: 0, misses: 0, evictions: 0, writebacks: 0, invalidations: 0 };
}

function addLevel(into: CacheLevelStats, x: CacheLevelStats): void {
  into.hits += x.hits;
  into.misses += x.misses;
  into.evictions += x.evictions;
  into.writebacks += x.writebacks;
  into.invalidations += x.invalidations;
}

export function emptyHtmStats(): HtmStats {
  const abortsByCause = {} as Record<AbortCause, number>;
  for (const c of ABORT_CAUSES) abortsByCause[c] = 0;
  return {
    begun: 0, committed: 0, aborted: 0, wastedCycles: 0, committedCycles: 0,
    committedFootprintLines: 0, committedWriteLines: 0, maxCommittedFootprintLines: 0, abortsByCause,
  };
}

/** Builds the plain record from the counters and the cores' clocks. */
export function buildStats(k: Counters, clocks: Float64Array, footprint: FootprintStats): MachineStats {
  const c = k.core;
  const g = k.global;
  const cores: CoreStats[] = [];
  const l1d = emptyLevel();
  const l2 = emptyLevel();
  const l3 = emptyLevel();
  const htm = emptyHtmStats();
  let reads = 0;
  let writes = 0;
  for (let i = 0; i < k.cores; i++) {
    const b = i * C_STRIDE;
    const coreHtm = emptyHtmStats();
    coreHtm.begun = c[b + C_HTM_BEGUN]!;
    coreHtm.committed = c[b + C_HTM_COMMITTED]!;
    coreHtm.aborted = c[b + C_HTM_ABORTED]!;
    coreHtm.wastedCycles = c[b + C_HTM_WASTED]!;
    coreHtm.committedCycles = c[b + C_HTM_COMMITTED_CYCLES]!;
    coreHtm.committedFootprintLines = c[b + C_HTM_FOOTPRINT]!;
    coreHtm.committedWriteLines = c[b + C_HTM_WRITE_LINES]!;
    coreHtm.maxCommittedFootprintLines = c[b + C_HTM_MAX_FOOTPRINT]!;
    for (const cause of ABORT_CAUSES) coreHtm.abortsByCause[cause] = c[b + C_ABORT_BASE + ABORT_CAUSE_INDEX[cause]]!;
    const cs: CoreStats = {
      reads: c[b + C_READS]!,
      writes: c[b + C_WRITES]!,
      cycles: clocks[i]!,
      memoryCycles: c[b + C_MEMORY_CYCLES]!,
      workCycles: c[b + C_WORK_CYCLES]!,
      l1d: {
        hits: c[b + C_L1_HITS]!, misses: c[b + C_L1_MISSES]!, evictions: c[b + C_L1_EVICTIONS]!,
        writebacks: c[b + C_L1_WRITEBACKS]!, invalidations: c[b + C_L1_INVALIDATIONS]!,
      },
      l2: {
        hits: c[b + C_L2_HITS]!, misses: c[b + C_L2_MISSES]!, evictions: c[b + C_L2_EVICTIONS]!,
        writebacks: c[b + C_L2_WRITEBACKS]!, invalidations: c[b + C_L2_INVALIDATIONS]!,
      },
      l3: { hits: c[b + C_L3_HITS]!, misses: c[b + C_L3_MISSES]! },
      htm: coreHtm,
    };
    cores.push(cs);
    reads += cs.reads;
    writes += cs.writes;
    addLevel(l1d, cs.l1d);
    addLevel(l2, cs.l2);
    l3.hits += cs.l3.hits;
    l3.misses += cs.l3.misses;
    htm.begun += coreHtm.begun;
    htm.committed += coreHtm.committed;
    htm.aborted += coreHtm.aborted;
    htm.wastedCycles += coreHtm.wastedCycles;
    htm.committedCycles += coreHtm.committedCycles;
    htm.committedFootprintLines += coreHtm.committedFootprintLines;
    htm.committedWriteLines += coreHtm.committedWriteLines;
    htm.maxCommittedFootprintLines = Math.max(htm.maxCommittedFootprintLines, coreHtm.maxCommittedFootprintLines);
    for (const cause of ABORT_CAUSES) htm.abortsByCause[cause] += coreHtm.abortsByCause[cause];
  }
  l3.evictions = g[G_L3_EVICTIONS]!;
  l3.writebacks = g[G_L3_WRITEBACKS]!;
  return {
    accesses: reads + writes,
    reads,
    writes,
    l1d,
    l2,
    l3,
    coherence: {
      messages: g[G_MESSAGES]!,
      invalidations: g[G_INVALIDATIONS]!,
      cacheToCache: g[G_CACHE_TO_CACHE]!,
      upgrades: g[G_UPGRADES]!,
      backInvalidations: g[G_BACK_INVALIDATIONS]!,
      memoryReads: g[G_MEMORY_READS]!,
      memoryWritebacks: g[G_MEMORY_WRITEBACKS]!,
    },
    htm,
    footprint,
    cores,
  };
}
