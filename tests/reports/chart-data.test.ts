import { describe, expect, it } from 'vitest';
import { buildChartData, coalesceTimeline, TIMELINE_LABELS, type ChartPanel } from '../../reports/chart-data.js';
import { normalisePoint, type PointRecord, type Scalar } from '../../reports/records.js';
import { defaultCharts, parseReportSpec, ReportSpecError } from '../../reports/spec.js';
import { capacitySweep, scalingSweep, txLengthSweep, type SyntheticSweep } from '../../reports/synthetic-sweep.js';
import { meanSd } from './helpers.js';

function records(sweep: SyntheticSweep): PointRecord[] {
  // Round-trip through JSON like the files on disk.
  return sweep.points.map((r, i) => normalisePoint(JSON.parse(JSON.stringify(r)), i) as PointRecord);
}

const FAIL = { workload: 'nbody', policy: 'nogil', cores: 8, rep: 2 };
const scaling = scalingSweep({ fail: FAIL });
const scalingPoints = records(scaling);

function panelFor(panels: ChartPanel[], suffix: string): ChartPanel {
  const p = panels.find((x) => x.title.endsWith(suffix));
  if (!p) throw new Error(`no panel ending in ${suffix}: ${panels.map((x) => x.title).join(', ')}`);
  return p;
}

describe('line charts: speedup against cores', () => {
  const panels = buildChartData({ type: 'line', title: 'Speedup', x: 'machine.cores', y: 'derived.speedup', series: 'policy.name', facet: 'workload.name' }, scalingPoints, { number: 1 });

  it('has one panel per workload and one series per policy', () => {
    expect(panels.map((p) => p.title)).toEqual(['Speedup — bank', 'Speedup — nbody']);
    for (const p of panels) expect(p.series.map((s) => s.label)).toEqual(['gil', 'htm', 'nogil', 'serial', 'stm']);
    expect(panels[0]!.xScale).toBe('linear');
    expect(panels[0]!.errorBars).toBe(true);
  });

  it('plots exactly the mean ± stddev of the records, failed points left out', () => {
    let checked = 0;
    for (const panel of panels) {
      const workload = panel.title.split(' — ')[1]!;
      for (const s of panel.series) {
        const cores = [...new Set(scaling.points.filter((r) => r.params['workload.name'] === workload && r.params['policy.name'] === s.label).map((r) => r.params['machine.cores'] as number))].sort((a, b) => a - b);
        expect(s.points.map((p) => p.x)).toEqual(cores);
        for (const pt of s.points) {
          const values = scaling.points.filter((r) => r.params['workload.name'] === workload && r.params['policy.name'] === s.label
            && r.params['machine.cores'] === pt.x && r.result.status === 'ok').map((r) => r.derived!.speedup!);
          const want = meanSd(values);
          expect(pt.n).toBe(want.n);
          expect(pt.y).toBeCloseTo(want.mean, 12);
          expect(pt.sd).toBeCloseTo(want.sd, 12);
          checked++;
        }
      }
    }
    expect(checked).toBe(2 * (1 + 4 * 4));
    const nogil8 = panelFor(panels, 'nbody').series.find((s) => s.label === 'nogil')!.points.find((p) => p.x === 8)!;
    expect(nogil8.n).toBe(2);
  });

  it('the GIL does not scale and free threading does, as the models say', () => {
    const bank = panelFor(panels, 'bank');
    const at = (label: string, x: number) => bank.series.find((s) => s.label === label)!.points.find((p) => p.x === x)!.y;
    expect(at('gil', 8)).toBeLessThan(1);
    expect(at('nogil', 8)).toBeGreaterThan(6);
  });
});

describe('stacked bars', () => {
  it('abort causes: one bar per policy and core count that aborted, components equal the records', () => {
    const [bank] = buildChartData({ type: 'stacked-bar', x: 'machine.cores', y: 'abortCauses', series: 'policy.name', facet: 'workload.name' }, scalingPoints, { number: 2 });
    expect(bank!.categories).toEqual(['htm · 1 core', 'htm · 2 cores', 'htm · 4 cores', 'htm · 8 cores', 'stm · 1 core', 'stm · 2 cores', 'stm · 4 cores', 'stm · 8 cores']);
    expect(bank!.series.map((s) => s.label)).toEqual(['HTM conflict', 'HTM capacity', 'HTM explicit', 'HTM interrupt', 'HTM unfriendly op', 'HTM fallback to lock', 'STM write–write', 'STM read–write', 'STM inevitable']);
    const conflict = bank!.series[0]!.points.find((p) => p.x === 'htm · 4 cores')!;
    const want = meanSd(scaling.points.filter((r) => r.params['workload.name'] === 'bank' && r.params['policy.name'] === 'htm' && r.params['machine.cores'] === 4)
      .map((r) => (r.result.htm as { abortsByCause: { conflict: number } }).abortsByCause.conflict));
    expect(conflict.y).toBeCloseTo(want.mean, 9);
    const rw = bank!.series.find((s) => s.label === 'STM read–write')!.points.find((p) => p.x === 'stm · 8 cores')!;
    const wantRw = meanSd(scaling.points.filter((r) => r.params['workload.name'] === 'bank' && r.params['policy.name'] === 'stm' && r.params['machine.cores'] === 8)
      .map((r) => (r.result.stm as { abortsByKind: { readWrite: number } }).abortsByKind.readWrite));
    expect(rw.y).toBeCloseTo(wantRw.mean, 9);
    expect(bank!.caption).toMatch(/left out/);
  });

  it('lost time: wasted cycles and lock waits summed over cores, as a share of all core time', () => {
    const [bank] = buildChartData({ type: 'stacked-bar', x: 'machine.cores', y: 'lostTime', series: 'policy.name', facet: 'workload.name' }, scalingPoints, { number: 3 });
    const wait = bank!.series.find((s) => s.label === 'waiting for the lock')!.points.find((p) => p.x === 'gil · 4 cores')!;
    const want = meanSd(scaling.points.filter((r) => r.params['workload.name'] === 'bank' && r.params['policy.name'] === 'gil' && r.params['machine.cores'] === 4)
      .map((r) => 100 * (r.result.cores as { lockWaitCycles: number }[]).reduce((a, c) => a + c.lockWaitCycles, 0) / ((r.result.simCycles as number) * 4)));
    expect(wait.y).toBeCloseTo(want.mean, 9);
    expect(wait.y).toBeGreaterThan(50);
    expect(wait.y).toBeLessThan(100);
    const wasted = bank!.series.find((s) => s.label === 'wasted in aborted transactions')!.points.find((p) => p.x === 'stm · 8 cores')!;
    const wantWasted = meanSd(scaling.points.filter((r) => r.params['workload.name'] === 'bank' && r.params['policy.name'] === 'stm' && r.params['machine.cores'] === 8)
      .map((r) => 100 * (r.result.stm as { wastedCycles: number }).wastedCycles / ((r.result.simCycles as number) * 8)));
    expect(wasted.y).toBeCloseTo(wantWasted.mean, 9);
    expect(bank!.categories).not.toContain('serial · 1 core');
  });
});

describe('transaction length and capacity', () => {
  const tx = txLengthSweep();
  const txPoints = records(tx);

  it('defaults: throughput and abort rate against tx length on a log axis, abort causes, lost time', () => {
    const specs = defaultCharts(txPoints);
    expect(specs.map((s) => `${s.type}:${s.x ?? ''}:${String(s.y ?? '')}`)).toEqual([
      'stacked-bar:htm.txLength:cycleShare', 'line:htm.txLength:derived.throughput', 'line:htm.txLength:computed.abortRate',
      'stacked-bar:htm.txLength:abortCauses', 'stacked-bar:htm.txLength:lostTime',
    ]);
    expect(specs[1]!.logX).toBe(true);
  });

  it('abort rate is aborted/begun of whichever system ran, per length', () => {
    const [panel] = buildChartData({ type: 'line', x: 'htm.txLength', y: 'computed.abortRate', series: 'policy.name', logX: true }, txPoints, { number: 1 });
    expect(panel!.xScale).toBe('log');
    for (const s of panel!.series) {
      expect(s.points.map((p) => p.x)).toEqual([10, 30, 100, 300, 1000, 3000]);
      for (const pt of s.points) {
        const sys = s.label as 'htm' | 'stm';
        const want = meanSd(tx.points.filter((r) => r.params['policy.name'] === sys && r.params['htm.txLength'] === pt.x)
          .map((r) => { const t = r.result[sys] as { aborted: number; begun: number }; return t.aborted / t.begun; }));
        expect(pt.y).toBeCloseTo(want.mean, 12);
      }
    }
  });

  it('capacity: by default one chart, a line per probe, the guest-reported commit ratio against KiB on a log axis', () => {
    const cap = capacitySweep();
    const pts = records(cap);
    const specs = defaultCharts(pts);
    expect(specs[0]!.title).toBe('Where the cycles go');
    expect(specs[1]).toEqual({ type: 'capacity', title: 'Commit ratio against transaction footprint', x: 'workload.params.kib', logX: true, series: 'workload.name' });
    const [panel, more] = buildChartData(specs[1]!, pts, { number: 1 });
    expect(more).toBeUndefined();
    expect(panel!.series.map((s) => s.label)).toEqual(['capacity-read', 'capacity-write']);
    expect(panel!.xLabel).toBe('transaction footprint (KiB)');
    expect(panel!.yLabel).toBe('commit ratio (committed / attempted)');
    expect(panel!.xScale).toBe('log');
    const ratio = (w: string, kib: number) => panel!.series.find((s) => s.label === w)!.points.find((p) => p.x === kib)!.y;
    for (const r of cap.points) {
      expect(ratio(String(r.params['workload.name']), Number(r.params['workload.params.kib']))).toBe((r.result.metrics as { commit_ratio: number }).commit_ratio);
    }
    expect(ratio('capacity-write', 16)).toBe(1);
    expect(ratio('capacity-write', 64)).toBe(0);
    expect(ratio('capacity-read', 4096)).toBe(1);
    expect(ratio('capacity-read', 16384)).toBe(0);
  });

  it('capacity from the HTM unit when the guest reports no ratio: committed / begun', () => {
    const pts = records(capacitySweep([8, 24, 64], 4)).map((p) => ({ ...p, result: { ...p.result, metrics: {} } }));
    const [panel] = buildChartData({ type: 'capacity', x: 'workload.params.kib', series: 'workload.name' }, pts, { number: 1 });
    expect(panel!.yLabel).toBe('commit ratio (committed / begun)');
    expect(panel!.series.find((s) => s.label === 'capacity-write')!.points.map((p) => p.y)).toEqual([1, 0.5, 0]);
  });
});

describe('series splitting', () => {
  it('a parameter that varies within a line splits it instead of being averaged away', () => {
    const mixed = records(txLengthSweep([10, 1000], 1)).filter((p) => p.params['policy.name'] === 'htm');
    const [panel] = buildChartData({ type: 'bar', x: 'policy.name', y: 'derived.throughput' }, mixed, { number: 1 });
    expect(panel!.series.map((s) => s.label).sort()).toEqual(['HTM tx length 10 · STM tx length 10', 'HTM tx length 1000 · STM tx length 1000']);
    expect(panel!.caption).toMatch(/split by HTM transaction length \(bytecodes\), STM transaction length \(bytecodes\)/);
  });
});

describe('timeline', () => {
  it('draws the run chosen by timelinePoint; per-core totals per kind equal the record', () => {
    const [panel] = buildChartData({ type: 'timeline' }, scalingPoints, { number: 4, timelinePoint: { 'policy.name': 'gil', 'machine.cores': 4 } });
    const rec = scaling.points.find((r) => r.params['policy.name'] === 'gil' && r.params['machine.cores'] === 4 && r.params.rep === 0 && r.params['workload.name'] === 'bank')!;
    expect(panel!.timeline!.point.index).toBe(rec.index);
    expect(panel!.title).toBe('Per-core timeline — gil, 4 cores');
    const raw = rec.result.timeline as { core: number; kind: string; start: number; end: number }[];
    expect(panel!.timeline!.recorded).toBe(raw.length);
    for (const s of panel!.series) {
      s.points.forEach((pt, core) => {
        const want = raw.filter((iv) => iv.core === core && TIMELINE_LABELS[iv.kind] === s.label).reduce((a, iv) => a + iv.end - iv.start, 0);
        expect(pt.y).toBe(want);
      });
    }
    expect(panel!.series.map((s) => s.label)).toEqual(['running', 'waiting for the lock']);
  });

  it('says why when no run matches', () => {
    const [panel] = buildChartData({ type: 'timeline', where: { 'policy.name': 'nogil' } }, scalingPoints, { number: 1 });
    expect(panel!.empty).toMatch(/no finished point matching/);
  });

  it('coalescing merges touching same-kind intervals and keeps every cycle', () => {
    const ivs = [
      { core: 0, thread: 0, kind: 'running', start: 0, end: 10 },
      { core: 0, thread: 0, kind: 'running', start: 10, end: 25 },
      { core: 0, thread: 0, kind: 'tx-aborted', start: 25, end: 30 },
      { core: 1, thread: 1, kind: 'running', start: 0, end: 30 },
    ];
    expect(coalesceTimeline(ivs)).toEqual({ binned: 0, intervals: [
      { core: 0, thread: 0, kind: 'running', start: 0, end: 25 },
      { core: 0, thread: 0, kind: 'tx-aborted', start: 25, end: 30 },
      { core: 1, thread: 1, kind: 'running', start: 0, end: 30 },
    ] });
  });

  it('a very long timeline is down-sampled to the dominant kind per slice, not thinned', () => {
    // Core 0: 7 cycles running, 3 waiting, 20000 times, then a long abort; core 1: waiting mostly.
    const ivs: { core: number; thread: number; kind: string; start: number; end: number }[] = [];
    for (let i = 0; i < 20000; i++) {
      ivs.push({ core: 0, thread: 0, kind: 'running', start: i * 10, end: i * 10 + 7 });
      ivs.push({ core: 0, thread: 0, kind: 'lock-wait', start: i * 10 + 7, end: i * 10 + 10 });
      ivs.push({ core: 1, thread: 1, kind: 'lock-wait', start: i * 10, end: i * 10 + 8 });
      ivs.push({ core: 1, thread: 1, kind: 'running', start: i * 10 + 8, end: i * 10 + 10 });
    }
    ivs.push({ core: 0, thread: 0, kind: 'tx-aborted', start: 200000, end: 400000 });
    const { intervals, binned } = coalesceTimeline(ivs);
    expect(binned).toBe(1500);
    expect(intervals.map((iv) => [iv.core, iv.kind])).toEqual([[0, 'running'], [0, 'tx-aborted'], [1, 'lock-wait']]);
    expect(intervals[0]!.start).toBe(0);
    expect(intervals[1]!.end).toBe(400000);
    expect(Math.abs(intervals[0]!.end - 200000)).toBeLessThanOrEqual(400000 / 1500);
  });
});

describe('report spec', () => {
  it('rejects bad specs with one line naming the key', () => {
    expect(() => parseReportSpec({ charts: [{ type: 'line', x: 'machine.cores', y: 'derived.speedup' }, { type: 'pie' }] }, 'configs/x.yaml'))
      .toThrow(new ReportSpecError('configs/x.yaml: report.charts[1].type: unknown chart type "pie" (expected line | bar | stacked-bar | timeline | capacity)'));
    expect(() => parseReportSpec({ charts: [{ type: 'line', y: 'derived.speedup' }] })).toThrow(/report\.charts\[0\]\.x: a line chart needs x/);
    expect(() => parseReportSpec({ chart: [] })).toThrow(/report\.chart: unknown key/);
    expect(() => parseReportSpec({ charts: [{ type: 'line', x: 'a', y: 'b', logX: 'yes' }] })).toThrow(/report\.charts\[0\]\.logX: expected true or false/);
    expect(() => parseReportSpec({ charts: [{ type: 'line', x: 'a', y: ['b', 'c'] }] })).toThrow(/needs type stacked-bar/);
  });

  it('accepts the documented example', () => {
    const spec = parseReportSpec({
      title: 'Long versus short transactions', description: 'x', timelinePoint: { 'policy.name': 'stm', 'machine.cores': 4 },
      charts: [{ type: 'line', title: 'T', x: 'htm.txLength', y: 'derived.throughput', series: 'policy.name', facet: 'workload.name', logX: true, logY: false, errorBars: true, where: { 'machine.cores': 4 } }],
      tables: [{ type: 'summary' }],
    });
    expect(spec.charts![0]!.where).toEqual({ 'machine.cores': 4 });
    expect(spec.tables).toEqual([{ type: 'summary' }]);
  });

  it('defaults for a core-count sweep: speedup, abort causes, lost time, timeline', () => {
    expect(defaultCharts(scalingPoints).map((s) => s.type + ':' + (s.title ?? ''))).toEqual([
      'stacked-bar:Where the cycles go', 'line:Speedup against cores', 'stacked-bar:Abort causes', 'stacked-bar:Wasted work and lock waiting', 'timeline:Per-core timeline',
    ]);
  });
});

describe('points without derived metrics (a sweep still running)', () => {
  it('throughput, abort rate and wasted fraction are recomputed from the result as the runner defines them', async () => {
    const { numberAt } = await import('../../reports/metrics.js');
    for (const r of txLengthSweep([10, 1000], 1).points) {
      const bare = normalisePoint({ ...JSON.parse(JSON.stringify(r)), derived: undefined }, r.index) as PointRecord;
      expect(bare.derived).toEqual({});
      expect(numberAt(bare, 'derived.throughput')).toBeCloseTo(r.derived!.throughput!, 6);
      expect(numberAt(bare, 'derived.abortRate')).toBeCloseTo(r.derived!.abortRate!, 12);
      expect(numberAt(bare, 'derived.wastedFraction')).toBeCloseTo(r.derived!.wastedFraction!, 12);
      expect(numberAt(bare, 'derived.speedup')).toBeUndefined();
    }
  });
});

describe('policy-specific parameters (the runner lists htm.* only for htm points)', () => {
  const tx = records(txLengthSweep([10, 100], 2));
  const gil = tx.filter((p) => p.params['policy.name'] === 'htm' && p.params['htm.txLength'] === 10).map((p) => {
    const params: Record<string, Scalar> = { ...p.params, 'policy.name': 'gil' };
    delete params['htm.txLength'];
    delete params['stm.txLength'];
    return { ...p, id: `${p.id}-gil`, params };
  });
  const all = [...tx, ...gil];

  it('a line against a swept parameter leaves out runs without it, and says so', () => {
    const [panel] = buildChartData({ type: 'line', x: 'htm.txLength', y: 'derived.throughput', series: 'policy.name' }, all, { number: 1 });
    expect(panel!.series.map((s) => s.label)).toEqual(['htm', 'stm']);
    expect(panel!.caption).toContain('Runs that have no HTM transaction length (bytecodes) (gil) are not on this chart.');
  });

  it('a series is split only by what varies inside it', () => {
    const [panel] = buildChartData({ type: 'bar', x: 'machine.cores', y: 'derived.throughput', series: 'policy.name' }, all, { number: 1 });
    expect(panel!.series.map((s) => s.label)).toEqual(['gil', 'htm · HTM tx length 10 · STM tx length 10', 'htm · HTM tx length 100 · STM tx length 100',
      'stm · HTM tx length 10 · STM tx length 10', 'stm · HTM tx length 100 · STM tx length 100']);
    expect(panel!.series[0]!.points).toHaveLength(1);
    expect(panel!.series[0]!.points[0]!.n).toBe(2);
  });

  it('stacked bars give a run without the swept x one bar, not a made-up x value', () => {
    const [panel] = buildChartData({ type: 'stacked-bar', x: 'htm.txLength', y: ['derived.throughput'], series: 'policy.name' }, all, { number: 1 });
    expect(panel!.categories).toEqual(['gil', 'htm · HTM tx length 10', 'htm · HTM tx length 100', 'stm · HTM tx length 10', 'stm · HTM tx length 100']);
  });
});

describe('defaults for a sweep over an interpreter switch', () => {
  it('bars of speedup per value of the switch, one bar per policy', () => {
    const base = records(scalingSweep({ workloads: ['bank'], policies: ['htm', 'stm'], cores: [4], reps: 1, timelines: [] }))
      .filter((p) => p.params['policy.name'] !== 'serial');
    const pts = base.flatMap((p) => ['cpython', 'none'].map((rc) => ({ ...p, id: `${p.id}-${rc}`, params: { ...p.params, 'interp.refcount': rc },
      derived: { ...p.derived, speedup: (p.derived.speedup ?? 1) * (rc === 'none' ? 1.5 : 1) } })));
    const specs = defaultCharts(pts);
    expect(specs[0]!.title).toBe('Where the cycles go');
    expect(specs[1]).toEqual({ type: 'bar', title: 'Speedup by reference counting', x: 'interp.refcount', y: 'derived.speedup', series: 'policy.name' });
    const [panel] = buildChartData(specs[1]!, pts, { number: 1 });
    expect(panel!.categories).toEqual(['cpython', 'none']);
    const htm = panel!.series.find((s) => s.label === 'htm')!;
    expect(htm.points[1]!.y / htm.points[0]!.y).toBeCloseTo(1.5, 12);
  });
});
