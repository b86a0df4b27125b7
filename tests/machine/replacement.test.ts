import { describe, expect, it } from 'vitest';
import { Cache } from '../../sim/machine/cache.js';
import { REPLACEMENT_POLICIES, type ReplacementPolicyName } from '../../sim/machine/config.js';
import { MESI_E } from '../../sim/machine/mesi.js';
import { createReplacementPolicy } from '../../sim/machine/replacement.js';
import { A, C0, machine } from './helpers.js';

const WAYS = 8;
const SETS = 4;
const LINE = 64;

function cacheWith(policy: ReplacementPolicyName, seed = 1): Cache {
  return new Cache({ sizeKiB: (SETS * WAYS * LINE) / 1024, ways: WAYS, latency: 1, replacement: policy }, LINE, { directory: false, seed });
}

/** Access `line` as a cache would: hit ⇒ touch, miss ⇒ fill the victim slot. Returns the evicted line or -1. */
function access(c: Cache, line: number): number {
  const s = c.lookup(line);
  if (s >= 0) {
    c.touch(s);
    return -1;
  }
  const v = c.victimSlot(c.setOf(line));
  const evicted = c.isValid(v) ? c.tags[v]! : -1;
  c.install(v, line, MESI_E);
  return evicted;
}

function linesInSet(c: Cache, set: number): number[] {
  return Array.from(c.tags.subarray(set * c.ways, (set + 1) * c.ways)).filter((t) => t >= 0).sort((a, b) => a - b);
}

/** A deterministic pseudo-random stream of lines (LCG). */
function stream(n: number, span: number, seed: number): number[] {
  let x = seed >>> 0;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out.push(Math.floor((x / 2 ** 32) * span));
  }
  return out;
}

describe.each(REPLACEMENT_POLICIES.map((p) => [p]))('replacement conformance: %s', (policy) => {
  it('fills every invalid way of a set before evicting anything', () => {
    const c = cacheWith(policy);
    for (let i = 0; i < WAYS; i++) expect(access(c, i * SETS)).toBe(-1);
    expect(linesInSet(c, 0)).toHaveLength(WAYS);
    expect(access(c, WAYS * SETS)).not.toBe(-1);
  });

  it('hits do not evict; a line just filled is found again', () => {
    const c = cacheWith(policy);
    for (let i = 0; i < WAYS; i++) access(c, i * SETS);
    for (let r = 0; r < 3; r++) for (let i = 0; i < WAYS; i++) expect(access(c, i * SETS)).toBe(-1);
    const evicted = access(c, 100 * SETS);
    expect(evicted).toBeGreaterThanOrEqual(0);
    expect(c.lookup(100 * SETS)).toBeGreaterThanOrEqual(0);
    expect(c.lookup(evicted)).toBe(-1);
  });

  it('victims are valid ways of the right set; a set never holds a line twice; sets are independent', () => {
    const c = cacheWith(policy, 7);
    const p = createReplacementPolicy(policy, SETS, WAYS, 3);
    for (let i = 0; i < 200; i++) {
      const v = p.victim(i % SETS);
      expect(Number.isInteger(v) && v >= 0 && v < WAYS).toBe(true);
      p.fill((i % SETS) * WAYS + v);
    }
    for (const line of stream(5000, 64, 42)) {
      access(c, line);
      const set = c.setOf(line);
      const held = linesInSet(c, set);
      expect(new Set(held).size).toBe(held.length);
      expect(held.every((l) => c.setOf(l) === set)).toBe(true);
      expect(held.length).toBeLessThanOrEqual(WAYS);
    }
  });

  it('the victim choice is a function of the history (and seed)', () => {
    const run = (): number[] => {
      const c = cacheWith(policy, 11);
      return stream(3000, 40, 9).map((l) => access(c, l));
    };
    expect(run()).toEqual(run());
  });

  it('a working set that fits the set never misses after warm-up', () => {
    const c = cacheWith(policy);
    const ws = Array.from({ length: WAYS }, (_, i) => i * SETS);
    for (const l of ws) access(c, l);
    for (const l of stream(2000, WAYS, 5).map((i) => ws[i]!)) expect(access(c, l)).toBe(-1);
  });
});

describe('policy-specific order', () => {
  it('LRU evicts the least recently used line', () => {
    const c = cacheWith('lru');
    for (let i = 0; i < WAYS; i++) access(c, i * SETS);
    access(c, 0); // 0 is now most recent; 1·SETS is the oldest
    expect(access(c, 100 * SETS)).toBe(1 * SETS);
    expect(access(c, 101 * SETS)).toBe(2 * SETS);
    access(c, 3 * SETS);
    expect(access(c, 102 * SETS)).toBe(4 * SETS);
  });

  it('LRU thrashes a cyclic working set one larger than the associativity', () => {
    const c = cacheWith('lru');
    let misses = 0;
    for (let r = 0; r < 10; r++) for (let i = 0; i <= WAYS; i++) if (c.lookup(i * SETS) < 0) { misses++; access(c, i * SETS); } else access(c, i * SETS);
    expect(misses).toBe(10 * (WAYS + 1));
  });

  it('FIFO ignores hits: the first line in is the first out', () => {
    const c = cacheWith('fifo');
    for (let i = 0; i < WAYS; i++) access(c, i * SETS);
    access(c, 0);
    expect(access(c, 100 * SETS)).toBe(0);
    expect(access(c, 101 * SETS)).toBe(1 * SETS);
  });

  it('tree PLRU never evicts the most recently used line and follows the tree', () => {
    const c = cacheWith('plru');
    for (let i = 0; i < WAYS; i++) access(c, i * SETS); // ways 0..7 in order
    // After filling 0..7 every tree bit points at the right half: the victim is way 0.
    expect(access(c, 100 * SETS)).toBe(0);
    const picks = stream(500, 30, 3);
    picks.forEach((l, i) => {
      const line = l * SETS;
      access(c, line);
      expect(access(c, (1000 + i) * SETS)).not.toBe(line);
    });
  });

  it('random replacement uses every way and differs between seeds', () => {
    const a = createReplacementPolicy('random', SETS, WAYS, 1);
    const b = createReplacementPolicy('random', SETS, WAYS, 2);
    const va = Array.from({ length: 400 }, () => a.victim(0));
    const vb = Array.from({ length: 400 }, () => b.victim(0));
    expect(new Set(va).size).toBe(WAYS);
    expect(va).not.toEqual(vb);
  });

  it('a machine with each policy runs and gives the same hit/miss total', () => {
    for (const p of REPLACEMENT_POLICIES) {
      const m = machine('small-2c', { l1d: { replacement: p }, l2: { replacement: p }, l3: { replacement: p } });
      for (const l of stream(4000, 2000, 1)) m.read(C0, A(l * 64), 8);
      const s = m.stats();
      expect(s.l1d.hits + s.l1d.misses).toBe(4000);
      expect(s.l1d.misses).toBeGreaterThan(1000);
    }
  });
});
