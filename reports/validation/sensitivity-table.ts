/**
 * One-at-a-time sensitivity of the validation rows: every calibrated or assumed numeric parameter
 * (configs/provenance.yaml) moved by ±25% and ±50%, and which rows change verdict. A row that flips
 * under ±25% of an assumed parameter is fragile: its verdict rests on a number nobody measured.
 * This module plans the sweep, evaluates one variant's records, and renders the table and the
 * tornado chart (SVG); sensitivity.ts runs it. Never imports the simulator.
 */
import { mdCell } from '../text.js';
import type { PointRecord } from '../records.js';
import { checkFacts, type RowKind, type Verdict } from './facts.js';
import type { ProvenanceSet } from './provenance.js';
import { flagEchoes } from './render.js';

export const FACTORS = [0.5, 0.75, 1.25, 1.5] as const;

/** Parameters of the sweep and the policies whose points they reach ('all': every point). */
export interface SweepParam {
  path: string;
  kind: 'calibrated' | 'assumed';
  base: number;
  scope: readonly string[] | 'all';
  variants: { factor: number; value: number }[];
  /** Factors whose value rounds back to the base (integer parameters): nothing to run. */
  unchanged: number[];
}

export interface SweepPlan {
  params: SweepParam[];
  excluded: { path: string; reason: string }[];
}

/** Assumed numbers that are run settings or swept axes, not model costs. */
const EXCLUDED: Record<string, string> = {
  seed: 'run setting (randomness, not a cost)',
  maxCycles: 'run setting (a safety limit; no point reaches it)',
  repetitions: 'run setting',
  'htm.txLength': 'swept over 10–20,000 bytecodes by validation-length.yaml (the lemming and length rows are its sensitivity); the other HTM rows select their points at 100',
};

function scopeOf(path: string): readonly string[] | 'all' {
  if (path.startsWith('machine.htm.')) return ['htm', 'nogil']; // nogil runs the rtm probes
  const head = path.split('.')[0]!;
  if (head === 'gil') return ['gil', 'htm']; // htm falls back to the GIL
  if (head === 'htm' || head === 'stm' || head === 'nogil') return [head];
  return 'all';
}

/** The sweep over the defaults and the haswell preset (the machine every validation part runs). */
export function planSweep(set: ProvenanceSet, preset = 'haswell'): SweepPlan {
  const params: SweepParam[] = [];
  const excluded: SweepPlan['excluded'] = [];
  const entries = [...set.defaults, ...(set.machines.get(preset) ?? []).map((e) => ({ ...e, path: `machine.${e.path}` }))];
  for (const e of entries) {
    const kind = e.provenance?.kind;
    if (kind !== 'calibrated' && kind !== 'assumed') continue;
    if (EXCLUDED[e.path]) {
      excluded.push({ path: e.path, reason: EXCLUDED[e.path]! });
      continue;
    }
    if (typeof e.value !== 'number') {
      excluded.push({ path: e.path, reason: `a choice (${String(e.value)}), not a number to scale` });
      continue;
    }
    const base = e.value;
    const variants: SweepParam['variants'] = [];
    const unchanged: number[] = [];
    for (const factor of FACTORS) {
      const raw = base * factor;
      const value = Number.isInteger(base) ? Math.round(raw) : Number(raw.toPrecision(6));
      if (value === base) unchanged.push(factor);
      else variants.push({ factor, value });
    }
    params.push({ path: e.path, kind, base, scope: scopeOf(e.path), variants, unchanged });
  }
  return { params, excluded };
}

/** Base records kept for a variant: those of policies the parameter does not reach. */
export function keptBase(base: readonly PointRecord[], scope: SweepParam['scope']): PointRecord[] {
  if (scope === 'all') return [];
  return base.filter((r) => !scope.includes(String(r.params['policy.name'] ?? '')));
}

export interface RowVerdicts {
  [rowId: string]: { kind: RowKind; verdict: Verdict; value: number | null };
}

export function verdictsOf(records: readonly PointRecord[]): RowVerdicts {
  const out: RowVerdicts = {};
  for (const r of flagEchoes(checkFacts(records), records)) out[r.id] = { kind: r.kind, verdict: r.verdict, value: r.value };
  return out;
}

export interface SensitivityResult {
  seconds: number;
  points: number;
  base: RowVerdicts;
  params: (Omit<SweepParam, 'variants'> & { variants: { factor: number; value: number; rows: RowVerdicts }[] })[];
  excluded: SweepPlan['excluded'];
  /** Variants ("path ×factor") not swept yet (an interrupted sweep; rerun to finish, it resumes). */
  pending: string[];
}

/** Rows whose verdict under a variant differs from the base. */
export function flips(base: RowVerdicts, variant: RowVerdicts): string[] {
  return Object.keys(base).filter((id) => variant[id] !== undefined && variant[id]!.verdict !== base[id]!.verdict);
}

const pctOf = (f: number): string => `${f > 1 ? '+' : '−'}${Math.round(Math.abs(f - 1) * 100)}%`;

/** Fragile rows: those flipping under ±25% of an assumed parameter, with the parameters. */
export function fragileRows(s: SensitivityResult): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of s.params) {
    if (p.kind !== 'assumed') continue;
    for (const v of p.variants) {
      if (Math.abs(v.factor - 1) > 0.26) continue;
      for (const id of flips(s.base, v.rows)) out.set(id, [...(out.get(id) ?? []), `${p.path} ${pctOf(v.factor)}`]);
    }
  }
  return out;
}

function cell(s: SensitivityResult, p: SensitivityResult['params'][number], factor: number): string {
  if (p.unchanged.includes(factor)) return 'n/a (rounds to the base value)';
  const v = p.variants.find((x) => x.factor === factor);
  if (!v) return 'not run yet';
  const f = flips(s.base, v.rows).map((id) => `${id} → ${v.rows[id]!.verdict}`);
  return `${v.value}: ${f.length ? f.join('; ') : '—'}`;
}

export function renderSensitivityMarkdown(s: SensitivityResult, tornadoFile: string | undefined): string[] {
  const fragile = fragileRows(s);
  const pending25 = s.pending.filter((p) => p.endsWith('×0.75') || p.endsWith('×1.25')).length;
  const minutes = `${Math.floor(s.seconds / 60)} min ${Math.round(s.seconds % 60)} s`;
  return [
    '## Sensitivity',
    '',
    `Every calibrated or assumed numeric parameter of configs/provenance.yaml moved ±25% and ±50%, one at a time (integers rounded); ` +
      `only the points of the policies a parameter reaches were re-run (${s.points} point results evaluated, ${minutes} of wall time with --jobs 1 on this shared 2-core host). ` +
      'A cell lists the rows whose verdict changes (— none). A row that flips under ±25% of an assumed parameter is **fragile**.',
    '',
    ...(tornadoFile ? [`![Rows flipped per parameter](${tornadoFile})`, ''] : []),
    `| parameter | kind | base | ${FACTORS.map(pctOf).join(' | ')} |`,
    `| --- | --- | --- | ${FACTORS.map(() => '---').join(' | ')} |`,
    ...s.params.map((p) => `| \`${p.path}\` | ${p.kind} | ${p.base} | ${FACTORS.map((f) => mdCell(cell(s, p, f))).join(' | ')} |`),
    '',
    fragile.size === 0
      ? `No row flips under ±25% of an assumed parameter${pending25 ? ` among the ±25% variants run so far (${pending25} not run yet)` : ''}.`
      : `**Fragile** (flip under ±25% of an assumed parameter): ${[...fragile].map(([id, ps]) => `\`${id}\` (${ps.join(', ')})`).join('; ')}.`,
    '',
    ...(s.pending.length ? [`**Not swept yet** (the sweep was cut; rerun it, it resumes): ${s.pending.map((p) => `\`${p}\``).join(', ')}.`, ''] : []),
    `Not moved: ${s.excluded.map((e) => `\`${e.path}\` (${e.reason})`).join('; ')}.`,
    '',
  ];
}

const esc = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Tornado chart: one bar pair per parameter, rows flipped by a decrease to the left and by an
 * increase to the right (dark: ±25%, light: ±50% only), parameters sorted by total flips.
 */
export function tornadoSvg(s: SensitivityResult): string {
  const count = (p: SensitivityResult['params'][number], factors: readonly number[]) => {
    const ids = new Set<string>();
    for (const v of p.variants) if (factors.includes(v.factor)) for (const id of flips(s.base, v.rows)) ids.add(id);
    return ids.size;
  };
  const bars = s.params.map((p) => ({
    label: `${p.path} (${p.kind})${s.pending.some((x) => x.startsWith(`${p.path} ×`)) ? ' *' : ''}`,
    l25: count(p, [0.75]), l50: count(p, [0.5, 0.75]), r25: count(p, [1.25]), r50: count(p, [1.25, 1.5]),
  })).sort((a, b) => b.l50 + b.r50 - (a.l50 + a.r50) || a.label.localeCompare(b.label));
  const max = Math.max(1, ...bars.map((b) => Math.max(b.l50, b.r50)));
  const rowH = 22;
  const labelW = 380;
  const half = 220;
  const mid = labelW + half;
  const width = labelW + 2 * half + 20;
  const height = 60 + bars.length * rowH + 50;
  const unit = half / max;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${width / 2}" y="18" text-anchor="middle" font-size="14">Rows whose verdict flips (any kind), per parameter moved one at a time</text>`,
    `<text x="${mid - half / 2}" y="38" text-anchor="middle">decrease (−25% dark, −50% light)</text>`,
    `<text x="${mid + half / 2}" y="38" text-anchor="middle">increase (+25% dark, +50% light)</text>`,
  ];
  bars.forEach((b, i) => {
    const y = 50 + i * rowH;
    out.push(`<text x="${labelW - 6}" y="${y + 14}" text-anchor="end">${esc(b.label)}</text>`);
    out.push(`<rect x="${mid - b.l50 * unit}" y="${y + 3}" width="${b.l50 * unit}" height="${rowH - 6}" fill="#9ecae1"/>`);
    out.push(`<rect x="${mid - b.l25 * unit}" y="${y + 3}" width="${b.l25 * unit}" height="${rowH - 6}" fill="#3182bd"/>`);
    out.push(`<rect x="${mid}" y="${y + 3}" width="${b.r50 * unit}" height="${rowH - 6}" fill="#fdae6b"/>`);
    out.push(`<rect x="${mid}" y="${y + 3}" width="${b.r25 * unit}" height="${rowH - 6}" fill="#e6550d"/>`);
    if (b.l50 + b.r50 > 0) out.push(`<text x="${mid + b.r50 * unit + 4}" y="${y + 14}">${b.l50}/${b.r50}</text>`);
  });
  const axisY = 50 + bars.length * rowH + 4;
  out.push(`<line x1="${mid}" y1="44" x2="${mid}" y2="${axisY}" stroke="black"/>`);
  for (let k = 0; k <= max; k++) {
    for (const x of k === 0 ? [mid] : [mid - k * unit, mid + k * unit]) out.push(`<text x="${x}" y="${axisY + 14}" text-anchor="middle">${k}</text>`);
  }
  if (s.pending.length) out.push(`<text x="10" y="${axisY + 34}">* not every variant of this parameter has run yet (the sweep was cut; it resumes)</text>`);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
