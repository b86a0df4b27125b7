/**
 * The result record of one run (shared/DESIGN.md, "The minimum result record"). Written as JSON by
 * `htmsim exec --stats` and by every sweep point. Everything that depends on the host lives under
 * `host`, so records compare byte for byte without it. Reports read these records as JSON only.
 */
import type { ForensicsRecord } from '../interp/forensics.js';
import type { FootprintHistograms } from '../machine/htm-unit.js';
import type { PointConfig } from './point-config.js';
import type { AbortCause } from '../machine/port.js';
import type { SpanKind } from '../policies/policy.js';
import type { StmStats } from '../policies/stats.js';
import type { CycleBreakdown } from '../policies/cycle-ledger.js';
import type { RegionRecord } from './region.js';

export interface CoreRecord {
  busyCycles: number;
  idleCycles: number;
  lockWaitCycles: number;
  bytecodes: number;
  /** The core's cycles split by where they went; the parts sum to the run's cycles exactly
   *  (sim/policies/cycle-ledger.ts). */
  cycles: CycleBreakdown;
}

export interface CacheLevelRecord {
  hits: number;
  misses: number;
  evictions: number;
  writebacks: number;
  invalidations: number;
}

export interface HtmRecord {
  begun: number;
  committed: number;
  aborted: number;
  fallbacks: number;
  wastedCycles: number;
  abortsByCause: Record<AbortCause, number>;
}

/** STM statistics, as the policy keeps them. */
export type StmRecord = StmStats;

export interface GilRecord {
  acquisitions: number;
  switches: number;
  waitCycles: number;
}

export type IntervalKind = SpanKind;

/** One interval on one core, for the timeline chart. Cycles are absolute core-clock values. */
export interface TimelineInterval {
  core: number;
  thread: number;
  kind: IntervalKind;
  start: number;
  end: number;
}

export interface HostRecord {
  seconds: number;
  bytecodesPerSecond: number;
  memoryAccessesPerSecond: number;
  peakRssMiB: number;
  htmsimVersion: string;
  nodeVersion: string;
}

export interface RunResult {
  config: PointConfig;
  status: 'ok' | 'failed';
  error?: string;
  exitCode: number;
  stdout: string;
  stderr: string;
  simCycles: number;
  simSeconds: number;
  bytecodes: number;
  memoryAccesses: number;
  /** Distinct cache lines touched / read / written over the run, all cores (sim/machine/footprint.ts). */
  footprint: { lines: number; linesRead: number; linesWritten: number };
  cores: CoreRecord[];
  caches: { l1d: CacheLevelRecord; l2: CacheLevelRecord; l3: CacheLevelRecord };
  coherence: { messages: number; invalidations: number; cacheToCache: number };
  htm: HtmRecord;
  // ---- HTM design space (issue 18): footprints of the hardware transactions that ended ------
  /** Distinct lines (read or written) and lines written per committed / aborted transaction, as
   *  sparse histograms [lowest footprint of the bucket, transactions] (machine/footprint-histogram.ts). */
  htmFootprint?: FootprintHistograms;
  // ---- end of the design-space block
  stm: StmRecord;
  gil: GilRecord;
  /** Values the guest reported with htmsim-specific metrics (e.g. response times), by name. */
  metrics: Record<string, number>;
  /** The part of the run the figures above count (from simCycles to gil): the guest's region of
   *  interest, or the whole run (sim/run/region.ts). stdout, stderr, metrics and timeline cover
   *  the whole run. */
  region: RegionRecord;
  timeline?: TimelineInterval[];
  /** Abort forensics, when the point records it (`forensics: true`; docs/forensics.md). */
  forensics?: ForensicsRecord;
  host: HostRecord;
}
