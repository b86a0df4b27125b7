/**
 * Perturbation (issue 22; Alameldeen & Wood, HPCA 2003): seeded timing noise on L1D misses and
 * on each core's timer phase. Off, the machine is the unperturbed one; on, different seeds give
 * different multi-threaded runs and one seed repeats bit for bit.
 */
import { describe, expect, it } from 'vitest';
import { createMachine, type Machine } from '../../sim/machine/machine.js';
import type { PerturbationConfig } from '../../sim/machine/config.js';
import { stringify } from 'yaml';
import { expand } from '../../sim/experiment/expand.js';
import { loadExperiment } from '../../sim/experiment/experiment-file.js';
import { resolveExecConfig } from '../../sim/experiment/resolve.js';
import { resolvedExperiment } from '../../sim/experiment/run-experiment.js';
import { runPointSync } from '../../sim/run/run-point.js';
import type { RunResult } from '../../sim/run/result.js';
import { A, C0, C1, preset, recordAborts } from './helpers.js';

function perturbed(perturbation: PerturbationConfig, seed: number): Machine {
  return createMachine(preset('haswell-4c'), { seed, perturbation });
}

/** Latencies of a fixed access pattern: first touches (misses), re-reads (L1D hits), sharing. */
function latencies(m: Machine): number[] {
  const out: number[] = [];
  for (let i = 0; i < 64; i++) out.push(m.read(C0, A(0x100000 + i * 64), 8));
  for (let i = 0; i < 64; i++) out.push(m.read(C0, A(0x100000 + i * 64), 8));
  for (let i = 0; i < 64; i++) out.push(m.write(C1, A(0x100000 + i * 64), 8));
  return out;
}

describe('miss perturbation on the machine', () => {
  const cfg = preset('haswell-4c');
  const plain = latencies(createMachine(cfg, { seed: 5 }));

  it('off (missCycles 0, no timer phase) is the unperturbed machine, whatever the seed', () => {
    expect(latencies(perturbed({ missCycles: 0, timerPhase: false }, 5))).toEqual(plain);
    expect(latencies(perturbed({ missCycles: 0, timerPhase: false }, 99))).toEqual(plain);
  });

  it('adds 0..N cycles to misses only, the same for one seed, different for another', () => {
    const n = 20;
    const a = latencies(perturbed({ missCycles: n, timerPhase: false }, 5));
    const again = latencies(perturbed({ missCycles: n, timerPhase: false }, 5));
    const b = latencies(perturbed({ missCycles: n, timerPhase: false }, 6));
    expect(again).toEqual(a);
    expect(b).not.toEqual(a);
    for (let i = 0; i < plain.length; i++) {
      const base = plain[i]!;
      if (base <= cfg.l1d.latency) {
        expect(a[i]).toBe(base); // L1D hits are never perturbed
      } else {
        expect(a[i]).toBeGreaterThanOrEqual(base);
        expect(a[i]).toBeLessThanOrEqual(base + n);
      }
    }
    // The re-reads hit; the first touches and the other core's writes miss and moved.
    expect(a.slice(64, 128)).toEqual(plain.slice(64, 128));
    const extra = a.reduce((s, v, i) => s + v - plain[i]!, 0);
    const misses = plain.filter((v) => v > cfg.l1d.latency).length;
    expect(misses).toBe(128);
    // Uniform on 0..20: mean 10 per miss; 128 draws land well inside 5..15.
    expect(extra / misses).toBeGreaterThan(5);
    expect(extra / misses).toBeLessThan(15);
  });
});

describe('timer phase', () => {
  const interval = preset('haswell-4c').htm.timerIntervalCycles;

  /** The cycle at which core 0's transaction, begun at cycle 0, is aborted by the timer. */
  function interruptAt(timerPhase: boolean, seed: number): number {
    const m = createMachine(preset('haswell-4c'), { seed, perturbation: { missCycles: 0, timerPhase } });
    const log = recordAborts(m);
    m.htm.begin(C0);
    let t = 0;
    while (log.length === 0 && t < 2 * interval) {
      m.advance(C0, 1000);
      t += 1000;
    }
    expect(log[0]?.cause).toBe('interrupt');
    return t;
  }

  it('off: the first tick is at the interval; on: at a seeded phase within it, repeatable', () => {
    expect(interruptAt(false, 1)).toBe(interval);
    expect(interruptAt(false, 2)).toBe(interval);
    const phased = [1, 2, 3, 4].map((s) => interruptAt(true, s));
    expect([1, 2, 3, 4].map((s) => interruptAt(true, s))).toEqual(phased);
    for (const t of phased) {
      expect(t).toBeGreaterThan(0);
      expect(t).toBeLessThanOrEqual(interval + 1000);
    }
    expect(new Set(phased).size).toBeGreaterThan(1);
  });
});

describe('perturbation end to end: a contended htm run on 4 cores', () => {
  function run(seed: number, missCycles: number): RunResult {
    return runPointSync(resolveExecConfig({
      policy: 'htm', cores: 4, seed, sets: [`perturbation.missCycles=${missCycles}`],
      workload: { name: 'shared-counter', params: { threads: 4, iters: 1500 } },
    }));
  }
  const figures = (r: RunResult): unknown => ({ cycles: r.simCycles, htm: r.htm, cores: r.cores, caches: r.caches, stdout: r.stdout });

  it('on: two seeds give different interleavings (cycles, aborts), one seed twice the same run', () => {
    const a = run(1, 16);
    const b = run(2, 16);
    const again = run(1, 16);
    for (const r of [a, b, again]) expect(r.status).toBe('ok');
    expect(figures(again)).toEqual(figures(a));
    expect(b.simCycles).not.toBe(a.simCycles);
    expect(b.htm.aborted).not.toBe(a.htm.aborted);
    expect(b.stdout).toBe(a.stdout); // the guest's answer does not depend on the interleaving
  });

  it('off: the seed does not change this run (the problem the perturbation solves)', () => {
    expect(figures(run(2, 0))).toEqual(figures(run(1, 0)));
  });
});

describe('perturbation in experiment files', () => {
  const text = `name: perturbed
workloads: [{ name: shared-counter, params: { threads: 2, iters: 100 } }]
policies: [htm]
perturbation: { missCycles: 3, timerPhase: true }
sweep: { axes: { perturbation.missCycles: [3, 5] } }
repetitions: 2
`;

  it('a file-level section and a sweep axis reach every point, and the resolved config keeps them', () => {
    const spec = loadExperiment('perturbed.yaml', text);
    const points = expand(spec);
    expect(points.map((p) => [p.config.perturbation.missCycles, p.config.perturbation.timerPhase, p.rep])).toEqual([[3, true, 0], [3, true, 1], [5, true, 0], [5, true, 1]]);
    // resolved-config.yaml must not fall back to defaults.yaml's perturbation.
    const resolved = resolvedExperiment({ ...spec, axes: [] });
    expect(resolved.perturbation).toEqual({ missCycles: 3, timerPhase: true });
    const again = loadExperiment('resolved-config.yaml', stringify(resolvedExperiment(spec)));
    expect(expand(again).map((p) => p.id)).toEqual(points.map((p) => p.id));
  });
});
