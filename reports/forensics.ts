/**
 * The report's "Why transactions abort" section, drawn whenever the sweep recorded abort forensics
 * (`result.forensics`, docs/forensics.md): conflicts by owner as one stacked bar per
 * configuration, the top abort sites with their source lines, and the capacity composition.
 * Reads records only.
 */
import type { ChartPanel } from './chart-data.js';
import { buildChartData } from './chart-data.js';
import { labelFor, valueLabel } from './labels.js';
import { REPETITION_KEYS, varyingParams } from './metrics.js';
import { isObject, type PointRecord } from './records.js';
import type { ChartSpec } from './spec.js';
import { formatNumber } from './summary.js';
import { escapeHtml as e, mdCell } from './text.js';

/** The parameter the section adds to each point: its configuration in words. */
export const CONFIGURATION = 'configuration';

/** How many abort sites each configuration's table shows. */
const SITES_SHOWN = 5;

export interface SiteRow {
  policy: string;
  cause: string;
  file: string;
  line: number;
  function: string;
  source: string;
  count: number;
  wastedCycles: number;
}

export interface ForensicsGroup {
  workload: string;
  configuration: string;
  policy: string;
  runs: number;
  aborts: number;
  sites: SiteRow[];
  /** The most frequent conflict owners (owner kind, detail, count), summed over the runs. */
  conflicts: { owner: string; detail: string; count: number }[];
  capacity: { owner: string; lines: number; share: number }[];
  capacityAborts: number;
}

export interface ForensicsView {
  panels: ChartPanel[];
  /** Configurations whose runs aborted, each with its tables. */
  groups: ForensicsGroup[];
  /** Transactional configurations (htm, stm) that recorded forensics and never aborted. */
  clean: string[];
}

interface ForensicsJson {
  aborts?: unknown;
  sites?: unknown;
  conflicts?: unknown;
  capacity?: unknown;
  capacityAborts?: unknown;
}

function forensicsOf(p: PointRecord): ForensicsJson | undefined {
  const f = p.result.forensics;
  return isObject(f) ? f : undefined;
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isObject) : []);

/**
 * Each point's configuration in words: the values of the parameters that vary (policy, workload
 * and repetitions aside). With several such parameters (switches changed one at a time, say) only
 * the values that differ from each parameter's most common one are named, and a point that
 * differs in none is the "baseline".
 */
function withConfiguration(points: readonly PointRecord[]): PointRecord[] {
  const varying = varyingParams(points).filter((k) => k !== 'policy.name' && k !== 'workload.name' && !REPETITION_KEYS.includes(k));
  const usual = new Map<string, string>();
  if (varying.length > 1) {
    for (const k of varying) {
      const counts = new Map<string, number>();
      for (const p of points) if (k in p.params) counts.set(String(p.params[k]), (counts.get(String(p.params[k])) ?? 0) + 1);
      usual.set(k, [...counts].reduce((a, b) => (b[1] > a[1] ? b : a))[0]);
    }
  }
  const words = (k: string, v: PointRecord['params'][string]): string =>
    (k.startsWith('interp.') ? `${labelFor(k)} ${String(v)}` : valueLabel(k, v));
  return points.map((p) => {
    const named = varying.filter((k) => k in p.params && usual.get(k) !== String(p.params[k]));
    const label = named.map((k) => words(k, p.params[k])).join(', ') || (varying.length > 1 ? 'baseline' : 'all');
    return { ...p, params: { ...p.params, [CONFIGURATION]: label } };
  });
}

/** Sums the runs of one group (repetitions) into one table row set. */
function group(points: readonly PointRecord[]): ForensicsGroup {
  const first = points[0]!;
  const sites = new Map<string, SiteRow>();
  const conflicts = new Map<string, { owner: string; detail: string; count: number }>();
  const capacity = new Map<string, number>();
  let aborts = 0;
  let capacityAborts = 0;
  for (const p of points) {
    const f = forensicsOf(p)!;
    aborts += num(f.aborts);
    capacityAborts += num(f.capacityAborts);
    for (const s of list(f.sites)) {
      const row: SiteRow = {
        policy: str(s.policy), cause: str(s.cause), file: str(s.file), line: num(s.line), function: str(s.function),
        source: str(s.source), count: 0, wastedCycles: 0,
      };
      const key = `${row.policy}\u0000${row.cause}\u0000${row.file}\u0000${row.line}\u0000${row.function}`;
      const have = sites.get(key) ?? row;
      have.count += num(s.count);
      have.wastedCycles += num(s.wastedCycles);
      sites.set(key, have);
    }
    for (const c of list(f.conflicts)) {
      const key = `${str(c.owner)}\u0000${str(c.detail)}`;
      const have = conflicts.get(key) ?? { owner: str(c.owner), detail: str(c.detail), count: 0 };
      have.count += num(c.count);
      conflicts.set(key, have);
    }
    for (const c of list(f.capacity)) capacity.set(str(c.owner), (capacity.get(str(c.owner)) ?? 0) + num(c.lines));
  }
  const total = [...capacity.values()].reduce((a, b) => a + b, 0);
  return {
    workload: String(first.params['workload.name'] ?? ''),
    configuration: String(first.params[CONFIGURATION] ?? ''),
    policy: String(first.params['policy.name'] ?? ''),
    runs: points.length,
    aborts,
    sites: [...sites.values()].sort((a, b) => b.count - a.count || b.wastedCycles - a.wastedCycles).slice(0, SITES_SHOWN),
    conflicts: [...conflicts.values()].sort((a, b) => b.count - a.count).slice(0, 3),
    capacity: [...capacity].map(([owner, lines]) => ({ owner, lines, share: total > 0 ? lines / total : 0 })).sort((a, b) => b.lines - a.lines),
    capacityAborts,
  };
}

/** The section's data, or undefined when no finished point recorded forensics. */
export function forensicsView(points: readonly PointRecord[], number: number): ForensicsView | undefined {
  const recorded = points.filter((p) => p.status === 'ok' && forensicsOf(p) !== undefined);
  if (recorded.length === 0) return undefined;
  const labelled = withConfiguration(recorded);
  const workloads = new Set(labelled.map((p) => String(p.params['workload.name']))).size;
  const policies = new Set(labelled.map((p) => String(p.params['policy.name']))).size;
  const spec: ChartSpec = {
    type: 'stacked-bar', title: 'Conflicts by owner', x: CONFIGURATION, y: 'conflictOwners',
    ...(policies > 1 ? { series: 'policy.name' } : {}), ...(workloads > 1 ? { facet: 'workload.name' } : {}),
  };
  const groups = new Map<string, PointRecord[]>();
  for (const p of labelled) {
    const key = `${String(p.params['workload.name'])}\u0000${String(p.params[CONFIGURATION])}\u0000${String(p.params['policy.name'])}`;
    const g = groups.get(key);
    if (g) g.push(p);
    else groups.set(key, [p]);
  }
  // Runs without a transaction (serial, the GIL) have nothing to explain.
  const all = [...groups.values()].map(group);
  const clean = all.filter((g) => g.aborts === 0 && (g.policy === 'htm' || g.policy === 'stm')).map((g) => `${g.workload} — ${g.configuration} — ${g.policy}`);
  return { panels: buildChartData(spec, labelled, { number }), groups: all.filter((g) => g.aborts > 0), clean };
}

function where(s: SiteRow): string {
  return `${s.file}:${s.line} in ${s.function}`;
}

function capacityText(g: ForensicsGroup): string {
  if (g.capacityAborts === 0) return 'no capacity abort';
  return `${g.capacityAborts} capacity aborts; their sets: ${g.capacity.map((c) => `${c.owner} ${(100 * c.share).toFixed(1)}%`).join(', ')}`;
}

function conflictText(g: ForensicsGroup): string {
  return g.conflicts.length ? g.conflicts.map((c) => `${c.owner}: ${c.detail} (${c.count})`).join('; ') : 'no conflict';
}

const INTRO = 'Abort forensics names, for every aborted transaction, where it was and what the contested line belongs to '
  + '(docs/forensics.md). The chart stacks conflicts by the owner of the line; the tables give each configuration\'s '
  + 'top abort sites with their source lines, its most frequent conflict owners, and what the read and write sets held '
  + 'at capacity aborts.';

const SITE_HEAD = ['aborts', 'wasted cycles', 'policy', 'cause', 'site', 'source line'];

function siteCells(s: SiteRow): string[] {
  return [String(s.count), formatNumber(s.wastedCycles), s.policy, s.cause, where(s), s.source];
}

function groupTitle(g: ForensicsGroup): string {
  return `${g.workload} — ${g.configuration} — ${g.policy}${g.runs > 1 ? ` (${g.runs} runs)` : ''}: ${g.aborts} aborts`;
}

export function forensicsMarkdown(view: ForensicsView, pngs: Map<string, string>): string[] {
  const out: string[] = ['## Why transactions abort', '', INTRO, ''];
  for (const panel of view.panels) {
    out.push(`### ${panel.title}`, '');
    const png = pngs.get(panel.id);
    if (panel.empty) out.push(`_Nothing to draw: ${panel.empty}._`, '');
    else if (png) out.push(`![${panel.title.replace(/[[\]]/g, '')}](${png})`, '');
    out.push(panel.caption, '');
  }
  for (const g of view.groups) {
    out.push(`### ${groupTitle(g)}`, '');
    if (g.sites.length) {
      out.push(`| ${SITE_HEAD.join(' | ')} |`, `| ${SITE_HEAD.map(() => '---').join(' | ')} |`);
      for (const s of g.sites) out.push(`| ${siteCells(s).map((c, i) => (i === 5 && c ? `\`${mdCell(c)}\`` : mdCell(c))).join(' | ')} |`);
      out.push('');
    }
    out.push(`Conflict owners: ${mdCell(conflictText(g))}.`, '', `Capacity: ${mdCell(capacityText(g))}.`, '');
  }
  if (view.clean.length) out.push(`No abort at all: ${view.clean.join('; ')}.`, '');
  return out;
}

export function forensicsHtml(view: ForensicsView, chart: (panel: ChartPanel) => string): string {
  const groups = view.groups.map((g) => {
    const rows = g.sites.map((s) => `<tr>${siteCells(s).map((c, i) => `<td>${i === 5 ? `<code>${e(c)}</code>` : e(c)}</td>`).join('')}</tr>`).join('\n');
    const table = g.sites.length
      ? `<table class="data-table"><thead><tr>${SITE_HEAD.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>`
      : '';
    return `<h3>${e(groupTitle(g))}</h3>${table}<p>Conflict owners: ${e(conflictText(g))}.</p><p>Capacity: ${e(capacityText(g))}.</p>`;
  }).join('\n');
  return `<section id="forensics"><h2>Why transactions abort</h2><p>${e(INTRO)}</p>
${view.panels.map(chart).join('\n')}
${groups}
${view.clean.length ? `<p>No abort at all: ${e(view.clean.join('; '))}.</p>` : ''}
</section>`;
}
