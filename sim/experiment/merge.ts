/**
 * `htmsim merge DIR... --out DIR`: combines the output folders of the shards of one sweep (same
 * experiment, same points) into one, rebuilds results.jsonl / results.csv and the report.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../common/errors.js';
import { canonicalJson } from './point-id.js';
import type { ProgressSink } from './progress.js';
import { buildReportFor, rebuildResults, setAsideDamaged, type ExperimentJson } from './run-experiment.js';
import { isObj, ResultStore, type SweepPoint } from './store.js';

export interface MergeOptions {
  dirs: string[];
  out: string;
  report?: boolean;
  stderr?: ProgressSink;
}

/** experiment.json as merge needs it, or a UserError naming the file and what is wrong. */
function experimentOf(file: string, v: unknown): ExperimentJson {
  const bad = (what: string): never => { throw new UserError(`${file}: not an htmsim experiment.json (${what})`); };
  if (!isObj(v)) bad('not a JSON object');
  const e = v as Record<string, unknown>;
  if (typeof e.name !== 'string') bad('no name');
  if (!Array.isArray(e.axes) || !e.axes.every((a) => isObj(a) && typeof a.path === 'string' && Array.isArray(a.values))) bad('no list of axes with path and values');
  if (!isObj(e.baseline)) bad('no baseline');
  return v as ExperimentJson;
}

/** sweep-points.json as merge needs it, or a UserError naming the file. */
function sweepOf(file: string, v: unknown): SweepPoint[] {
  if (!Array.isArray(v) || !v.every((p) => isObj(p) && typeof p.id === 'string' && /^[0-9a-f]+$/.test(p.id) && typeof p.index === 'number' && isObj(p.params))) {
    throw new UserError(`${file}: not an htmsim sweep-points.json (a list of { id, index, params })`);
  }
  return v as SweepPoint[];
}

export async function mergeResults(opts: MergeOptions): Promise<number> {
  const err = opts.stderr ?? process.stderr;
  if (opts.dirs.length === 0) throw new UserError('merge: name at least one results folder');
  const inputs = opts.dirs.map((dir) => {
    const store = new ResultStore(dir);
    const rawExp = store.readJson('experiment.json');
    const rawSweep = store.readJson('sweep-points.json');
    if (rawExp === undefined || rawSweep === undefined) throw new UserError(`${dir}: not an htmsim results folder (no experiment.json or sweep-points.json)`);
    const exp = experimentOf(join(dir, 'experiment.json'), rawExp);
    const sweep = sweepOf(join(dir, 'sweep-points.json'), rawSweep);
    return { dir, store, exp, sweep };
  });
  const first = inputs[0]!;
  const key = canonicalJson(first.sweep.map((p) => p.id));
  for (const inp of inputs.slice(1)) {
    if (canonicalJson(inp.sweep.map((p) => p.id)) !== key) {
      throw new UserError(`${inp.dir}: not a shard of the same sweep as ${first.dir} (experiment ${inp.exp.name} vs ${first.exp.name}, or a changed config)`);
    }
  }
  const out = new ResultStore(opts.out);
  out.open(false, `--out ${opts.out}`);
  const ids = new Set(first.sweep.map((p) => p.id));
  let copied = 0;
  let damaged = 0;
  // A damaged point already in OUT is moved aside, so a sound copy from a shard can take its place.
  damaged += setAsideDamaged(out, ids, err);
  for (const inp of inputs) {
    if (inp.store.dir === out.dir) continue;
    for (const id of inp.store.storedIds()) {
      if (!ids.has(id)) continue;
      const got = inp.store.load(id);
      if (got?.kind !== 'ok') {
        if (got) err.write(`htmsim: ${got.file}: damaged stored point (${got.problem}); not merged\n`);
        damaged++;
        continue;
      }
      const rec = got.point;
      const have = out.read(id);
      // Prefer a successful record when shards disagree (a failed point rerun elsewhere).
      if (have && (have.result.status === 'ok' || rec.result.status !== 'ok')) continue;
      out.write(rec);
      copied++;
    }
  }
  const { shard: _shard, filter: _filter, ...exp } = first.exp;
  out.writeFile('experiment.json', `${JSON.stringify(exp, null, 2)}\n`);
  const yamlFile = join(first.dir, 'resolved-config.yaml');
  if (existsSync(yamlFile) && first.dir !== out.dir) out.writeFile('resolved-config.yaml', readFileSync(yamlFile, 'utf8'));
  out.writeFile('sweep-points.json', `${JSON.stringify(first.sweep)}\n`);
  const { present, failed } = rebuildResults(out, first.sweep, exp);
  const missing = first.sweep.length - present;
  err.write(`htmsim: merged ${inputs.length} folder${inputs.length === 1 ? '' : 's'} into ${opts.out}: ${copied} points copied, ${present}/${first.sweep.length} present${failed ? `, ${failed} failed` : ''}${missing ? `, ${missing} missing` : ''}${damaged ? `, ${damaged} damaged files skipped` : ''}\n`);
  const reportOk = opts.report === false ? true : await buildReportFor(opts.out, err);
  return failed > 0 || missing > 0 || !reportOk ? 1 : 0;
}
