/** report.md: the summary for a README or a paper draft, linking the PNG charts. */
import { forensicsMarkdown } from './forensics.js';
import type { ReportModel } from './model.js';
import { formatNumber, formatRanges, formatStat, paramText } from './summary.js';
import { mdCell } from './text.js';
import { panelTable } from './html.js';

function mdTable(head: string[], rows: string[][]): string {
  return [`| ${head.map(mdCell).join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`)].join('\n');
}

export function renderMarkdown(model: ReportModel): string {
  const out: string[] = [`# ${model.title.replace(/\n/g, ' ')}`, ''];
  if (model.description) out.push(model.description.trim(), '');
  const c = model.completeness;
  out.push(`${c.total !== undefined ? `${c.present} of ${c.total}` : c.present} points present: ${c.ok} finished, ${c.failed.length} failed, ${c.missing.length} missing.`, '');
  if (c.present === 0) out.push('**No results yet**: the sweep has not finished any point.', '');
  if (c.missing.length) out.push(`**Missing points** (the sweep is still running or was interrupted): indices ${formatRanges(c.missing)}.`, '');
  for (const n of model.notes) out.push(`- ${n}`);
  if (model.notes.length) out.push('');

  const s = model.summary;
  if (s.rows.length) {
    out.push('## Summary', '', `Best policy per workload and core count by ${s.metricLabel}; each policy at its best setting (mean ± stddev).`, '');
    const rows = s.rows.map((r) => {
      const by = new Map(r.entries.map((en) => [en.policy, en]));
      return [r.workload, r.cores, `**${r.best}**${r.ties.length ? ` (≈ ${r.ties.join(', ')})` : ''}`, ...s.policies.map((p) => {
        const en = by.get(p);
        if (!en) return '—';
        const rate = en.abortRate === undefined ? '' : `, ${(en.abortRate * 100).toFixed(1)} % aborts`;
        return `${formatStat(en.metric)}${rate}${en.setting ? ` (${en.setting})` : ''}`;
      })];
    });
    out.push(mdTable(['workload', 'cores', 'best', ...s.policies.map((p) => `${p}: ${s.metricLabel}`)], rows), '');
  }

  if (model.panels.length) {
    out.push('## Charts', '');
    for (const panel of model.panels) {
      out.push(`### ${panel.title}`, '');
      const png = model.pngs.get(panel.id);
      if (panel.empty) out.push(`_Nothing to draw: ${panel.empty}._`, '');
      else if (png) out.push(`![${panel.title.replace(/[[\]]/g, '')}](${png})`, '');
      out.push(panel.caption, '');
      if (!panel.empty && panel.type !== 'timeline') {
        const { head, rows } = panelTable(panel);
        if (rows.length <= 40) out.push(mdTable(head, rows), '');
      }
    }
  }

  if (model.forensics) out.push(...forensicsMarkdown(model.forensics, model.pngs));

  if (c.failed.length) {
    out.push('## Failed points', '', mdTable(['#', 'parameters', 'message'],
      c.failed.map((p) => [String(p.index), paramText(p.params), (p.error ?? '').split('\n')[0]!])), '');
  }
  const env = model.environment;
  out.push('## Environment', '', mdTable(['item', 'value'], [
    ['htmsim', [env.htmsimVersion, ...env.recordedHtmsimVersions.filter((v) => v !== env.htmsimVersion).map((v) => `runs: ${v}`)].join(', ')],
    ['Node.js', [env.nodeVersion, ...env.recordedNodeVersions.filter((v) => v !== env.nodeVersion).map((v) => `runs: ${v}`)].join(', ')],
    ['host', env.host],
    ['date', env.date],
    ['total host time', `${formatNumber(env.totalHostSeconds)} s`],
  ]), '', 'Interactive version with data tables: [report.html](report.html).', '');
  return out.join('\n');
}
