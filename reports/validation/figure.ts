/**
 * Published Haswell RTM capacity points (docs/validation/haswell-capacity.yaml) beside htmsim's
 * probes (validation-probes.yaml): a table with the error per point and an SVG chart on a log KiB
 * axis. Each point is a range: the published one, and the simulated one the probe's resolution
 * allows (a knee lies between two tested sizes). Never imports the simulator.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { isObject, type PointRecord } from '../records.js';
import { mdCell } from '../text.js';
import { HASWELL, metricOf, paramOf, QUIET_INTERP, READ_ONLY_INTERP, select, type Where } from './facts.js';

export const FIGURE_FILE = 'docs/validation/haswell-capacity.yaml';

type Probe = 'write-knee' | 'read-max';

export interface FigurePoint {
  id: string;
  label: string;
  source: string;
  published: { lo: number; hi: number };
  probe: Probe;
  /** null when the probe's points are missing or show no knee/limit. */
  simulated: { lo: number; hi: number } | null;
  /** (simulated midpoint − published midpoint) / published midpoint. */
  error: number | null;
  overlaps: boolean | null;
}

export interface Figure {
  file: string;
  points: FigurePoint[];
}

/** Commit ratio by size of a capacity probe under nogil. */
function curve(records: readonly PointRecord[], where: Where): [number, number][] {
  const out = new Map<number, number>();
  for (const r of select(records, { ...HASWELL, 'policy.name': 'nogil', 'workload.params.line': 64, ...where })) {
    const kib = paramOf(r, 'workload.params.kib');
    const ratio = metricOf(r, 'result.metrics.commit_ratio');
    if (typeof kib === 'number' && ratio !== undefined && !out.has(kib)) out.set(kib, ratio);
  }
  return [...out].sort((a, b) => a[0] - b[0]);
}

export function simulatedRange(records: readonly PointRecord[], probe: Probe): { lo: number; hi: number } | null {
  if (probe === 'write-knee') {
    const c = curve(records, { ...QUIET_INTERP, 'workload.name': 'capacity-write' });
    const i = c.findIndex(([, r]) => r < 0.5);
    return i > 0 ? { lo: c[i - 1]![0], hi: c[i]![0] } : null;
  }
  const c = curve(records, { ...READ_ONLY_INTERP, 'workload.name': 'capacity-read' });
  const committed = c.filter(([, r]) => r > 0).map(([k]) => k);
  const aborted = c.filter(([k, r]) => r === 0 && k > Math.max(0, ...committed)).map(([k]) => k);
  return committed.length && aborted.length ? { lo: Math.max(...committed), hi: Math.min(...aborted) } : null;
}

export function buildFigure(records: readonly PointRecord[], file = FIGURE_FILE): Figure {
  const doc = parse(readFileSync(file, 'utf8')) as unknown;
  const raw = isObject(doc) && Array.isArray(doc.points) ? doc.points : [];
  const points: FigurePoint[] = [];
  for (const p of raw) {
    if (!isObject(p) || !isObject(p.published)) throw new Error(`${file}: points[${points.length}]: needs id, label, published { lo, hi }, simulated, source`);
    const probe = p.simulated === 'read-max' ? 'read-max' : 'write-knee';
    const published = { lo: Number(p.published.lo), hi: Number(p.published.hi) };
    const simulated = simulatedRange(records, probe);
    const mid = (r: { lo: number; hi: number }) => (r.lo + r.hi) / 2;
    points.push({
      id: String(p.id), label: String(p.label), source: String(p.source), published, probe, simulated,
      error: simulated ? (mid(simulated) - mid(published)) / mid(published) : null,
      overlaps: simulated ? simulated.lo <= published.hi && simulated.hi >= published.lo : null,
    });
  }
  return { file, points };
}

const kib = (x: number): string => (x >= 1024 ? `${+(x / 1024).toFixed(2)} MiB` : `${x} KiB`);
const range = (r: { lo: number; hi: number }): string => (r.lo === r.hi ? kib(r.lo) : `${kib(r.lo)}–${kib(r.hi)}`);
const signed = (e: number): string => `${e >= 0 ? '+' : '−'}${Math.abs(e * 100).toFixed(0)}%`;

export function renderFigureMarkdown(f: Figure, svgFile: string): string[] {
  return [
    '## Published Haswell capacity points beside htmsim',
    '',
    `Not a whole figure (the whole published figure reproduced is the PyPy-STM one above): no capacity curve's plotted data could be found as text, so these are the capacity numbers the papers state, with their sources (${f.file}). ` +
      'The simulated range is what the probes resolve (a write knee lies between two tested sizes; the read limit between the largest committed and the smallest aborted size). ' +
      'Error: simulated midpoint against published midpoint.',
    '',
    `![Published and simulated Haswell RTM capacities](${svgFile})`,
    '',
    '| point | published | htmsim | error | ranges overlap | source |',
    '| --- | --- | --- | --- | --- | --- |',
    ...f.points.map((p) => `| ${mdCell(p.label)} | ${range(p.published)} | ${p.simulated ? range(p.simulated) : 'not measured'} | ${p.error === null ? '—' : signed(p.error)} | ${p.overlaps === null ? '—' : p.overlaps ? 'yes' : 'no'} | ${mdCell(p.source)} |`),
    '',
    'Where htmsim differs: its write knee (24–26 KiB) lies above the 16–20 KiB reported on real parts and above the ~22 KB measured on an i7-4770. ' +
      'In htmsim a transactional line is lost only when its L1D set overflows (LRU over the probe\'s lines and the interpreter\'s own), so the knee falls ' +
      'where the probe plus the interpreter\'s working set fill the sets. Real parts abort earlier; candidate causes htmsim does not model are the ' +
      'undocumented replacement policy, the hardware prefetchers and the sibling hyper-thread sharing the L1D (not verified here). ' +
      'Its read limit sits at the L3 size (7.5 MiB commits, 9 MiB does not), as Dice et al. found; Nakaike et al.\'s ~4 MB load capacity on the same ' +
      'part is about half of that, so htmsim, which follows Dice et al., misses it by about +100%; which setup explains the two papers\' difference is not known here.',
    '',
  ];
}

const esc = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Log-KiB axis from 8 KiB to 16 MiB; per point a blue published bar and an orange simulated bar. */
export function figureSvg(f: Figure): string {
  const labelW = 280;
  const plotW = 520;
  const rowH = 44;
  const width = labelW + plotW + 90;
  const height = 70 + f.points.length * rowH + 40;
  const lo = Math.log2(8);
  const hi = Math.log2(16384);
  const x = (k: number): number => labelW + ((Math.log2(k) - lo) / (hi - lo)) * plotW;
  const bar = (r: { lo: number; hi: number }, y: number, color: string): string => {
    const w = Math.max(4, x(r.hi) - x(r.lo));
    return `<rect x="${x(r.lo) - (r.lo === r.hi ? 2 : 0)}" y="${y}" width="${w}" height="12" fill="${color}"/>`;
  };
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${width / 2}" y="18" text-anchor="middle" font-size="14">Haswell RTM capacity: published (blue) and htmsim (orange), KiB, log scale</text>`,
  ];
  f.points.forEach((p, i) => {
    const y = 40 + i * rowH;
    out.push(`<text x="${labelW - 8}" y="${y + 22}" text-anchor="end">${esc(p.label)}</text>`);
    out.push(bar(p.published, y + 6, '#3182bd'));
    if (p.simulated) out.push(bar(p.simulated, y + 22, '#e6550d'));
    out.push(`<text x="${labelW + plotW + 8}" y="${y + 22}">${p.error === null ? 'n/m' : signed(p.error)}</text>`);
  });
  const axisY = 40 + f.points.length * rowH + 6;
  out.push(`<line x1="${labelW}" y1="${axisY}" x2="${labelW + plotW}" y2="${axisY}" stroke="black"/>`);
  for (let k = 8; k <= 16384; k *= 4) {
    out.push(`<line x1="${x(k)}" y1="34" x2="${x(k)}" y2="${axisY}" stroke="#ddd"/>`);
    out.push(`<text x="${x(k)}" y="${axisY + 16}" text-anchor="middle">${kib(k)}</text>`);
  }
  out.push(`<text x="${labelW + plotW + 8}" y="34">error</text>`);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
