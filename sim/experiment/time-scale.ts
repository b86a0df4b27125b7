/**
 * Do the points last long enough for the mechanisms they study (issue 22)? A GIL point that ends
 * before a few switch intervals never forces a switch; an HTM point shorter than many timer ticks
 * sees at most one interrupt abort. `htmsim validate` warns, one line per point class (policy ×
 * workload × mechanism), never failing the config.
 *
 * The length of a point is not known without running it. Two estimates, asked for explicitly so
 * that a plain `validate` stays what it was (no run, and an answer that depends on the config
 * alone, not on whatever results/ holds on this machine):
 *  1. `--results DIR`: an earlier run of the very same point (same id: same resolved config);
 *  2. `--calibrate`: a run of the point capped at the threshold: a point that finishes under the
 *     cap is short by exactly its measured length, one that reaches it is long enough; so the
 *     cost is bounded by the threshold (tens of simulated ms per point) and short points are cheap.
 * With both, an earlier run is used where there is one. Points with neither are counted in one
 * line, not guessed.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { UserError } from '../common/errors.js';
import { join } from 'node:path';
import type { PointConfig } from '../run/point-config.js';
import { runPointSync } from '../run/run-point.js';
import { getWorkload, loadWorkloadSource } from '../run/workload-catalog.js';
import type { RunResult } from '../run/result.js';
import type { Point } from './expand.js';

/** The targets of issue 22: a point's region should span ≥ 20 timer ticks and ≥ 4 GIL switch intervals. */
export const MIN_TIMER_TICKS = 20;
export const MIN_SWITCH_INTERVALS = 4;

export type MechanismKind = 'timer' | 'switch-interval';

/** A time constant a point's policy depends on, and the shortest length that spans it enough. */
export interface Mechanism {
  kind: MechanismKind;
  minSeconds: number;
  /** How the threshold is derived, for the warning. */
  what: string;
  /** What a shorter point misses. */
  consequence: string;
}

/** The time constants a point studies (none for serial, stm and nogil, nor gil in ticks mode). */
export function mechanismsOf(c: PointConfig): Mechanism[] {
  const out: Mechanism[] = [];
  const hz = c.machine.freqGHz * 1e9;
  switch (c.policy.name) {
    case 'htm': {
      const t = c.machine.htm.timerIntervalCycles;
      if (c.machine.htm.enabled && t > 0) {
        out.push({
          kind: 'timer', minSeconds: (MIN_TIMER_TICKS * t) / hz,
          what: `${MIN_TIMER_TICKS} timer ticks (machine.htm.timerIntervalCycles ${t})`,
          consequence: 'timer-interrupt aborts are sampled a handful of times at most',
        });
      }
      break;
    }
    case 'gil':
      if (c.gil.mode === 'interval') {
        out.push({
          kind: 'switch-interval', minSeconds: MIN_SWITCH_INTERVALS * c.gil.switchIntervalUs * 1e-6,
          what: `${MIN_SWITCH_INTERVALS} switch intervals (gil.switchIntervalUs ${c.gil.switchIntervalUs})`,
          consequence: 'forced GIL switches are rare or absent',
        });
      }
      break;
    case 'serial':
    case 'stm':
    case 'nogil':
      break;
    default: {
      const _never: never = c.policy.name;
      throw new Error(`unknown policy ${String(_never)}`);
    }
  }
  return out;
}

/** A point's simulated length: measured, or (`atLeast`) known only to exceed `seconds`. */
export interface Length {
  seconds: number;
  atLeast: boolean;
}

export type LengthOf = (p: Point) => Length | undefined;

/** Simulated seconds of the points stored in a results folder (points/<id>.json), by id. */
export function earlierLengths(dir: string): Map<string, number> {
  const out = new Map<string, number>();
  // A folder that is not there is a mistyped option, not a folder without earlier runs.
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UserError(`--results ${dir}: no such results folder`);
  const points = join(dir, 'points');
  if (!existsSync(points)) return out;
  for (const f of readdirSync(points)) {
    if (!/^[0-9a-f]+\.json$/.test(f)) continue;
    try {
      const p = JSON.parse(readFileSync(join(points, f), 'utf8')) as { id?: unknown; result?: { status?: unknown; simSeconds?: unknown } };
      if (typeof p.id === 'string' && p.result?.status === 'ok' && typeof p.result.simSeconds === 'number') out.set(p.id, p.result.simSeconds);
    } catch {
      // A damaged point file gives no estimate; the run itself reports it.
    }
  }
  return out;
}

/**
 * Runs the point with its cycle limit lowered to the longest threshold it must span: a finished
 * run measured its length; one stopped by the limit is at least that long. What counts is the
 * region the record counts (RunResult.region): when the limit stopped a run inside its region of
 * interest, it runs again capped at the region's start plus the threshold; when it stopped
 * before the guest's roi_begin, again with a cap four times higher (twice at most, then the
 * length is not known). A run that fails for another reason gives no estimate.
 */
export function calibratedLength(p: Point): Length | undefined {
  const need = Math.max(0, ...mechanismsOf(p.config).map((m) => m.minSeconds));
  if (need === 0) return undefined;
  const needCycles = Math.ceil(need * p.config.machine.freqGHz * 1e9);
  let cap = needCycles;
  for (let attempt = 0; attempt < 4; attempt++) {
    const config: PointConfig = { ...p.config, timeline: false, maxCycles: Math.min(p.config.maxCycles, cap) };
    let r: RunResult;
    try {
      r = runPointSync(config);
    } catch {
      return undefined; // a guest that does not compile is reported by `htmsim run`, not here
    }
    if (r.status === 'ok') return { seconds: r.simSeconds, atLeast: false };
    if (!(r.error ?? '').startsWith('cycle limit')) return undefined;
    // Stopped by the cap: in the region (its start is known), before a roi_begin the program has
    // yet to reach, or in a program without markers (all of it counts).
    const inRegion = r.region.kind === 'roi';
    if (!inRegion && !marksRegion(p.config)) return { seconds: need, atLeast: true };
    const begin = inRegion ? r.region.beginCycle : 0;
    if (inRegion && config.maxCycles - begin >= needCycles) return { seconds: need, atLeast: true };
    if (config.maxCycles >= p.config.maxCycles || (!inRegion && attempt >= 2)) return undefined;
    cap = inRegion ? begin + needCycles : cap * 4;
  }
  return undefined;
}

/** Whether the point's program calls roi_begin anywhere (its text names it). */
function marksRegion(c: PointConfig): boolean {
  try {
    return loadWorkloadSource(getWorkload(c.workload.name)).includes('roi_begin');
  } catch {
    return false;
  }
}

const ms = (s: number): string => (s * 1e3 < 10 ? (s * 1e3).toPrecision(2) : (s * 1e3).toFixed(0));

/**
 * One warning per class of points (policy × workload × mechanism) with points shorter than the
 * mechanism's threshold, and one line counting the points whose length is unknown. Repetitions
 * are checked once (rep 0): they differ only by seed.
 */
export function timeScaleWarnings(label: string, points: readonly Point[], lengthOf: LengthOf, unknownHint: string): string[] {
  const classes = new Map<string, { policy: string; workload: string; m: Mechanism; checked: number; short: number[] }>();
  let unknown = 0;
  for (const p of points) {
    if (p.rep !== 0) continue;
    const mechanisms = mechanismsOf(p.config);
    if (mechanisms.length === 0) continue;
    const len = lengthOf(p);
    if (!len) {
      unknown++;
      continue;
    }
    for (const m of mechanisms) {
      const key = `${p.config.policy.name}\0${p.config.workload.name}\0${m.kind}\0${m.minSeconds}`;
      let c = classes.get(key);
      if (!c) classes.set(key, (c = { policy: p.config.policy.name, workload: p.config.workload.name, m, checked: 0, short: [] }));
      c.checked++;
      if (!len.atLeast && len.seconds < m.minSeconds) c.short.push(len.seconds);
    }
  }
  const lines: string[] = [];
  for (const c of classes.values()) {
    if (c.short.length === 0) continue;
    const s = [...c.short].sort((a, b) => a - b);
    const [lo, hi] = [ms(s[0]!), ms(s[s.length - 1]!)];
    const range = lo === hi ? lo : `${lo}–${hi} (median ${ms(s[Math.floor((s.length - 1) / 2)]!)})`;
    lines.push(`${label}: warning: ${c.policy} points of workload ${c.workload}: ${c.short.length} of ${c.checked} last ${range} simulated ms, `
      + `shorter than ${c.m.what} = ${ms(c.m.minSeconds)} ms: ${c.m.consequence}`);
  }
  if (unknown > 0) lines.push(`${label}: note: the simulated length of ${unknown} point${unknown === 1 ? '' : 's'} is not known, so not checked (${unknownHint})`);
  return lines;
}

export interface TimeScaleOptions {
  /** Results folder with earlier runs of the points. */
  results?: string;
  /** Run points without an earlier run, capped at their threshold. */
  calibrate?: boolean;
}

/**
 * The warnings `htmsim validate` prints for one experiment file (see timeScaleWarnings); none
 * unless `results` or `calibrate` asks for an estimate.
 */
export function checkTimeScales(file: string, points: readonly Point[], opts: TimeScaleOptions = {}): string[] {
  if (opts.results === undefined && !opts.calibrate) return [];
  const earlier = opts.results !== undefined ? earlierLengths(opts.results) : new Map<string, number>();
  const lengthOf: LengthOf = (p) => {
    const s = earlier.get(p.id);
    if (s !== undefined) return { seconds: s, atLeast: false };
    return opts.calibrate ? calibratedLength(p) : undefined;
  };
  const hint = opts.calibrate ? 'no earlier run, and its calibration run failed' : `no earlier run in ${opts.results}; --calibrate runs each point up to its threshold`;
  return timeScaleWarnings(file, points, lengthOf, hint);
}
