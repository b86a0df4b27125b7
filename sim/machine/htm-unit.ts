/**
 * The RTM unit: per-core transaction state (flat nesting depth, start cycle, timer deadline),
 * the transactional bits in the caches, and aborts.
 *
 * Where the footprint lives: L1D per-line TX_READ/TX_WRITE bits, an L2 TX_READ bit (read set
 * tracked beyond L1), and per-core reader/writer masks in the L3 directory entry, which is where
 * other cores' requests see conflicts. Every slot whose bit this core set is logged, so commit and
 * abort cost O(footprint), not O(cache size).
 *
 * Status words follow Intel: conflict ⇒ CONFLICT|RETRY; capacity ⇒ CAPACITY without RETRY (we
 * decide "not reliably retryable", so software falls back, as glibc does for capacity aborts);
 * explicit ⇒ EXPLICIT | code<<24; any of these taken at depth > 1 also carries NESTED; a nesting
 * overflow ⇒ NESTED; interrupts and unfriendly instructions ⇒ 0.
 *
 * Abort handlers run synchronously but are queued during an access and flushed by the machine
 * right before the access returns, so a handler never runs in the middle of a coherence action.
 *
 * Designs (config.ts, WriteSetTracking / ReadSetTracking): the cache bits and directory masks are
 * kept in every design (they are how conflicts are seen while a line is cached). A design that
 * tracks beyond the caches (a buffer, a signature, unbounded) also records each line in a per-core
 * structure (tx-buffer.ts, tx-signature.ts, tx-line-set.ts); such a line may leave the L3 without
 * an abort, and the coherence path asks `beyondConflicts` / `beyondTrackers` on directory
 * requests, so the structure stands in for the lost directory entry. A buffer that is full in the
 * line's set aborts with the capacity bit.
 *
 * POWER8 extensions (where the preset enables them): rollback-only transactions track writes
 * only (their reads conflict with nobody); suspend/resume lets a core run untracked accesses in
 * the middle of a transaction, whose footprint stays tracked and can still be aborted.
 */
import type { CoreId } from '../common/brand.js';
import { Cache, TX_READ, TX_WRITE } from './cache.js';
import type { HtmConfig, ReadSetTracking, WriteSetTracking } from './config.js';
import { FOOTPRINT_BUCKETS, footprintBucket, sparseHistogram, type FootprintHistogram } from './footprint-histogram.js';
import {
  ABORT_CAUSES, OVERFLOW_NONE, OVERFLOW_READ, OVERFLOW_WRITE, XABORT_CAPACITY, XABORT_CONFLICT, XABORT_EXPLICIT,
  XABORT_NESTED, XABORT_RETRY, XBEGIN_STARTED,
  type AbortCause, type AbortHandler, type AbortProbe, type HtmPort, type OverflowSet, type TxFootprintView,
} from './port.js';
import {
  ABORT_CAUSE_INDEX, C_ABORT_BASE, C_HTM_ABORTED, C_HTM_BEGUN, C_HTM_COMMITTED, C_HTM_COMMITTED_CYCLES, C_HTM_WASTED,
  C_HTM_FOOTPRINT, C_HTM_MAX_FOOTPRINT, C_HTM_WRITE_LINES, C_STRIDE, C_WORK_CYCLES, type Counters,
} from './stats.js';
import { TxBuffer } from './tx-buffer.js';
import { TxLineSet } from './tx-line-set.js';
import { TxSignature } from './tx-signature.js';

/** A growable list of slot indices (grows by doubling; steady state allocates nothing). */
class SlotLog {
  data = new Int32Array(256);
  n = 0;
  push(slot: number): void {
    if (this.n === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.n++] = slot;
  }
}

export const STATUS_CONFLICT = (XABORT_CONFLICT | XABORT_RETRY) >>> 0;
export const STATUS_CAPACITY = XABORT_CAPACITY >>> 0;

/**
 * Tracking depth as a number: 1 = L1 only, 2 = through L2, 3 = through L3, 4 = beyond the caches
 * (a buffer, a signature or unbounded: a line leaving every cache is not a capacity abort).
 */
export function trackingLevel(t: ReadSetTracking | WriteSetTracking): 1 | 2 | 3 | 4 {
  switch (t) {
    case 'l1': return 1;
    case 'l2': return 2;
    case 'l3': return 3;
    case 'buffer':
    case 'signature':
    case 'unbounded':
      return 4;
    default: {
      const _never: never = t;
      throw new Error(`unknown set tracking ${String(_never)}`);
    }
  }
}

/** Footprint histograms of ended transactions (see footprint-histogram.ts). */
export interface FootprintHistograms {
  /** Distinct lines read or written, and lines written, by committed transactions. */
  committedLines: FootprintHistogram;
  committedWriteLines: FootprintHistogram;
  /** The same at the moment of an abort (the footprint so far). */
  abortedLines: FootprintHistogram;
  abortedWriteLines: FootprintHistogram;
}

export class HtmUnit implements HtmPort, TxFootprintView {
  readonly enabled: boolean;
  /** Flat nesting depth per core (0 = not in a transaction). */
  readonly depths: Int32Array;
  /** Clock at the outermost xbegin. */
  readonly startAt: Float64Array;
  /** Next timer interrupt (absolute core cycles) for a core inside a transaction. */
  readonly deadline: Float64Array;
  /** Bumped on every abort of a core: the machine compares before/after an access. */
  readonly abortSerial: Float64Array;
  /** Cores currently inside a transaction (lets the coherence path skip conflict checks). */
  running = 0;
  /** Read-set tracking depth (trackingLevel). */
  readonly tracking: 1 | 2 | 3 | 4;
  /** Write-set tracking depth (trackingLevel). */
  readonly writeLevel: 1 | 2 | 3 | 4;
  /** Some set is tracked beyond the caches: the coherence path consults the structures. */
  readonly beyond: boolean;
  readonly requesterWins: boolean;
  readonly rollbackOnly: boolean;
  readonly suspendResume: boolean;
  /** Depth of a suspended transaction (its depths[] entry is 0 meanwhile), else 0. */
  readonly suspended: Int32Array;
  /** 1 while the core's transaction is rollback-only (reads untracked). */
  private readonly rot: Uint8Array;
  /** Per-core structures of the design (null where unused). */
  private readonly buffers: (TxBuffer | null)[] = [];
  private readonly signatures: (TxSignature | null)[] = [];
  private readonly lineSets: (TxLineSet | null)[] = [];
  private readonly writeBuffer: boolean;
  private readonly readBuffer: boolean;
  private readonly writeSet: boolean;
  private readonly readSet: boolean;
  private readonly readSignature: boolean;
  /** Distinct lines of each core's running transaction (first marks, not directory restores). */
  private readonly lines: Float64Array;
  private readonly histCommitted = new Float64Array(FOOTPRINT_BUCKETS);
  private readonly histCommittedWrite = new Float64Array(FOOTPRINT_BUCKETS);
  private readonly histAborted = new Float64Array(FOOTPRINT_BUCKETS);
  private readonly histAbortedWrite = new Float64Array(FOOTPRINT_BUCKETS);

  private readonly log1: SlotLog[] = [];
  private readonly log2: SlotLog[] = [];
  private readonly log3: SlotLog[] = [];
  /** Beside each log3 entry: the L2 slot the line had when it was marked (a hint for clearing). */
  private readonly log3l2: SlotLog[] = [];
  private handler: AbortHandler | undefined;
  /** Abort forensics (null: off; only abortTx looks at it). */
  private probe: AbortProbe | null = null;
  private pendCore: Int32Array;
  private pendStatus: Float64Array;
  private pendCause: Uint8Array;
  private pendN = 0;
  /** Distinct lines written by each core's running transaction. */
  private readonly writeLines: Float64Array;
  private flushing = false;

  constructor(
    private readonly cfg: HtmConfig,
    private readonly l1: readonly Cache[],
    private readonly l2: readonly Cache[],
    private readonly l3: Cache,
    private readonly clocks: Float64Array,
    private readonly counters: Counters,
    seed = 1,
    /** Per core, where its timer ticks within the interval (perturbation; zeros: multiples). */
    private readonly timerPhase: Float64Array = new Float64Array(l1.length),
  ) {
    const n = l1.length;
    this.enabled = cfg.enabled;
    this.depths = new Int32Array(n);
    this.startAt = new Float64Array(n);
    this.deadline = new Float64Array(n).fill(Infinity);
    this.abortSerial = new Float64Array(n);
    this.writeLines = new Float64Array(n);
    this.tracking = trackingLevel(cfg.readSetTracking);
    this.writeLevel = trackingLevel(cfg.writeSetTracking);
    this.beyond = this.tracking === 4 || this.writeLevel === 4;
    this.requesterWins = cfg.conflictResolution === 'requester-wins';
    this.rollbackOnly = cfg.rollbackOnly === true;
    this.suspendResume = cfg.suspendResume === true;
    this.suspended = new Int32Array(n);
    this.rot = new Uint8Array(n);
    this.lines = new Float64Array(n);
    this.writeBuffer = cfg.writeSetTracking === 'buffer';
    this.readBuffer = cfg.readSetTracking === 'buffer';
    this.writeSet = cfg.writeSetTracking === 'unbounded';
    this.readSet = cfg.readSetTracking === 'unbounded';
    this.readSignature = cfg.readSetTracking === 'signature';
    for (let i = 0; i < n; i++) {
      this.buffers.push((this.writeBuffer || this.readBuffer) && cfg.buffer ? new TxBuffer(cfg.buffer) : null);
      this.signatures.push(this.readSignature && cfg.signature ? new TxSignature(cfg.signature, seed * 977 + i * 31 + 7) : null);
      this.lineSets.push(this.writeSet || this.readSet ? new TxLineSet() : null);
    }
    for (let i = 0; i < n; i++) {
      this.log1.push(new SlotLog());
      this.log2.push(new SlotLog());
      this.log3.push(new SlotLog());
      this.log3l2.push(new SlotLog());
    }
    this.pendCore = new Int32Array(4 * n);
    this.pendStatus = new Float64Array(4 * n);
    this.pendCause = new Uint8Array(4 * n);
  }

  // ---- HtmPort ---------------------------------------------------------------------------------

  begin(core: CoreId): number {
    if (!this.enabled) return 0; // no RTM on this machine: xbegin never starts (no handler call)
    if (this.suspended[core] !== 0) throw new Error(`xbegin on core ${core} while its transaction is suspended (a bug in the layer above)`);
    const d = this.depths[core]!;
    const before = this.clocks[core]!;
    this.charge(core, this.cfg.beginCycles);
    if (d === 0) {
      this.depths[core] = 1;
      this.startAt[core] = before;
      const t = this.cfg.timerIntervalCycles;
      const p = this.timerPhase[core]!;
      this.deadline[core] = t > 0 ? (Math.floor((before - p) / t) + 1) * t + p : Infinity;
      this.running++;
      this.counters.core[core * C_STRIDE + C_HTM_BEGUN]!++;
      return XBEGIN_STARTED;
    }
    if (d >= this.cfg.maxNestingDepth) {
      const status = XABORT_NESTED >>> 0;
      this.abortTx(core, status, 'nested');
      this.flush();
      return status;
    }
    this.depths[core] = d + 1;
    return XBEGIN_STARTED;
  }

  end(core: CoreId): void {
    const d = this.depths[core]!;
    if (d === 0) throw new Error(`xend on core ${core} outside a transaction (a bug in the layer above)`);
    if (d > 1) {
      this.depths[core] = d - 1;
      return;
    }
    const b = core * C_STRIDE;
    const k = this.counters.core;
    // Each line of the footprint was counted once, when its directory mask bit was first set.
    const footprint = this.lines[core]!;
    k[b + C_HTM_FOOTPRINT]! += footprint;
    k[b + C_HTM_WRITE_LINES]! += this.writeLines[core]!;
    if (footprint > k[b + C_HTM_MAX_FOOTPRINT]!) k[b + C_HTM_MAX_FOOTPRINT] = footprint;
    this.histCommitted[footprintBucket(footprint)]!++;
    this.histCommittedWrite[footprintBucket(this.writeLines[core]!)]!++;
    this.clearFootprint(core, false);
    this.depths[core] = 0;
    this.deadline[core] = Infinity;
    this.running--;
    this.charge(core, this.cfg.commitCycles);
    k[b + C_HTM_COMMITTED]!++;
    k[b + C_HTM_COMMITTED_CYCLES]! += this.clocks[core]! - this.startAt[core]!;
  }

  abort(core: CoreId, code: number): void {
    const d = this.depths[core]! || this.suspended[core]!;
    if (d === 0) return; // XABORT outside a transaction is a no-op (Intel SDM)
    const status = (XABORT_EXPLICIT | ((code & 0xff) << 24) | (d > 1 ? XABORT_NESTED : 0)) >>> 0;
    this.abortTx(core, status, 'explicit');
    this.flush();
  }

  unfriendly(core: CoreId): void {
    if (this.depths[core] === 0) return; // a suspended transaction is not affected (POWER8)
    this.abortTx(core, 0, 'unfriendly');
    this.flush();
  }

  /** XTEST. */
  active(core: CoreId): boolean {
    return this.depths[core] !== 0;
  }

  depth(core: CoreId): number {
    return this.depths[core]!;
  }

  setAbortHandler(handler: AbortHandler): void {
    this.handler = handler;
  }

  setAbortProbe(probe: AbortProbe | null): void {
    this.probe = probe;
  }

  /** TxFootprintView: the lines `core`'s transaction tracks (its directory log) and whether it wrote them. */
  forEachLine(core: number, visit: (line: number, written: boolean) => void): void {
    const l3 = this.l3;
    const log3 = this.log3[core]!;
    const bit = (1 << core) >>> 0;
    for (let i = 0; i < log3.n; i++) {
      const s = log3.data[i]!;
      const w = (l3.txWriters[s]! & bit) !== 0;
      if (!w && (l3.txReaders[s]! & bit) === 0) continue; // the slot was taken by another line since
      visit(l3.tags[s]!, w);
    }
  }

  /**
   * A rollback-only transaction (POWER8 `tbegin. ROT`): like begin, but its reads are not
   * tracked, so no other core's write to a line it only read aborts it. Outermost level only;
   * a nested begin inside it is an ordinary nested level. Throws on a preset without ROT.
   */
  beginRollbackOnly(core: CoreId): number {
    if (!this.rollbackOnly) throw new Error(`machine has no rollback-only transactions (htm.rollbackOnly is false)`);
    const outer = this.depths[core] === 0;
    const status = this.begin(core);
    if (outer && status === XBEGIN_STARTED) this.rot[core] = 1;
    return status;
  }

  /**
   * POWER8 `tsuspend.`: the core's accesses stop being tracked (and do not abort for timer
   * interrupts) until resume; its footprint stays tracked, so other cores' conflicting accesses,
   * and evictions of its tracked lines, still abort it (the handler runs at once).
   */
  suspend(core: CoreId): void {
    if (!this.suspendResume) throw new Error(`machine has no transaction suspend/resume (htm.suspendResume is false)`);
    const d = this.depths[core]!;
    if (d === 0) throw new Error(`suspend on core ${core} outside a transaction (a bug in the layer above)`);
    this.suspended[core] = d;
    this.depths[core] = 0;
  }

  /**
   * POWER8 `tresume.`: true if the transaction survived the suspended stretch and runs again;
   * false if it was aborted meanwhile (its handler already ran) or a timer interrupt fell due
   * while it was suspended (aborted now).
   */
  resume(core: CoreId): boolean {
    const d = this.suspended[core]!;
    if (d === 0) return false;
    this.suspended[core] = 0;
    this.depths[core] = d;
    if (this.clocks[core]! >= this.deadline[core]!) {
      this.abortTx(core, 0, 'interrupt');
      this.flush();
      return false;
    }
    return true;
  }

  /** True while the core has a transaction, running or suspended (its tracking bits are live). */
  live(core: number): boolean {
    return this.depths[core] !== 0 || this.suspended[core] !== 0;
  }

  footprintHistograms(): FootprintHistograms {
    return {
      committedLines: sparseHistogram(this.histCommitted),
      committedWriteLines: sparseHistogram(this.histCommittedWrite),
      abortedLines: sparseHistogram(this.histAborted),
      abortedWriteLines: sparseHistogram(this.histAbortedWrite),
    };
  }

  resetHistograms(): void {
    this.histCommitted.fill(0);
    this.histCommittedWrite.fill(0);
    this.histAborted.fill(0);
    this.histAbortedWrite.fill(0);
  }

  // ---- used by the coherence path ----------------------------------------------------------------

  /**
   * Record that `core`'s running transaction read or wrote the line in its L1 slot `s1`.
   * Sets the L1 bit, the L2 read bit (read set beyond L1) and the L3 directory masks.
   */
  mark(core: number, s1: number, write: boolean): void {
    const l1 = this.l1[core]!;
    const f = l1.tx[s1]!;
    const want = write ? TX_WRITE : TX_READ;
    if ((f & want) !== 0 || (!write && f !== 0)) return; // already tracked (a written line counts as read)
    if (!write && this.rot[core] !== 0) return; // rollback-only: reads are not tracked
    if (this.beyond && !this.markBeyond(core, l1.tags[s1]!, write)) {
      this.abortTx(core, STATUS_CAPACITY, 'capacity', l1.tags[s1]!, -1, write ? OVERFLOW_WRITE : OVERFLOW_READ);
      return;
    }
    l1.tx[s1] = f | want;
    if (f === 0) this.log1[core]!.push(s1);
    const s2 = l1.link[s1]!;
    const l2 = this.l2[core]!;
    if (!write && l2.tx[s2] === 0) {
      l2.tx[s2] = TX_READ;
      this.log2[core]!.push(s2);
    }
    if (write && this.writeLevel !== 1 && (l2.tx[s2]! & TX_WRITE) === 0) {
      // The write set survives L1 evictions: the L2 copy carries the speculative line.
      if (l2.tx[s2] === 0) this.log2[core]!.push(s2);
      l2.tx[s2] = l2.tx[s2]! | TX_WRITE;
    }
    const s3 = l2.link[s2]!;
    const l3 = this.l3;
    const bit = (1 << core) >>> 0;
    if (((l3.txReaders[s3]! | l3.txWriters[s3]!) & bit) === 0) {
      this.log3[core]!.push(s3);
      this.log3l2[core]!.push(s2);
      this.lines[core]!++;
    }
    if (write) {
      if ((l3.txWriters[s3]! & bit) === 0) this.writeLines[core]!++;
      l3.txWriters[s3] = (l3.txWriters[s3]! | bit) >>> 0;
    }
    else l3.txReaders[s3] = (l3.txReaders[s3]! | bit) >>> 0;
  }

  /**
   * Abort `core`'s transaction now: discard its speculative L1 lines, clear its tracking, account
   * the wasted cycles, charge the abort cost and queue the handler call. No-op outside a transaction.
   * `line`, `by` and `overflow` are for the abort probe (forensics): the line that caused it, the
   * core whose access did (conflicts), the set a capacity abort lost.
   */
  abortTx(core: number, status: number, cause: AbortCause, line = -1, by = -1, overflow: OverflowSet = OVERFLOW_NONE): void {
    const d = this.depths[core]! || this.suspended[core]!;
    if (d === 0) return;
    if (this.probe !== null) {
      const wasted = this.clocks[core]! + this.cfg.abortCycles - this.startAt[core]!;
      this.probe.onAbort(core, cause, line, by, overflow, wasted, this);
    }
    let st = status >>> 0;
    if (d > 1 && st !== 0) st = (st | XABORT_NESTED) >>> 0;
    this.histAborted[footprintBucket(this.lines[core]!)]!++;
    this.histAbortedWrite[footprintBucket(this.writeLines[core]!)]!++;
    this.clearFootprint(core, true);
    this.depths[core] = 0;
    this.suspended[core] = 0;
    this.deadline[core] = Infinity;
    this.running--;
    this.abortSerial[core]!++;
    this.charge(core, this.cfg.abortCycles);
    const b = core * C_STRIDE;
    const k = this.counters.core;
    k[b + C_HTM_ABORTED]!++;
    k[b + C_HTM_WASTED]! += this.clocks[core]! - this.startAt[core]!;
    const ci = ABORT_CAUSE_INDEX[cause];
    k[b + C_ABORT_BASE + ci]!++;
    this.enqueue(core, st, ci);
  }

  /** Call the handler for every queued abort, in the order they happened. */
  flush(): void {
    if (this.pendN === 0 || this.flushing) return;
    this.flushing = true;
    try {
      for (let i = 0; i < this.pendN; i++) {
        const h = this.handler;
        if (h) h(this.pendCore[i]! as CoreId, this.pendStatus[i]!, ABORT_CAUSES[this.pendCause[i]!]!);
      }
    } finally {
      this.pendN = 0;
      this.flushing = false;
    }
  }

  get pending(): number {
    return this.pendN;
  }

  /**
   * Cores other than `core` whose running (or suspended) transaction conflicts with its request
   * for `line` according to their beyond-cache structures: a write set holding the line (any
   * request), a read set holding it (a write request; a signature may say so falsely).
   */
  beyondConflicts(core: number, line: number, write: boolean): number {
    let mask = 0;
    for (let v = 0; v < this.l1.length; v++) {
      if (v === core || !this.live(v)) continue;
      if (this.holds(v, line, write)) mask = (mask | (1 << v)) >>> 0;
    }
    return mask;
  }

  /**
   * A line missing from the L3 was just installed in directory slot `s3`: give back the directory
   * marks of every live transaction whose structure holds it (the requester's included), so the
   * masks are again authoritative while the line is cached. Returns the cores other than `core`
   * that now track it (they become sticky sharers).
   */
  restoreBeyond(core: number, line: number, s3: number): number {
    const l3 = this.l3;
    let others = 0;
    for (let v = 0; v < this.l1.length; v++) {
      if (!this.live(v)) continue;
      const w = this.writeFlag(v, line);
      const r = this.readFlag(v, line);
      if (!w && !r) continue;
      const bit = (1 << v) >>> 0;
      if (w) l3.txWriters[s3] = (l3.txWriters[s3]! | bit) >>> 0;
      if (r) l3.txReaders[s3] = (l3.txReaders[s3]! | bit) >>> 0;
      this.log3[v]!.push(s3);
      this.log3l2[v]!.push(-1);
      if (v !== core) {
        l3.sharers[s3] = (l3.sharers[s3]! | bit) >>> 0;
        others = (others | bit) >>> 0;
      }
    }
    return others;
  }

  // ---- internals ---------------------------------------------------------------------------------

  /** Record `line` in the core's beyond-cache structures; false when a buffer overflows. */
  private markBeyond(core: number, line: number, write: boolean): boolean {
    if (write) {
      if (this.writeBuffer) return this.buffers[core]!.insert(line, TX_WRITE);
      if (this.writeSet) this.lineSets[core]!.add(line, TX_WRITE);
      return true;
    }
    if (this.readBuffer) return this.buffers[core]!.insert(line, TX_READ);
    if (this.readSet) this.lineSets[core]!.add(line, TX_READ);
    else if (this.readSignature) this.signatures[core]!.add(line);
    return true;
  }

  private writeFlag(v: number, line: number): boolean {
    if (this.writeBuffer) return (this.buffers[v]!.flags(line) & TX_WRITE) !== 0;
    if (this.writeSet) return (this.lineSets[v]!.flags(line) & TX_WRITE) !== 0;
    return false;
  }

  private readFlag(v: number, line: number): boolean {
    if (this.rot[v] !== 0) return false;
    if (this.readBuffer) return (this.buffers[v]!.flags(line) & TX_READ) !== 0;
    if (this.readSet) return (this.lineSets[v]!.flags(line) & TX_READ) !== 0;
    if (this.readSignature) return this.signatures[v]!.test(line);
    return false;
  }

  private holds(v: number, line: number, write: boolean): boolean {
    return this.writeFlag(v, line) || (write && this.readFlag(v, line));
  }

  private charge(core: number, cycles: number): void {
    this.clocks[core]! += cycles;
    this.counters.core[core * C_STRIDE + C_WORK_CYCLES]! += cycles;
  }

  private enqueue(core: number, status: number, causeIndex: number): void {
    if (this.pendN === this.pendCore.length) {
      const n = this.pendCore.length * 2;
      const c = new Int32Array(n); c.set(this.pendCore); this.pendCore = c;
      const s = new Float64Array(n); s.set(this.pendStatus); this.pendStatus = s;
      const k = new Uint8Array(n); k.set(this.pendCause); this.pendCause = k;
    }
    this.pendCore[this.pendN] = core;
    this.pendStatus[this.pendN] = status;
    this.pendCause[this.pendN] = causeIndex;
    this.pendN++;
  }

  /** Clear every bit this core set; on abort also drop its transactionally written L1 lines. */
  private clearFootprint(core: number, discard: boolean): void {
    const l1 = this.l1[core]!;
    const log1 = this.log1[core]!;
    for (let i = 0; i < log1.n; i++) {
      const s = log1.data[i]!;
      // Written lines never leave L1 without an abort, so the slot still holds the speculative line.
      if (discard && (l1.tx[s]! & TX_WRITE) !== 0) l1.invalidate(s);
      else l1.tx[s] = 0;
    }
    log1.n = 0;
    const l2 = this.l2[core]!;
    const log2 = this.log2[core]!;
    if (discard && this.writeLevel !== 1) {
      // Speculative lines that left the L1 live on in the L2: drop them there (and any L1 copy).
      for (let i = 0; i < log2.n; i++) {
        const s = log2.data[i]!;
        if ((l2.tx[s]! & TX_WRITE) !== 0) {
          const t1 = l1.lookup(l2.tags[s]!);
          if (t1 >= 0) l1.invalidate(t1);
          l2.invalidate(s);
        } else l2.tx[s] = 0;
      }
    } else {
      for (let i = 0; i < log2.n; i++) l2.tx[log2.data[i]!] = 0;
    }
    log2.n = 0;
    const l3 = this.l3;
    const log3 = this.log3[core]!;
    const hints = this.log3l2[core]!.data;
    const bit = (1 << core) >>> 0;
    const keep = ~bit;
    for (let i = 0; i < log3.n; i++) {
      const s = log3.data[i]!;
      l3.txReaders[s] = (l3.txReaders[s]! & keep) >>> 0;
      l3.txWriters[s] = (l3.txWriters[s]! & keep) >>> 0;
      // A line tracked only in the L3 kept this core as a (sticky) sharer; drop it if no copy
      // remains. Usually the line still sits in the L2 slot it was marked in: one probe, no scan.
      if ((l3.sharers[s]! & bit) !== 0 && l3.isValid(s)) {
        const line = l3.tags[s]!;
        if (l2.tags[hints[i]!] !== line && l2.lookup(line) < 0) l3.sharers[s] = (l3.sharers[s]! & keep) >>> 0;
      }
    }
    log3.n = 0;
    this.log3l2[core]!.n = 0;
    this.writeLines[core] = 0;
    this.lines[core] = 0;
    this.rot[core] = 0;
    if (this.beyond) {
      this.buffers[core]?.clear();
      this.signatures[core]?.clear();
      this.lineSets[core]?.clear();
    }
  }
}
