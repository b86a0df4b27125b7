/**
 * The validate warning of issue 22: points shorter than the time constants their policy depends on
 * (20 timer ticks under htm, 4 GIL switch intervals under gil), one line per policy × workload,
 * from earlier runs of the same points or from capped calibration runs; exit status unchanged.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expand, type Point } from '../../sim/experiment/expand.js';
import { loadExperiment } from '../../sim/experiment/experiment-file.js';
import { calibratedLength, checkTimeScales, mechanismsOf, timeScaleWarnings, type Length } from '../../sim/experiment/time-scale.js';
import { runPointSync } from '../../sim/run/run-point.js';
import { requireBuild } from '../setup/require-build.js';
import { htmsim, scratch, writeConfig } from './helpers.js';

const CONFIG = `name: time-scale
machine: haswell
workloads:
  - { name: shared-counter, params: { threads: 2, iters: 200 } }
  - { name: independent, params: { threads: 2, iters: 100 } }
policies: [serial, gil, htm, stm, { name: gil, label: ticks, gil: { mode: ticks } }]
sweep:
  axes:
    cores: [1, 2]
repetitions: 2
`;

describe('time-scale check', () => {
  let dir = '';
  let file = '';
  let points: Point[] = [];
  beforeAll(() => {
    dir = scratch('time-scale');
    file = writeConfig(dir, 'time-scale', CONFIG);
    points = expand(loadExperiment(file));
  });

  it('knows which time constants each policy studies', () => {
    const of = (policy: string, mode?: string): string[] => {
      const p = points.find((q) => q.config.policy.name === policy && (mode === undefined || q.config.gil.mode === mode))!;
      return mechanismsOf(p.config).map((m) => `${m.kind} ${m.minSeconds.toFixed(4)}`);
    };
    // haswell: 3.4 GHz, a 3.4M-cycle (1 ms) tick; Python 3's 5 ms switch interval.
    expect(of('htm')).toEqual(['timer 0.0200']);
    expect(of('gil', 'interval')).toEqual(['switch-interval 0.0200']);
    expect(of('gil', 'ticks')).toEqual([]);
    expect(of('stm')).toEqual([]);
    expect(of('serial')).toEqual([]);
  });

  it('warns once per policy and workload, not per point; long points and unknown lengths do not warn', () => {
    const short = (): Length => ({ seconds: 0.001, atLeast: false });
    const lines = timeScaleWarnings('cfg.yaml', points, short, 'hint');
    expect(lines).toHaveLength(4); // gil (interval) and htm, for each of the two workloads
    expect(lines.filter((l) => l.includes('htm points of workload shared-counter'))).toHaveLength(1);
    const gil = lines.find((l) => l.includes('gil points of workload independent'))!;
    // Two core counts, repetitions checked once: 2 points of this class.
    expect(gil).toBe('cfg.yaml: warning: gil points of workload independent: 2 of 2 last 1.0 simulated ms, shorter than 4 switch intervals (gil.switchIntervalUs 5000) = 20 ms: forced GIL switches are rare or absent');
    expect(timeScaleWarnings('cfg.yaml', points, () => ({ seconds: 0.03, atLeast: false }), 'hint')).toEqual([]);
    expect(timeScaleWarnings('cfg.yaml', points, () => ({ seconds: 0.02, atLeast: true }), 'hint')).toEqual([]);
    const none = timeScaleWarnings('cfg.yaml', points, () => undefined, 'no earlier run');
    expect(none).toEqual(['cfg.yaml: note: the simulated length of 8 points is not known, so not checked (no earlier run)']);
  });

  it('mixes lengths in a class: counts and range of the short ones only', () => {
    const lines = timeScaleWarnings('c', points, (p) => ({ seconds: p.config.machine.cores === 1 ? 0.002 : 0.05, atLeast: false }), 'h');
    expect(lines.find((l) => l.includes('htm points of workload independent'))).toContain(': 1 of 2 last 2.0 simulated ms');
  });

  it('calibration measures a short point exactly and stops a long one at the threshold', () => {
    const gilPoint = points.find((p) => p.config.policy.name === 'gil' && p.config.gil.mode === 'interval' && p.config.machine.cores === 2 && p.rep === 0)!;
    const full = runPointSync(gilPoint.config);
    expect(calibratedLength(gilPoint)).toEqual({ seconds: full.simSeconds, atLeast: false });
    expect(full.simSeconds).toBeLessThan(0.02);
    // A 2000-cycle tick: the threshold is 40000 cycles, far shorter than this run.
    const htmPoint = points.find((p) => p.config.policy.name === 'htm' && p.config.machine.cores === 2 && p.rep === 0)!;
    const fastTick: Point = { ...htmPoint, config: { ...htmPoint.config, machine: { ...htmPoint.config.machine, htm: { ...htmPoint.config.machine.htm, timerIntervalCycles: 2000 } } } };
    expect(calibratedLength(fastTick)).toEqual({ seconds: 40000 / 3.4e9, atLeast: true });
    expect(calibratedLength(points.find((p) => p.config.policy.name === 'stm')!)).toBeUndefined();
  });

  it('calibration measures the counted region, not the set-up before roi_begin', () => {
    // A 2000-cycle tick: the threshold is 40000 cycles; the set-up alone lasts longer than that.
    const program = (regionIters: number): string => join(dir, `roi-${regionIters}.py`);
    for (const n of [3, 3000]) {
      writeFileSync(program(n), `from htmsim import roi_begin, roi_end
def loop(n):
    s = 0
    for i in range(n):
        s += i * i
    return s
loop(500)
roi_begin()
loop(${n})
roi_end()
`);
    }
    const htmPoint = points.find((p) => p.config.policy.name === 'htm' && p.config.machine.cores === 1 && p.rep === 0)!;
    const at = (n: number): Point => ({
      ...htmPoint,
      config: {
        ...htmPoint.config,
        workload: { name: program(n), params: {} },
        machine: { ...htmPoint.config.machine, htm: { ...htmPoint.config.machine.htm, timerIntervalCycles: 2000 } },
      },
    });
    const short = runPointSync(at(3).config);
    expect(short.region.beginCycle).toBeGreaterThan(40000);
    expect(short.simCycles).toBeLessThan(40000);
    expect(calibratedLength(at(3))).toEqual({ seconds: short.simSeconds, atLeast: false });
    // A region longer than the threshold: stopped inside it once, then capped past its start.
    expect(calibratedLength(at(3000))).toEqual({ seconds: 40000 / 3.4e9, atLeast: true });
  });

  it('uses an earlier run of the same point from a results folder, without running it', () => {
    const results = join(dir, 'earlier');
    mkdirSync(join(results, 'points'), { recursive: true });
    const htm = points.filter((p) => p.config.policy.name === 'htm' && p.config.workload.name === 'independent' && p.rep === 0);
    for (const p of htm) writeFileSync(join(results, 'points', `${p.id}.json`), JSON.stringify({ id: p.id, index: p.index, params: p.params, result: { status: 'ok', simSeconds: 0.0007 } }));
    const lines = checkTimeScales('cfg', points, { results });
    expect(lines[0]).toBe('cfg: warning: htm points of workload independent: 2 of 2 last 0.70 simulated ms, shorter than 20 timer ticks (machine.htm.timerIntervalCycles 3400000) = 20 ms: timer-interrupt aborts are sampled a handful of times at most');
    expect(lines[1]).toMatch(/^cfg: note: the simulated length of 6 points is not known, so not checked \(no earlier run in .*earlier; --calibrate/);
    expect(checkTimeScales('cfg', points, {})).toEqual([]);
  });

  it('refuses a --results folder that does not exist, in one line (a folder without points is fine)', () => {
    expect(() => checkTimeScales('cfg', points, { results: join(dir, 'no-such-folder') })).toThrow(/--results .*no-such-folder: no such results folder/);
    const empty = join(dir, 'empty-results');
    mkdirSync(empty, { recursive: true });
    expect(checkTimeScales('cfg', points, { results: empty })[0]).toMatch(/note: the simulated length of \d+ points is not known/);
  });

  describe('htmsim validate', () => {
    beforeAll(requireBuild);
    it('without --results/--calibrate prints what it did; with --calibrate, one warning line per class on stderr, exit 0', () => {
      const plain = htmsim(['validate', file]);
      expect(plain.status).toBe(0);
      expect(plain.stderr).toBe('');
      const r = htmsim(['validate', '--calibrate', file]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(`${file}: ok, ${points.length} points\n`);
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(4);
      for (const l of lines) expect(l).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: warning: (gil|htm) points of workload (shared-counter|independent): 2 of 2 last `));
    });
  });
});
