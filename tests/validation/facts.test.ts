/**
 * The fact checks of reports/validation on small hand-made records: a fact that holds, one that
 * does not, and missing or failed points giving 'not measured'.
 */
import { describe, expect, it } from 'vitest';
import type { PointRecord } from '../../reports/records.js';
import { checkFacts, FACT_CHECKS, UNCHECKED_FACTS, type CheckRow } from '../../reports/validation/facts.js';
import { buildValidation, renderValidationMarkdown } from '../../reports/validation/render.js';

type Flat = Record<string, string | number | boolean>;

const DEFAULT: Flat = { 'interp.refcount': 'cpython', 'interp.allocator': 'global', 'interp.smallIntCache': true, 'interp.ticker': 'shared' };
const QUIET: Flat = { 'interp.refcount': 'biased', 'interp.allocator': 'per-thread', 'interp.smallIntCache': false, 'interp.ticker': 'per-thread' };
const BASE: Flat = {
  'machine.cores': 4, 'machine.lineBytes': 64, 'machine.l1d.sizeKiB': 32, 'machine.l1d.ways': 8, 'machine.l3.sizeKiB': 8192,
  'gil.mode': 'interval', 'htm.txLength': 100, 'htm.waitForLockFree': true, 'htm.retries': 3,
};

let nextIndex = 0;

/** A record whose resolved config holds `config` (dotted paths) and whose result holds `result`. */
function rec(config: Flat, result: Record<string, unknown>, status: 'ok' | 'failed' = 'ok'): PointRecord {
  const nested: Record<string, unknown> = {};
  for (const [path, v] of Object.entries({ ...BASE, ...config })) {
    const segs = path.split('.');
    let cur = nested;
    for (const s of segs.slice(0, -1)) cur = (cur[s] ??= {}) as Record<string, unknown>;
    cur[segs[segs.length - 1]!] = v;
  }
  const index = nextIndex++;
  return {
    id: `p${index}`, index, params: { 'workload.name': String(config['workload.name']), 'policy.name': String(config['policy.name']) },
    status, result: { status, exitCode: status === 'ok' ? 0 : 1, config: nested, ...result }, derived: {},
  };
}

const indep = (policy: string, interp: Flat, threads: number, simSeconds: number, extra: Flat = {}, result: Record<string, unknown> = {}): PointRecord =>
  rec({ 'policy.name': policy, ...interp, 'workload.name': 'independent', 'workload.params.threads': threads, ...extra }, { simSeconds, ...result });

const READ_ONLY: Flat = { ...QUIET, 'interp.refcount': 'none', 'interp.smallIntCache': true };

const probe = (workload: string, kib: number, line: number, ratio: number, interp: Flat = QUIET): PointRecord =>
  rec({ 'policy.name': 'nogil', ...interp, 'workload.name': workload, 'workload.params.kib': kib, 'workload.params.line': line }, { metrics: { commit_ratio: ratio } });
const readProbe = (kib: number, ratio: number): PointRecord => probe('capacity-read', kib, 64, ratio, READ_ONLY);
const sameSet = (lines: number, ratio: number, sets = 64): PointRecord =>
  rec({ 'policy.name': 'nogil', ...QUIET, 'workload.name': 'same-set', 'workload.params.lines': lines, 'workload.params.sets': sets, 'workload.params.line': 64 }, { metrics: { commit_ratio: ratio } });

const row = (rows: CheckRow[], id: string): CheckRow => {
  const r = rows.find((x) => x.id === id);
  if (!r) throw new Error(`no row ${id}`);
  return r;
};
const verdict = (records: PointRecord[], id: string): CheckRow => row(checkFacts(records), id);

describe('fact checks', () => {
  it('every check and every unchecked fact has a unique id, a fact, a source and a band', () => {
    const ids = [...FACT_CHECKS.map((c) => c.id), ...UNCHECKED_FACTS.map((u) => u.id)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of [...FACT_CHECKS, ...UNCHECKED_FACTS]) {
      expect(c.fact.length).toBeGreaterThan(10);
      expect(c.source.length).toBeGreaterThan(3);
      expect(c.publishedBand.length).toBeGreaterThan(0);
    }
    for (const u of UNCHECKED_FACTS) expect(u.reason.length).toBeGreaterThan(10);
  });

  it('no records: every check is not measured, with the reason in its text', () => {
    const rows = checkFacts([]);
    expect(rows).toHaveLength(FACT_CHECKS.length);
    for (const r of rows) {
      expect(r.verdict).toBe('not measured');
      expect(r.value).toBeNull();
      expect(r.measured).toMatch(/^not measured: /);
    }
  });

  it('gil-no-scaling: N× the work in N× the time holds; a GIL that scales fails; a missing point is not measured', () => {
    const gil = (t: number, s: number) => indep('gil', DEFAULT, t, s);
    const ok = verdict([gil(1, 1), gil(2, 2.1), gil(4, 4.4)], 'gil-no-scaling');
    expect(ok.verdict).toBe('holds');
    expect(ok.value).toBeCloseTo(1.05, 10);
    const bad = verdict([gil(1, 1), gil(2, 2), gil(4, 1.5)], 'gil-no-scaling');
    expect(bad.verdict).toBe('fails');
    expect(bad.value).toBeCloseTo(1.5 / 4, 10);
    expect(verdict([gil(1, 1), gil(2, 2)], 'gil-no-scaling').verdict).toBe('not measured');
    // The quiet interpreter's points are not the CPython GIL.
    expect(verdict([indep('gil', QUIET, 1, 1), indep('gil', QUIET, 2, 2), indep('gil', QUIET, 4, 4)], 'gil-no-scaling').verdict).toBe('not measured');
  });

  it('a failed point does not count', () => {
    const records = [indep('gil', DEFAULT, 1, 1), indep('gil', DEFAULT, 2, 2), rec({ 'policy.name': 'gil', ...DEFAULT, 'workload.name': 'independent', 'workload.params.threads': 4 }, { simSeconds: 4 }, 'failed')];
    expect(verdict(records, 'gil-no-scaling').verdict).toBe('not measured');
  });

  it('stm-overhead: 40% holds, 100% fails, against the GIL with the same interpreter', () => {
    const at = (stm: number) => [indep('gil', QUIET, 1, 1), indep('stm', QUIET, 1, stm)];
    const ok = verdict(at(1.4), 'stm-overhead');
    expect(ok.verdict).toBe('holds');
    expect(ok.value).toBeCloseTo(0.4, 10);
    expect(ok.measured).toContain('40.0%');
    expect(verdict(at(2), 'stm-overhead').verdict).toBe('fails');
    expect(verdict(at(1.1), 'stm-overhead').verdict).toBe('fails');
    expect(verdict([indep('gil', DEFAULT, 1, 1), indep('stm', QUIET, 1, 1.4)], 'stm-overhead').verdict).toBe('not measured');
  });

  it('stm-scaling and stm-beats-gil-2: weak-scaling speedup and GIL/STM time', () => {
    const good = [indep('stm', QUIET, 1, 1), indep('stm', QUIET, 2, 1.05), indep('stm', QUIET, 4, 1.08), indep('gil', QUIET, 2, 1.5)];
    const rows = checkFacts(good);
    expect(row(rows, 'stm-scaling').verdict).toBe('holds');
    expect(row(rows, 'stm-scaling').value).toBeCloseTo(4 / 1.08, 10);
    expect(row(rows, 'stm-beats-gil-2').value).toBeCloseTo(1.5 / 1.05, 10);
    expect(row(rows, 'stm-beats-gil-2').verdict).toBe('holds');
    const bad = checkFacts([indep('stm', QUIET, 1, 1), indep('stm', QUIET, 2, 2.5), indep('stm', QUIET, 4, 2), indep('gil', QUIET, 2, 2)]);
    expect(row(bad, 'stm-scaling').verdict).toBe('fails');
    expect(row(bad, 'stm-beats-gil-2').verdict).toBe('fails');
  });

  it('htm-write-knee: a knee at 24 KiB holds; none up to 36 KiB fails; a knee at the smallest size tested fails', () => {
    const curve = (pairs: [number, number][]) => pairs.map(([kib, r]) => probe('capacity-write', kib, 64, r));
    const ok = verdict(curve([[12, 1], [16, 1], [20, 0.75], [24, 0], [32, 0]]), 'htm-write-knee');
    expect(ok.verdict).toBe('holds');
    expect(ok.value).toBe(24);
    expect(ok.measured).toContain('knee in (20, 24] KiB');
    const none = verdict(curve([[16, 1], [32, 1], [36, 1]]), 'htm-write-knee');
    expect(none.verdict).toBe('fails');
    expect(none.value).toBeNull();
    expect(none.measured).toContain('no knee up to 36 KiB');
    expect(verdict(curve([[20, 0], [24, 0]]), 'htm-write-knee').verdict).toBe('fails');
    expect(verdict(curve([[8, 1], [12, 0.25]]), 'htm-write-knee').verdict).toBe('fails');
    // The same-set probes (4 KiB stride) are not part of the knee curve.
    expect(verdict([probe('capacity-write', 32, 4096, 1)], 'htm-write-knee').verdict).toBe('not measured');
  });

  it('htm-same-set: 8 lines commit and 9 never holds; 9 committing or 8 aborting fails', () => {
    const ok = verdict([sameSet(8, 1), sameSet(9, 0)], 'htm-same-set');
    expect(ok.verdict).toBe('holds');
    expect(ok.value).toBe(8);
    const bad = verdict([sameSet(8, 1), sameSet(9, 0.5)], 'htm-same-set');
    expect(bad.verdict).toBe('fails');
    expect(bad.value).toBe(9);
    expect(verdict([sameSet(8, 0), sameSet(9, 0)], 'htm-same-set').verdict).toBe('fails');
    // Only 8 lines tested: nothing shows that 9 fail.
    expect(verdict([sameSet(8, 1)], 'htm-same-set').verdict).toBe('fails');
    // A stride that is not the machine's set stride (32 sets on a 64-set L1D) does not count.
    expect(verdict([sameSet(8, 1, 32), sameSet(9, 0, 32)], 'htm-same-set').verdict).toBe('not measured');
  });

  it('htm-read-limit: several MiB commit and nothing above the L3 holds; neither end wrong', () => {
    const ok = verdict([readProbe(7680, 1), readProbe(9216, 0)], 'htm-read-limit');
    expect(ok.verdict).toBe('holds');
    expect(ok.value).toBe(7680);
    expect(verdict([readProbe(2048, 1), readProbe(9216, 0)], 'htm-read-limit').verdict).toBe('fails');
    expect(verdict([readProbe(4096, 0), readProbe(9216, 0)], 'htm-read-limit').verdict).toBe('fails');
    expect(verdict([readProbe(4096, 1), readProbe(9216, 1)], 'htm-read-limit').verdict).toBe('fails');
    // With reference counts the probe is not read-only: those points do not count.
    expect(verdict([probe('capacity-read', 4096, 64, 1), probe('capacity-read', 9216, 64, 0)], 'htm-read-limit').verdict).toBe('not measured');
  });

  it('stm-not-worse: fully conflicting STM slows against the GIL no more than on one thread', () => {
    const sc = (policy: string, threads: number, simSeconds: number) =>
      rec({ 'policy.name': policy, ...DEFAULT, 'workload.name': 'shared-counter', 'workload.params.threads': threads }, { simSeconds });
    const ok = verdict([sc('gil', 1, 1), sc('gil', 4, 4), sc('stm', 1, 1.5), sc('stm', 4, 5.8)], 'stm-not-worse');
    expect(ok.verdict).toBe('holds');
    expect(ok.value).toBeCloseTo(5.8 / 4 / 1.5, 10);
    // Conflicts that make 4 threads much slower than serial STM: worse than a GIL.
    expect(verdict([sc('gil', 1, 1), sc('gil', 4, 4), sc('stm', 1, 1.5), sc('stm', 4, 9)], 'stm-not-worse').verdict).toBe('fails');
    expect(verdict([sc('gil', 1, 1), sc('stm', 1, 1.5), sc('stm', 4, 5.8)], 'stm-not-worse').verdict).toBe('not measured');
  });

  it('htm-quiet-scales: needs the quiet interpreter to scale and the default one to scale much less', () => {
    const htm = (interp: Flat, t: number, s: number) => indep('htm', interp, t, s);
    const ok = verdict([htm(QUIET, 1, 1), htm(QUIET, 4, 1.2), htm(DEFAULT, 1, 1), htm(DEFAULT, 4, 4)], 'htm-quiet-scales');
    expect(ok.verdict).toBe('holds');
    expect(ok.value).toBeCloseTo(4 / 1.2, 10);
    expect(verdict([htm(QUIET, 1, 1), htm(QUIET, 4, 1.2), htm(DEFAULT, 1, 1), htm(DEFAULT, 4, 1.3)], 'htm-quiet-scales').verdict).toBe('fails');
    // Other lengths or no waiting are not the reference configuration.
    const other = [htm(QUIET, 1, 1), indep('htm', QUIET, 4, 1.2, { 'htm.txLength': 10 }), htm(DEFAULT, 1, 1), htm(DEFAULT, 4, 4)];
    expect(verdict(other, 'htm-quiet-scales').verdict).toBe('not measured');
  });

  it('htm length sweep: capacity aborts rising into fallback, and an intermediate length winning', () => {
    // committed + fallbacks = the critical sections; begun counts every attempt.
    const point = (len: number, simSeconds: number, begun: number, capacity: number, fallbacks: number, committed = begun - capacity) =>
      indep('htm', QUIET, 4, simSeconds, { 'htm.txLength': len, 'workload.params.table': 256 }, { htm: { begun, committed, fallbacks, abortsByCause: { capacity } } });
    const good = [point(10, 3, 1000, 0, 0), point(100, 1, 100, 5, 2), point(1000, 1.5, 20, 10, 8), point(10000, 4, 10, 8, 6, 2)];
    const rows = checkFacts(good);
    expect(row(rows, 'htm-length-capacity').verdict).toBe('holds');
    expect(row(rows, 'htm-length-intermediate').verdict).toBe('holds');
    expect(row(rows, 'htm-length-intermediate').value).toBeCloseTo(3, 10);
    expect(row(rows, 'htm-length-intermediate').measured).toContain('length 100');
    // Capacity aborts falling at the longest length, and the shortest length fastest.
    const bad = [point(10, 1, 1000, 0, 0), point(100, 2, 100, 50, 2), point(1000, 2.5, 20, 1, 1), point(10000, 4, 4, 2, 1)];
    const badRows = checkFacts(bad);
    expect(row(badRows, 'htm-length-capacity').verdict).toBe('fails');
    expect(row(badRows, 'htm-length-intermediate').verdict).toBe('fails');
    expect(row(checkFacts(good.slice(0, 2)), 'htm-length-intermediate').verdict).toBe('not measured');
    // Rising capacity aborts but most sections of the longest length still commit: not dominated.
    const notDominated = [...good.slice(0, 3), point(10000, 4, 10, 8, 6, 20)];
    expect(row(checkFacts(notDominated), 'htm-length-capacity').verdict).toBe('fails');
    // The independent workload without a table is not a growing-footprint workload.
    const noTable = good.map((r) => ({ ...r, result: { ...r.result, config: { ...(r.result.config as object), workload: { name: 'independent', params: { threads: 4 } } } } }));
    expect(row(checkFacts(noTable), 'htm-length-capacity').verdict).toBe('not measured');
  });

  it('htm-lemming: more fallbacks and no faster without waiting holds; fewer fails; measured where fallbacks are occasional', () => {
    const p = (len: number, wait: boolean, s: number, fallbacks: number, committed: number) =>
      indep('htm', QUIET, 4, s, { 'htm.waitForLockFree': wait, 'htm.txLength': len, 'workload.params.table': 256 }, { htm: { fallbacks, committed } });
    // Length 10: no fallback; 1000: 30 of 130 sections (the pick); 10000: most sections fall back.
    const base = [p(10, true, 1, 0, 500), p(10, false, 1, 0, 500), p(10000, true, 4, 80, 10), p(10000, false, 3, 60, 10)];
    const ok = verdict([...base, p(1000, false, 2, 90, 20), p(1000, true, 1.5, 30, 100)], 'htm-lemming');
    expect(ok.verdict).toBe('holds');
    expect(ok.value).toBe(3);
    expect(ok.measured).toMatch(/^length 1000 /);
    expect(verdict([...base, p(1000, false, 1, 10, 120), p(1000, true, 1.5, 30, 100)], 'htm-lemming').verdict).toBe('fails');
    expect(verdict([...base, p(1000, true, 1.5, 30, 100)], 'htm-lemming').verdict).toBe('not measured');
    // No length with occasional fallbacks: not measured (the 10000 points alone would "fail").
    expect(verdict(base, 'htm-lemming').verdict).toBe('not measured');
    // CPython's interpreter, where nearly every section falls back either way, is not the probe.
    const cpy = (wait: boolean, s: number, fallbacks: number) => indep('htm', DEFAULT, 4, s, { 'htm.waitForLockFree': wait }, { htm: { fallbacks, committed: 100 } });
    expect(verdict([cpy(false, 2, 90), cpy(true, 1.5, 30)], 'htm-lemming').verdict).toBe('not measured');
  });

  it('gil ticks: retake share and bytecodes per acquisition', () => {
    const ticks = (acq: number, sw: number, bc: number) => indep('gil', DEFAULT, 4, 1, { 'gil.mode': 'ticks' }, { bytecodes: bc, gil: { acquisitions: acq, switches: sw } });
    const ok = checkFacts([ticks(1000, 200, 100_000)]);
    expect(row(ok, 'gil-ticks-retake').verdict).toBe('holds');
    expect(row(ok, 'gil-ticks-retake').value).toBeCloseTo(0.8, 10);
    expect(row(ok, 'gil-tick-interval').value).toBe(100);
    expect(row(ok, 'gil-tick-interval').verdict).toBe('holds');
    const bad = checkFacts([ticks(100, 90, 100_000)]);
    expect(row(bad, 'gil-ticks-retake').verdict).toBe('fails');
    expect(row(bad, 'gil-tick-interval').verdict).toBe('fails');
  });

  it('gil-latency, nogil scaling and overhead, tx-demo correctness', () => {
    const lat = (busy: boolean, us: number) => rec({ 'policy.name': 'gil', ...DEFAULT, 'workload.name': 'gil-latency', 'workload.params.busy': busy }, { metrics: { response_max_us: us } });
    expect(verdict([lat(true, 5000), lat(false, 10)], 'gil-latency').verdict).toBe('holds');
    expect(verdict([lat(true, 12), lat(false, 10)], 'gil-latency').verdict).toBe('fails');
    const ft = [indep('nogil', QUIET, 1, 1.06), indep('nogil', QUIET, 4, 1.08), indep('gil', DEFAULT, 1, 1)];
    expect(verdict(ft, 'nogil-scaling').verdict).toBe('holds');
    expect(verdict(ft, 'nogil-overhead').value).toBeCloseTo(0.06, 10);
    expect(verdict(ft, 'nogil-overhead').verdict).toBe('holds');
    expect(verdict([indep('nogil', QUIET, 1, 1), indep('nogil', QUIET, 4, 2)], 'nogil-scaling').verdict).toBe('fails');
    const demo = (status: 'ok' | 'failed') => rec({ 'policy.name': 'stm', ...QUIET, 'workload.name': 'tx-demo' }, {}, status);
    expect(verdict([demo('ok'), demo('ok')], 'tx-module-serial').verdict).toBe('holds');
    expect(verdict([demo('ok'), demo('failed')], 'tx-module-serial').verdict).toBe('fails');
  });

  it('the markdown table: one row per check with its verdict, then unchecked facts and failed points grouped', () => {
    const failed = (error: string) => {
      const r = rec({ 'policy.name': 'htm', ...QUIET, 'workload.name': 'capacity-read' }, {}, 'failed');
      r.error = error;
      return r;
    };
    const points = [indep('nogil', QUIET, 1, 1), indep('nogil', QUIET, 4, 2), failed('cycle limit reached'), failed('cycle limit reached'), failed('xend outside')];
    const v = buildValidation({ dir: 'x', experiment: { name: 'validation', totalPoints: 6 }, resolvedYaml: undefined, points, sources: { jsonl: 5, pointFiles: 0 }, problems: [] });
    expect(v.points).toEqual({ present: 5, ok: 2, failed: 3, total: 6 });
    expect(v.counts).toEqual({ holds: 0, fails: 1, notMeasured: FACT_CHECKS.length - 1 });
    expect(v.failures).toEqual([
      { workload: 'capacity-read', policy: 'htm', error: 'cycle limit reached', count: 2 },
      { workload: 'capacity-read', policy: 'htm', error: 'xend outside', count: 1 },
    ]);
    const md = renderValidationMarkdown(v);
    expect(md).toContain('5 of 6 points present (2 ok, 3 failed). 0 facts hold, 1 fail,');
    expect(md).toMatch(/\| \*\*nogil-scaling\*\*: .* \| 2× at 4 threads \(50\.0% efficiency\) \| ✘ fails \|/);
    expect(md.split('\n').filter((l) => l.includes('– not measured'))).toHaveLength(FACT_CHECKS.length - 1);
    expect(md).toContain('| capacity-read | htm | 2 | cycle limit reached |');
  });
});
