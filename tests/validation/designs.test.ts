/**
 * The capacity rows of the HTM designs (reports/validation/designs.ts) on hand-made records: a
 * bracket that meets the published band holds, one that misses fails and says by how much, one
 * too coarse is not judged; the presets without a published capacity; and each row's kind
 * against configs/provenance.yaml (validation only when no capacity field cites the figure).
 */
import { describe, expect, it } from 'vitest';
import type { PointRecord } from '../../reports/records.js';
import { bracketOf, DESIGN_CHECKS, judge, PUBLISHED_CAPACITIES } from '../../reports/validation/designs.js';
import { checkFacts, type CheckRow } from '../../reports/validation/facts.js';
import { loadProvenance } from '../../reports/validation/provenance.js';
import { buildValidation } from '../../reports/validation/render.js';

const QUIET = { refcount: 'biased', allocator: 'per-thread', smallIntCache: false, ticker: 'per-thread' };
const READ = { refcount: 'none', allocator: 'per-thread', smallIntCache: true, ticker: 'per-thread' };

let n = 0;
const probe = (preset: string, kind: 'write' | 'read', kib: number, ratio: number): PointRecord => ({
  id: `p${n}`, index: n++, params: {}, status: 'ok', derived: {},
  result: {
    config: { machine: { name: preset, lineBytes: 128 }, policy: { name: 'nogil' }, interp: kind === 'write' ? QUIET : READ, workload: { name: `capacity-${kind}`, params: { kib, line: 64 } } },
    metrics: { commit_ratio: ratio },
  },
});
/** A probe curve: sizes below `cap` commit, the rest do not. */
const curve = (preset: string, kind: 'write' | 'read', sizes: readonly number[], cap: number): PointRecord[] =>
  sizes.map((k) => probe(preset, kind, k, k < cap ? 1 : 0));

const row = (rows: CheckRow[], id: string): CheckRow => {
  const r = rows.find((x) => x.id === id);
  if (!r) throw new Error(`no row ${id}`);
  return r;
};

describe('design capacity rows', () => {
  it('the bracket is the largest committing size and the next size that does not commit', () => {
    const b = bracketOf(curve('power8', 'write', [4, 5, 6, 7, 8, 9], 7.5), 'power8', 'write')!;
    expect(b).toMatchObject({ commits: 7, aborts: 8, largest: 9 });
    expect(bracketOf([], 'power8', 'write')).toBeNull();
    // Another preset's points do not count.
    expect(bracketOf(curve('zec12', 'write', [4, 8], 6), 'power8', 'write')).toBeNull();
  });

  it('a bracket meeting P ± 5% holds; one beyond it fails by the distance; a wide one is not judged', () => {
    expect(judge({ commits: 7, aborts: 8, curve: '', largest: 9 }, 8).verdict).toBe('holds');
    const low = judge({ commits: 6, aborts: 7, curve: '', largest: 9 }, 8);
    expect(low.verdict).toBe('fails');
    expect(low.miss).toContain('aborts at 7 KiB');
    expect(low.miss).toContain('at least 0.6 KiB (7% of the published figure) below the band\'s lower end 7.6 KiB');
    const high = judge({ commits: 24576, aborts: 28672, curve: '', largest: 28672 }, 20480);
    expect(high.verdict).toBe('fails');
    expect(high.miss).toContain('commits 24 MiB');
    expect(judge({ commits: 4, aborts: 16, curve: '', largest: 16 }, 8).verdict).toBe('coarse');
    expect(judge({ commits: 8, aborts: null, curve: '', largest: 8 }, 8).verdict).toBe('coarse');
  });

  it('rows from records: zEC12 reads holding, BG/Q reads failing with the reason, POWER8 not measured', () => {
    const records = [
      ...curve('zec12', 'read', [768, 896, 960, 1024, 1088, 1152], 1000),
      ...curve('bgq', 'read', [18432, 20480, 21504, 24576, 28672], 26000),
    ];
    const rows = checkFacts(records, DESIGN_CHECKS);
    const z = row(rows, 'design-zec12-read');
    expect(z).toMatchObject({ kind: 'mechanism', verdict: 'holds' });
    expect(z.measured).toContain('capacity in [960 KiB, 1 MiB)');
    const b = row(rows, 'design-bgq-read');
    expect(b).toMatchObject({ kind: 'validation', verdict: 'fails' });
    expect(b.value).toBeCloseTo(1.2, 10);
    expect(b.measured).toContain('no per-set speculative-way limit');
    expect(row(rows, 'design-power8-write').verdict).toBe('not measured');
  });

  it('presets without a published capacity: unbounded ones commit everything, TME fits its assumed structures', () => {
    const all = [1024, 9216];
    const ok = [...curve('ideal', 'write', all, Infinity), ...curve('ideal', 'read', all, Infinity)];
    expect(row(checkFacts(ok, DESIGN_CHECKS), 'design-ideal')).toMatchObject({ kind: 'mechanism', verdict: 'holds' });
    const bad = [...curve('ideal', 'write', all, 2000), ...curve('ideal', 'read', all, Infinity)];
    expect(row(checkFacts(bad, DESIGN_CHECKS), 'design-ideal').verdict).toBe('fails');
    const tme = [...curve('tme', 'write', [32, 48, 56, 64], 60), ...curve('tme', 'read', [768, 960, 1024], 1000)];
    expect(row(checkFacts(tme, DESIGN_CHECKS), 'design-tme').verdict).toBe('holds');
    const tmeOver = [...curve('tme', 'write', [32, 64, 72], 70), ...curve('tme', 'read', [768, 960, 1024], 1000)];
    expect(row(checkFacts(tmeOver, DESIGN_CHECKS), 'design-tme').verdict).toBe('fails');
  });

  it('the design rows are in the report and a failing validation row counts in the headline', () => {
    const records = curve('bgq', 'read', [18432, 20480, 21504, 24576, 28672], 26000);
    const v = buildValidation({ dir: 'x', experiment: undefined, resolvedYaml: undefined, points: records, sources: { jsonl: 0, pointFiles: 0 }, problems: [] });
    expect(v.rows.some((r) => r.id === 'design-bgq-read' && r.verdict === 'fails')).toBe(true);
    expect(v.counts.fails).toBeGreaterThanOrEqual(1);
  });

  it('a row is validation only when none of its preset\'s capacity fields was set from the published figure', () => {
    const set = loadProvenance('.');
    const CAPACITY = /^(lineBytes|l[123]d?\.(sizeKiB|ways)|htm\.(writeSetTracking|readSetTracking|buffer\.lines|buffer\.ways))$/;
    for (const p of PUBLISHED_CAPACITIES) {
      const entries = set.machines.get(p.preset);
      expect(entries, p.preset).toBeDefined();
      const citing = entries!.filter((e) => CAPACITY.test(e.path) && /Nakaike/.test(e.provenance?.source ?? '')).map((e) => e.path);
      if (p.kind === 'validation') expect(citing, `${p.preset} ${p.probe}`).toEqual([]);
      else expect(citing.length, `${p.preset} ${p.probe}`).toBeGreaterThan(0);
    }
  });
});
