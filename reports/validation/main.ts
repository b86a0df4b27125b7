/**
 * `node dist/reports/validation/main.js RESULTS_DIR...`: checks the results of the validation
 * experiments (configs/validation*.yaml, one folder each) against shared/FACTS.md, writes
 * validation.md and validation.json into the first RESULTS_DIR, prints the three kinds of rows apart
 * with the validation tally, and exits 0 when every measured row holds, 1 when one fails, 2 on bad
 * usage. When the sensitivity sweep has run (validation-sensitivity/sensitivity.json beside the first
 * RESULTS_DIR, i.e. results/validation-sensitivity/) its table and tornado chart are added; the
 * published figure (docs/validation/pypy-stm-nojit-figure.json: its rows, chart and per-point
 * table) and the published capacity points (docs/validation/) always are.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadResults, type LoadedResults } from '../records.js';
import { buildFigure, figureSvg, renderFigureMarkdown, FIGURE_FILE } from './figure.js';
import { compareFigure, figureChecks, loadPublishedFigure, publishedFigurePng, renderPublishedFigureMarkdown, PUBLISHED_FIGURE_FILE } from './published-figure.js';
import { ALL_CHECKS, buildValidation, renderValidationText, writeValidation } from './render.js';
import { fragileRows, renderSensitivityMarkdown, tornadoSvg, type SensitivityResult } from './sensitivity-table.js';


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
  const all = combine(loaded);
  const published = existsSync(PUBLISHED_FIGURE_FILE) ? loadPublishedFigure(PUBLISHED_FIGURE_FILE) : undefined;
  const v = buildValidation(all, published ? [...ALL_CHECKS, ...figureChecks(published)] : ALL_CHECKS);
  const out = argv[0]!;
  const SENSITIVITY_JSON = join(dirname(resolve(out)), 'validation-sensitivity', 'sensitivity.json');
  const extra: string[] = [];
  const json: Record<string, unknown> = {};
  let tail = '';

  if (published) {
    const cmp = compareFigure(published, all.points);
    writeFileSync(join(out, 'published-figure.png'), publishedFigurePng(cmp));
    extra.push(...renderPublishedFigureMarkdown(cmp, 'published-figure.png'));
    json.publishedFigure = { file: published.file, points: cmp.points, meanAbsError: cmp.meanAbsError };
  }
  if (existsSync(FIGURE_FILE)) {
    const fig = buildFigure(all.points, FIGURE_FILE);
    writeFileSync(join(out, 'published-capacity.svg'), figureSvg(fig));
    extra.push(...renderFigureMarkdown(fig, 'published-capacity.svg'));
    json.figure = fig;
  }
  if (existsSync(SENSITIVITY_JSON)) {
    const s = JSON.parse(readFileSync(SENSITIVITY_JSON, 'utf8')) as SensitivityResult;
    writeFileSync(join(out, 'sensitivity-tornado.svg'), tornadoSvg(s));
    extra.push(...renderSensitivityMarkdown(s, 'sensitivity-tornado.svg'));
    json.sensitivity = { seconds: s.seconds, points: s.points, fragile: Object.fromEntries(fragileRows(s)) };
    const stale = v.rows.filter((r) => s.base[r.id] !== undefined && s.base[r.id]!.verdict !== r.verdict).map((r) => r.id);
    if (stale.length) extra.push(`**The sensitivity sweep is stale**: its base verdicts differ from this run for ${stale.join(', ')}; re-run it.`, '');
    const fragile = [...fragileRows(s).keys()];
    tail = `\nSensitivity: ${fragile.length ? `fragile rows (flip under ±25% of an assumed parameter): ${fragile.join(', ')}` : 'no row flips under ±25% of an assumed parameter'}`;
  } else {
    tail = '\nSensitivity: not run (node dist/reports/validation/sensitivity.js, after npm run validate)';
  }
  const written = writeValidation(out, v, extra, json);
  process.stdout.write(`${renderValidationText(v)}${tail}\nwrote ${written.join(', ')}\n`);
  const anyFails = v.rows.some((r) => r.verdict === 'fails');
  return anyFails ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
