/**
 * `node dist/reports/validation/main.js RESULTS_DIR...`: checks the results of the validation
 * experiments (configs/validation*.yaml, one folder each) against shared/FACTS.md, writes
 * validation.md and validation.json into the first RESULTS_DIR, prints the table, and exits 0 when
 * every measured fact holds, 1 when one fails, 2 on bad usage.
 */
import { existsSync, statSync } from 'node:fs';
import { loadResults, type LoadedResults } from '../records.js';
import { buildValidation, renderValidationText, writeValidation } from './render.js';

/** The folders' points as one set (the checks select points by their resolved configuration). */
function combine(all: readonly LoadedResults[]): LoadedResults {
  const first = all[0]!;
  if (all.length === 1) return first;
  const totals = all.map((r) => r.experiment?.totalPoints);
  return {
    ...first,
    experiment: {
      name: all.map((r) => r.experiment?.name ?? r.dir).join(' + '),
      totalPoints: totals.every((t) => t !== undefined) ? totals.reduce((a, b) => a! + b!, 0) : undefined,
    },
    points: all.flatMap((r) => r.points),
    sources: { jsonl: all.reduce((a, r) => a + r.sources.jsonl, 0), pointFiles: all.reduce((a, r) => a + r.sources.pointFiles, 0) },
    problems: all.flatMap((r) => r.problems),
  };
}

export function main(argv: readonly string[]): number {
  if (argv.length === 0 || argv.some((a) => a.startsWith('-'))) {
    process.stderr.write('usage: node dist/reports/validation/main.js RESULTS_DIR...\n');
    return 2;
  }
  const loaded: LoadedResults[] = [];
  for (const dir of argv) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      process.stderr.write(`validation: ${dir}: no such results folder (run configs/validation*.yaml first)\n`);
      return 2;
    }
    const results = loadResults(dir);
    for (const p of results.problems) process.stderr.write(`validation: ${dir}/${p}\n`);
    if (results.points.length === 0) {
      process.stderr.write(`validation: ${dir}: no point records\n`);
      return 2;
    }
    loaded.push(results);
  }
  const v = buildValidation(combine(loaded));
  const written = writeValidation(argv[0]!, v);
  process.stdout.write(`${renderValidationText(v)}\nwrote ${written.join(', ')}\n`);
  return v.counts.fails > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
