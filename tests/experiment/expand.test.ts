import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expand } from '../../sim/experiment/expand.js';
import { canonicalJson, pointId } from '../../sim/experiment/point-id.js';
import { loadExperiment } from '../../sim/experiment/experiment-file.js';
import { ConfigError } from '../../sim/common/located.js';
import { repSeed, resolveExecConfig } from '../../sim/experiment/resolve.js';
import { applySets, resolvedExperiment } from '../../sim/experiment/run-experiment.js';
import { stringify } from 'yaml';
import { publishedSchema } from '../../sim/experiment/schema.js';
import { parseFilter, parseShard, takeShard } from '../../sim/experiment/select.js';
import { MACHINE, SWEEP } from './helpers.js';

const spec = (body: string) => loadExperiment('mem.yaml', `name: t\nmachine: ${MACHINE}\n${body}`);
const points = (body: string) => expand(spec(body));
const rawPoints = (text: string) => expand(loadExperiment('mem.yaml', `name: t\n${text}`));
const pick = (body: string, ...keys: string[]) => points(body).map((p) => keys.map((k) => p.params[k]));

describe('sweep expansion', () => {
  it('is the grid product, first axis outermost, workloads and policies outside the axes', () => {
    expect(pick('workloads: [bank]\npolicies: [gil, nogil]\nsweep:\n  axes:\n    cores: [1, 2]\n    interp.refcount: [cpython, none]\n',
      'policy.name', 'machine.cores', 'interp.refcount')).toEqual([
      ['gil', 1, 'cpython'], ['gil', 1, 'none'], ['gil', 2, 'cpython'], ['gil', 2, 'none'],
      ['nogil', 1, 'cpython'], ['nogil', 1, 'none'], ['nogil', 2, 'cpython'], ['nogil', 2, 'none'],
    ]);
  });

  it('advances zipped axes together', () => {
    expect(pick('workloads: [bank]\nsweep:\n  axes:\n    cores: [1, 2, 4]\n    workload.params.threads: [1, 2, 4]\n    interp.allocator: [global, per-thread]\n  zip: [[cores, workload.params.threads]]\n',
      'machine.cores', 'workload.params.threads', 'interp.allocator')).toEqual([
      [1, 1, 'global'], [1, 1, 'per-thread'], [2, 2, 'global'], [2, 2, 'per-thread'], [4, 4, 'global'], [4, 4, 'per-thread'],
    ]);
  });

  it('runs repetitions innermost with derived seeds, rep 0 keeping the base seed', () => {
    const ps = points('workloads: [bank]\nseed: 42\nrepetitions: 3\nsweep:\n  axes:\n    cores: [1, 2]\n');
    expect(ps.map((p) => [p.params['machine.cores'], p.rep, p.config.seed])).toEqual([
      [1, 0, 42], [1, 1, repSeed(42, 1)], [1, 2, repSeed(42, 2)], [2, 0, 42], [2, 1, repSeed(42, 1)], [2, 2, repSeed(42, 2)],
    ]);
    expect(ps.map((p) => p.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(new Set(ps.map((p) => p.id)).size).toBe(6);
  });

  it('applies policy-section axes only to the policies that read them (no duplicate serial runs)', () => {
    const ps = points('workloads: [bank]\npolicies: [serial, gil, htm]\nsweep:\n  axes:\n    htm.txLength: [10, 1000]\n    gil.checkInterval: [50, 100]\n');
    expect(ps.map((p) => [p.params['policy.name'], p.params['htm.txLength'], p.params['gil.checkInterval']])).toEqual([
      ['serial', undefined, undefined],
      ['gil', undefined, 50], ['gil', undefined, 100],
      ['htm', 10, 50], ['htm', 10, 100], ['htm', 1000, 50], ['htm', 1000, 100],
    ]);
    expect(ps[0]!.config.htm.txLength).toBe(100); // the default, from configs/defaults.yaml
  });

  it('resolves every point fully: preset, file-level overrides, policy entry, axis, workload defaults', () => {
    const [p] = rawPoints('machine: { preset: ' + MACHINE + ', l1d: { ways: 4 } }\ninterp: { refcount: biased }\nhtm: { retries: 7 }\n' +
      'workloads: [{ name: bank, params: { accounts: 8 } }]\npolicies: [{ name: htm, htm: { adaptive: true } }]\nmaxCycles: 12345\n');
    expect(p!.config.machine.l1d.ways).toBe(4);
    expect(p!.config.machine.name).toBe('test-machine');
    expect(p!.config.interp.refcount).toBe('biased');
    expect(p!.config.htm).toMatchObject({ retries: 7, adaptive: true, txLength: 100 });
    expect(p!.config.workload).toEqual({ name: 'bank', params: { threads: 4, accounts: 8, transfers: 1500, locking: 'global', seed: 1 } });
    expect(p!.config.maxCycles).toBe(12345);
    expect(p!.id).toBe(pointId(p!.config));
    expect(p!.id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('gives ids that depend on the resolved config only, not on how it was written', () => {
    const a = points('workloads: [bank]\nsweep:\n  axes:\n    cores: [2]\n')[0]!;
    const b = rawPoints('machine: { preset: ' + MACHINE + ', cores: 2 }\nworkloads: [{ name: bank, params: { threads: 4 } }]\n')[0]!;
    expect(a.id).toBe(b.id);
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
  });
});

describe('sweeps and htmsim exec resolve alike', () => {
  it('gives the sweep point and the equivalent exec command the same config and id', () => {
    const p = expand(loadExperiment(SWEEP)).find((x) => x.params['policy.name'] === 'htm' && x.params['machine.cores'] === 2 && x.params['htm.txLength'] === 10 && x.rep === 0)!;
    const e = resolveExecConfig({ machine: MACHINE, policy: 'htm', cores: 2, sets: ['htm.txLength=10', 'htm.retries=5'], workload: { name: 'bank', params: { transfers: 10 } } });
    expect(e).toEqual(p.config);
    expect(pointId(e)).toBe(p.id);
  });

  it('writes a resolved config that is itself a config of exactly the same points', () => {
    for (const file of [SWEEP, 'configs/examples/scaling.yaml', 'configs/examples/long-vs-short.yaml']) {
      const original = loadExperiment(file);
      const again = loadExperiment('resolved-config.yaml', stringify(resolvedExperiment(original)));
      expect(expand(again).map((p) => [p.id, p.params])).toEqual(expand(original).map((p) => [p.id, p.params]));
    }
  });

  it('names in params the entry settings that differ between points, not those fixed by one entry', () => {
    const ps = points('workloads: [{ name: bank, params: { accounts: 32 } }]\npolicies: [serial, { name: htm, htm: { txLength: 10, retries: 2 } }, { name: htm, htm: { txLength: 1000, retries: 2 } }]\n');
    expect(ps.map((p) => p.params)).toEqual([
      { 'workload.name': 'bank', 'policy.name': 'serial', 'machine.cores': 4, rep: 0, seed: 1 },
      { 'workload.name': 'bank', 'policy.name': 'htm', 'machine.cores': 4, rep: 0, seed: 1, 'htm.txLength': 10 },
      { 'workload.name': 'bank', 'policy.name': 'htm', 'machine.cores': 4, rep: 0, seed: 1, 'htm.txLength': 1000 },
    ]);
  });

  it('records timelines only for the points the report draws, unless the config says otherwise', () => {
    const marked = (body: string) => points(body).filter((p) => p.config.timeline).map((p) => p.index);
    const sweep = 'workloads: [bank]\npolicies: [serial, gil, stm]\nrepetitions: 2\nsweep:\n  axes:\n    cores: [1, 2, 4]\n';
    // no report section: the first parallel run on the most cores
    expect(marked(sweep)).toEqual([10]);
    expect(marked(`${sweep}report:\n  timelinePoint: { policy.name: stm, cores: 2 }\n`)).toEqual([14]);
    expect(marked(`${sweep}report:\n  charts:\n    - { type: timeline, where: { policy: gil, rep: 1 } }\n    - { type: line, x: cores, y: derived.speedup }\n`)).toEqual([7]);
    expect(marked(`${sweep}report:\n  charts:\n    - { type: line, x: cores, y: derived.speedup }\n`)).toEqual([]);
    expect(marked(`${sweep}timeline: true\n`)).toHaveLength(18);
    expect(marked(`${sweep}timeline: false\n`)).toEqual([]);
  });

  it('applies run --set as a top-level override that entries and axes still win over', () => {
    const sp = spec('workloads: [bank]\npolicies: [gil, { name: htm, htm: { retries: 2 } }]\nsweep:\n  axes:\n    cores: [1, 2]\n');
    applySets(sp, ['maxCycles=99', 'htm.retries=9', 'htm.txLength=7', 'cores=8']);
    const ps = expand(sp);
    expect(ps.map((p) => [p.config.maxCycles, p.config.htm.retries, p.config.htm.txLength, p.config.machine.cores])).toEqual([
      [99, 9, 7, 1], [99, 9, 7, 2], [99, 2, 7, 1], [99, 2, 7, 2],
    ]);
    expect(() => applySets(spec('workloads: [bank]\n'), ['gil.mode=fast', 'nope=1'])).toThrow(
      "--set gil.mode=fast: must be one of ticks, interval; got 'fast'\n--set nope=1: unknown parameter 'nope'");
  });

  it('gives nogil the free-threaded interpreter of defaults.yaml policyInterp unless the config says otherwise', () => {
    const refcounts = (body: string) => points(body).map((p) => [p.config.policy.name, p.config.interp.refcount, p.config.interp.allocator]);
    expect(refcounts('workloads: [bank]\npolicies: [gil, nogil]\n')).toEqual([['gil', 'cpython', 'global'], ['nogil', 'biased', 'per-thread']]);
    expect(refcounts('workloads: [bank]\npolicies: [gil, nogil]\ninterp: { refcount: none }\n')).toEqual([['gil', 'none', 'global'], ['nogil', 'none', 'per-thread']]);
    expect(refcounts('workloads: [bank]\npolicies: [nogil, { name: nogil, interp: { refcount: cpython } }]\n')).toEqual([['nogil', 'biased', 'per-thread'], ['nogil', 'cpython', 'per-thread']]);
    const e = resolveExecConfig({ machine: MACHINE, policy: 'nogil', sets: ['interp.allocator=global'], workload: { name: 'bank', params: {} } });
    expect([e.interp.refcount, e.interp.allocator]).toEqual(['biased', 'global']);
  });

  it('sweeps policy.name as an axis when no policies are listed', () => {
    expect(pick('workloads: [bank]\nsweep:\n  axes:\n    policy: [gil, stm]\n    stm.txLength: [10, 20]\n', 'policy.name', 'stm.txLength'))
      .toEqual([['gil', undefined], ['stm', 10], ['stm', 20]]);
  });
});

describe('filter and shards', () => {
  const ps = points('workloads: [bank]\npolicies: [serial, gil, htm]\nrepetitions: 2\nsweep:\n  axes:\n    cores: [1, 2, 4, 8]\n    htm.txLength: [10, 100]\n');

  it('filters by comparisons joined with commas', () => {
    expect(ps).toHaveLength(2 * 4 + 2 * 4 + 2 * 4 * 2);
    const f = parseFilter('policy=htm,machine.cores>=4,htm.txLength!=10,rep<1');
    expect(ps.filter(f).map((p) => [p.params['machine.cores'], p.params['htm.txLength'], p.rep])).toEqual([[4, 100, 0], [8, 100, 0]]);
    expect(ps.filter(parseFilter('interp.refcount=cpython'))).toHaveLength(ps.length);
    expect(ps.filter(parseFilter('machine.l1d.ways>8'))).toHaveLength(0);
  });

  it('shards partition the points exactly, for any N', () => {
    for (const n of [1, 2, 3, 5, 7, 40, 41]) {
      const parts = Array.from({ length: n }, (_, k) => takeShard(ps, parseShard(`${k + 1}/${n}`)));
      const ids = parts.flat().map((p) => p.id);
      expect(ids).toHaveLength(ps.length);
      expect(new Set(ids).size).toBe(ps.length);
      const sizes = parts.map((p) => p.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
    expect(takeShard(ps, parseShard('2/3')).map((p) => p.index).slice(0, 3)).toEqual([1, 4, 7]);
  });

  it('rejects bad shard specs', () => {
    for (const bad of ['0/3', '4/3', '1/0', '1', 'a/b', '1/2/3', '-1/2']) expect(() => parseShard(bad)).toThrow(/--shard .*: expected K\/N with 1 <= K <= N/);
  });
});

describe('the report section', () => {
  it('spells out shorthands for the reports and rejects unknown parameters in where / timelinePoint', () => {
    const ok = spec('workloads: [bank]\nreport:\n  timelinePoint: { policy: gil, cores: 2 }\n  charts:\n    - { type: line, x: cores, y: derived.speedup, series: policy, where: { rep: 0, derived.speedup: 1 } }\n');
    expect(ok.report).toEqual({
      timelinePoint: { 'policy.name': 'gil', 'machine.cores': 2 },
      charts: [{ type: 'line', x: 'machine.cores', y: 'derived.speedup', series: 'policy.name', where: { rep: 0, 'derived.speedup': 1 } }],
    });
    expect(() => spec('workloads: [bank]\nreport:\n  timelinePoint: { policy: gil, corse: 2 }\n'))
      .toThrow("mem.yaml:5:33: report.timelinePoint.corse: unknown parameter 'corse' (did you mean 'cores'?)");
  });
});

describe('the published schema', () => {
  it('is what configs/schema/htmsim.schema.json holds', () => {
    expect(JSON.parse(readFileSync('configs/schema/htmsim.schema.json', 'utf8'))).toEqual(publishedSchema);
  });

  it('collects every problem of a file in one error', () => {
    try {
      spec('workloads: [bank]\nrepetitions: 0\nseed: -1\nsweep:\n  axes:\n    cores: [0]\n');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems).toEqual([
        'mem.yaml:4:14: repetitions: must be >= 1, got 0',
        'mem.yaml:5:7: seed: must be >= 0, got -1',
        'mem.yaml:8:13: sweep.axes.cores[0]: must be >= 1, got 0',
      ]);
    }
  });
});
