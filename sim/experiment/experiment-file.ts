/**
 * Loading an experiment file: YAML with positions, the JSON Schema, then the checks a schema
 * cannot express (presets, workloads and their params, policy sections, axis paths and values,
 * zip groups, baseline keys). Every problem is collected and reported at once, located.
 * Paths to presets and guest programs are relative to the working directory, as for `htmsim exec`.
 */
import { readFileSync } from 'node:fs';
import { UserError } from '../common/errors.js';
import { compileModule, GuestSyntaxError } from '../interp/compile.js';
import type { PolicyName } from '../policies/config.js';
import { getWorkload, type WorkloadInfo } from '../run/workload-catalog.js';
import { loadDefaults } from './defaults.js';
import { checkSchema, loadYaml, type LoadedYaml, type PathSeg, Problems, show, suggest } from '../common/located.js';
import { DERIVED_METRICS } from './derived.js';
import type { MachineConfig } from '../machine/config.js';
import { loadMachinePreset, machineConfigProblems } from './machines.js';
import { canonicalPath, flatten, lookupPath, setPath, type ParamValue } from './params.js';
import { checkAssignment, workloadParamProblem, type Assignment } from './resolve.js';
import { POLICY_SECTIONS, SECTION_USERS, type PolicySection } from '../policies/config.js';
import { experimentSchema } from './schema.js';

export interface WorkloadEntry {
  name: string;
  params: Record<string, ParamValue>;
  at: PathSeg[];
  info: WorkloadInfo;
}

export interface PolicyEntry {
  name: PolicyName;
  /** Section overrides of this entry, as dotted assignments (`htm.txLength`). */
  assignments: Assignment[];
  at: PathSeg[];
}

export interface Axis {
  /** Canonical dotted path. */
  path: string;
  /** As written in the file (shorthands kept), for locating problems. */
  key: string;
  values: ParamValue[];
}

export interface ExperimentSpec {
  file: string;
  /** The parsed file with positions, to locate problems found later (sweep expansion). */
  src: LoadedYaml;
  name: string;
  title?: string;
  description?: string;
  /** Experiment-level assignments: preset, machine overrides, sections, seed, maxCycles, timeline. */
  base: Assignment[];
  workloads: WorkloadEntry[];
  policies: PolicyEntry[];
  axes: Axis[];
  /** Groups of canonical axis paths that advance together. */
  zip: string[][];
  repetitions: number;
  baseline: Record<string, ParamValue>;
  report: Record<string, unknown>;
  /** The file as written (validated). */
  raw: Record<string, unknown>;
}

type Raw = Record<string, unknown>;
const isObj = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Reads, validates and checks an experiment file; throws a ConfigError listing every problem. */
export function loadExperiment(file: string, text?: string): ExperimentSpec {
  const src = loadYaml(file, text);
  const problems = new Problems(src);
  if (src.value === null || src.value === undefined) {
    problems.at([], 'the file is empty; an experiment needs at least `name` and `workloads`');
    problems.throwIfAny();
  }
  checkSchema(problems, experimentSchema, src.value);
  const raw = (isObj(src.value) ? src.value : {}) as Raw;
  const spec = checkSemantics(src, raw, problems);
  problems.throwIfAny();
  return spec;
}

function checkSemantics(src: LoadedYaml, raw: Raw, problems: Problems): ExperimentSpec {
  const d = loadDefaults();
  const base = checkBase(raw, d, problems);
  const workloads = checkWorkloads(raw, problems);
  const policies = checkPolicies(raw, d, problems);
  const sweep = isObj(raw.sweep) ? raw.sweep : {};
  const { axes, seenAxis } = checkAxes(raw, sweep, workloads, problems);
  const zip = checkZip(sweep, axes, seenAxis, problems);
  const baseline = checkBaseline(raw, problems);
  const report = isObj(raw.report) ? checkReport(raw.report, problems) : {};

  return {
    file: src.file,
    src,
    name: typeof raw.name === 'string' ? raw.name : '',
    title: typeof raw.title === 'string' ? raw.title : undefined,
    description: typeof raw.description === 'string' ? raw.description : undefined,
    base,
    workloads,
    policies,
    axes,
    zip,
    repetitions: typeof raw.repetitions === 'number' ? raw.repetitions : d.repetitions,
    baseline,
    report,
    raw,
  };
}

type Defaults = ReturnType<typeof loadDefaults>;

/** The base assignments: machine (a preset name, or a preset plus overrides), sections, scalars. */
function checkBase(raw: Raw, d: Defaults, problems: Problems): Assignment[] {
  const base: Assignment[] = [];

  const m = raw.machine;
  if (typeof m === 'string' || (isObj(m) && typeof m.preset === 'string')) {
    const name = typeof m === 'string' ? m : (m.preset as string);
    const at: PathSeg[] = typeof m === 'string' ? ['machine'] : ['machine', 'preset'];
    const presetName = name;
    try {
      loadMachinePreset(presetName);
      base.push({ path: 'machine.preset', value: presetName, at });
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      problems.at(at, err.message);
    }
  }
  if (isObj(m)) {
    for (const [k, v] of flatten(m)) if (k !== 'preset') base.push({ path: `machine.${k}`, value: v, at: ['machine', ...k.split('.')] });
  }
  checkBaseMachine(base, d.machine, problems);
  for (const sec of ['interp', 'perturbation', 'roi', ...POLICY_SECTIONS] as const) {
    const s = raw[sec];
    if (isObj(s)) for (const [k, v] of flatten(s)) base.push({ path: `${sec}.${k}`, value: v, at: [sec, ...k.split('.')] });
  }
  for (const k of ['seed', 'maxCycles', 'timeline', 'forensics', 'forensicsTop'] as const) {
    if (raw[k] !== undefined) base.push({ path: k, value: raw[k], at: [k] });
  }

  return base;
}

function checkWorkloads(raw: Raw, problems: Problems): WorkloadEntry[] {
  const workloads: WorkloadEntry[] = [];
  const rawWorkloads = Array.isArray(raw.workloads) ? raw.workloads : [];
  rawWorkloads.forEach((w, i) => {
    const name = typeof w === 'string' ? w : isObj(w) && typeof w.name === 'string' ? w.name : undefined;
    if (!name) return;
    const nameAt: PathSeg[] = typeof w === 'string' ? ['workloads', i] : ['workloads', i, 'name'];
    const resolvedName = name;
    let info: WorkloadInfo;
    try {
      info = getWorkload(resolvedName);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      problems.at(nameAt, err.message);
      return;
    }
    const notProgram = programProblem(resolvedName, info.file);
    if (notProgram) {
      problems.at(nameAt, notProgram);
      return;
    }
    const params: Record<string, ParamValue> = {};
    if (isObj(w) && isObj(w.params)) {
      for (const [k, v] of Object.entries(w.params)) {
        const msg = workloadParamProblem(info, k, v);
        if (msg) problems.at(['workloads', i, 'params', k], msg, true);
        else params[k] = v as ParamValue;
      }
    }
    workloads.push({ name: resolvedName, params, at: ['workloads', i], info });
  });

  return workloads;
}

function checkPolicies(raw: Raw, d: Defaults, problems: Problems): PolicyEntry[] {
  const policies: PolicyEntry[] = [];
  const rawPolicies = Array.isArray(raw.policies) ? raw.policies : [d.policy];
  rawPolicies.forEach((p, i) => {
    if (typeof p === 'string') {
      policies.push({ name: p as PolicyName, assignments: [], at: ['policies', i] });
      return;
    }
    if (!isObj(p) || typeof p.name !== 'string') return;
    const name = p.name as PolicyName;
    const assignments: Assignment[] = [];
    if (isObj(p.interp)) for (const [k, v] of flatten(p.interp)) assignments.push({ path: `interp.${k}`, value: v, at: ['policies', i, 'interp', k] });
    for (const sec of POLICY_SECTIONS) {
      const s = p[sec];
      if (s === undefined) continue;
      if (!SECTION_USERS[sec].includes(name)) {
        problems.at(['policies', i, sec], `policy ${name} does not read the '${sec}' section (${usersOf(sec)})`, true);
        continue;
      }
      if (isObj(s)) for (const [k, v] of flatten(s)) assignments.push({ path: `${sec}.${k}`, value: v, at: ['policies', i, sec, ...k.split('.')] });
    }
    policies.push({ name, assignments, at: ['policies', i] });
  });

  return policies;
}

function checkAxes(raw: Raw, sweep: Raw, workloads: WorkloadEntry[], problems: Problems): { axes: Axis[]; seenAxis: Map<string, string> } {
  const axes: Axis[] = [];
  const rawAxes = isObj(sweep.axes) ? sweep.axes : {};
  const seenAxis = new Map<string, string>();
  // A zipped axis may repeat a value (the group's tuples must differ, checked below): a list of
  // configurations that each change one switch repeats the others' defaults.
  const zippedPaths = new Set((Array.isArray(sweep.zip) ? sweep.zip : []).flatMap((g) => (Array.isArray(g) ? g : []))
    .filter((n): n is string => typeof n === 'string').map(canonicalPath));
  for (const [key, values] of Object.entries(rawAxes)) {
    const path = canonicalPath(key);
    const at: PathSeg[] = ['sweep', 'axes', key];
    const prev = seenAxis.get(path);
    if (prev !== undefined) {
      problems.at(at, `duplicate axis: '${key}' and '${prev}' name the same parameter ${path}`, true);
      continue;
    }
    seenAxis.set(path, key);
    if (!Array.isArray(values)) continue;
    const k = lookupPath(path);
    if (k.kind === 'rep') { problems.at(at, "'rep' cannot be swept; use `repetitions`", true); continue; }
    if (path === 'workload.name') { problems.at(at, 'list workloads under `workloads`, not as an axis', true); continue; }
    if (path === 'policy.name' && Array.isArray(raw.policies)) {
      problems.at(at, 'sweep over policy.name or list `policies`, not both', true);
      continue;
    }
    if (k.kind === 'unknown' || k.kind === 'section') {
      problems.at(at, checkAssignment(path, undefined) ?? 'unknown parameter', true);
      continue;
    }
    if (k.kind === 'workload-param' && workloads.length > 0 && !workloads.some((w) => w.info.params.some((p) => p.name === k.param))) {
      problems.at(at, `no workload in \`workloads\` has param '${k.param}'`, true);
      continue;
    }
    const seen = new Set<unknown>(); // a set: an axis may be long, and is refused later if too long
    let ok = true;
    values.forEach((v, j) => {
      if (seen.has(v) && !zippedPaths.has(path)) {
        problems.at([...at, j], `duplicate value ${show(v)} in axis ${key}`);
        ok = false;
        return;
      }
      seen.add(v);
      let msg: string | undefined;
      if (k.kind === 'workload-param') {
        for (const w of workloads) {
          if (w.info.params.some((p) => p.name === k.param)) msg ??= workloadParamProblem(w.info, k.param, v);
        }
      } else if (k.kind === 'preset') {
        try {
          loadMachinePreset(String(v));
        } catch (err) {
          if (!(err instanceof UserError)) throw err;
          msg = err.message;
        }
      } else {
        msg = checkAssignment(path, v);
      }
      if (msg) {
        problems.at([...at, j], msg);
        ok = false;
      }
    });
    if (ok) axes.push({ path, key, values: values as ParamValue[] });
  }

  return { axes, seenAxis };
}

function checkZip(sweep: Raw, axes: Axis[], seenAxis: Map<string, string>, problems: Problems): string[][] {
  const zip: string[][] = [];
  const zipped = new Map<string, number>();
  const rawZip = Array.isArray(sweep.zip) ? sweep.zip : [];
  rawZip.forEach((group, i) => {
    if (!Array.isArray(group)) return;
    const paths: string[] = [];
    group.forEach((name, j) => {
      if (typeof name !== 'string') return;
      const path = canonicalPath(name);
      if (!seenAxis.has(path)) {
        problems.at(['sweep', 'zip', i, j], `'${name}' is not an axis of sweep.axes`);
        return;
      }
      const other = zipped.get(path);
      if (other !== undefined) {
        problems.at(['sweep', 'zip', i, j], `axis '${name}' is already in zip group ${other}`);
        return;
      }
      zipped.set(path, i);
      paths.push(path);
    });
    const lengths = paths.map((p) => axes.find((a) => a.path === p)?.values.length);
    if (lengths.some((l) => l !== lengths[0])) {
      problems.at(['sweep', 'zip', i], `zipped axes must have equal lengths (${paths.map((p, x) => `${p}: ${lengths[x]}`).join(', ')})`);
      return;
    }
    const columns = paths.map((p) => axes.find((a) => a.path === p)?.values ?? []);
    const tuples = new Set<string>();
    for (let j = 0; j < (lengths[0] ?? 0); j++) {
      const tuple = JSON.stringify(columns.map((c) => c[j]));
      if (tuples.has(tuple)) {
        problems.at(['sweep', 'zip', i], `zipped axes repeat the combination ${tuple} (position ${j})`);
        return;
      }
      tuples.add(tuple);
    }
    if (paths.length >= 2) zip.push(paths);
  });

  return zip;
}

function checkBaseline(raw: Raw, problems: Problems): Record<string, ParamValue> {
  const baseline: Record<string, ParamValue> = {};
  if (isObj(raw.baseline)) {
    for (const [key, v] of Object.entries(raw.baseline)) {
      const path = canonicalPath(key);
      const k = lookupPath(path);
      const msg = k.kind === 'rep' ? "'rep' cannot be a baseline parameter" : k.kind === 'workload-param' || k.kind === 'preset' ? undefined : checkAssignment(path, v);
      if (msg) problems.at(['baseline', key], msg, !msg.startsWith('must'));
      else baseline[path] = v as ParamValue;
    }
  } else {
    baseline['policy.name'] = 'serial';
    baseline['machine.cores'] = 1;
  }

  return baseline;
}

/**
 * Why a workload given by path is not a guest program, or undefined: it must be a `.py` file that
 * compiles (`/etc/passwd` would otherwise validate and then fail every point of the sweep).
 * Catalog workloads are checked by their own tests.
 */
function programProblem(nameOrPath: string, file: string): string | undefined {
  const isPath = nameOrPath.includes('/') || nameOrPath.includes('\\') || nameOrPath.endsWith('.py');
  if (!isPath) return undefined;
  if (!file.endsWith('.py')) return `${nameOrPath} is not a guest program (a workload is a catalog name or a .py file)`;
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (err) {
    return `cannot read ${nameOrPath}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`;
  }
  try {
    compileModule(source, nameOrPath);
  } catch (err) {
    if (!(err instanceof GuestSyntaxError)) throw err;
    return `${nameOrPath} is not a guest program: ${err.filename}:${err.line}:${err.column}: SyntaxError: ${err.msg}`;
  }
  return undefined;
}

/** The preset with the file's machine overrides must be a machine the simulator can build. */
function checkBaseMachine(base: readonly Assignment[], defaultPreset: string, problems: Problems): void {
  const preset = base.find((a) => a.path === 'machine.preset');
  let machine: MachineConfig;
  try {
    machine = loadMachinePreset(preset ? String(preset.value) : defaultPreset);
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    if (!preset) problems.at([], `default machine preset: ${err.message}`);
    return;
  }
  for (const a of base) {
    if (!a.path.startsWith('machine.') || a.path === 'machine.preset' || checkAssignment(a.path, a.value)) continue;
    setPath(machine as unknown as Record<string, unknown>, a.path.slice('machine.'.length), a.value);
  }
  for (const prob of machineConfigProblems(machine)) problems.at(['machine', ...prob.keyPath.split('.')], prob.message);
}

const METRIC_HEADS = ['result', 'derived', 'metrics', 'computed', 'params'];

/**
 * The report section with shorthands spelled out (`cores` → `machine.cores`: the reports read
 * paths literally), after checking that `where` / `timelinePoint` keys name parameters.
 */
function checkReport(report: Raw, problems: Problems): Raw {
  const out = structuredClone(report);
  const canonWhere = (where: unknown, at: PathSeg[]): unknown => {
    if (!isObj(where)) return where;
    const o: Raw = {};
    for (const [k, v] of Object.entries(where)) {
      const path = canonicalPath(k);
      const kind = lookupPath(path).kind;
      if ((kind === 'unknown' || kind === 'section') && !METRIC_HEADS.includes(path.split('.')[0]!)) {
        problems.at([...at, k], checkAssignment(path, v) ?? `unknown parameter '${k}'`, true);
      }
      o[path] = v;
    }
    return o;
  };
  if (out.timelinePoint !== undefined) out.timelinePoint = canonWhere(out.timelinePoint, ['report', 'timelinePoint']);
  // `derived.X` names one of the metrics derived.ts computes; anything else would draw an empty chart.
  const checkDerived = (v: unknown, at: PathSeg[]): void => {
    if (typeof v !== 'string' || !v.startsWith('derived.')) return;
    const name = v.slice('derived.'.length);
    if (!(DERIVED_METRICS as readonly string[]).includes(name)) {
      problems.at(at, `unknown derived metric '${v}'${suggest(name, DERIVED_METRICS)}; derived metrics are ${DERIVED_METRICS.map((m) => `derived.${m}`).join(', ')}`);
    }
  };
  if (Array.isArray(out.charts)) {
    out.charts = out.charts.map((c, i) => {
      if (!isObj(c)) return c;
      for (const key of ['x', 'y', 'series', 'facet'] as const) {
        const v = c[key];
        if (Array.isArray(v)) v.forEach((item, j) => checkDerived(item, ['report', 'charts', i, key, j]));
        else checkDerived(v, ['report', 'charts', i, key]);
      }
      if (isObj(c.where)) for (const k of Object.keys(c.where)) checkDerived(k, ['report', 'charts', i, 'where', k]);
      const chart: Raw = { ...c };
      for (const key of ['x', 'series', 'facet'] as const) if (typeof chart[key] === 'string') chart[key] = canonicalPath(chart[key]);
      if (chart.where !== undefined) chart.where = canonWhere(chart.where, ['report', 'charts', i, 'where']);
      return chart;
    });
  }
  return out;
}

function usersOf(sec: PolicySection): string {
  const users = SECTION_USERS[sec];
  return `only ${users.join(' and ')} ${users.length > 1 ? 'do' : 'does'}`;
}
