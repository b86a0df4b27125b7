import { describe, expect, it } from 'vitest';
import { asCore } from '../../sim/common/brand.js';
import type { Machine } from '../../sim/machine/machine.js';
import { ACCESS_ABORTED } from '../../sim/machine/port.js';
import { A, machine } from './helpers.js';

/** Deterministic LCG in [0, n). */
function rng(seed: number): (n: number) => number {
  let x = seed >>> 0;
  return (n) => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return Math.floor((x / 2 ** 32) * n); // high bits: an LCG's low bits have tiny periods
  };
}

/** A random mix of reads, writes and transactions on every core over `lines` lines. */
function drive(m: Machine, steps: number, lines: number, seed: number, check?: (m: Machine) => void): void {
  const r = rng(seed);
  m.htm.setAbortHandler(() => undefined);
  for (let i = 0; i < steps; i++) {
    const core = asCore(r(m.cores));
    const op = r(100);
    const addr = A(r(lines) * 64 + r(8) * 8);
    if (op < 45) m.read(core, addr, 8);
    else if (op < 80) m.write(core, addr, 8);
    else if (op < 86) m.htm.begin(core);
    else if (op < 93) { if (m.htm.active(core)) m.htm.end(core); }
    else if (op < 95) m.htm.abort(core, 3);
    else m.advance(core, r(50));
    check?.(m);
  }
}

/** The first broken invariant over lines 0..lines-1, or '' (plain checks: this runs thousands of times). */
function violation(m: Machine, lines: number): string {
  for (let l = 0; l < lines; l++) {
    const addr = A(l * 64);
    let owners = 0;
    let holders = 0;
    for (let c = 0; c < m.cores; c++) {
      const p = m.probe(asCore(c), addr);
      if (p.l2 === 'M' || p.l2 === 'E') owners++;
      if (p.l2 !== 'I') holders++;
      // L1 ⊆ L2 with the same state; L2 ⊆ L3 and the directory knows the holder.
      if (p.l1 !== 'I' && p.l1 !== p.l2) return `line ${l} core ${c}: L1 ${p.l1} but L2 ${p.l2}`;
      if (p.l2 !== 'I' && !(p.inL3 && p.sharers.includes(c))) return `line ${l} core ${c}: in L2 but not in the L3 directory`;
      // Transactional bits only inside a transaction.
      if (!m.htm.active(asCore(c)) && (p.txRead || p.txWrite)) return `line ${l} core ${c}: tx bits outside a transaction`;
    }
    // Single writer: an E/M copy excludes every other copy.
    if (owners > 0 && holders !== 1) return `line ${l}: ${owners} E/M owner(s) among ${holders} holders`;
  }
  return '';
}

describe('coherence invariants under a random mix with transactions', () => {
  it.each([
    ['haswell-4c', 64],
    ['small-2c', 400],
  ])('%s over %i lines', (name, lines) => {
    const m = machine(name, { htm: { timerIntervalCycles: 20000 } });
    let broken = '';
    let step = 0;
    drive(m, 3000, lines, 17, (mm) => {
      if (broken === '' && ++step % 5 === 0) broken = violation(mm, lines);
    });
    expect(broken).toBe('');
    const s = m.stats();
    expect(s.htm.committed + s.htm.aborted).toBeGreaterThan(0);
    expect(s.htm.abortsByCause.conflict).toBeGreaterThan(0);
  });
});

describe('determinism', () => {
  it('the same sequence gives bit-identical stats and clocks', () => {
    const run = (): string => {
      const m = machine('haswell-4c', { l2: { replacement: 'random' } }, 5);
      drive(m, 20000, 5000, 99);
      return JSON.stringify(m.stats());
    };
    const a = run();
    expect(run()).toBe(a);
    expect(JSON.parse(a).accesses).toBeGreaterThan(10000);
  });

  it('resetStats zeroes the counters but keeps the caches warm', () => {
    const m = machine('haswell-4c');
    m.read(asCore(0), A(0), 8);
    m.resetStats();
    const s = m.stats();
    expect(s.accesses).toBe(0);
    expect(s.l1d.misses).toBe(0);
    expect(m.read(asCore(0), A(0), 8)).toBe(4);
  });

  it('ACCESS_ABORTED is only returned to a core whose own transaction aborted during the call', () => {
    const m = machine('small-2c');
    const aborted: number[] = [];
    m.htm.setAbortHandler((c) => aborted.push(c));
    const r = rng(3);
    for (let i = 0; i < 5000; i++) {
      const core = asCore(r(2));
      if (r(10) === 0 && !m.htm.active(core)) m.htm.begin(core);
      const before = aborted.length;
      const inTx = m.htm.active(core);
      const res = r(2) === 0 ? m.read(core, A(r(600) * 64), 8) : m.write(core, A(r(600) * 64), 8);
      const selfAborted = aborted.slice(before).includes(core);
      expect(res === ACCESS_ABORTED).toBe(inTx && selfAborted);
      if (r(20) === 0 && m.htm.active(core)) m.htm.end(core);
    }
  });
});
