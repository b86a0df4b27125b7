/**
 * Student's t quantiles and confidence intervals (reports/confidence.ts): published table values,
 * a hand-computed interval, and the interval's narrowing with more repetitions, both in the
 * reports' statistics and in the groups the sweep writes (sim/experiment/derived.ts).
 */
import { describe, expect, it } from 'vitest';
import { meanInterval, studentTQuantile, studentTTwoSided } from '../../reports/confidence.js';
import { stat } from '../../reports/metrics.js';
import { buildChartData } from '../../reports/chart-data.js';
import { chartConfig } from '../../reports/chart-config.js';
import { normalisePoint, type PointRecord as ReportPoint } from '../../reports/records.js';
import { scalingSweep } from '../../reports/synthetic-sweep.js';
import { computeGroups, groupsToCsv } from '../../sim/experiment/derived.js';
import type { PointRecord } from '../../sim/experiment/store.js';
import type { RunResult } from '../../sim/run/result.js';
import { xorshift32, xorshiftSeed } from '../../sim/common/xorshift.js';

describe('Student t quantiles', () => {
  // Two-sided 95% (p = 0.975), 99% (p = 0.995) and 90% (p = 0.95) critical values, to the digits
  // of the standard tables.
  const table: [number, number, number][] = [
    [0.975, 1, 12.7062], [0.975, 2, 4.3027], [0.975, 3, 3.1824], [0.975, 4, 2.7764], [0.975, 5, 2.5706],
    [0.975, 6, 2.4469], [0.975, 9, 2.2622], [0.975, 10, 2.2281], [0.975, 29, 2.0452], [0.975, 30, 2.0423],
    [0.975, 100, 1.9840], [0.995, 1, 63.6567], [0.995, 2, 9.9248], [0.995, 5, 4.0321], [0.995, 10, 3.1693],
    [0.95, 1, 6.3138], [0.95, 10, 1.8125],
  ];
  for (const [p, df, t] of table) {
    it(`t(${p}, ${df}) = ${t}`, () => {
      expect(studentTQuantile(p, df)).toBeCloseTo(t, 3);
    });
  }

  it('tends to the normal 1.95996 for many degrees of freedom, and inverts the CDF', () => {
    expect(studentTQuantile(0.975, 5000)).toBeCloseTo(1.96, 2);
    expect(studentTQuantile(0.975, 5000)).toBeGreaterThan(1.95996);
    for (const df of [1, 2, 3, 7, 8]) expect(studentTTwoSided(studentTQuantile(0.975, df), df)).toBeCloseTo(0.95, 10);
    // df = 2 has a closed form: P(|T| < t) = t / √(2 + t²).
    expect(studentTTwoSided(1.5, 2)).toBeCloseTo(1.5 / Math.sqrt(2 + 2.25), 14);
    // df = 1 is Cauchy: P(|T| < t) = 2 atan(t) / π.
    expect(studentTTwoSided(3, 1)).toBeCloseTo((2 * Math.atan(3)) / Math.PI, 14);
  });

  it('refuses impossible arguments', () => {
    expect(() => studentTQuantile(0.975, 0)).toThrow(/degrees of freedom/);
    expect(() => studentTQuantile(0.975, 2.5)).toThrow(/degrees of freedom/);
    expect(() => studentTQuantile(0.4, 3)).toThrow(/probability/);
  });
});

describe('confidence interval of a mean', () => {
  it('a hand-computed example: 10, 12, 14, 16, 18', () => {
    // mean 14; sd = √(40 / 4) = √10; standard error √10 / √5 = √2; t(0.975, 4) = 2.776445;
    // half width 2.776445 · 1.414214 = 3.926486.
    const s = stat([10, 12, 14, 16, 18])!;
    expect(s.mean).toBe(14);
    expect(s.sd).toBeCloseTo(Math.sqrt(10), 12);
    expect(s.ciLow).toBeCloseTo(14 - 3.926486, 5);
    expect(s.ciHigh).toBeCloseTo(14 + 3.926486, 5);
  });

  it('is absent for one run, and zero-width for identical runs', () => {
    expect(meanInterval(5, 0, 1)).toBeUndefined();
    expect(stat([5])!.ciLow).toBeUndefined();
    expect(meanInterval(5, 0, 3)).toEqual({ low: 5, high: 5 });
  });

  it('narrows with more repetitions of the same noisy quantity', () => {
    // A fixed pseudo-random sample (uniform on 0..1000), taken 2, 4, 8, 16 and 32 values at a time.
    let x = xorshiftSeed(7, 1);
    const values: number[] = [];
    for (let i = 0; i < 32; i++) values.push((x = xorshift32(x)) % 1001);
    const widths = [2, 4, 8, 16, 32].map((n) => {
      const s = stat(values.slice(0, n))!;
      return s.ciHigh! - s.ciLow!;
    });
    for (let i = 1; i < widths.length; i++) expect(widths[i]).toBeLessThan(widths[i - 1]!);
    // About 1/√n at the end: 16 → 32 values shrink the width by roughly √2.
    expect(widths[3]! / widths[4]!).toBeGreaterThan(1.2);
    expect(widths[3]! / widths[4]!).toBeLessThan(1.7);
  });
});

describe('groups over repetitions (groups.json, groups.csv)', () => {
  function record(rep: number, seed: number, simSeconds: number): PointRecord {
    const result = { status: 'ok', simSeconds, simCycles: simSeconds * 3.4e9, bytecodes: 1000 } as unknown as RunResult;
    return { id: `p${rep}`, index: rep, params: { 'workload.name': 'w', 'policy.name': 'htm', 'machine.cores': 4, rep, seed }, result, derived: {} };
  }
  const seconds = [1.0, 1.2, 0.9, 1.1, 1.3, 0.8, 1.05, 0.95];

  it('carry mean, stddev, n and the 95% interval; the interval narrows as repetitions are added', () => {
    const widths: number[] = [];
    for (const n of [2, 4, 8]) {
      const [g] = computeGroups(seconds.slice(0, n).map((s, i) => record(i, 100 + i, s)), []);
      const m = g!.metrics['result.simSeconds']!;
      const want = stat(seconds.slice(0, n))!;
      expect(m.n).toBe(n);
      expect(m.mean).toBeCloseTo(want.mean, 14);
      expect(m.stddev).toBeCloseTo(want.sd, 14);
      expect(m.ciLow).toBeCloseTo(want.ciLow!, 14);
      expect(m.ciHigh).toBeCloseTo(want.ciHigh!, 14);
      expect(m.ciLow!).toBeLessThan(m.mean);
      widths.push(m.ciHigh! - m.ciLow!);
    }
    expect(widths[1]).toBeLessThan(widths[0]!);
    expect(widths[2]).toBeLessThan(widths[1]!);
  });

  it('groups.csv has the interval columns; a single run leaves them empty', () => {
    const two = computeGroups([record(0, 1, 1.0), record(1, 2, 1.2)], []);
    const one = computeGroups([record(0, 1, 1.0)], []);
    const csv = groupsToCsv(two).split('\n');
    expect(csv[0]).toContain('result.simSeconds.mean,result.simSeconds.stddev,result.simSeconds.ci95Low,result.simSeconds.ci95High');
    // mean 1.1, sd 0.141421, t(0.975, 1) = 12.7062: half width 12.7062 · 0.1 = 1.27062.
    const cols = csv[0]!.split(',');
    const row = csv[1]!.split(',');
    expect(Number(row[cols.indexOf('result.simSeconds.ci95Low')])).toBeCloseTo(1.1 - 1.27062, 4);
    expect(Number(row[cols.indexOf('result.simSeconds.ci95High')])).toBeCloseTo(1.1 + 1.27062, 4);
    const single = groupsToCsv(one).split('\n');
    const sc = single[0]!.split(',');
    expect(single[1]!.split(',')[sc.indexOf('result.simSeconds.ci95Low')]).toBe('');
  });
});

describe('charts draw the interval', () => {
  const sweep = scalingSweep({ workloads: ['bank'], policies: ['htm'], cores: [1, 4], reps: 3, timelines: [] });
  const points = sweep.points.map((r, i) => normalisePoint(JSON.parse(JSON.stringify(r)), i) as ReportPoint);
  const [panel] = buildChartData({ type: 'line', x: 'machine.cores', y: 'derived.throughput', series: 'policy.name' }, points, { number: 1 });

  it('whiskers are the 95% interval of the mean over the repetitions; the caption says so, with the seeds', () => {
    let checked = 0;
    const config = chartConfig(panel!) as unknown as { data: { datasets: { data: { y: number; yMin: number; yMax: number }[] }[] } };
    panel!.series.forEach((s, i) => s.points.forEach((pt, j) => {
      const values = points.filter((p) => p.params['policy.name'] === s.label && p.params['machine.cores'] === pt.x).map((p) => p.derived.throughput!);
      const want = stat(values)!;
      expect(values).toHaveLength(3);
      expect(pt.ciLow).toBeCloseTo(want.ciLow!, 9);
      const drawn = config.data.datasets[i]!.data[j]!;
      expect(drawn.yMin).toBeCloseTo(want.ciLow!, 9);
      expect(drawn.yMax).toBeCloseTo(want.ciHigh!, 9);
      if (want.sd > 0) expect(drawn.yMax - drawn.y).toBeGreaterThan(want.sd); // t(0.975, 2)/√3 = 2.48 sd
      checked++;
    }));
    expect(checked).toBe(3); // serial at 1 core, htm at 1 and 4
    expect(panel!.caption).toContain('Mean of up to 3 repetitions per configuration (3 seeds in all)');
    expect(panel!.caption).toContain('95% confidence interval');
  });
});
