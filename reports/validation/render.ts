/**
 * Writes the validation table of a results folder: `validation.md` (for people and the README) and
 * `validation.json` (for tools). Rows come in three kinds reported apart (facts.ts): validation
 * rows make the headline tally; calibration rows show that a fit still holds; mechanism checks
 * show configured behaviour at work. A validation row whose value equals a configured parameter is
 * an echo and fails (echo.ts). When the sensitivity sweep (sensitivity.ts) and the published
 * figure (figure.ts) have results, their sections follow.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mdCell } from '../text.js';
import type { LoadedResults, PointRecord } from '../records.js';
import { DESIGN_CHECKS } from './designs.js';
import { configuredNumbers, echoOf } from './echo.js';
import { checkFacts, FACT_CHECKS, ROW_KINDS, UNCHECKED_FACTS, type CheckRow, type FactCheck, type RowKind, type UncheckedFact } from './facts.js';

export interface KindCounts { holds: number; fails: number; notMeasured: number }

export interface ValidationReport {
  experiment: string | undefined;
  points: { present: number; ok: number; failed: number; total: number | undefined };
  /** The headline: validation rows only. */
  counts: KindCounts;
  byKind: Record<RowKind, KindCounts>;
  rows: CheckRow[];
  unchecked: UncheckedFact[];
  /** Failed points grouped by workload, policy and the first line of their error. */
  failures: { workload: string; policy: string; error: string; count: number }[];
}

function groupFailures(results: LoadedResults): ValidationReport['failures'] {
  const groups = new Map<string, ValidationReport['failures'][number]>();
  for (const p of results.points) {
    if (p.status !== 'failed') continue;
    const workload = String(p.params['workload.name'] ?? '?');
    const policy = String(p.params['policy.name'] ?? '?');
    const error = (p.error ?? 'failed').split('\n')[0]!.slice(0, 160);
    const key = `${workload}\0${policy}\0${error}`;
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { workload, policy, error, count: 1 });
  }
  return [...groups.values()];
}

function countOf(rows: readonly CheckRow[]): KindCounts {
  return {
    holds: rows.filter((r) => r.verdict === 'holds').length,
    fails: rows.filter((r) => r.verdict === 'fails').length,
    notMeasured: rows.filter((r) => r.verdict === 'not measured').length,
  };
}

/** Marks validation rows whose value is a configured parameter's value as failing echoes. */
export function flagEchoes(rows: CheckRow[], points: readonly PointRecord[]): CheckRow[] {
  const configured = configuredNumbers(points);
  return rows.map((r) => {
    if (r.kind !== 'validation' || r.value === null) return r;
    const echo = echoOf(r.value, configured);
    return echo === undefined ? r : { ...r, verdict: 'fails', echo, miss: `its value is the configured ${echo}: an echo, not a prediction` };
  });
}

/** Every row: the facts of facts.ts and the capacity rows of the HTM designs (designs.ts). */
export const ALL_CHECKS: readonly FactCheck[] = [...FACT_CHECKS, ...DESIGN_CHECKS];

export function buildValidation(results: LoadedResults, checks: readonly FactCheck[] = ALL_CHECKS): ValidationReport {
  const rows = flagEchoes(checkFacts(results.points, checks), results.points);
  const ok = results.points.filter((p) => p.status === 'ok').length;
  const byKind = Object.fromEntries(ROW_KINDS.map((k) => [k, countOf(rows.filter((r) => r.kind === k))])) as Record<RowKind, KindCounts>;
  return {
    experiment: results.experiment?.name,
    points: { present: results.points.length, ok, failed: results.points.length - ok, total: results.experiment?.totalPoints },
    counts: byKind.validation,
    byKind,
    rows,
    unchecked: [...UNCHECKED_FACTS],
    failures: groupFailures(results),
  };
}

const MARK: Record<CheckRow['verdict'], string> = { holds: '✔ holds', fails: '✘ fails', 'not measured': '– not measured' };

export function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`)].join('\n');
}

const TITLE: Record<RowKind, string> = {
  validation: 'Validation rows (published numbers no parameter was fitted to)',
  calibration: 'Calibration rows (a parameter was fitted to this number: not evidence)',
  mechanism: 'Mechanism checks (configured behaviour working as configured: not evidence)',
};

const measuredCell = (r: CheckRow): string => (r.miss ? `${r.measured}. **Misses by ${r.miss}**` : r.measured);

function kindTable(kind: RowKind, rows: readonly CheckRow[]): string {
  const mine = rows.filter((r) => r.kind === kind);
  if (kind === 'calibration') {
    return table(['fact', 'fitted parameter and how', 'published band', 'measured', 'fit'],
      mine.map((r) => [`**${r.id}**: ${r.fact} (${r.source})`, `${r.calibrates?.params.join(', ') ?? ''}: ${r.calibrates?.how ?? ''}`, r.publishedBand, measuredCell(r), MARK[r.verdict]]));
  }
  if (kind === 'mechanism') {
    return table(['behaviour', 'configured by', 'expected', 'measured', 'works'],
      mine.map((r) => [`**${r.id}**: ${r.fact} (${r.source})`, r.configured?.join(', ') ?? '', r.publishedBand, measuredCell(r), MARK[r.verdict]]));
  }
  return table(['fact', 'published band', 'measured', 'verdict'], mine.map((r) => [`**${r.id}**: ${r.fact} (${r.source})`, r.publishedBand, measuredCell(r), MARK[r.verdict]]));
}

const tally = (c: KindCounts): string => `${c.holds} hold, ${c.fails} fail, ${c.notMeasured} not measured`;

export function renderValidationMarkdown(v: ValidationReport, extra: readonly string[] = []): string {
  const p = v.points;
  return [
    '# Validation against shared/FACTS.md',
    '',
    `**Validation: ${v.counts.holds} of ${v.counts.holds + v.counts.fails + v.counts.notMeasured} hold** (${tally(v.counts)}). ` +
      `Calibration: ${tally(v.byKind.calibration)}. Mechanism checks: ${tally(v.byKind.mechanism)}. ` +
      `${p.present}${p.total !== undefined ? ` of ${p.total}` : ''} points present (${p.ok} ok, ${p.failed} failed).`,
    '',
    'Bands are the ones shared/FACTS.md states; "~X", "≈ X" and "about X" are read as X ± 5%. Only validation rows count in the headline.',
    '',
    ...ROW_KINDS.flatMap((k) => [`## ${TITLE[k]}`, '', kindTable(k, v.rows), '']),
    '## Facts these experiments do not check',
    '',
    table(['fact', 'published', 'why not'], v.unchecked.map((u) => [`**${u.id}**: ${u.fact} (${u.source})`, u.publishedBand, u.reason])),
    '',
    ...(v.failures.length === 0 ? [] : [
      '## Failed points',
      '',
      'The validation experiments run only points that some fact reads, so every failure here is a bug; the facts that needed the point say "not measured".',
      '',
      table(['workload', 'policy', 'points', 'error'], v.failures.map((f) => [f.workload, f.policy, String(f.count), f.error])),
      '',
    ]),
    ...extra,
  ].join('\n');
}

/** A plain-text table for the terminal: the three kinds apart, then the validation tally. */
export function renderValidationText(v: ValidationReport): string {
  const w = Math.max(...v.rows.map((r) => r.id.length), 2);
  const lines: string[] = [];
  for (const k of ROW_KINDS) {
    lines.push(`== ${TITLE[k]}: ${tally(v.byKind[k])}`);
    for (const r of v.rows.filter((x) => x.kind === k)) {
      lines.push(`${r.id.padEnd(w)}  ${MARK[r.verdict].padEnd(14)}  ${r.measured}${r.miss ? ` [misses by ${r.miss}]` : ''}`);
    }
    lines.push('');
  }
  lines.push(`Validation tally: ${tally(v.counts)} (${v.points.ok} of ${v.points.present} points ok)`);
  return lines.join('\n');
}

/** Writes validation.md and validation.json into `dir`; returns their paths. */
export function writeValidation(dir: string, v: ValidationReport, extra: readonly string[] = [], json: Record<string, unknown> = {}): string[] {
  const md = join(dir, 'validation.md');
  const out = join(dir, 'validation.json');
  writeFileSync(md, renderValidationMarkdown(v, extra));
  writeFileSync(out, `${JSON.stringify({ ...v, ...json }, null, 2)}\n`);
  return [md, out];
}
