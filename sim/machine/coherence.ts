/**
 * The access sequence, written once (zsim style): L1D → L2 → L3 directory → memory, with fills,
 * evictions, inclusion back-invalidations and MESI coherence between the cores' private
 * hierarchies.
 *
 * Model:
 * - Each core's L2 includes its L1D; the shared L3 includes every L2 (so its tag array is the
 *   directory). Private lines carry MESI states mirrored in L1 and L2; the L3 entry keeps the
 *   sharer mask and the transactional reader/writer masks.
 * - A core whose transaction still tracks a line it no longer caches stays in the sharer mask
 *   ("sticky"), so nobody can take the line in E/M behind the transaction's back; every conflict is
 *   therefore seen at the directory, on a miss or an S→M upgrade. Hits in S/E/M never conflict.
 * - Latencies are load-to-use totals of the level that supplies the data; a transfer from another
 *   core's cache adds `cacheToCacheLatency`, a write that must invalidate other copies adds
 *   `invalidateLatency` (once per request: invalidations go out in parallel). A line spanning
 *   access costs the sum of its lines (no memory-level parallelism in this model).
 * - Cores are at most 32 (sharer masks are one uint32 per L3 line).
 * - HTM designs that track beyond the caches (htm-unit.ts): a tracked line may leave the L3; a
 *   directory request then also consults the transactions' structures (a signature may answer
 *   falsely), and a line installed again gets its transactional marks and sticky sharers back.
 *   Which evictions are capacity aborts follows the design's tracking depth for each set.
 */
import { Cache, TX_READ, TX_WRITE, UNREAD, UNWRITTEN } from './cache.js';
import type { MachineConfig } from './config.js';
import { Footprint } from './footprint.js';
import { STATUS_CAPACITY, STATUS_CONFLICT, type HtmUnit } from './htm-unit.js';
import { MESI_E, MESI_M, MESI_S, type MesiState } from './mesi.js';
import { OVERFLOW_READ, OVERFLOW_WRITE } from './port.js';
import {
  C_L1_EVICTIONS, C_L1_HITS, C_L1_INVALIDATIONS, C_L1_MISSES, C_L1_WRITEBACKS, C_L2_EVICTIONS, C_L2_HITS,
  C_L2_INVALIDATIONS, C_L2_MISSES, C_L2_WRITEBACKS, C_L3_HITS, C_L3_MISSES, C_STRIDE, G_BACK_INVALIDATIONS,
  G_CACHE_TO_CACHE, G_INVALIDATIONS, G_L3_EVICTIONS, G_L3_WRITEBACKS, G_MEMORY_READS, G_MEMORY_WRITEBACKS,
  G_MESSAGES, G_UPGRADES, type Counters,
} from './stats.js';

export class CoherentHierarchy {
  private readonly cores: number;
  private readonly l1Lat: number;
  private readonly l2Lat: number;
  private readonly l3Lat: number;
  private readonly memLat: number;
  private readonly c2cLat: number;
  private readonly invLat: number;
  private readonly k: Float64Array;
  private readonly g: Float64Array;
  /** Out-parameters of fetch() (no allocation per miss). */
  private fetchedState: MesiState = MESI_E;
  private fetchedL3 = -1;
  /**
   * Lazy L2 recency (when L1D and L2 are both LRU): an L1 hit is also a use of the line's L2
   * copy. Rather than stamping the L2 on every hit, the L1 stamp stands for both (the two share
   * one clock), and is handed to the L2 when the line leaves the L1 and, for the lines of a set,
   * just before the L2 picks a victim there. Victims are the same as with eager stamping.
   */
  private readonly lazyL2: boolean;
  /** Distinct lines touched, read and written (see footprint.ts for where it is fed). */
  readonly footprint = new Footprint();

  constructor(
    cfg: MachineConfig,
    readonly l1: readonly Cache[],
    readonly l2: readonly Cache[],
    readonly l3: Cache,
    private readonly htm: HtmUnit,
    counters: Counters,
    lazyL2Recency = true,
  ) {
    this.cores = cfg.cores;
    this.l1Lat = cfg.l1d.latency;
    this.l2Lat = cfg.l2.latency;
    this.l3Lat = cfg.l3.latency;
    this.memLat = cfg.memoryLatency;
    this.c2cLat = cfg.coherence.cacheToCacheLatency;
    this.invLat = cfg.coherence.invalidateLatency;
    this.k = counters.core;
    this.g = counters.global;
    let lazy = lazyL2Recency;
    for (let c = 0; c < this.cores && lazy; c++) if (!l1[c]!.foldRecencyInto(l2[c]!)) lazy = false;
    this.lazyL2 = lazy;
  }

  /**
   * One access by `core` to `line` (`inTx`: the core runs a transaction). Returns its latency.
   * Transactions it conflicts with, or that lose lines to the evictions it causes, are aborted
   * (handlers queued, not called).
   */
  access(core: number, line: number, write: boolean, inTx: boolean): number {
    // The common case first, kept small so that V8 inlines it into the machine's read and write:
    // an L1 hit that changes no MESI state and sets no new transactional bit. Everything it does
    // is exactly what accessSlow does for such a hit.
    const l1 = this.l1[core]!;
    const s1 = l1.find(line);
    if (s1 >= 0 && (!write || l1.state[s1] === MESI_M)) {
      const f = l1.tx[s1]!;
      if (!inTx || (write ? (f & TX_WRITE) !== 0 : f !== 0)) {
        this.k[core * C_STRIDE + C_L1_HITS]!++;
        l1.touch(s1);
        if (!this.lazyL2) this.l2[core]!.touch(l1.link[s1]!);
        const u = l1.unread[s1]!;
        if (u !== 0 && (u & (write ? UNWRITTEN : UNREAD)) !== 0) this.firstTouch(l1, s1, line, write);
        return this.l1Lat;
      }
    }
    return this.accessSlow(core, line, write, s1);
  }

  /** access() past the fast path; `s1` is the line's L1 slot or -1 (already looked up). */
  private accessSlow(core: number, line: number, write: boolean, s1: number): number {
    const k = this.k;
    const b = core * C_STRIDE;
    const htm = this.htm;
    const l1 = this.l1[core]!;
    if (s1 >= 0) {
      k[b + C_L1_HITS]!++;
      l1.touch(s1);
      // Temporal-locality hint: the inclusive L2 learns of L1 hits, so a line hot in L1 is not the
      // L2's LRU victim (an inclusion victim would be back-invalidated from L1 and, if it is in a
      // transaction's write set, abort it). Haswell's L2 is non-inclusive and never does that.
      if (!this.lazyL2) this.l2[core]!.touch(l1.link[s1]!);
      const u = l1.unread[s1]!;
      if (u !== 0 && (u & (write ? UNWRITTEN : UNREAD)) !== 0) this.firstTouch(l1, s1, line, write);
      let lat = this.l1Lat;
      if (write) {
        const st = l1.state[s1]!;
        if (st === MESI_S) {
          const up = this.upgrade(core, line, s1, l1.link[s1]!);
          if (up < 0) return lat;
          lat += up;
        } else if (st === MESI_E) {
          // E → M is silent: nobody else holds the line.
          l1.state[s1] = MESI_M;
          this.l2[core]!.state[l1.link[s1]!] = MESI_M;
        }
        if (st !== MESI_M) this.footprint.noteWrite(line);
      }
      if (htm.depths[core] !== 0) {
        // Most hits inside a transaction are on lines it already tracks: skip the call then
        // (the same test mark() starts with).
        const f = l1.tx[s1]!;
        if (write ? (f & TX_WRITE) === 0 : f === 0) htm.mark(core, s1, write);
      }
      return lat;
    }
    k[b + C_L1_MISSES]!++;
    const l2 = this.l2[core]!;
    let s2 = l2.lookup(line);
    let lat: number;
    if (s2 >= 0) {
      k[b + C_L2_HITS]!++;
      l2.touch(s2);
      lat = this.l2Lat;
      if (write) {
        const st = l2.state[s2]!;
        if (st === MESI_S) {
          const up = this.upgrade(core, line, -1, s2);
          if (up < 0) return lat;
          lat += up;
        } else if (st === MESI_E) {
          l2.state[s2] = MESI_M;
        }
      }
    } else {
      k[b + C_L2_MISSES]!++;
      const f = this.fetch(core, line, write);
      if (f < 0) return this.l3Lat;
      lat = f;
      const set2 = l2.setOf(line);
      if (this.lazyL2) l2.foldRecencyFrom(l1, set2);
      s2 = l2.victimSlot(set2);
      if (l2.isValid(s2)) this.evictL2(core, s2);
      l2.install(s2, line, this.fetchedState);
      l2.link[s2] = this.fetchedL3;
    }
    s1 = l1.victimSlot(l1.setOf(line));
    if (l1.isValid(s1)) this.evictL1(core, s1);
    l1.install(s1, line, l2.state[s2]! as MesiState);
    l1.link[s1] = s2;
    l1.unread[s1] = this.footprint.noteMiss(line, write);
    if (htm.depths[core] !== 0) htm.mark(core, s1, write);
    return lat;
  }

  /**
   * A hit the footprint must see (its only hit-path events): the first read of a line this L1 got
   * by a write, or, after `restartFootprint`, the first read or write of a line the L1 already held.
   */
  private firstTouch(l1: Cache, s1: number, line: number, write: boolean): void {
    l1.unread[s1] = l1.unread[s1]! & ~(write ? UNWRITTEN : UNREAD);
    this.footprint.noteHit(line, write);
  }

  /**
   * Counts the footprint afresh from now (a region of interest begins): the bitmaps are cleared
   * and every line the L1s hold is marked unread and unwritten, so that its first hit is counted
   * as a miss would have been.
   */
  restartFootprint(): void {
    this.footprint.clear();
    for (const l1 of this.l1) {
      for (let s = 0; s < l1.lines; s++) l1.unread[s] = l1.isValid(s) ? UNREAD | UNWRITTEN : 0;
    }
  }

  /**
   * Conflict check at the directory entry `s3` for a request by `core`. Returns false when the
   * requester itself lost (requester-loses and it is transactional): the access must not happen.
   */
  private resolve(core: number, s3: number, write: boolean, line: number): boolean {
    const l3 = this.l3;
    const bit = (1 << core) >>> 0;
    let victims = ((l3.txWriters[s3]! | (write ? l3.txReaders[s3]! : 0)) & ~bit) >>> 0;
    if (this.htm.beyond) victims = (victims | this.htm.beyondConflicts(core, line, write)) >>> 0;
    return this.resolveVictims(core, victims, line);
  }

  /** Apply a conflict between `core`'s request for `line` and the transactions of `victims`. */
  private resolveVictims(core: number, victims: number, line: number): boolean {
    if (victims === 0) return true;
    const htm = this.htm;
    if (!htm.requesterWins && htm.depths[core] !== 0) {
      // The requester loses to the lowest-numbered holder.
      htm.abortTx(core, STATUS_CONFLICT, 'conflict', line, 31 - Math.clz32(victims & -victims));
      return false;
    }
    // Requester wins; a non-transactional requester always wins (strong isolation).
    for (let v = 0; v < this.cores; v++) {
      if ((victims & (1 << v)) !== 0) htm.abortTx(v, STATUS_CONFLICT, 'conflict', line, core);
    }
    return true;
  }

  /** S → M for a line `core` holds (L2 slot s2, L1 slot s1 or -1). Returns extra latency or -1. */
  private upgrade(core: number, line: number, s1: number, s2: number): number {
    const l2 = this.l2[core]!;
    const s3 = l2.link[s2]!;
    if (this.htm.running !== 0 && !this.resolve(core, s3, true, line)) return -1;
    const g = this.g;
    g[G_MESSAGES]!++;
    g[G_UPGRADES]!++;
    const bit = (1 << core) >>> 0;
    const others = (this.l3.sharers[s3]! & ~bit) >>> 0;
    let lat = 0;
    if (others !== 0) {
      this.invalidateCopies(line, s3, others);
      lat += this.invLat;
    }
    l2.state[s2] = MESI_M;
    if (s1 >= 0) this.l1[core]!.state[s1] = MESI_M;
    return lat;
  }

  /** GetS / GetM after an L2 miss: the directory, the L3, memory. Sets fetchedState/fetchedL3. */
  private fetch(core: number, line: number, write: boolean): number {
    const k = this.k;
    const g = this.g;
    const b = core * C_STRIDE;
    const l3 = this.l3;
    const bit = (1 << core) >>> 0;
    g[G_MESSAGES]!++;
    let s3 = l3.lookup(line);
    let lat: number;
    let state: MesiState;
    if (s3 >= 0) {
      k[b + C_L3_HITS]!++;
      l3.touch(s3);
      if (this.htm.running !== 0 && !this.resolve(core, s3, write, line)) return -1;
      lat = this.l3Lat;
      const others = (l3.sharers[s3]! & ~bit) >>> 0;
      if (others === 0) {
        state = write ? MESI_M : MESI_E;
      } else if (write) {
        if (this.invalidateCopies(line, s3, others)) {
          lat += this.c2cLat;
          g[G_CACHE_TO_CACHE]!++;
          g[G_MESSAGES]!++;
        }
        lat += this.invLat;
        state = MESI_M;
      } else {
        // Only a lone holder can be in E or M: it forwards the data and drops to S.
        if ((others & (others - 1)) === 0) {
          const v = 31 - Math.clz32(others);
          const l2v = this.l2[v]!;
          const t2 = l2v.lookup(line);
          if (t2 >= 0) {
            const st = l2v.state[t2]!;
            if (st === MESI_M || st === MESI_E) {
              const vb = v * C_STRIDE;
              if (st === MESI_M) {
                l3.state[s3] = MESI_M;
                k[vb + C_L2_WRITEBACKS]!++;
              }
              l2v.state[t2] = MESI_S;
              const l1v = this.l1[v]!;
              const t1 = l1v.lookup(line);
              if (t1 >= 0) l1v.state[t1] = MESI_S;
              lat += this.c2cLat;
              g[G_CACHE_TO_CACHE]!++;
              g[G_MESSAGES]!++;
            }
          }
        }
        state = MESI_S;
      }
      l3.sharers[s3] = (l3.sharers[s3]! | bit) >>> 0;
    } else {
      const htm = this.htm;
      // Designs tracking beyond the caches: the line may be in a transaction's structure.
      if (htm.beyond && htm.running !== 0 && !this.resolveVictims(core, htm.beyondConflicts(core, line, write), line)) return -1;
      k[b + C_L3_MISSES]!++;
      g[G_MEMORY_READS]!++;
      s3 = l3.victimSlot(l3.setOf(line));
      if (l3.isValid(s3)) this.evictL3(s3);
      l3.install(s3, line, MESI_S);
      l3.sharers[s3] = bit;
      lat = this.memLat;
      state = write ? MESI_M : MESI_E;
      if (htm.beyond && htm.running !== 0 && htm.restoreBeyond(core, line, s3) !== 0) state = MESI_S;
    }
    this.fetchedState = state;
    this.fetchedL3 = s3;
    return lat;
  }

  /** Invalidate the private copies of `line` in the cores of `mask`. True if one was E or M (it forwards the data). */
  private invalidateCopies(line: number, s3: number, mask: number): boolean {
    const k = this.k;
    const g = this.g;
    let forwarded = false;
    for (let v = 0; v < this.cores; v++) {
      if ((mask & (1 << v)) === 0) continue;
      g[G_MESSAGES]!++;
      const l2v = this.l2[v]!;
      const t2 = l2v.lookup(line);
      if (t2 < 0) continue; // a sticky sharer whose transaction just ended
      const st = l2v.state[t2]!;
      if (st === MESI_M || st === MESI_E) forwarded = true;
      const vb = v * C_STRIDE;
      const l1v = this.l1[v]!;
      const t1 = l1v.lookup(line);
      if (t1 >= 0) {
        l1v.invalidate(t1);
        k[vb + C_L1_INVALIDATIONS]!++;
      }
      l2v.invalidate(t2);
      k[vb + C_L2_INVALIDATIONS]!++;
      g[G_INVALIDATIONS]!++;
    }
    this.l3.sharers[s3] = (this.l3.sharers[s3]! & ~mask) >>> 0;
    return forwarded;
  }

  private evictL1(core: number, s1: number): void {
    const l1 = this.l1[core]!;
    const b = core * C_STRIDE;
    this.k[b + C_L1_EVICTIONS]!++;
    const f = l1.tx[s1]!;
    const htm = this.htm;
    if (f !== 0 && htm.live(core)) {
      // A written line is lost when the write set lives in L1; any tracked line when the read set does.
      if (htm.writeLevel === 1 ? (f & TX_WRITE) !== 0 || htm.tracking === 1 : htm.tracking === 1 && (f & TX_READ) !== 0) {
        const lost = htm.writeLevel === 1 && (f & TX_WRITE) !== 0 ? OVERFLOW_WRITE : OVERFLOW_READ;
        htm.abortTx(core, STATUS_CAPACITY, 'capacity', l1.tags[s1]!, -1, lost);
      }
    }
    if (!l1.isValid(s1)) return; // the abort discarded it already
    if (l1.state[s1] === MESI_M) this.k[b + C_L1_WRITEBACKS]!++; // the L2 copy is already M (mirrored)
    l1.invalidate(s1);
  }

  private evictL2(core: number, s2: number): void {
    const l1 = this.l1[core]!;
    const l2 = this.l2[core]!;
    const l3 = this.l3;
    const k = this.k;
    const b = core * C_STRIDE;
    k[b + C_L2_EVICTIONS]!++;
    const line = l2.tags[s2]!;
    const s3 = l2.link[s2]!;
    const htm = this.htm;
    if (htm.live(core)) {
      const t1 = l1.lookup(line);
      const f1 = t1 >= 0 ? l1.tx[t1]! : 0;
      const f = f1 | l2.tx[s2]!;
      if (((f & TX_WRITE) !== 0 && htm.writeLevel <= 2) || (htm.tracking <= 2 && (f & TX_READ) !== 0)) {
        const lost = (f & TX_WRITE) !== 0 && htm.writeLevel <= 2 ? OVERFLOW_WRITE : OVERFLOW_READ;
        htm.abortTx(core, STATUS_CAPACITY, 'capacity', line, -1, lost);
      }
    }
    // Inclusion: the L1 copy goes too.
    const t1 = l1.lookup(line);
    if (t1 >= 0) {
      if (l1.state[t1] === MESI_M) k[b + C_L1_WRITEBACKS]!++;
      l1.invalidate(t1);
      k[b + C_L1_INVALIDATIONS]!++;
    }
    if (l2.state[s2] === MESI_M) {
      k[b + C_L2_WRITEBACKS]!++;
      l3.state[s3] = MESI_M;
    }
    this.g[G_MESSAGES]!++;
    const bit = (1 << core) >>> 0;
    // A transaction tracking the line in L3 stays a (sticky) sharer until it ends.
    if (((l3.txReaders[s3]! | l3.txWriters[s3]!) & bit) === 0) l3.sharers[s3] = (l3.sharers[s3]! & ~bit) >>> 0;
    l2.invalidate(s2);
  }

  /** The inclusive L3 drops a line: trackers abort (capacity), private copies are back-invalidated. */
  private evictL3(s3: number): void {
    const l3 = this.l3;
    const g = this.g;
    const k = this.k;
    g[G_L3_EVICTIONS]!++;
    const line = l3.tags[s3]!;
    const htm = this.htm;
    // Trackers whose set for this line ends at the caches lose it (capacity); the others keep it
    // in their structure (htm-unit.ts: beyond the caches).
    const trackers = ((htm.writeLevel <= 3 ? l3.txWriters[s3]! : 0) | (htm.tracking <= 3 ? l3.txReaders[s3]! : 0)) >>> 0;
    if (trackers !== 0) {
      for (let v = 0; v < this.cores; v++) {
        if ((trackers & (1 << v)) === 0) continue;
        const lost = htm.writeLevel <= 3 && (l3.txWriters[s3]! & (1 << v)) !== 0 ? OVERFLOW_WRITE : OVERFLOW_READ;
        htm.abortTx(v, STATUS_CAPACITY, 'capacity', line, -1, lost);
      }
    }
    const sharers = l3.sharers[s3]!;
    let dirty = l3.state[s3] === MESI_M;
    if (dirty) g[G_L3_WRITEBACKS]!++;
    for (let v = 0; v < this.cores && sharers !== 0; v++) {
      if ((sharers & (1 << v)) === 0) continue;
      const vb = v * C_STRIDE;
      const l2v = this.l2[v]!;
      const t2 = l2v.lookup(line);
      if (t2 < 0) continue;
      g[G_MESSAGES]!++;
      g[G_BACK_INVALIDATIONS]!++;
      const l1v = this.l1[v]!;
      const t1 = l1v.lookup(line);
      if (t1 >= 0) {
        l1v.invalidate(t1);
        k[vb + C_L1_INVALIDATIONS]!++;
      }
      if (l2v.state[t2] === MESI_M) {
        k[vb + C_L2_WRITEBACKS]!++;
        dirty = true;
      }
      l2v.invalidate(t2);
      k[vb + C_L2_INVALIDATIONS]!++;
    }
    if (dirty) g[G_MEMORY_WRITEBACKS]!++;
    l3.invalidate(s3);
  }
}
