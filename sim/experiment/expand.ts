/**
 * Sweep expansion: workloads × policies × the axes (grid product, zip groups advancing together)
 * × repetitions, each point fully resolved and identified by the hash of its canonical JSON.
 * Axes over a policy's own section (`htm.txLength`) apply only to the policies that read it, so a
 * serial baseline is not run once per transaction length; identical points collapse into one.
 */
import type { PointConfig } from '../run/point-config.js';
import { canonicalJson, pointId } from './point-id.js';
import type { ExperimentSpec } from './experiment-file.js';
import { ConfigError, Problems } from '../common/located.js';
import { canonicalPath, getPath, type ParamValue } from './params.js';
import { repSeed, resolvePoint, type Assignment } from './resolve.js';
import { POLICY_SECTIONS, SECTION_USERS, type PolicySection } from '../policies/config.js';

export interface Point {
  /** Position in the full expansion (stable for a given config). */
  index: number;
  /** sha256 of the canonical JSON of `config`, first 16 hex digits. */
  id: string;
  config: PointConfig;
  rep: number;
  /** What varies across the sweep plus workload.name, policy.name, machine.cores, rep, seed. */
  params: Record<string, ParamValue>;
}

const ALWAYS = ['workload.name', 'policy.name', 'machine.cores', 'rep', 'seed'] as const;

/** Combinations of axis values: zip groups advance together, the rest form a product (first axis outermost). */
function combinations(spec: ExperimentSpec): [string, ParamValue][][] {
  const units: [string, ParamValue][][][] = [];
  const done = new Set<string>();
  for (const axis of spec.axes) {
    if (done.has(axis.path)) continue;
    const group = spec.zip.find((g) => g.includes(axis.path)) ?? [axis.path];
    const groupAxes = group.map((p) => spec.axes.find((a) => a.path === p)!);
    for (const p of group) done.add(p);
    const n = groupAxes[0]!.values.length;
    const options: [string, ParamValue][][] = [];
    for (let i = 0; i < n; i++) options.push(groupAxes.map((a) => [a.path, a.values[i]!]));
    units.push(options);
  }
  let combos: [string, ParamValue][][] = [[]];
  for (const options of units) combos = combos.flatMap((c) => options.map((o) => [...c, ...o]));
  return combos;
}

function axisApplies(path: string, policy: string): boolean {
  const sec = path.split('.')[0] as PolicySection;
  return !(POLICY_SECTIONS as readonly string[]).includes(sec) || SECTION_USERS[sec].includes(policy);
}

/** The most points a sweep may expand to unless raised (`--max-points`): far above any study, far
 *  below what exhausts memory (each point is a resolved config of a few KiB, kept until stored). */
export const DEFAULT_MAX_POINTS = 20_000;

/** Points before identical ones collapse: workloads × policies × axis combinations × repetitions. */
export function pointCountBound(spec: ExperimentSpec): number {
  let n = spec.workloads.length * spec.policies.length * spec.repetitions;
  const done = new Set<string>();
  for (const axis of spec.axes) {
    if (done.has(axis.path)) continue;
    const group = spec.zip.find((g) => g.includes(axis.path)) ?? [axis.path];
    for (const p of group) done.add(p);
    n *= axis.values.length;
  }
  return n;
}

/** Every point of the experiment, in order; throws a ConfigError if a point does not resolve, or
 *  if the sweep has more than `maxPoints` points (said before expanding, so memory stays small). */
export function expand(spec: ExperimentSpec, maxPoints = DEFAULT_MAX_POINTS): Point[] {
  const bound = pointCountBound(spec);
  if (bound > maxPoints) {
    const n = bound > 1e15 ? bound.toExponential(2) : String(bound);
    throw new ConfigError([`${spec.file}: the sweep has up to ${n} points, more than the limit of ${maxPoints}; ` +
      `shrink it, or raise the limit with --max-points ${Number.isSafeInteger(bound) ? bound : 'N'}`]);
  }
  const problems = new Problems(spec.src);
  const report = (at: string | readonly (string | number)[], msg: string): void => {
    if (typeof at === 'string') problems.at([], `${at}: ${msg}`);
    else problems.at(at, msg);
  };
  const raw: { config: PointConfig; rep: number; applied: Map<string, ParamValue> }[] = [];
  const seen = new Set<string>();
  const combos = combinations(spec);
  for (const w of spec.workloads) {
    for (const pol of spec.policies) {
      for (const combo of combos) {
        const policyName = (combo.find(([p]) => p === 'policy.name')?.[1] as string | undefined) ?? pol.name;
        const applied = new Map<string, ParamValue>();
        const assignments: Assignment[] = [...spec.base, { path: 'workload.name', value: w.name, at: w.at }];
        for (const [k, v] of Object.entries(w.params)) {
          assignments.push({ path: `workload.params.${k}`, value: v, at: [...w.at, 'params', k] });
          applied.set(`workload.params.${k}`, v);
        }
        assignments.push({ path: 'policy.name', value: pol.name, at: pol.at }, ...pol.assignments);
        for (const a of pol.assignments) applied.set(a.path, a.value as ParamValue);
        for (const [path, value] of combo) {
          if (!axisApplies(path, policyName)) continue;
          const axis = spec.axes.find((a) => a.path === path)!;
          assignments.push({ path, value, at: ['sweep', 'axes', axis.key, axis.values.indexOf(value)] });
          applied.set(path, value);
        }
        const basePoint = resolvePoint(assignments, report, spec.file);
        if (!basePoint) continue;
        for (let rep = 0; rep < spec.repetitions; rep++) {
          const config = structuredClone(basePoint);
          config.seed = repSeed(basePoint.seed, rep);
          const key = canonicalJson(config);
          if (seen.has(key)) continue;
          seen.add(key);
          raw.push({ config, rep, applied });
        }
      }
    }
  }
  problems.throwIfAny();

  markTimelines(spec, raw);

  // Keep the axes, and any other applied parameter that takes more than one value among the points
  // it applies to (two htm entries with different lengths; one entry's settings are in `config`).
  const axisPaths = new Set(spec.axes.map((a) => a.path));
  const candidates = new Set<string>();
  for (const r of raw) for (const k of r.applied.keys()) candidates.add(k);
  const keep = [...candidates].filter((k) => {
    if (axisPaths.has(k) || (ALWAYS as readonly string[]).includes(k)) return true;
    const values = new Set(raw.filter((r) => r.applied.has(k)).map((r) => canonicalJson(getPath(r.config, k) ?? r.applied.get(k))));
    return values.size > 1;
  });

  return raw.map((r, index) => {
    const params: Record<string, ParamValue> = {};
    for (const k of keep) {
      if (k === 'machine.preset') {
        if (r.applied.has(k)) params[k] = r.applied.get(k)!;
      } else if (r.applied.has(k)) params[k] = getPath(r.config, k) as ParamValue;
    }
    params['workload.name'] = r.config.workload.name;
    params['policy.name'] = r.config.policy.name;
    params['machine.cores'] = r.config.machine.cores;
    params.rep = r.rep;
    params.seed = r.config.seed;
    return { index, id: pointId(r.config), config: r.config, rep: r.rep, params: sortKeys(params) };
  });
}

/** Parameters in a stable order: the fixed ones first, then the rest alphabetically. */
function sortKeys(p: Record<string, ParamValue>): Record<string, ParamValue> {
  const order = (k: string): string => {
    const i = (ALWAYS as readonly string[]).indexOf(k);
    return i >= 0 ? `0${i}` : `1${k}`;
  };
  return Object.fromEntries(Object.keys(p).sort((a, b) => (order(a) < order(b) ? -1 : 1)).map((k) => [k, p[k]!]));
}

/**
 * Unless the config sets `timeline` itself, record a timeline only where the report will draw one:
 * the first point matching `report.timelinePoint` and each timeline chart's `where` (the reports
 * pick the first match), or, with no report section, the first parallel run on the most cores.
 * Timelines are large; recording them for every point would bloat the results.
 */
function markTimelines(spec: ExperimentSpec, raw: { config: PointConfig; rep: number; applied: Map<string, ParamValue> }[]): void {
  if (spec.base.some((a) => a.path === 'timeline') || spec.axes.some((a) => a.path === 'timeline')) return;
  const report = spec.report as { timelinePoint?: Record<string, unknown>; charts?: { type?: string; where?: Record<string, unknown> }[] };
  const wanted: (Record<string, unknown> | undefined)[] = [];
  if (report.timelinePoint) wanted.push(report.timelinePoint);
  for (const c of report.charts ?? []) if (c.type === 'timeline') wanted.push(c.where ?? report.timelinePoint);
  const value = (r: (typeof raw)[number], key: string): unknown => (key === 'rep' ? r.rep : getPath(r.config, canonicalPath(key)));
  const chosen = new Set<number>();
  for (const where of wanted) {
    const i = raw.findIndex((r) => Object.entries(where ?? {}).every(([k, v]) => value(r, k) === v));
    if (i >= 0) chosen.add(i);
  }
  if (wanted.length === 0 && report.charts === undefined) {
    let best = -1;
    raw.forEach((r, i) => {
      if (r.rep !== 0 || r.config.policy.name === 'serial') return;
      if (best < 0 || r.config.machine.cores > raw[best]!.config.machine.cores) best = i;
    });
    if (best >= 0) chosen.add(best);
  }
  for (const i of chosen) raw[i]!.config.timeline = true;
}
