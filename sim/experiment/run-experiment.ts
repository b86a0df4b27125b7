/**
 * `htmsim run`: validate, expand, select (filter, shard), skip what is stored, run the rest on the
 * pool, then rebuild results.jsonl / results.csv with derived metrics, then the report.
 * Nothing is written before the config and the options have been checked.
 */
import { existsSync, readdirSync, renameSync } from 'node:fs';
import { join, relative, resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import { UserError } from '../common/errors.js';
import type { RunResult } from '../run/result.js';
import { computeDerived, computeGroups, groupsToCsv, toCsv } from './derived.js';
import { expand, type Point } from './expand.js';
import { loadExperiment, type ExperimentSpec } from './experiment-file.js';
import type { ParamValue } from './params.js';
import { DEFAULT_POINT_TIMEOUT_S, DEFAULT_RUNNER, defaultJobs, failedResult, isTimedOut, runPool } from './pool.js';
import { Progress, type ProgressSink } from './progress.js';
import { checkAssignment, parseSet, resolvePoint, type Assignment } from './resolve.js';
import { ConfigError } from '../common/located.js';
import { SECTION_USERS, POLICY_SECTIONS } from '../policies/config.js';
import { parseFilter, parseShard, takeShard } from './select.js';
import { ResultStore, type StoredPoint, type SweepPoint } from './store.js';

export interface RunOptions {
  config: string;
  out?: string;
  jobs?: number;
  shard?: string;
  filter?: string;
  fresh?: boolean;
  /** Rerun points stored as failed (default: a failed point counts as done). */
  retryFailed?: boolean;
  dryRun?: boolean;
  /** Module exporting runPoint(config) (default sim/run/run-point.js). */
  runner?: string;
  /** `key=value` overrides, applied as if written at the top level of the config file. */
  sets?: string[];
  /** Build the report at the end (default true). */
  report?: boolean;
  /** Refuse a sweep of more points than this (default DEFAULT_MAX_POINTS). */
  maxPoints?: number;
  /** Wall-clock limit of one point in seconds (default DEFAULT_POINT_TIMEOUT_S); past it the point fails. */
  pointTimeout?: number;
  stdout?: ProgressSink;
  stderr?: ProgressSink;
}

export interface ExperimentJson {
  name: string;
  title?: string;
  description?: string;
  configFile: string;
  totalPoints: number;
  axes: { path: string; values: ParamValue[] }[];
  zip: string[][];
  repetitions: number;
  baseline: Record<string, ParamValue>;
  report: Record<string, unknown>;
  resolved: Record<string, unknown>;
  shard?: string;
  filter?: string;
}

/** The experiment with every default filled in (resolved-config.yaml, experiment.json `resolved`). */
export function resolvedExperiment(spec: ExperimentSpec): Record<string, unknown> {
  const fail = (): void => {};
  const w0 = spec.workloads[0]!;
  const withWorkload = (extra: Assignment[]): Assignment[] => [...spec.base, { path: 'workload.name', value: w0.name, at: w0.at }, ...extra];
  const base = resolvePoint(withWorkload([]), fail, spec.file);
  if (!base) return {};
  const workloads = spec.workloads.map((w) => {
    const p = resolvePoint([...spec.base, { path: 'workload.name', value: w.name, at: w.at },
      ...Object.entries(w.params).map(([k, v]) => ({ path: `workload.params.${k}`, value: v, at: w.at }))], fail, spec.file);
    return { name: w.name, params: p?.workload.params ?? w.params };
  });
  const policies = spec.policies.map((pol) => {
    const p = resolvePoint(withWorkload([{ path: 'policy.name', value: pol.name, at: pol.at }, ...pol.assignments]), fail, spec.file);
    const out: Record<string, unknown> = { name: pol.name };
    // The policy's own interpreter (defaults.yaml policyInterp, or the entry's) when it differs.
    if (p && JSON.stringify(p.interp) !== JSON.stringify(base.interp)) out.interp = p.interp;
    for (const sec of POLICY_SECTIONS) if (p && SECTION_USERS[sec].includes(pol.name)) out[sec] = p[sec];
    return out;
  });
  const out: Record<string, unknown> = { name: spec.name };
  if (spec.title !== undefined) out.title = spec.title;
  if (spec.description !== undefined) out.description = spec.description;
  Object.assign(out, {
    machine: base.machine, interp: base.interp, gil: base.gil, htm: base.htm, stm: base.stm, nogil: base.nogil, perturbation: base.perturbation, roi: base.roi,
    workloads, policies,
    sweep: { axes: Object.fromEntries(spec.axes.map((a) => [a.path, a.values])), zip: spec.zip },
    repetitions: spec.repetitions, seed: base.seed, maxCycles: base.maxCycles,
    baseline: spec.baseline, report: spec.report,
  });
  // Left out unless the config sets it: by default the sweep records the timelines the report draws.
  if (spec.base.some((a) => a.path === 'timeline')) out.timeline = base.timeline;
  for (const k of ['forensics', 'forensicsTop'] as const) if (base[k] !== undefined) out[k] = base[k];
  return out;
}

export function experimentJson(spec: ExperimentSpec, totalPoints: number, extra: { shard?: string; filter?: string }): ExperimentJson {
  const j: ExperimentJson = {
    name: spec.name,
    configFile: relative(process.cwd(), resolvePath(spec.file)) || spec.file,
    totalPoints,
    axes: spec.axes.map((a) => ({ path: a.path, values: a.values })),
    zip: spec.zip,
    repetitions: spec.repetitions,
    baseline: spec.baseline,
    report: spec.report,
    resolved: resolvedExperiment(spec),
  };
  if (spec.title !== undefined) j.title = spec.title;
  if (spec.description !== undefined) j.description = spec.description;
  if (extra.shard) j.shard = extra.shard;
  if (extra.filter) j.filter = extra.filter;
  return j;
}

/** Rebuilds results.jsonl, results.csv and groups.json/.csv from the stored points of the sweep; returns the counts. */
export function rebuildResults(store: ResultStore, sweep: readonly SweepPoint[], exp: Pick<ExperimentJson, 'baseline' | 'axes'>): { present: number; failed: number } {
  const stored: StoredPoint[] = [];
  for (const sp of sweep) {
    const rec = store.read(sp.id);
    // The current expansion decides index and params; the file contributes the result.
    if (rec) stored.push({ id: sp.id, index: sp.index, params: sp.params, result: rec.result });
  }
  const records = computeDerived(stored, exp.baseline, exp.axes.map((a) => a.path));
  store.writeFile('results.jsonl', records.map((r) => JSON.stringify(r)).join('\n') + (records.length ? '\n' : ''));
  store.writeFile('results.csv', toCsv(records));
  const groups = computeGroups(records, exp.axes.map((a) => a.path));
  store.writeFile('groups.json', `${JSON.stringify(groups, null, 1)}\n`);
  store.writeFile('groups.csv', groupsToCsv(groups));
  return { present: records.length, failed: records.filter((r) => r.result.status !== 'ok').length };
}

/** Moves stored points that are not in the sweep out of points/ (reports read every file there). */
function setAsideStale(store: ResultStore, ids: Set<string>): void {
  for (const id of store.storedIds()) if (!ids.has(id)) store.setAside(id, 'stale');
  // ...and brings back set-aside points the sweep needs again (a config changed back).
  const staleDir = join(store.dir, 'stale');
  if (!existsSync(staleDir)) return;
  for (const f of readdirSync(staleDir)) {
    const id = f.replace(/\.json$/, '');
    if (ids.has(id)) renameSync(join(staleDir, f), store.pointFile(id));
  }
}

/**
 * Checks every stored point of the sweep (store.load) before deciding what is done: a damaged file
 * is named, moved to damaged/ and its point runs again. Returns how many were set aside.
 */
export function setAsideDamaged(store: ResultStore, ids: Set<string>, err: ProgressSink): number {
  let n = 0;
  for (const id of store.storedIds()) {
    if (!ids.has(id)) continue;
    const got = store.load(id);
    if (got?.kind !== 'damaged') continue;
    const to = store.setAside(id, 'damaged');
    err.write(`htmsim: ${got.file}: damaged stored point (${got.problem}); moved to ${to}, the point runs again\n`);
    n++;
  }
  return n;
}

export function pointLabel(p: Point): string {
  return Object.entries(p.params).filter(([k]) => k !== 'seed').map(([k, v]) => `${k}=${String(v)}`).join(' ');
}

/** Builds the report; a failure is said on stderr and returns false (the results stay). */
export async function buildReportFor(dir: string, err: ProgressSink): Promise<boolean> {
  try {
    // Loaded here: a sweep run with --no-report does not load the reports and their charts.
    const { buildReport } = await import('../../reports/build-report.js');
    const summary = await buildReport(dir);
    err.write(`htmsim: report: ${summary.html}\n`);
    return true;
  } catch (e) {
    err.write(`htmsim: report failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`);
    return false;
  }
}

/** `--set key=value` for a sweep: a file-level override (policy entries and axes still win). */
export function applySets(spec: ExperimentSpec, sets: readonly string[]): void {
  const problems: string[] = [];
  for (const text of sets) {
    const { path, value } = parseSet(text);
    const msg = path === 'workload.name' || path.startsWith('workload.params.')
      ? 'workloads and their params are set in the config\'s `workloads` list'
      : checkAssignment(path, value);
    if (msg) problems.push(`--set ${text}: ${msg}`);
    else spec.base.push({ path, value, at: `--set ${text}` });
  }
  if (problems.length > 0) throw new ConfigError(problems);
}

/**
 * Stores a point's result; a result that cannot be serialized (a guest output too large for one
 * JSON string) is stored as a failed point saying so, rather than ending the sweep on every
 * resume. Disk errors (UserError) end the sweep with one line.
 */
function storeResult(store: ResultStore, p: Point, result: RunResult): RunResult {
  try {
    store.write({ id: p.id, index: p.index, params: p.params, result });
    return result;
  } catch (e) {
    if (e instanceof UserError) throw e;
    const why = e instanceof Error ? `${e.name}: ${e.message.split('\n')[0]}` : String(e);
    const failed = failedResult(p.config, `the point's result could not be stored: ${why}`, result.host?.seconds ?? 0);
    store.write({ id: p.id, index: p.index, params: p.params, result: failed });
    return failed;
  }
}

/**
 * A point whose attempt marker survived two deaths of the sweep process (it was running each time)
 * is what kills the sweep, through something a worker process cannot contain (its result
 * exhausting this process's memory): it is stored as failed, so that resuming does not die again
 * at the same point. One death is forgiven: a sweep killed by its user leaves markers too.
 */
function recordSweepKillers(store: ResultStore, all: readonly Point[], err: ProgressSink): void {
  const byId = new Map(all.map((p) => [p.id, p]));
  const stored = store.storedIds();
  for (const id of store.markedIds()) {
    const p = byId.get(id);
    const n = store.attempts(id);
    if (!p || stored.has(id) || n < 2) continue;
    const msg = `the sweep process died ${n} times while this point was running; not run again (rerun it with --retry-failed)`;
    store.write({ id, index: p.index, params: p.params, result: failedResult(p.config, msg, 0) });
    store.clearMarker(id);
    err.write(`htmsim: point ${p.index} (${pointLabel(p)}): ${msg}\n`);
  }
}

/** Runs an experiment; returns the exit status (0 all ok, 1 some point or the report failed, 130 interrupted). */
export async function runExperiment(opts: RunOptions): Promise<number> {
  const out = opts.stdout ?? process.stdout;
  const err = opts.stderr ?? process.stderr;
  const shard = opts.shard !== undefined ? parseShard(opts.shard) : undefined;
  const filter = opts.filter !== undefined ? parseFilter(opts.filter) : undefined;
  if (opts.jobs !== undefined && (!Number.isInteger(opts.jobs) || opts.jobs < 1)) throw new UserError(`--jobs ${opts.jobs}: must be a whole number >= 1`);
  if (opts.runner !== undefined && !existsSync(opts.runner)) throw new UserError(`--runner ${opts.runner}: no such file`);
  const spec = loadExperiment(opts.config);
  applySets(spec, opts.sets ?? []);
  const all = expand(spec, opts.maxPoints);
  const filtered = filter ? all.filter(filter) : all;
  if (filter && filtered.length === 0) {
    throw new UserError(`--filter ${opts.filter}: selects none of the ${all.length} point${all.length === 1 ? '' : 's'} of ${spec.name} (see them with --dry-run)`);
  }
  const selected = takeShard(filtered, shard);

  if (opts.dryRun) {
    out.write(`${spec.name}: ${all.length} point${all.length === 1 ? '' : 's'}, ${selected.length} selected\n`);
    for (const p of selected) out.write(`${String(p.index).padStart(5)}  ${p.id}  ${pointLabel(p)}\n`);
    return 0;
  }

  const dir = opts.out ?? join('results', spec.name);
  const store = new ResultStore(dir);
  store.open(opts.fresh === true, opts.out !== undefined ? `--out ${dir}` : dir);
  try {
    return await runInto(store, spec, all, selected, opts, err);
  } finally {
    store.close();
  }
}

/** The part of a run that writes into the (locked) output folder. */
async function runInto(store: ResultStore, spec: ExperimentSpec, all: Point[], selected: Point[], opts: RunOptions, err: ProgressSink): Promise<number> {
  const dir = store.dir;
  store.sweepTemps();
  const sweep: SweepPoint[] = all.map((p) => ({ id: p.id, index: p.index, params: p.params }));
  const sweepIds = new Set(sweep.map((p) => p.id));
  setAsideStale(store, sweepIds);
  setAsideDamaged(store, sweepIds, err);
  const exp = experimentJson(spec, all.length, { shard: opts.shard, filter: opts.filter });
  store.writeFile('experiment.json', `${JSON.stringify(exp, null, 2)}\n`);
  store.writeFile('resolved-config.yaml', `# ${spec.name}: the experiment with every default filled in (written by htmsim run)\n${stringify(exp.resolved)}`);
  store.writeFile('sweep-points.json', `${JSON.stringify(sweep)}\n`);

  recordSweepKillers(store, all, err);
  const stored = store.storedIds();
  const todo = selected.filter((p) => {
    if (!stored.has(p.id)) return true;
    const r = store.read(p.id)?.result;
    return opts.retryFailed === true ? r?.status !== 'ok' : r !== undefined && isTimedOut(r);
  });
  const progress = new Progress(todo.length, err);
  progress.start(selected.length - todo.length);
  // Ctrl-C: cancel the points in flight, keep every finished one, write the summaries, exit 130.
  // A second Ctrl-C gets Node's default (immediate exit); stored points are whole either way.
  const interrupt = new AbortController();
  const onSigint = (): void => interrupt.abort();
  process.once('SIGINT', onSigint);
  let finished = 0;
  try {
    await runPool(todo.map((p) => p.config), {
      jobs: opts.jobs ?? defaultJobs(),
      pointTimeoutMs: (opts.pointTimeout ?? DEFAULT_POINT_TIMEOUT_S) * 1000,
      runnerModule: opts.runner ? pathToFileURL(resolvePath(opts.runner)).href : DEFAULT_RUNNER,
      signal: interrupt.signal,
      onStart: (task: number) => store.markStarted(todo[task]!.id),
      onResult: (task: number, got: RunResult) => {
        const p = todo[task]!;
        const result = storeResult(store, p, got);
        store.clearMarker(p.id);
        finished++;
        progress.tick(result.status === 'ok', pointLabel(p), result.host?.seconds ?? 0, result.error);
      },
    });
  } finally {
    process.removeListener('SIGINT', onSigint);
    progress.finish();
    // Points cancelled (Ctrl-C) or never reached did not crash anything.
    for (const p of todo) store.clearMarker(p.id);
  }

  if (interrupt.signal.aborted) {
    const { present } = rebuildResults(store, sweep, exp);
    err.write(`htmsim: interrupted: ${finished}/${todo.length} points of this run finished and kept, ${todo.length - finished} not run; ` +
      `${dir}: ${present}/${all.length} points stored; run the same command again to resume\n`);
    return 130;
  }

  const { present } = rebuildResults(store, sweep, exp);
  const failedSelected = selected.filter((p) => store.read(p.id)?.result.status !== 'ok').length;
  err.write(`htmsim: ${dir}: ${present}/${all.length} points stored, ${selected.length - failedSelected}/${selected.length} selected ok${failedSelected ? `, ${failedSelected} failed` : ''}\n`);
  const reportOk = opts.report === false ? true : await buildReportFor(dir, err);
  return failedSelected > 0 || !reportOk ? 1 : 0;
}

