/**
 * Replacement policies for one set-associative cache. Each policy owns its metadata in typed
 * arrays indexed by `set * ways + way`; the cache tells it about hits and fills and asks it for a
 * victim only when every way of the set is valid (invalid ways are always filled first).
 */
import type { ReplacementPolicyName } from './config.js';
import { xorshift32, xorshiftSeed } from '../common/xorshift.js';

export interface ReplacementPolicy {
  readonly name: ReplacementPolicyName;
  /** A hit on slot `set * ways + way` (slots, not (set, way): no division on the hit path). */
  touch(slot: number): void;
  /** A new line was installed at the slot. */
  fill(slot: number): void;
  /** The way to evict from a full set. Deterministic for a given history (and seed). */
  victim(set: number): number;
}

/** Least recently used: a per-line stamp from a counter; the victim has the oldest. */
export class LruPolicy implements ReplacementPolicy {
  readonly name = 'lru' as const;
  protected readonly stamps: Float64Array;
  /** The event counter (a core's L2 may count on its L1D's: see SharedClockLru). */
  clock = 0;
  constructor(sets: number, private readonly ways: number) {
    this.stamps = new Float64Array(sets * ways);
  }
  touch(slot: number): void {
    this.stamps[slot] = ++this.clock;
  }
  fill(slot: number): void {
    this.stamps[slot] = ++this.clock;
  }
  stampOf(slot: number): number {
    return this.stamps[slot]!;
  }
  /** Counts the slot as used at `stamp` (an earlier event of the shared clock) if that is later. */
  raise(slot: number, stamp: number): void {
    if (stamp > this.stamps[slot]!) this.stamps[slot] = stamp;
  }
  victim(set: number): number {
    const base = set * this.ways;
    let best = 0;
    let bestStamp = this.stamps[base]!;
    for (let w = 1; w < this.ways; w++) {
      const s = this.stamps[base + w]!;
      if (s < bestStamp) { bestStamp = s; best = w; }
    }
    return best;
  }
}

/**
 * LRU whose stamps come from another LRU's counter: a core's L2 on its L1D's (CoherentHierarchy's
 * lazy L2 recency). Only the order of stamps within one set matters, and a shared counter keeps
 * that order while making the two caches' stamps comparable. The L1D keeps the counter in its own
 * field, so its hit path pays no extra indirection.
 */
export class SharedClockLru extends LruPolicy {
  constructor(sets: number, ways: number, private readonly owner: LruPolicy) {
    super(sets, ways);
  }
  override touch(slot: number): void {
    this.stamps[slot] = ++this.owner.clock;
  }
  override fill(slot: number): void {
    this.stamps[slot] = ++this.owner.clock;
  }
}

/** First in, first out: only fills move a line's stamp; hits do not. */
export class FifoPolicy implements ReplacementPolicy {
  readonly name = 'fifo' as const;
  private readonly stamps: Float64Array;
  private clock = 0;
  constructor(sets: number, private readonly ways: number) {
    this.stamps = new Float64Array(sets * ways);
  }
  touch(_slot: number): void {
    // FIFO ignores reuse by definition.
  }
  fill(slot: number): void {
    this.stamps[slot] = ++this.clock;
  }
  victim(set: number): number {
    const base = set * this.ways;
    let best = 0;
    let bestStamp = this.stamps[base]!;
    for (let w = 1; w < this.ways; w++) {
      const s = this.stamps[base + w]!;
      if (s < bestStamp) { bestStamp = s; best = w; }
    }
    return best;
  }
}

/** Uniformly random victim from a seeded xorshift32 stream (never Math.random: runs must repeat). */
export class RandomPolicy implements ReplacementPolicy {
  readonly name = 'random' as const;
  private state: number;
  constructor(private readonly ways: number, seed: number) {
    this.state = xorshiftSeed(seed, 0x6d2b79f5);
  }
  touch(_slot: number): void {
    // Random replacement keeps no recency.
  }
  fill(_slot: number): void {
    // Random replacement keeps no recency.
  }
  victim(_set: number): number {
    this.state = xorshift32(this.state);
    return this.state % this.ways;
  }
}

/**
 * Tree pseudo-LRU (as in many L1/L2 designs): ways-1 bits per set form a binary tree; each bit
 * remembers which half was used last, and the victim walk goes the other way at every node.
 * Needs a power-of-two number of ways (the preset validator checks it).
 */
export class TreePlruPolicy implements ReplacementPolicy {
  readonly name = 'plru' as const;
  private readonly bits: Uint8Array;
  private readonly levels: number;
  constructor(sets: number, private readonly ways: number) {
    this.bits = new Uint8Array(sets * ways);
    this.levels = Math.round(Math.log2(ways));
  }
  touch(slot: number): void {
    this.mark(slot);
  }
  fill(slot: number): void {
    this.mark(slot);
  }
  private mark(slot: number): void {
    const way = slot & (this.ways - 1);
    const base = slot - way;
    let node = 1;
    for (let l = this.levels - 1; l >= 0; l--) {
      const right = (way >>> l) & 1;
      // Remember the half just used (1 = right); the victim walk will avoid it.
      this.bits[base + node] = right;
      node = node * 2 + right;
    }
  }
  victim(set: number): number {
    const base = set * this.ways;
    let node = 1;
    let way = 0;
    for (let l = 0; l < this.levels; l++) {
      const goRight = this.bits[base + node] === 1 ? 0 : 1;
      way = way * 2 + goRight;
      node = node * 2 + goRight;
    }
    return way;
  }
}

/** `clockOf`: an LRU whose counter a new LRU shares (see SharedClockLru). */
export function createReplacementPolicy(name: ReplacementPolicyName, sets: number, ways: number, seed: number, clockOf?: ReplacementPolicy): ReplacementPolicy {
  switch (name) {
    case 'lru': return clockOf instanceof LruPolicy ? new SharedClockLru(sets, ways, clockOf) : new LruPolicy(sets, ways);
    case 'fifo': return new FifoPolicy(sets, ways);
    case 'random': return new RandomPolicy(ways, seed);
    case 'plru': return new TreePlruPolicy(sets, ways);
    default: {
      const _never: never = name;
      throw new Error(`unknown replacement policy ${String(_never)}`);
    }
  }
}
