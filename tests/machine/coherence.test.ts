import { describe, expect, it } from 'vitest';
import { A, C0, C1, C2, machine } from './helpers.js';

// haswell-4c latencies: L1 4, L2 12, L3 36, memory 200, cache-to-cache +40, invalidation +30.
describe('MESI transitions and their costs (haswell-4c)', () => {
  it('a private read miss goes I → E and costs a memory access; the next read hits L1', () => {
    const m = machine('haswell-4c');
    expect(m.probe(C0, A(0x1000)).l1).toBe('I');
    expect(m.read(C0, A(0x1000), 8)).toBe(200);
    expect(m.probe(C0, A(0x1000))).toMatchObject({ l1: 'E', l2: 'E', inL3: true, sharers: [0] });
    expect(m.read(C0, A(0x1008), 8)).toBe(4);
    const s = m.stats();
    expect(s.l1d).toMatchObject({ hits: 1, misses: 1 });
    expect(s.l2).toMatchObject({ hits: 0, misses: 1 });
    expect(s.l3).toMatchObject({ hits: 0, misses: 1 });
    expect(s.coherence.memoryReads).toBe(1);
    expect(m.now(C0)).toBe(204);
  });

  it('E → M is silent: an L1 hit, no coherence message', () => {
    const m = machine('haswell-4c');
    m.read(C0, A(0x1000), 8);
    const before = m.stats().coherence.messages;
    expect(m.write(C0, A(0x1000), 8)).toBe(4);
    expect(m.probe(C0, A(0x1000))).toMatchObject({ l1: 'M', l2: 'M' });
    expect(m.stats().coherence.messages).toBe(before);
    expect(m.stats().coherence.upgrades).toBe(0);
  });

  it('a write miss on a fresh line goes straight to M', () => {
    const m = machine('haswell-4c');
    expect(m.write(C0, A(0x2000), 8)).toBe(200);
    expect(m.probe(C0, A(0x2000)).l1).toBe('M');
  });

  it('a read of another core\'s M line is forwarded cache-to-cache and leaves both in S', () => {
    const m = machine('haswell-4c');
    m.write(C0, A(0x1000), 8);
    expect(m.read(C1, A(0x1000), 8)).toBe(36 + 40);
    expect(m.probe(C0, A(0x1000))).toMatchObject({ l1: 'S', l2: 'S' });
    expect(m.probe(C1, A(0x1000))).toMatchObject({ l1: 'S', l2: 'S', sharers: [0, 1] });
    const s = m.stats();
    expect(s.coherence.cacheToCache).toBe(1);
    expect(s.cores[0]!.l2.writebacks).toBe(1); // the dirty data goes back to the L3 on the downgrade
  });

  it('an E owner also forwards and drops to S; a third reader gets S from the L3', () => {
    const m = machine('haswell-4c');
    m.read(C0, A(0x1000), 8);
    expect(m.read(C1, A(0x1000), 8)).toBe(76);
    expect(m.read(C2, A(0x1000), 8)).toBe(36);
    expect(m.probe(C2, A(0x1000)).l1).toBe('S');
    expect(m.probe(C2, A(0x1000)).sharers).toEqual([0, 1, 2]);
  });

  it('a write to a shared line upgrades S → M and invalidates the other copies', () => {
    const m = machine('haswell-4c');
    m.read(C0, A(0x1000), 8);
    m.read(C1, A(0x1000), 8);
    m.read(C2, A(0x1000), 8);
    const before = m.stats();
    expect(m.write(C1, A(0x1000), 8)).toBe(4 + 30);
    expect(m.probe(C1, A(0x1000))).toMatchObject({ l1: 'M', sharers: [1] });
    expect(m.probe(C0, A(0x1000))).toMatchObject({ l1: 'I', l2: 'I' });
    expect(m.probe(C2, A(0x1000))).toMatchObject({ l1: 'I', l2: 'I' });
    const s = m.stats();
    expect(s.coherence.upgrades - before.coherence.upgrades).toBe(1);
    expect(s.coherence.invalidations - before.coherence.invalidations).toBe(2);
    expect(s.cores[0]!.l1d.invalidations).toBe(1);
    expect(s.cores[2]!.l2.invalidations).toBe(1);
  });

  it('a write miss to another core\'s M line takes it over (forward + invalidate)', () => {
    const m = machine('haswell-4c');
    m.write(C0, A(0x1000), 8);
    expect(m.write(C1, A(0x1000), 8)).toBe(36 + 40 + 30);
    expect(m.probe(C0, A(0x1000)).l2).toBe('I');
    expect(m.probe(C1, A(0x1000)).l1).toBe('M');
  });

  it('a line bouncing between two writers costs far more per access than private data', () => {
    const bounce = machine('haswell-4c');
    const priv = machine('haswell-4c');
    const n = 1000;
    for (let i = 0; i < n; i++) {
      bounce.write(C0, A(0x1000), 8);
      bounce.write(C1, A(0x1000), 8);
      priv.write(C0, A(0x1000), 8);
      priv.write(C1, A(0x9000), 8);
    }
    const cost = (m: typeof bounce): number => (m.now(C0) + m.now(C1)) / (2 * n);
    expect(cost(bounce)).toBeGreaterThan(100); // every write: L3 + forward + invalidation
    expect(cost(priv)).toBeLessThan(5);        // L1 hits after the first miss
    expect(cost(bounce) / cost(priv)).toBeGreaterThan(20);
    expect(bounce.stats().coherence.cacheToCache).toBe(2 * n - 1);
  });

  it('accesses spanning two lines touch both', () => {
    const m = machine('haswell-4c');
    expect(m.read(C0, A(60), 8)).toBe(400);
    expect(m.stats().l1d.misses).toBe(2);
    expect(m.stats().reads).toBe(1);
  });

  it('addresses above 2^32 (and 2^38) work', () => {
    const m = machine('haswell-4c');
    const hi = 2 ** 40 + 4096;
    expect(m.read(C0, A(hi), 8)).toBe(200);
    expect(m.read(C0, A(hi), 8)).toBe(4);
    expect(m.read(C0, A(4096), 8)).toBe(200); // same low bits, different line
    expect(m.probe(C0, A(hi)).l1).toBe('E');
  });
});

describe('inclusion and evictions (small-2c: L1 16×4, L2 32×8, L3 64×16)', () => {
  it('L1 evictions of dirty lines write back to L2; the line is still an L2 hit', () => {
    const m = machine('small-2c');
    const stride = 16 * 64; // same L1 set
    for (let i = 0; i < 5; i++) m.write(C0, A(i * stride), 8);
    const s = m.stats();
    expect(s.l1d.evictions).toBe(1);
    expect(s.l1d.writebacks).toBe(1);
    expect(m.probe(C0, A(0))).toMatchObject({ l1: 'I', l2: 'M' });
    expect(m.read(C0, A(0), 8)).toBe(12);
  });

  it('an L3 eviction back-invalidates the private copies of every core (inclusion)', () => {
    const m = machine('small-2c');
    const l3stride = 64 * 64; // same L3 set
    m.read(C1, A(0), 8);
    for (let i = 1; i <= 16; i++) m.read(C0, A(i * l3stride), 8);
    expect(m.probe(C1, A(0))).toMatchObject({ l1: 'I', l2: 'I', inL3: false });
    const s = m.stats();
    expect(s.l3.evictions).toBe(1);
    expect(s.coherence.backInvalidations).toBeGreaterThanOrEqual(1);
    expect(s.cores[1]!.l2.invalidations).toBe(1);
  });
});
