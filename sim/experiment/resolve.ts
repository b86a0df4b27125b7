/**
 * Resolving a point: defaults.yaml, then the machine preset, then assignments of dotted parameters
 * in order (experiment file, policy entry, workload entry, sweep axes — or `--set` for `exec`).
 * The result is a PointConfig with nothing left to defaults, so its hash identifies the run.
 */
import { createHash } from 'node:crypto';
import { UserError } from '../common/errors.js';
import type { MachineConfig } from '../machine/config.js';
import type { PolicyName } from '../policies/config.js';
import type { PointConfig, WorkloadRef } from '../run/point-config.js';
import { getWorkload, resolveWorkloadParams, type WorkloadInfo } from '../run/workload-catalog.js';
import { loadDefaults } from './defaults.js';
import { ConfigError, type PathSeg, suggest } from '../common/located.js';
import { loadMachinePreset, machineConfigProblems } from './machines.js';
import { allLeafPaths, canonicalPath, checkLeaf, lookupPath, parseLeafText, parseLooseText, setPath, type ParamValue } from './params.js';

/** Where an assignment came from: a label (`--set x=1`) or a key path inside the experiment file. */
export type Where = string | readonly PathSeg[];

export interface Assignment {
  path: string;
  value: unknown;
  at: Where;
}

export type Report = (at: Where, message: string) => void;

/** `unknown parameter 'x' …` with the nearest known name. */
export function unknownParamMessage(path: string, hint: string): string {
  const all = [...allLeafPaths().map((l) => l.path), 'cores', 'policy', 'machine.preset'];
  const near = suggest(path, all);
  return `unknown parameter '${path}'${near || ` (${hint})`}`;
}

/**
 * Checks one assignment in isolation: the path exists and the value fits its type. Returns a
 * message, or undefined when fine. Workload params are checked against `workload` when given.
 */
export function checkAssignment(path: string, value: unknown, workload?: WorkloadInfo): string | undefined {
  const canonical = canonicalPath(path);
  const k = lookupPath(canonical);
  switch (k.kind) {
    case 'leaf':
      return checkLeaf(k.schema, value);
    case 'preset':
      return typeof value === 'string' && value.length > 0 ? undefined : 'must be a machine preset name';
    case 'workload-param':
      if (!workload) return undefined;
      return workloadParamProblem(workload, k.param, value);
    case 'rep':
      return "'rep' is set by `repetitions`, not assigned";
    case 'section':
      return `'${canonical}' is a section, not a parameter; name one of its fields`;
    case 'unknown':
      return unknownParamMessage(path, k.hint);
    default: {
      const _never: never = k;
      return _never;
    }
  }
}

/** The catalog's complaint about one workload param, without its location prefix. */
export function workloadParamProblem(info: WorkloadInfo, name: string, value: unknown): string | undefined {
  try {
    resolveWorkloadParams(info, { [name]: value }, '@');
    return undefined;
  } catch (err) {
    if (err instanceof UserError) return err.message.replace(/^@: /, '');
    throw err;
  }
}

const workloadCache = new Map<string, WorkloadInfo>();

/** Catalog lookups parse the program's header; a sweep asks for the same few workloads many times. */
function cachedWorkload(name: string): WorkloadInfo {
  let w = workloadCache.get(name);
  if (!w) {
    w = getWorkload(name);
    workloadCache.set(name, w);
  }
  return w;
}

/** Seed of repetition `rep`: the base seed itself for rep 0 (so `exec` and a sweep agree). */
export function repSeed(seed: number, rep: number): number {
  if (rep === 0) return seed;
  return parseInt(createHash('sha256').update(`htmsim-seed:${seed}:${rep}`).digest('hex').slice(0, 8), 16);
}

/**
 * Builds a point from the defaults, the preset named by the last `machine.preset` assignment, and
 * the assignments in order. Problems go to `report`; returns undefined if there were any.
 */
export function resolvePoint(assignments: readonly Assignment[], report: Report, configLabel = 'config'): PointConfig | undefined {
  const d = loadDefaults();
  let bad = false;
  const fail: Report = (at, msg) => { bad = true; report(at, msg); };

  let presetName = d.machine;
  let presetAt: Where = 'defaults.yaml: machine';
  for (const a of assignments) {
    if (canonicalPath(a.path) === 'machine.preset' && typeof a.value === 'string') {
      presetName = a.value;
      presetAt = a.at;
    }
  }
  let machine: MachineConfig;
  try {
    machine = loadMachinePreset(presetName);
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    fail(presetAt, err.message);
    return undefined;
  }

  // The interpreter a policy implies (defaults.yaml `policyInterp`: free threading is PEP 703's
  // interpreter) sits between the default `interp` and what the config or --set assigns.
  let policyName = d.policy;
  for (const a of assignments) {
    if (canonicalPath(a.path) === 'policy.name' && typeof a.value === 'string') policyName = a.value as PolicyName;
  }
  const point: PointConfig = {
    machine,
    interp: { ...d.interp, ...(d.policyInterp[policyName] ?? {}) },
    policy: { name: d.policy },
    gil: d.gil,
    htm: d.htm,
    stm: d.stm,
    nogil: d.nogil,
    workload: { name: '', params: {} },
    perturbation: d.perturbation,
    roi: d.roi,
    seed: d.seed,
    maxCycles: d.maxCycles,
    timeline: d.timeline,
  };

  let workloadAt: Where | undefined;
  const given: { name: string; value: unknown; at: Where }[] = [];
  for (const a of assignments) {
    const path = canonicalPath(a.path);
    if (path === 'machine.preset') continue;
    const k = lookupPath(path);
    if (k.kind === 'workload-param') {
      given.push({ name: k.param, value: a.value, at: a.at });
      continue;
    }
    const msg = checkAssignment(path, a.value);
    if (msg) {
      fail(a.at, msg);
      continue;
    }
    if (path === 'workload.name') workloadAt = a.at;
    setPath(point as unknown as Record<string, unknown>, path, a.value);
  }

  if (!point.workload.name) {
    fail(workloadAt ?? configLabel, 'no workload given');
    return undefined;
  }
  let info: WorkloadInfo;
  try {
    info = cachedWorkload(point.workload.name);
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    fail(workloadAt ?? configLabel, err.message);
    return undefined;
  }
  const params: Record<string, unknown> = {};
  for (const g of given) {
    const msg = workloadParamProblem(info, g.name, g.value);
    if (msg) fail(g.at, msg);
    else params[g.name] = g.value;
  }
  if (bad) return undefined;
  point.workload.params = resolveWorkloadParams(info, params, configLabel);
  // Forensics off is the field left out, so such a point keeps the identity it always had.
  if (point.forensics !== true) {
    delete point.forensics;
    delete point.forensicsTop;
  }

  for (const prob of machineConfigProblems(point.machine)) {
    const path = `machine.${prob.keyPath}`;
    // The assignment that set the field, or else one that changed the same structure (l2.ways → l2.sizeKiB).
    const section = `machine.${prob.keyPath.split('.')[0]}`;
    const rev = [...assignments].reverse();
    const culprit = rev.find((a) => canonicalPath(a.path) === path)
      ?? rev.find((a) => canonicalPath(a.path) === section || canonicalPath(a.path).startsWith(`${section}.`));
    fail(culprit?.at ?? presetAt, prob.message);
  }
  return bad ? undefined : point;
}

export interface ExecOptions {
  machine?: string;
  policy?: string;
  cores?: number;
  seed?: number;
  maxCycles?: number;
  /** `key=value` pairs, typed by the schema. */
  sets: string[];
  workload: WorkloadRef;
}

/** Parses `key=value` from `--set`, typing the value by the parameter's schema. */
export function parseSet(text: string): { path: string; value: unknown } {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new UserError(`--set ${text}: expected key=value, e.g. --set htm.txLength=100`);
  const path = canonicalPath(text.slice(0, eq).trim());
  const raw = text.slice(eq + 1).trim();
  const k = lookupPath(path);
  let value: ParamValue = raw;
  if (k.kind === 'leaf') value = parseLeafText(k.schema, raw);
  else if (k.kind === 'workload-param') value = parseLooseText(raw);
  // Said with the text as written: the parsed value would print as .inf or 1e+23.
  if (typeof value === 'number' && !Number.isFinite(value)) throw new UserError(`--set ${text}: ${raw} is infinite; a config needs finite numbers`);
  if (typeof value === 'number' && /^[-+]?\d+$/.test(raw) && !Number.isSafeInteger(value)) {
    throw new UserError(`--set ${text}: ${raw} is beyond 2^53-1 (${Number.MAX_SAFE_INTEGER}), the largest integer a config holds exactly`);
  }
  return { path, value };
}

/**
 * The resolved point for `htmsim exec`: defaults.yaml, the machine preset, the shorthands, then
 * each `--set` in order, then the workload. Throws a UserError (one line per problem, exit 2).
 */
export function resolveExecConfig(opts: ExecOptions): PointConfig {
  const assignments: Assignment[] = [];
  if (opts.machine !== undefined) assignments.push({ path: 'machine.preset', value: opts.machine, at: `--machine ${opts.machine}` });
  if (opts.cores !== undefined) assignments.push({ path: 'machine.cores', value: opts.cores, at: `--cores ${opts.cores}` });
  if (opts.policy !== undefined) assignments.push({ path: 'policy.name', value: opts.policy, at: `--policy ${opts.policy}` });
  if (opts.seed !== undefined) assignments.push({ path: 'seed', value: opts.seed, at: `--seed ${opts.seed}` });
  if (opts.maxCycles !== undefined) assignments.push({ path: 'maxCycles', value: opts.maxCycles, at: `--max-cycles ${opts.maxCycles}` });
  assignments.push({ path: 'workload.name', value: opts.workload.name, at: `workload ${opts.workload.name}` });
  for (const [name, value] of Object.entries(opts.workload.params)) {
    assignments.push({ path: `workload.params.${name}`, value, at: `workload param ${name}=${String(value)}` });
  }
  for (const s of opts.sets) {
    const { path, value } = parseSet(s);
    assignments.push({ path, value, at: `--set ${s}` });
  }
  const problems: string[] = [];
  const point = resolvePoint(assignments, (at, msg) => {
    const line = `${typeof at === 'string' ? at : at.join('.')}: ${msg}`;
    if (!problems.includes(line)) problems.push(line);
  }, 'exec');
  if (!point || problems.length > 0) throw new ConfigError(problems.length ? problems : ['cannot resolve the configuration']);
  return point;
}
