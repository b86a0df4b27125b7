/**
 * Writes the validation table of a results folder: `validation.md` (for people and the README) and
 * `validation.json` (for tools), one row per fact of shared/FACTS.md with its verdict, then the
 * facts this experiment does not check and why.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mdCell } from '../text.js';
import type { LoadedResults } from '../records.js';
import { checkFacts, FACT_CHECKS, UNCHECKED_FACTS, type CheckRow, type FactCheck, type UncheckedFact } from './facts.js';

export interface ValidationReport {
  experiment: string | undefined;
  points: { present: number; ok: number; failed: number; total: number | undefined };
  counts: { holds: number; fails: number; notMeasured: number };
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

export function buildValidation(results: LoadedResults, checks: readonly FactCheck[] = FACT_CHECKS): ValidationReport {
  const rows = checkFacts(results.points, checks);
  const ok = results.points.filter((p) => p.status === 'ok').length;
  return {
    experiment: results.experiment?.name,
    points: { present: results.points.length, ok, failed: results.points.length - ok, total: results.experiment?.totalPoints },
    counts: {
      holds: rows.filter((r) => r.verdict === 'holds').length,
      fails: rows.filter((r) => r.verdict === 'fails').length,
      notMeasured: rows.filter((r) => r.verdict === 'not measured').length,
    },
    rows,
    unchecked: [...UNCHECKED_FACTS],
    failures: groupFailures(results),
  };
}

const MARK: Record<CheckRow['verdict'], string> = { holds: '✔ holds', fails: '✘ fails', 'not measured': '– not measured' };

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`)].join('\n');
}

export function renderValidationMarkdown(v: ValidationReport): string {
  const p = v.points;
  return [
    '# Validation against shared/FACTS.md',
    '',
    `${p.present}${p.total !== undefined ? ` of ${p.total}` : ''} points present (${p.ok} ok, ${p.failed} failed). ` +
      `${v.counts.holds} facts hold, ${v.counts.fails} fail, ${v.counts.notMeasured} not measured.`,
    '',
    table(['fact', 'published band', 'measured', 'verdict'], v.rows.map((r) => [`**${r.id}**: ${r.fact} (${r.source})`, r.publishedBand, r.measured, MARK[r.verdict]])),
    '',
    '## Facts this experiment does not check',
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
  ].join('\n');
}

/** A plain-text table for the terminal: id, verdict, measured. */
export function renderValidationText(v: ValidationReport): string {
  const w = Math.max(...v.rows.map((r) => r.id.length), 2);
  const lines = v.rows.map((r) => `${r.id.padEnd(w)}  ${MARK[r.verdict].padEnd(14)}  ${r.measured}`);
  lines.push('', `${v.counts.holds} hold, ${v.counts.fails} fail, ${v.counts.notMeasured} not measured (${v.points.ok} of ${v.points.present} points ok)`);
  return lines.join('\n');
}

/** Writes validation.md and validation.json into `dir`; returns their paths. */
export function writeValidation(dir: string, v: ValidationReport): string[] {
  const md = join(dir, 'validation.md');
  const json = join(dir, 'validation.json');
  writeFileSync(md, renderValidationMarkdown(v));
  writeFileSync(json, `${JSON.stringify(v, null, 2)}\n`);
  return [md, json];
}
