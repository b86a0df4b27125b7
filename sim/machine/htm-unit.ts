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
 */
import type { CoreId } from '../common/brand.js';
import { Cache, TX_READ, TX_WRITE } from './cache.js';
import type { HtmConfig } from './config.js';
import {
  ABORT_CAUSES, XABORT_CAPACITY, XABORT_CONFLICT, XABORT_EXPLICIT, XABORT_NESTED, XABORT_RETRY, XBEGIN_STARTED,
  type AbortCause, type AbortHandler, type HtmPort,
} from './port.js';
import {
  ABORT_CAUSE_INDEX, C_ABORT_BASE, C_HTM_ABORTED, C_HTM_BEGUN, C_HTM_COMMITTED, C_HTM_COMMITTED_CYCLES, C_HTM_WASTED,
  C_HTM_FOOTPRINT, C_HTM_MAX_FOOTPRINT, C_HTM_WRITE_LINES, C_STRIDE, C_WORK_CYCLES, type Counters,
} from './stats.js';

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

/** Read-set tracking depth as a number: 1 = L1 only, 2 = through L2, 3 = through L3. */
export function trackingLevel(t: HtmConfig['readSetTracking']): 1 | 2 | 3 {
  switch (t) {
    case 'l1': return 1;
    case 'l2': return 2;
    case 'l3': return 3;
    default: {
      const _never: never = t;
      throw new Error(`unknown read-set tracking ${String(_never)}`);
    }
  }
}

export class HtmUnit implements HtmPort {
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
  readonly tracking: 1 | 2 | 3;
  readonly requesterWins: boolean;

  private readonly log1: SlotLog[] = [];
  private readonly log2: SlotLog[] = [];
  private readonly log3: SlotLog[] = [];
  /** Beside each log3 entry: the L2 slot the line had when it was marked (a hint for clearing). */
  private readonly log3l2: SlotLog[] = [];
  private handler: AbortHandler | undefined;
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
  ) {
    const n = l1.length;
    this.enabled = cfg.enabled;
    this.depths = new Int32Array(n);
    this.startAt = new Float64Array(n);
    this.deadline = new Float64Array(n).fill(Infinity);
    this.abortSerial = new Float64Array(n);
    this.writeLines = new Float64Array(n);
    this.tracking = trackingLevel(cfg.readSetTracking);
    this.requesterWins = cfg.conflictResolution === 'requester-wins';
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
    const d = this.depths[core]!;
    const before = this.clocks[core]!;
    this.charge(core, this.cfg.beginCycles);
    if (d === 0) {
      this.depths[core] = 1;
      this.startAt[core] = before;
      const t = this.cfg.timerIntervalCycles;
      this.deadline[core] = t > 0 ? (Math.floor(before / t) + 1) * t : Infinity;
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
    // Each line of the footprint has exactly one L3 log entry (its mask bit stays set until the end).
    const footprint = this.log3[core]!.n;
    k[b + C_HTM_FOOTPRINT]! += footprint;
    k[b + C_HTM_WRITE_LINES]! += this.writeLines[core]!;
    if (footprint > k[b + C_HTM_MAX_FOOTPRINT]!) k[b + C_HTM_MAX_FOOTPRINT] = footprint;
    this.clearFootprint(core, false);
    this.depths[core] = 0;
    this.deadline[core] = Infinity;
    this.running--;
    this.charge(core, this.cfg.commitCycles);
    k[b + C_HTM_COMMITTED]!++;
    k[b + C_HTM_COMMITTED_CYCLES]! += this.clocks[core]! - this.startAt[core]!;
  }

  abort(core: CoreId, code: number): void {
    const d = this.depths[core]!;
    if (d === 0) return; // XABORT outside a transaction is a no-op (Intel SDM)
    const status = (XABORT_EXPLICIT | ((code & 0xff) << 24) | (d > 1 ? XABORT_NESTED : 0)) >>> 0;
    this.abortTx(core, status, 'explicit');
    this.flush();
  }

  unfriendly(core: CoreId): void {
    if (this.depths[core] === 0) return;
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
    l1.tx[s1] = f | want;
    if (f === 0) this.log1[core]!.push(s1);
    const s2 = l1.link[s1]!;
    const l2 = this.l2[core]!;
    if (!write && l2.tx[s2] === 0) {
      l2.tx[s2] = TX_READ;
      this.log2[core]!.push(s2);
    }
    const s3 = l2.link[s2]!;
    const l3 = this.l3;
    const bit = (1 << core) >>> 0;
    if (((l3.txReaders[s3]! | l3.txWriters[s3]!) & bit) === 0) {
      this.log3[core]!.push(s3);
      this.log3l2[core]!.push(s2);
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
   */
  abortTx(core: number, status: number, cause: AbortCause): void {
    const d = this.depths[core]!;
    if (d === 0) return;
    let st = status >>> 0;
    if (d > 1 && st !== 0) st = (st | XABORT_NESTED) >>> 0;
    this.clearFootprint(core, true);
    this.depths[core] = 0;
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

  // ---- internals ---------------------------------------------------------------------------------

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
    for (let i = 0; i < log2.n; i++) l2.tx[log2.data[i]!] = 0;
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
  }
}
