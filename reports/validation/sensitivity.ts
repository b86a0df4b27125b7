/**
 * `node dist/reports/validation/sensitivity.js`: the one-at-a-time sensitivity sweep of the
 * validation rows (sensitivity-table.ts). Needs the base results of `npm run validate`
 * (results/validation*); runs each variant with `htmsim run --set PATH=VALUE --filter
 * policy.name=P --jobs 1` into results/validation-sensitivity/ (resumable: finished points are
 * kept), then writes results/validation-sensitivity/sensitivity.json, which
 * reports/validation/main.js renders into validation.md. Exit 0 done, 1 a run failed, 2 bad usage.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadResults, type PointRecord } from '../records.js';
import { VALIDATION_PARTS } from './parts.js';
import { loadProvenance } from './provenance.js';
import { FACTORS, keptBase, planSweep, verdictsOf, type SensitivityResult, type SweepParam } from './sensitivity-table.js';

export const SENSITIVITY_DIR = 'results/validation-sensitivity';

function loadPart(dir: string): PointRecord[] {
  return existsSync(dir) ? loadResults(dir).points : [];
}

export function main(argv: readonly string[]): number {
  // --factors 0.75,1.25 runs only those factors; another invocation may run the others at the same
  // time: each merges what the other saved.
  const fi = argv.indexOf('--factors');
  const factors = fi >= 0 ? (argv[fi + 1] ?? '').split(',').map(Number) : [0.75, 1.25, 0.5, 1.5];
  if ((fi < 0 && argv.length > 0) || (fi >= 0 && argv.length !== 2) || factors.some((f) => !FACTORS.includes(f as (typeof FACTORS)[number]))) {
    process.stderr.write(`usage: node dist/reports/validation/sensitivity.js [--factors ${FACTORS.join(',')}] (after npm run validate)\n`);
    return 2;
  }
  const base: PointRecord[] = [];
  for (const part of VALIDATION_PARTS) {
    const pts = loadPart(join('results', part.name));
    if (pts.length === 0) {
      process.stderr.write(`sensitivity: results/${part.name}: no results (run npm run validate first)\n`);
      return 2;
    }
    base.push(...pts);
  }
  const set = loadProvenance('.');
  if (set.problems.length) {
    for (const p of set.problems) process.stderr.write(`sensitivity: ${p}\n`);
    return 2;
  }
  const plan = planSweep(set);
  // Cheap scopes first, so an interrupted sweep has covered the most parameters (it resumes).
  const cost = (scope: SweepParam['scope']): number => (scope === 'all' ? 100 : scope.includes('gil') ? 10 : 1);
  plan.params.sort((a, b) => cost(a.scope) - cost(b.scope));
  const start = Date.now();
  const file = join(SENSITIVITY_DIR, 'sensitivity.json');
  // Time already spent by earlier, interrupted invocations (their points are reused, not rerun).
  const earlier = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<SensitivityResult>).seconds ?? 0 : 0;
  let points = 0;
  let failed = false;
  const result: SensitivityResult = {
    seconds: 0, points: 0, base: verdictsOf(base), excluded: plan.excluded,
    params: plan.params.map((p) => ({ ...p, variants: [] })),
    pending: plan.params.flatMap((p) => p.variants.map((v) => `${p.path} ×${v.factor}`)),
  };
  const save = (): void => {
    result.seconds = earlier + (Date.now() - start) / 1000;
    result.points = points;
    // Keep the variants another invocation saved meanwhile (same base verdicts only).
    const other = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SensitivityResult) : undefined;
    const out: SensitivityResult = JSON.parse(JSON.stringify(result)) as SensitivityResult;
    if (other && JSON.stringify(other.base) === JSON.stringify(result.base)) {
      for (const p of out.params) {
        const theirs = other.params.find((q) => q.path === p.path)?.variants ?? [];
        for (const v of theirs) if (!p.variants.some((x) => x.factor === v.factor)) p.variants.push(v);
        p.variants.sort((x, y) => x.factor - y.factor);
      }
      const done = new Set(out.params.flatMap((p) => p.variants.map((v) => `${p.path} ×${v.factor}`)));
      out.pending = plan.params.flatMap((p) => p.variants.map((v) => `${p.path} ×${v.factor}`)).filter((x) => !done.has(x));
      out.seconds = Math.max(out.seconds, other.seconds);
      out.points = Math.max(out.points, other.points);
    }
    mkdirSync(SENSITIVITY_DIR, { recursive: true });
    writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  };
  // ±25% of every parameter first (the fragility test), then ±50%: a cut sweep covers the most.
  for (const factor of factors) {
    for (const [i, p] of plan.params.entries()) {
      const v = p.variants.find((x) => x.factor === factor);
      if (!v) continue;
      const records = keptBase(base, p.scope);
      for (const part of VALIDATION_PARTS) {
        const policies = p.scope === 'all' ? [undefined] : part.policies.filter((x) => p.scope.includes(x));
        for (const policy of policies) {
          const out = join(SENSITIVITY_DIR, `${p.path}=${v.value}`, policy ? `${part.name}-${policy}` : part.name);
          const args = ['dist/sim/cli.js', 'run', `configs/${part.name}.yaml`, '--set', `${p.path}=${v.value}`, '--jobs', '1', '--no-report', '-o', out];
          if (policy) args.push('--filter', `policy.name=${policy}`);
          const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
          if (r.status === 2) {
            process.stderr.write(`sensitivity: ${p.path}=${v.value} ${part.name}: ${r.stderr.trim().split('\n')[0]}\n`);
            failed = true;
            continue;
          }
          const pts = loadPart(out);
          points += pts.length;
          records.push(...pts);
        }
      }
      result.params[i]!.variants.push({ factor: v.factor, value: v.value, rows: verdictsOf(records) });
      result.params[i]!.variants.sort((x, y) => x.factor - y.factor);
      result.pending = result.pending.filter((x) => x !== `${p.path} ×${factor}`);
      save(); // after every variant, so a cut sweep still reports what it covered
      process.stdout.write(`${p.path}=${v.value} (×${factor}) done, ${Math.round((Date.now() - start) / 1000)} s\n`);
    }
  }
  save();
  process.stdout.write(`wrote ${file} (${points} points, ${Math.round(result.seconds)} s)\n`);
  return failed ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
