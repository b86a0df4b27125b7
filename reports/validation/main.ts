/**
 * `node dist/reports/validation/main.js RESULTS_DIR`: checks the results of configs/validation.yaml
 * against shared/FACTS.md, writes validation.md and validation.json into RESULTS_DIR, prints the
 * table, and exits 0 when every measured fact holds, 1 when one fails, 2 on bad usage.
 */
import { existsSync, statSync } from 'node:fs';
import { loadResults } from '../records.js';
import { buildValidation, renderValidationText, writeValidation } from './render.js';

export function main(argv: readonly string[]): number {
  const dir = argv[0];
  if (argv.length !== 1 || dir === undefined) {
    process.stderr.write('usage: node dist/reports/validation/main.js RESULTS_DIR\n');
    return 2;
  }
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    process.stderr.write(`validation: ${dir}: no such results folder (run configs/validation.yaml first)\n`);
    return 2;
  }
  const results = loadResults(dir);
  for (const p of results.problems) process.stderr.write(`validation: ${dir}/${p}\n`);
  if (results.points.length === 0) {
    process.stderr.write(`validation: ${dir}: no point records\n`);
    return 2;
  }
  const v = buildValidation(results);
  const written = writeValidation(dir, v);
  process.stdout.write(`${renderValidationText(v)}\nwrote ${written.join(', ')}\n`);
  return v.counts.fails > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
