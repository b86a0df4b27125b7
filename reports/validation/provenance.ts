/**
 * Parameter provenance (configs/provenance.yaml): where every value of configs/defaults.yaml and of
 * every machine preset in configs/machines/ comes from — a source, a calibration against a named
 * row of facts.ts, or an assumption. `checkProvenance` lists every parameter without an entry and
 * every entry naming no parameter; `renderParametersMarkdown` writes docs/parameters.md. Reads the
 * YAML files only; never imports the simulator.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { isObject, type Scalar } from '../records.js';
import { mdCell } from '../text.js';
import { FACT_CHECKS } from './facts.js';

export type ProvenanceKind = 'source' | 'calibrated' | 'assumed';
const KINDS: readonly ProvenanceKind[] = ['source', 'calibrated', 'assumed'];

export interface Provenance {
  kind: ProvenanceKind;
  source: string;
  calibratedAgainst?: string;
}

/** One parameter with its value and (when present) its provenance. */
export interface ParamEntry {
  /** `defaults` or a preset name. */
  scope: string;
  path: string;
  value: Scalar;
  provenance: Provenance | undefined;
}

export interface ProvenanceSet {
  defaults: ParamEntry[];
  machines: Map<string, ParamEntry[]>;
  problems: string[];
}

/** Dotted leaves of a parsed YAML mapping. */
export function leavesOf(obj: unknown, prefix = ''): Map<string, Scalar> {
  const out = new Map<string, Scalar>();
  if (!isObject(obj)) return out;
  for (const [k, v] of Object.entries(obj)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (isObject(v)) for (const [p, x] of leavesOf(v, path)) out.set(p, x);
    else out.set(path, v === null || ['string', 'number', 'boolean'].includes(typeof v) ? (v as Scalar) : JSON.stringify(v));
  }
  return out;
}

function readYaml(file: string): unknown {
  return parse(readFileSync(file, 'utf8'), { merge: true }) as unknown;
}

function asProvenance(raw: unknown, where: string, problems: string[]): Provenance | undefined {
  if (!isObject(raw)) {
    problems.push(`${where}: not a mapping { kind, source }`);
    return undefined;
  }
  const kind = raw.kind;
  if (typeof kind !== 'string' || !KINDS.includes(kind as ProvenanceKind)) problems.push(`${where}.kind: must be one of ${KINDS.join(', ')}`);
  if (typeof raw.source !== 'string' || raw.source.trim() === '') problems.push(`${where}.source: missing`);
  const against = raw.calibratedAgainst;
  if (kind === 'calibrated') {
    const rows = FACT_CHECKS.filter((c) => c.kind === 'calibration').map((c) => c.id);
    if (typeof against !== 'string') problems.push(`${where}.calibratedAgainst: a calibrated parameter names its calibration row`);
    else if (!rows.includes(against)) problems.push(`${where}.calibratedAgainst: "${against}" is not a calibration row (${rows.join(', ')})`);
  } else if (against !== undefined) problems.push(`${where}.calibratedAgainst: only for kind calibrated`);
  const extra = Object.keys(raw).filter((k) => !['kind', 'source', 'calibratedAgainst'].includes(k));
  if (extra.length) problems.push(`${where}: unknown key ${extra.join(', ')}`);
  return { kind: kind as ProvenanceKind, source: String(raw.source ?? ''), ...(typeof against === 'string' ? { calibratedAgainst: against } : {}) };
}

/** Pairs every parameter with its entry; problems name the file and the key. */
function pair(scope: string, values: Map<string, Scalar>, entries: unknown, file: string, problems: string[]): ParamEntry[] {
  const table = isObject(entries) ? entries : {};
  if (!isObject(entries)) problems.push(`${file}: ${scope}: missing`);
  const out: ParamEntry[] = [];
  for (const [path, value] of values) {
    const raw = table[path];
    if (raw === undefined) problems.push(`${file}: ${scope}.${path}: no provenance for this parameter`);
    out.push({ scope, path, value, provenance: raw === undefined ? undefined : asProvenance(raw, `${file}: ${scope}.${path}`, problems) });
  }
  for (const path of Object.keys(table)) {
    if (!values.has(path)) problems.push(`${file}: ${scope}.${path}: names no parameter`);
  }
  return out;
}

/** Reads configs/defaults.yaml, configs/machines/*.yaml and configs/provenance.yaml under `root`. */
export function loadProvenance(root = '.'): ProvenanceSet {
  const file = join(root, 'configs/provenance.yaml');
  const problems: string[] = [];
  const prov = readYaml(file);
  const doc = isObject(prov) ? prov : {};
  const defaults = pair('defaults', leavesOf(readYaml(join(root, 'configs/defaults.yaml'))), doc.defaults, file, problems);
  const machines = new Map<string, ParamEntry[]>();
  const presetDir = join(root, 'configs/machines');
  const presets = readdirSync(presetDir).filter((f) => f.endsWith('.yaml')).sort();
  const provMachines = isObject(doc.machines) ? doc.machines : {};
  for (const f of presets) {
    const name = basename(f, '.yaml');
    machines.set(name, pair(`machines.${name}`, leavesOf(readYaml(join(presetDir, f))), provMachines[name], file, problems));
  }
  for (const name of Object.keys(provMachines)) {
    if (!machines.has(name)) problems.push(`${file}: machines.${name}: no preset configs/machines/${name}.yaml`);
  }
  return { defaults, machines, problems };
}

/** Every entry of the set (defaults first, then the presets in name order). */
export function allEntries(set: ProvenanceSet): ParamEntry[] {
  return [...set.defaults, ...[...set.machines.values()].flat()];
}

function kindCell(p: Provenance | undefined): string {
  if (!p) return '**missing**';
  return p.kind === 'calibrated' ? `calibrated against \`${p.calibratedAgainst}\`` : p.kind;
}

function section(title: string, entries: readonly ParamEntry[], prefix: string): string[] {
  const counts = KINDS.map((k) => `${entries.filter((e) => e.provenance?.kind === k).length} ${k}`).join(', ');
  return [
    `## ${title}`,
    '',
    `${entries.length} parameters: ${counts}.`,
    '',
    '| parameter | value | provenance | source |',
    '| --- | --- | --- | --- |',
    ...entries.map((e) => `| \`${prefix}${e.path}\` | ${mdCell(String(e.value))} | ${kindCell(e.provenance)} | ${mdCell(e.provenance?.source ?? '')} |`),
    '',
  ];
}

/** docs/parameters.md. */
export function renderParametersMarkdown(set: ProvenanceSet): string {
  return [
    '# Parameters and where their values come from',
    '',
    'Generated from `configs/provenance.yaml` by `node dist/reports/validation/parameters.js`; do not edit by hand.',
    '`tests/validation/provenance.test.ts` fails when a parameter has no entry, an entry names no parameter, or this file is stale.',
    '',
    '- **source**: taken from the paper, manual, specification or measurement named.',
    '- **calibrated against `<row>`**: fitted so that a published number is reproduced; that number is then a calibration row of the',
    '  validation report (results/validation/validation.md), never evidence.',
    '- **assumed**: a plausible value nobody measured or fitted. Calibrated and assumed numbers are moved ±25% and ±50% by the',
    '  sensitivity sweep (`node dist/reports/validation/sensitivity.js`).',
    '',
    ...section('Defaults (configs/defaults.yaml)', set.defaults, ''),
    ...[...set.machines].flatMap(([name, entries]) => section(`Machine preset \`${name}\` (configs/machines/${name}.yaml)`, entries, 'machine.')),
  ].join('\n');
}
