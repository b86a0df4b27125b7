/**
 * `npm run calibrate`: runs every calibration kernel on htmsim at the fixture's two run lengths,
 * compares the per-iteration figures with CPython's (calibration/cpython-figures.json) and prints
 * and writes results/calibration/calibration.md and calibration.json.
 *
 *   node dist/calibration/calibrate.js [--set key=value ...] [--out DIR]
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../sim/common/errors.js';
import { buildRow, KERNEL_DIR, loadFixture, measureKernel, renderMarkdown, summary, type Row } from './compare.js';

function parseArgs(argv: string[]): { sets: string[]; out: string } {
  const sets: string[] = [];
  let out = 'results/calibration';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new UserError(`calibrate: ${a} needs a value`);
      return v;
    };
    if (a === '--set') sets.push(value());
    else if (a === '--out') out = value();
    else throw new UserError(`calibrate: unknown argument '${a}' (expected --set key=value or --out DIR)`);
  }
  return { sets, out };
}

function main(): number {
  const { sets, out } = parseArgs(process.argv.slice(2));
  const fx = loadFixture();
  const [n1, n2] = fx.iterations;
  const files = readdirSync(KERNEL_DIR).filter((n) => n.endsWith('.py')).map((n) => n.slice(0, -3)).sort();
  const unmeasured = files.filter((k) => !(k in fx.kernels));
  if (unmeasured.length > 0) {
    throw new UserError(`calibration/cpython-figures.json: no CPython figures for ${unmeasured.join(', ')} (run calibration/cpython-trace.py --only …)`);
  }
  const rows: Row[] = [];
  for (const k of files) {
    process.stderr.write(`${k} … `);
    rows.push(buildRow(k, fx.kernels[k]!, measureKernel(k, n1, n2, sets), n1, n2));
    process.stderr.write('done\n');
  }
  const md = renderMarkdown(rows, fx, sets);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'calibration.md'), md);
  writeFileSync(join(out, 'calibration.json'), JSON.stringify({
    cpython: fx.cpython, valgrind: fx.valgrind, iterations: fx.iterations, sets, summary: summary(rows), rows,
  }, null, 1) + '\n');
  process.stdout.write(md);
  return 0;
}

try {
  process.exitCode = main();
} catch (e) {
  if (e instanceof UserError) {
    process.stderr.write(`error: ${e.message}\n`);
    process.exitCode = 2;
  } else {
    throw e;
  }
}
