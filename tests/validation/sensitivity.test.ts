/**
 * The sensitivity sweep's plan (which parameters move, by how much, over which points), the flips
 * and fragile rows it reports, and the published capacity points beside the probes.
 */
import { describe, expect, it } from 'vitest';
import type { PointRecord } from '../../reports/records.js';
import { buildFigure, figureSvg, renderFigureMarkdown, simulatedRange } from '../../reports/validation/figure.js';
import { loadProvenance } from '../../reports/validation/provenance.js';
import {
  fragileRows, keptBase, planSweep, renderSensitivityMarkdown, tornadoSvg, type RowVerdicts, type SensitivityResult,
} from '../../reports/validation/sensitivity-table.js';

const rowsOf = (v: Record<string, 'holds' | 'fails'>): RowVerdicts =>
  Object.fromEntries(Object.entries(v).map(([id, verdict]) => [id, { kind: 'validation', verdict, value: 1 }]));

describe('sensitivity plan', () => {
  const plan = planSweep(loadProvenance('.'));
  const param = (path: string) => plan.params.find((p) => p.path === path);

  it('moves every calibrated or assumed number of the defaults and the haswell preset, and says why the rest is not moved', () => {
    const set = loadProvenance('.');
    const numeric = [...set.defaults, ...set.machines.get('haswell')!.map((e) => ({ ...e, path: `machine.${e.path}` }))]
      .filter((e) => (e.provenance?.kind === 'assumed' || e.provenance?.kind === 'calibrated'));
    for (const e of numeric) {
      const moved = plan.params.some((p) => p.path === e.path);
      const excluded = plan.excluded.some((x) => x.path === e.path);
      expect(moved !== excluded, e.path).toBe(true);
    }
    expect(param('stm.readBarrierCycles')).toMatchObject({ kind: 'calibrated', base: 6, scope: ['stm'] });
    expect(param('gil.switchIntervalUs')).toBeUndefined(); // a source, not moved
    expect(plan.excluded.map((x) => x.path)).toContain('htm.txLength');
  });

  it('±25% and ±50%, integers rounded; a factor that rounds back to the base runs nothing', () => {
    expect(param('stm.readBarrierCycles')!.variants.map((v) => v.value)).toEqual([3, 5, 8, 9]);
    expect(param('nogil.bytecodeCycles')!.variants.map((v) => v.value)).toEqual([0.675, 1.0125, 1.6875, 2.025]);
    expect(param('htm.capacityRetries')).toMatchObject({ unchanged: [0.5, 0.75, 1.25], variants: [{ factor: 1.5, value: 2 }] });
  });

  it('re-runs only the points a parameter reaches: the base points of other policies are kept', () => {
    expect(param('gil.wakeupCycles')!.scope).toEqual(['gil', 'htm']);
    expect(param('machine.htm.abortCycles')!.scope).toEqual(['htm', 'nogil']);
    expect(param('interp.dispatchCycles')!.scope).toBe('all');
    const pt = (policy: string) => ({ params: { 'policy.name': policy } }) as unknown as PointRecord;
    const base = [pt('gil'), pt('stm'), pt('htm'), pt('nogil')];
    expect(keptBase(base, ['stm']).map((r) => r.params['policy.name'])).toEqual(['gil', 'htm', 'nogil']);
    expect(keptBase(base, 'all')).toEqual([]);
  });
});

describe('sensitivity report', () => {
  const s: SensitivityResult = {
    seconds: 125, points: 40, base: rowsOf({ a: 'holds', b: 'fails' }), excluded: [{ path: 'seed', reason: 'run setting' }], pending: [],
    params: [
      { path: 'x.assumed', kind: 'assumed', base: 10, scope: ['stm'], unchanged: [], variants: [
        { factor: 0.5, value: 5, rows: rowsOf({ a: 'fails', b: 'fails' }) }, { factor: 0.75, value: 8, rows: rowsOf({ a: 'fails', b: 'fails' }) },
        { factor: 1.25, value: 13, rows: rowsOf({ a: 'holds', b: 'fails' }) }, { factor: 1.5, value: 15, rows: rowsOf({ a: 'holds', b: 'holds' }) }] },
      { path: 'y.calibrated', kind: 'calibrated', base: 6, scope: 'all', unchanged: [0.75], variants: [
        { factor: 0.5, value: 3, rows: rowsOf({ a: 'holds', b: 'fails' }) }, { factor: 1.25, value: 8, rows: rowsOf({ a: 'fails', b: 'fails' }) },
        { factor: 1.5, value: 9, rows: rowsOf({ a: 'fails', b: 'fails' }) }] },
    ],
  };

  it('a flip under ±25% of an assumed parameter is fragile; of a calibrated one, or only at ±50%, it is not', () => {
    expect([...fragileRows(s)]).toEqual([['a', ['x.assumed −25%']]]);
  });

  it('the table lists the flipped rows per cell, the sweep time and what was not moved', () => {
    const md = renderSensitivityMarkdown(s, 'tornado.svg').join('\n');
    expect(md).toContain('(40 point results evaluated, 2 min 5 s of wall time with --jobs 1');
    expect(md).toContain('| `x.assumed` | assumed | 10 | 5: a → fails | 8: a → fails | 13: — | 15: b → holds |');
    expect(md).toContain('| `y.calibrated` | calibrated | 6 | 3: — | n/a (rounds to the base value) | 8: a → fails | 9: a → fails |');
    expect(md).toContain('**Fragile** (flip under ±25% of an assumed parameter): `a` (x.assumed −25%).');
    expect(md).toContain('![Rows flipped per parameter](tornado.svg)');
    expect(md).toContain('Not moved: `seed` (run setting).');
    const cut = renderSensitivityMarkdown({ ...s, params: [s.params[1]!], pending: ['z.p ×0.75'] }, undefined).join('\n');
    expect(cut).toContain('**Not swept yet**');
    expect(cut).toContain('No row flips under ±25% of an assumed parameter among the ±25% variants run so far (1 not run yet).');
  });

  it('the tornado chart draws one bar pair per parameter, most flips first', () => {
    const svg = tornadoSvg(s);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.indexOf('x.assumed (assumed)')).toBeLessThan(svg.indexOf('y.calibrated (calibrated)'));
    expect(svg).toContain('>1/1<');
  });
});

describe('published capacity points', () => {
  const probe = (workload: string, kib: number, ratio: number, interp: Record<string, unknown>): PointRecord => ({
    id: `${workload}${kib}`, index: 0, params: {}, status: 'ok', derived: {},
    result: { config: { machine: { name: 'haswell' }, policy: { name: 'nogil' }, interp, workload: { name: workload, params: { kib, line: 64 } } }, metrics: { commit_ratio: ratio } },
  });
  const QUIET = { refcount: 'biased', allocator: 'per-thread', smallIntCache: false, ticker: 'per-thread' };
  const READ = { refcount: 'none', allocator: 'per-thread', smallIntCache: true, ticker: 'per-thread' };
  const records = [
    ...[16, 20, 24].map((k) => probe('capacity-write', k, k < 24 ? 1 : 0, QUIET)),
    probe('capacity-read', 7680, 1, READ), probe('capacity-read', 9216, 0, READ),
  ];

  it('the probes give a range: the write knee between two sizes, the read limit between committed and aborted', () => {
    expect(simulatedRange(records, 'write-knee')).toEqual({ lo: 20, hi: 24 });
    expect(simulatedRange(records, 'read-max')).toEqual({ lo: 7680, hi: 9216 });
    expect(simulatedRange([], 'write-knee')).toBeNull();
  });

  it('every recorded point has a source, and its error is the midpoints\' relative difference', () => {
    const fig = buildFigure(records);
    expect(fig.points.length).toBeGreaterThanOrEqual(3);
    for (const p of fig.points) expect(p.source.length).toBeGreaterThan(20);
    const knee = fig.points.find((p) => p.id === 'write-knee-parts')!;
    expect(knee.published).toEqual({ lo: 16, hi: 20 });
    expect(knee.error).toBeCloseTo(22 / 18 - 1, 10);
    expect(knee.overlaps).toBe(true);
    const md = renderFigureMarkdown(fig, 'f.svg').join('\n');
    expect(md).toContain('| write-set knee, Haswell parts | 16 KiB–20 KiB | 20 KiB–24 KiB | +22% | yes |');
    expect(md).toContain('Not a whole figure (the whole published figure reproduced is the PyPy-STM one above)');
    expect(figureSvg(fig)).toContain('+22%');
    expect(buildFigure([]).points.every((p) => p.simulated === null && p.error === null)).toBe(true);
  });
});
