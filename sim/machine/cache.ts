/**
 * One set-associative tag store. Everything lives in typed arrays indexed by slot
 * (`set * ways + way`), so the per-access path allocates nothing. The cache knows geometry,
 * lookup, fill and victim choice; what a state or a tracking bit *means* is the coherence and
 * HTM modules' business.
 */
import type { CacheLevelConfig } from './config.js';
import { MESI_I, type MesiState } from './mesi.js';
import { createReplacementPolicy, LruPolicy, SharedClockLru, type ReplacementPolicy } from './replacement.js';

/** Per-line transactional bits in private caches (Cache.tx). */
export const TX_READ = 1;
export const TX_WRITE = 2;
/** `Cache.unread` bits (L1): the footprint has not yet seen this line read / written. */
export const UNREAD = 1;
export const UNWRITTEN = 2;

/** Lines are non-negative; an invalid slot holds this tag so it can never match. */
const NO_LINE = -1;
/** Below this, line numbers fit an int32 and the set index is a cheap mask. */
const INT31 = 2147483648;

export class Cache {
  readonly sets: number;
  readonly ways: number;
  readonly latency: number;
  private readonly setMask: number;
  /** Line number per slot (Float64: lines exceed 2^32 when addresses exceed 2^38). */
  readonly tags: Float64Array;
  /** MESI state per slot (the L3 uses I, S = clean, M = dirty for its own copy). */
  readonly state: Uint8Array;
  /** TX_READ / TX_WRITE per slot (private caches). */
  readonly tx: Uint8Array;
  /** L1: UNREAD while the slot's line came in by a write and has never been read, plus UNWRITTEN
   *  (and UNREAD) for a line held when the footprint was restarted (footprint.ts). */
  readonly unread: Uint8Array;
  /** L1: the L2 slot of the same line; L2: the L3 slot (stable under inclusion). */
  readonly link: Int32Array;
  /** Directory (shared L3 only): cores holding the line privately or tracking it in a transaction. */
  readonly sharers: Uint32Array;
  /** Directory (shared L3 only): cores whose running transaction read / wrote the line. */
  readonly txReaders: Uint32Array;
  readonly txWriters: Uint32Array;
  readonly replacement: ReplacementPolicy;
  /**
   * Way prediction: the slot where a line hashing to this entry (low bits of the line number) was
   * last found or installed. Only a guess, checked against `tags`, so it never changes a result;
   * it turns the common hit into one probe instead of a scan of the set.
   */
  private readonly hint: Int32Array;
  private readonly hintMask: number;
  /**
   * Lazy L2 recency (set by foldRecencyInto on an L1D whose L2 shares its LRU clock): hits in this
   * cache stand for touches of the line's L2 slot too; a line leaving this cache hands its stamp
   * down to that slot.
   */
  private foldFrom: LruPolicy | null = null;
  private foldTo: LruPolicy | null = null;

  constructor(level: CacheLevelConfig, lineBytes: number, opts: { directory: boolean; seed: number; wayPrediction?: boolean; lruClockOf?: Cache }) {
    this.ways = level.ways;
    this.sets = (level.sizeKiB * 1024) / (lineBytes * level.ways);
    this.latency = level.latency;
    this.setMask = this.sets - 1;
    const n = this.sets * this.ways;
    this.tags = new Float64Array(n).fill(NO_LINE);
    this.state = new Uint8Array(n);
    this.tx = new Uint8Array(opts.directory ? 0 : n);
    this.link = new Int32Array(opts.directory ? 0 : n).fill(-1);
    this.unread = new Uint8Array(opts.directory ? 0 : n);
    const dn = opts.directory ? n : 0;
    this.sharers = new Uint32Array(dn);
    this.txReaders = new Uint32Array(dn);
    this.txWriters = new Uint32Array(dn);
    this.replacement = createReplacementPolicy(level.replacement, this.sets, this.ways, opts.seed, opts.lruClockOf?.replacement);
    // Four entries per slot (a power of two): lines of one set that differ in their low tag bits
    // get entries of their own. Caches that never call find() get one entry (find still works).
    this.hint = new Int32Array(opts.wayPrediction === true ? 2 ** Math.ceil(Math.log2(n * 4)) : 1);
    this.hintMask = this.hint.length - 1;
  }

  get lines(): number {
    return this.sets * this.ways;
  }

  setOf(line: number): number {
    return line < INT31 ? line & this.setMask : line % this.sets;
  }

  /** The slot holding `line`, or -1. */
  lookup(line: number): number {
    const base = (line < INT31 ? line & this.setMask : line % this.sets) * this.ways;
    const tags = this.tags;
    for (let i = base, end = base + this.ways; i < end; i++) {
      if (tags[i] === line) return i;
    }
    return -1;
  }

  /** lookup() with way prediction first: for the L1D hit path, where most lookups hit. */
  find(line: number): number {
    const h = this.hintOf(line);
    const guess = this.hint[h]!;
    if (this.tags[guess] === line) return guess;
    const s = this.lookup(line);
    if (s >= 0) this.hint[h] = s;
    return s;
  }

  private hintOf(line: number): number {
    return line < INT31 ? line & this.hintMask : line % this.hint.length;
  }

  touch(slot: number): void {
    this.replacement.touch(slot);
  }

  /** Lazy L2 recency: before choosing a victim in `set` of this L2, take in the L1D's stamps. */
  foldRecencyFrom(upper: Cache, set: number): void {
    const lru = this.replacement as LruPolicy;
    const from = upper.foldFrom!;
    const base = set * this.ways;
    for (let i = base, end = base + this.ways; i < end; i++) {
      const line = this.tags[i]!;
      if (line === NO_LINE) continue;
      const s1 = upper.lookup(line);
      if (s1 >= 0) lru.raise(i, from.stampOf(s1));
    }
  }

  /** Where a new line of `set` goes: an invalid way if any, else the policy's victim (still valid). */
  victimSlot(set: number): number {
    const base = set * this.ways;
    const tags = this.tags;
    for (let i = base, end = base + this.ways; i < end; i++) {
      if (tags[i] === NO_LINE) return i;
    }
    return base + this.replacement.victim(set);
  }

  isValid(slot: number): boolean {
    return this.tags[slot] !== NO_LINE;
  }

  install(slot: number, line: number, state: MesiState): void {
    this.tags[slot] = line;
    this.hint[this.hintOf(line)] = slot;
    this.state[slot] = state;
    if (this.tx.length !== 0) {
      this.tx[slot] = 0;
      this.link[slot] = -1;
    } else {
      this.sharers[slot] = 0;
      this.txReaders[slot] = 0;
      this.txWriters[slot] = 0;
    }
    this.replacement.fill(slot);
  }

  /**
   * Makes this (private L1D) cache carry the recency of its lines for `lower` (the core's L2):
   * both must be LRU, the L2 on this cache's counter (lruClockOf). Returns false (and changes
   * nothing) otherwise.
   */
  foldRecencyInto(lower: Cache): boolean {
    if (!(this.replacement instanceof LruPolicy) || !(lower.replacement instanceof SharedClockLru)) return false;
    this.foldFrom = this.replacement;
    this.foldTo = lower.replacement;
    return true;
  }

  invalidate(slot: number): void {
    if (this.foldTo !== null && this.tags[slot] !== NO_LINE) {
      const below = this.link[slot]!;
      if (below >= 0) this.foldTo.raise(below, this.foldFrom!.stampOf(slot));
    }
    this.tags[slot] = NO_LINE;
    this.state[slot] = MESI_I;
    if (this.tx.length !== 0) {
      this.tx[slot] = 0;
      this.link[slot] = -1;
    } else {
      this.sharers[slot] = 0;
      this.txReaders[slot] = 0;
      this.txWriters[slot] = 0;
    }
  }
}

/** Sets of a cache level, or NaN when the geometry does not divide evenly (the validator reports it). */
export function setsOf(level: Pick<CacheLevelConfig, 'sizeKiB' | 'ways'>, lineBytes: number): number {
  const sets = (level.sizeKiB * 1024) / (lineBytes * level.ways);
  return Number.isInteger(sets) ? sets : Number.NaN;
}
