/**
 * `node dist/reports/validation/parameters.js [--check]`: writes docs/parameters.md from
 * configs/provenance.yaml, or with --check only verifies that every parameter has provenance and
 * that docs/parameters.md is current. Exit 0 ok, 1 a problem (one line each), 2 bad usage.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadProvenance, renderParametersMarkdown } from './provenance.js';

const OUT = 'docs/parameters.md';

export function main(argv: readonly string[]): number {
  const check = argv.includes('--check');
  if (argv.some((a) => a !== '--check')) {
    process.stderr.write('usage: node dist/reports/validation/parameters.js [--check]\n');
    return 2;
  }
  const set = loadProvenance('.');
  for (const p of set.problems) process.stderr.write(`provenance: ${p}\n`);
  const md = renderParametersMarkdown(set);
  if (check) {
    const current = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
    if (current !== md) process.stderr.write(`provenance: ${OUT} is stale: run node dist/reports/validation/parameters.js\n`);
    return set.problems.length > 0 || current !== md ? 1 : 0;
  }
  writeFileSync(OUT, md);
  process.stdout.write(`wrote ${OUT}\n`);
  return set.problems.length > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
