/**
 * Records a fixed set of simulated runs and compares a later build against them, so a refactor or
 * a speed change can show that every simulated figure stayed bit-identical.
 *
 *   node dist/bench/record-runs.js record FILE [set=quick|full]
 *   node dist/bench/record-runs.js compare FILE
 *
 * A run's record is the `--stats` record without `host`, plus stdout, stderr and exit status (both
 * inside the record). FILE holds one JSON line per run: its key, a SHA-256 of the canonical record,
 * and the record itself, so `compare` can say which field moved. The run set: the bench programs
 * and every workload (default parameters) under every policy on 1 and 4 cores, a few interpreter
 * variants, and the guest corpus under serial.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveExecConfig } from '../sim/experiment/resolve.js';
import { runPointSync } from '../sim/run/run-point.js';
import { listWorkloads } from '../sim/run/workload-catalog.js';

interface RunSpec {
  key: string;
  file?: string;
  workload?: string;
  policy: string;
  cores: number;
  sets: string[];
}

const POLICIES = ['serial', 'gil', 'htm', 'stm', 'nogil'];

function specs(set: string): RunSpec[] {
  const out: RunSpec[] = [];
  const cores = [1, 4];
  const benchDir = 'bench/programs';
  for (const f of readdirSync(benchDir).filter((n) => n.endsWith('.py')).sort()) {
    for (const policy of POLICIES) {
      for (const c of cores) {
        // Bench programs are sized for timing; SCALE=1 keeps the record quick.
        out.push({ key: `bench/${f} ${policy} ${c}c`, file: join(benchDir, f), policy, cores: c, sets: [] });
      }
    }
  }
  for (const w of listWorkloads().map((x) => x.name).sort()) {
    for (const policy of POLICIES) {
      for (const c of cores) out.push({ key: `workload ${w} ${policy} ${c}c`, workload: w, policy, cores: c, sets: [] });
    }
  }
  const variants: Array<[string, string[]]> = [
    ['quiet', ['interp.refcount=none', 'interp.allocator=per-thread', 'interp.ticker=per-thread', 'interp.smallIntCache=false']],
    ['ticks', ['gil.mode=ticks']],
    ['len1000', ['htm.txLength=1000', 'stm.txLength=1000']],
  ];
  for (const w of ['independent', 'shared-counter', 'tx-demo-conflict', 'bank', 'kmeans']) {
    for (const [name, sets] of variants) {
      for (const policy of ['gil', 'htm', 'stm']) out.push({ key: `workload ${w} ${policy} 4c ${name}`, workload: w, policy, cores: 4, sets });
    }
  }
  if (set === 'full') {
    const dir = 'tests/guest/programs';
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.py')).sort()) {
      out.push({ key: `corpus/${f} serial 1c`, file: join(dir, f), policy: 'serial', cores: 1, sets: [] });
    }
  }
  return out;
}

function runOne(spec: RunSpec): Record<string, unknown> {
  const config = resolveExecConfig({
    policy: spec.policy,
    cores: spec.cores,
    sets: spec.sets,
    workload: { name: spec.workload ?? spec.file ?? '', params: {} },
  });
  let source: string | undefined;
  if (spec.file !== undefined) {
    source = readFileSync(spec.file, 'utf8');
    if (spec.file.startsWith('bench/')) source = source.replace(/^SCALE = \d+/m, 'SCALE = 1');
  }
  try {
    const result = runPointSync(config, source !== undefined ? { source, filename: spec.file } : {});
    const { host: _host, ...rest } = result;
    return rest as Record<string, unknown>;
  } catch (e) {
    return { thrown: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) => {
    if (val && typeof val === 'object' && !Array.isArray(val)) {
      const o = val as Record<string, unknown>;
      return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
    }
    return val;
  });
}

/** Fields the recorded run lacks (added since) are listed apart: they do not count as a change. */
function diffPaths(a: unknown, b: unknown, path: string, out: string[], added: string[]): void {
  if (out.length > 8) return;
  if (a === undefined && b !== undefined) { added.push(path); return; }
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') {
    if (canonical(a) !== canonical(b)) out.push(`${path}: ${JSON.stringify(a)?.slice(0, 80)} → ${JSON.stringify(b)?.slice(0, 80)}`);
    return;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  for (const k of new Set([...Object.keys(ao), ...Object.keys(bo)])) diffPaths(ao[k], bo[k], path ? `${path}.${k}` : k, out, added);
}

function main(): number {
  const [mode, file, ...rest] = process.argv.slice(2);
  if ((mode !== 'record' && mode !== 'compare') || !file) {
    process.stderr.write('usage: record-runs record|compare FILE [set=quick|full]\n');
    return 2;
  }
  if (mode === 'record') {
    const set = rest.find((r) => r.startsWith('set='))?.slice(4) ?? 'full';
    const lines: string[] = [];
    const all = specs(set);
    const t0 = Date.now();
    for (const [i, s] of all.entries()) {
      const rec = runOne(s);
      const text = canonical(rec);
      lines.push(JSON.stringify({ key: s.key, spec: s, sha: createHash('sha256').update(text).digest('hex'), record: rec }));
      if (process.stderr.isTTY) process.stderr.write(`\r${i + 1}/${all.length}`);
    }
    writeFileSync(file, lines.join('\n') + '\n');
    process.stderr.write(`\nrecorded ${all.length} runs in ${((Date.now() - t0) / 1000).toFixed(0)} s into ${file}\n`);
    return 0;
  }
  const recorded = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { key: string; spec: RunSpec; sha: string; record: unknown });
  let same = 0;
  let sameWithAdded = 0;
  const addedFields = new Set<string>();
  const moved: string[] = [];
  for (const r of recorded) {
    const rec = runOne(r.spec);
    const sha = createHash('sha256').update(canonical(rec)).digest('hex');
    if (sha === r.sha) { same++; continue; }
    const paths: string[] = [];
    const added: string[] = [];
    diffPaths(r.record, rec, '', paths, added);
    if (paths.length === 0) { sameWithAdded++; for (const a of added) addedFields.add(a.replace(/\.\d+(?=\.|$)/g, '[]')); continue; }
    moved.push(`${r.key}\n    ${paths.join('\n    ')}`);
  }
  process.stdout.write(`${same} of ${recorded.length} runs bit-identical`);
  if (sameWithAdded > 0) process.stdout.write(`, ${sameWithAdded} more identical in every recorded field (added: ${[...addedFields].slice(0, 12).join(', ')})`);
  process.stdout.write('\n');
  for (const m of moved) process.stdout.write(`differs: ${m}\n`);
  return moved.length === 0 ? 0 : 1;
}

process.exitCode = main();
