/**
 * A/B comparison of two results directories (`htmsim compare DIR_A DIR_B`): what a researcher
 * needs after changing a parameter or the model. Points are matched by their parameters (the
 * repetition keys aside); for each metric the ratio of the means B/A, flagged when the change is
 * larger than the repetitions' noise. With a single run per side the noise is unknown: the change
 * is given, not flagged, and the comparison says so.
 *
 * "Larger than the noise": |mean B − mean A| > 2 standard errors of the difference
 * (√(sd_A²/n_A + sd_B²/n_B)), Welch's rough two-sigma rule, with at least two runs on each side.
 */
import { existsSync, statSync } from 'node:fs';
import { ReportError } from './errors.js';
import { configKey, numberAt, stat, REPETITION_KEYS, type Stat } from './metrics.js';
import { loadResults, isObject, type PointRecord } from './records.js';
import { valueLabel } from './labels.js';
import { escapeHtml as e } from './text.js';

/** The metrics compared, with the label a reader sees. */
export const COMPARED_METRICS: readonly { path: string; label: string }[] = [
  { path: 'result.simCycles', label: 'simulated time (cycles)' },
  { path: 'result.bytecodes', label: 'bytecodes executed' },
  { path: 'result.htm.aborted', label: 'HTM aborts' },
  { path: 'result.htm.fallbacks', label: 'HTM fallbacks to the lock' },
  { path: 'result.stm.aborted', label: 'STM aborts' },
  { path: 'computed.wastedCycles', label: 'cycles in aborted transactions' },
  { path: 'computed.lockWaitCycles', label: 'lock-wait cycles (all cores)' },
  { path: 'result.caches.l1d.misses', label: 'L1D misses' },
  { path: 'result.coherence.messages', label: 'coherence messages' },
];

export type Verdict = 'moved' | 'within noise' | 'unchanged' | 'noise unknown';

export interface MetricComparison {
  metric: string;
  a: Stat;
  b: Stat;
  /** mean B / mean A (undefined when A's mean is 0 and B's is not). */
  ratio: number | undefined;
  verdict: Verdict;
}

export interface PointComparison {
  /** The point's parameters in words ("stm · 4 cores"). */
  label: string;
  key: string;
  metrics: MetricComparison[];
}

export interface Comparison {
  dirA: string;
  dirB: string;
  points: PointComparison[];
  /** Configurations present in only one directory. */
  onlyA: string[];
  onlyB: string[];
  /** Resolved-config values that differ between A and B on matched points ("interp.refcount: cpython → none"). */
  configChanges: string[];
  /** At least two runs per configuration on both sides: changes can be judged against noise. */
  repetitions: boolean;
  moved: number;
}

function groupOk(points: readonly PointRecord[]): Map<string, PointRecord[]> {
  const m = new Map<string, PointRecord[]>();
  for (const p of points) {
    if (p.status !== 'ok') continue;
    const k = configKey(p);
    const g = m.get(k);
    if (g) g.push(p);
    else m.set(k, [p]);
  }
  return m;
}

function labelOf(p: PointRecord): string {
  const parts = Object.keys(p.params).filter((k) => !REPETITION_KEYS.includes(k)).map((k) => valueLabel(k, p.params[k]));
  return parts.length ? parts.join(' · ') : 'the only configuration';
}

function verdict(a: Stat, b: Stat): Verdict {
  if (a.mean === b.mean) return 'unchanged';
  if (a.n < 2 || b.n < 2) return 'noise unknown';
  const se = Math.sqrt((a.sd * a.sd) / a.n + (b.sd * b.sd) / b.n);
  return Math.abs(b.mean - a.mean) > 2 * se ? 'moved' : 'within noise';
}

/** Leaf values of a JSON object by dotted path. */
function flatten(v: unknown, prefix: string, out: Map<string, string>): void {
  if (isObject(v)) {
    for (const [k, x] of Object.entries(v)) flatten(x, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix, JSON.stringify(v));
  }
}

function configChanges(a: PointRecord, b: PointRecord): string[] {
  const fa = new Map<string, string>();
  const fb = new Map<string, string>();
  flatten(a.result.config, '', fa);
  flatten(b.result.config, '', fb);
  const out: string[] = [];
  for (const k of new Set([...fa.keys(), ...fb.keys()])) {
    if (fa.get(k) !== fb.get(k)) out.push(`${k}: ${fa.get(k) ?? '(absent)'} → ${fb.get(k) ?? '(absent)'}`);
  }
  return out;
}

function readDir(dir: string): PointRecord[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ReportError(`${dir}: no such results directory`);
  const loaded = loadResults(dir);
  if (!loaded.points.some((p) => p.status === 'ok')) throw new ReportError(`${dir}: no finished points to compare`);
  return loaded.points;
}

export function compareResults(dirA: string, dirB: string): Comparison {
  const ga = groupOk(readDir(dirA));
  const gb = groupOk(readDir(dirB));
  const points: PointComparison[] = [];
  let repetitions = true;
  let moved = 0;
  let changes: string[] | undefined;
  for (const [key, ra] of ga) {
    const rb = gb.get(key);
    if (!rb) continue;
    changes ??= configChanges(ra[0]!, rb[0]!);
    if (ra.length < 2 || rb.length < 2) repetitions = false;
    const metrics: MetricComparison[] = [];
    for (const m of COMPARED_METRICS) {
      const va = ra.map((p) => numberAt(p, m.path)).filter((v): v is number => v !== undefined);
      const vb = rb.map((p) => numberAt(p, m.path)).filter((v): v is number => v !== undefined);
      const a = stat(va);
      const b = stat(vb);
      if (!a || !b || (a.mean === 0 && b.mean === 0)) continue;
      const v = verdict(a, b);
      if (v === 'moved') moved++;
      metrics.push({ metric: m.label, a, b, ratio: a.mean !== 0 ? b.mean / a.mean : undefined, verdict: v });
    }
    points.push({ label: labelOf(ra[0]!), key, metrics });
  }
  const label = (g: Map<string, PointRecord[]>, k: string) => labelOf(g.get(k)![0]!);
  return {
    dirA, dirB, points,
    onlyA: [...ga.keys()].filter((k) => !gb.has(k)).map((k) => label(ga, k)),
    onlyB: [...gb.keys()].filter((k) => !ga.has(k)).map((k) => label(gb, k)),
    configChanges: changes ?? [],
    repetitions: repetitions && points.length > 0,
    moved,
  };
}

function num(v: number): string {
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e15 || a < 1e-3)) return v.toExponential(3);
  return a >= 1000 ? Math.round(v).toLocaleString('en-US') : String(Number(v.toPrecision(4)));
}

function cell(s: Stat): string {
  return s.n > 1 ? `${num(s.mean)} ± ${num(s.sd)} (n=${s.n})` : num(s.mean);
}

function ratioText(r: number | undefined): string {
  return r === undefined ? 'new' : `${r.toFixed(3)}×`;
}

/** The headline: what differs, and whether changes could be judged against noise. */
export function comparisonNotes(c: Comparison): string[] {
  const notes: string[] = [];
  notes.push(c.configChanges.length ? `Configuration differences (A → B): ${c.configChanges.join('; ')}.` : 'The matched points have identical configurations.');
  notes.push(c.repetitions
    ? `${c.moved} change${c.moved === 1 ? '' : 's'} larger than the repetitions' noise (2 standard errors), marked "moved".`
    : 'No repetitions on one side or both: the noise is unknown, so changes are listed but none is flagged (run with reps ≥ 2 to judge them).');
  if (c.onlyA.length) notes.push(`Only in A (not compared): ${c.onlyA.join(', ')}.`);
  if (c.onlyB.length) notes.push(`Only in B (not compared): ${c.onlyB.join(', ')}.`);
  if (c.points.length === 0) notes.push('No configuration is present in both directories: nothing to compare.');
  return notes;
}

/** A plain-text table for a terminal. */
export function formatComparison(c: Comparison): string {
  const head = ['configuration', 'metric', 'A', 'B', 'B / A', ''];
  const rows: string[][] = [head];
  for (const p of c.points) {
    for (const m of p.metrics) rows.push([p.label, m.metric, cell(m.a), cell(m.b), ratioText(m.ratio), m.verdict === 'moved' ? 'MOVED' : m.verdict === 'noise unknown' ? '' : m.verdict]);
  }
  const widths = head.map((_, j) => Math.max(...rows.map((r) => r[j]!.length)));
  const lines = rows.map((r) => r.map((x, j) => (j >= 2 && j <= 4 ? x.padStart(widths[j]!) : x.padEnd(widths[j]!))).join('  ').trimEnd());
  return [`A: ${c.dirA}`, `B: ${c.dirB}`, ...comparisonNotes(c), '', ...lines].join('\n') + '\n';
}

/** A small self-contained HTML page with the same table. */
export function comparisonHtml(c: Comparison): string {
  const rows = c.points.flatMap((p) => p.metrics.map((m) =>
    `<tr class="${m.verdict === 'moved' ? 'moved' : ''}"><td>${e(p.label)}</td><td>${e(m.metric)}</td><td>${e(cell(m.a))}</td><td>${e(cell(m.b))}</td><td>${e(ratioText(m.ratio))}</td><td>${e(m.verdict)}</td></tr>`));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>htmsim compare: ${e(c.dirA)} → ${e(c.dirB)}</title>
<style>body{font-family:'DejaVu Sans',Arial,sans-serif;margin:2em;max-width:80em}table{border-collapse:collapse}
td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left}td:nth-child(n+3){text-align:right;font-variant-numeric:tabular-nums}
tr.moved td{background:#fde2e1;font-weight:bold}.note{color:#444}</style></head>
<body><h1>Comparison of two results directories</h1>
<p>A: <code>${e(c.dirA)}</code><br>B: <code>${e(c.dirB)}</code></p>
${comparisonNotes(c).map((n) => `<p class="note">${e(n)}</p>`).join('\n')}
<table class="compare-table"><thead><tr><th>configuration</th><th>metric</th><th>A</th><th>B</th><th>B / A</th><th>verdict</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>
<p class="note">Values are means over repetitions (± standard deviation, n runs). "moved": |B − A| exceeds two standard errors of the difference.</p>
</body></html>
`;
}
