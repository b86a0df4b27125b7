/** `htmsim list`: what can be named in a config — presets, policies and their parameters, workloads. */
import { listWorkloads, paramTypeText } from '../run/workload-catalog.js';
import { fieldsOf, type JsonSchema } from '../common/config-shape.js';
import { interpShape } from '../interp/config.js';
import { POLICY_NAMES, POLICY_SECTION_SHAPES, POLICY_SECTIONS, SECTION_USERS, type PolicyName, type PolicySection } from '../policies/config.js';
import { loadDefaults } from './defaults.js';
import { listMachinePresets, loadMachinePreset } from './machines.js';
import { allLeafPaths, getPath } from './params.js';
import { pointSchema } from './schema.js';

export const POLICY_DESCRIPTIONS: Record<PolicyName, string> = {
  serial: 'one thread at a time on one core, no synchronization cost: the baseline for speedups',
  gil: 'CPython\'s global interpreter lock (Python 2 ticks or Python 3.2+ switch interval)',
  htm: 'GIL elision with hardware transactions between yield points, falling back to the GIL',
  stm: 'PyPy-style software transactional memory with object-granularity conflicts',
  nogil: 'free threading (PEP 703): per-object locks, biased reference counting, no global lock',
};

export interface ParamListing { path: string; type: string; default: unknown; description: string }

function typeOf(s: JsonSchema): string {
  if (Array.isArray(s.enum)) return (s.enum as string[]).join('|');
  return String(s.type);
}

function sectionParams(name: string, schema: JsonSchema, defaults: Record<string, unknown>): ParamListing[] {
  return Object.entries(fieldsOf(schema)).map(([k, s]) => ({
    path: `${name}.${k}`, type: typeOf(s), default: defaults[k], description: String(s.description ?? ''),
  }));
}

export interface Listing {
  machines: { name: string; description: string }[];
  /** machine.* fields with the default preset's values. */
  machineFields: ParamListing[];
  policies: { name: PolicyName; description: string; params: ParamListing[] }[];
  interp: ParamListing[];
  run: ParamListing[];
  workloads: { name: string; description: string; params: ParamListing[] }[];
}

export function listing(): Listing {
  const d = loadDefaults();
  const sectionOf = (s: PolicySection): ParamListing[] => sectionParams(s, POLICY_SECTION_SHAPES[s], d[s] as unknown as Record<string, unknown>);
  const props = pointSchema.properties as Record<string, JsonSchema>;
  const preset = loadMachinePreset(d.machine);
  const machineFields = allLeafPaths(props.machine!, 'machine').map(({ path, schema }) => ({
    path, type: typeOf(schema), default: getPath({ machine: preset }, path), description: String(schema.description ?? ''),
  }));
  return {
    machines: listMachinePresets(),
    machineFields,
    policies: POLICY_NAMES.map((name) => ({
      name,
      description: POLICY_DESCRIPTIONS[name],
      params: [
        // The interpreter this policy implies instead of the default `interp` (defaults.yaml policyInterp).
        ...Object.entries(d.policyInterp[name] ?? {}).map(([k, v]) => {
          const schema = fieldsOf(interpShape)[k]!;
          return { path: `interp.${k}`, type: typeOf(schema), default: v as unknown, description: `${String(schema.description ?? '')} (this policy's default)` };
        }),
        ...POLICY_SECTIONS.filter((s) => SECTION_USERS[s].includes(name)).flatMap(sectionOf),
      ],
    })),
    interp: sectionParams('interp', interpShape, d.interp as unknown as Record<string, unknown>),
    run: [
      ...(['seed', 'maxCycles', 'timeline'] as const).map((k) => ({ path: k, type: typeOf(props[k]!), default: d[k], description: String(props[k]!.description ?? '') })),
      ...sectionParams('perturbation', props.perturbation!, d.perturbation as unknown as Record<string, unknown>),
      ...sectionParams('roi', props.roi!, d.roi as unknown as Record<string, unknown>),
    ],
    workloads: listWorkloads().map((w) => ({
      name: w.name,
      description: w.description,
      params: w.params.map((p) => ({
        path: `workload.params.${p.name}`, type: p.choices ? p.choices.join('|') : paramTypeText(p), default: p.default, description: p.description,
      })),
    })),
  };
}

function table(rows: ParamListing[], indent: string): string[] {
  const left = rows.map((r) => `${r.path} = ${String(r.default)}`);
  const w = Math.max(0, ...left.map((l) => l.length));
  return rows.map((r, i) => `${indent}${left[i]!.padEnd(w)}  (${r.type}) ${r.description}`);
}

export function formatListing(l: Listing): string {
  const lines: string[] = [];
  lines.push('Machine presets (--machine NAME, or `machine:` in a config; fields as machine.*):');
  const mw = Math.max(0, ...l.machines.map((m) => m.name.length));
  for (const m of l.machines) lines.push(`  ${m.name.padEnd(mw)}  ${m.description}`);
  if (l.machines.length === 0) lines.push('  (none found in configs/machines/)');
  lines.push('', `Machine fields (machine.*; values of the default preset, ${l.machineFields.find((f) => f.path === 'machine.name')?.default ?? ''}):`);
  lines.push(...table(l.machineFields.filter((f) => f.path !== 'machine.name'), '  '));
  lines.push('', 'Policies (--policy NAME, policy.name; parameters with their defaults from configs/defaults.yaml):');
  for (const p of l.policies) {
    lines.push(`  ${p.name}: ${p.description}`);
    lines.push(...table(p.params, '      '));
  }
  lines.push('', 'Interpreter switches (interp.*):', ...table(l.interp, '  '));
  lines.push('', 'Run parameters:', ...table(l.run, '  '));
  lines.push('', 'Workloads (workloads/; parameters as workload.params.*):');
  for (const w of l.workloads) {
    lines.push(`  ${w.name}: ${w.description}`);
    lines.push(...table(w.params, '      '));
  }
  lines.push('', 'Shorthands: cores = machine.cores, policy = policy.name. `htmsim schema` prints the full JSON Schema.');
  return `${lines.join('\n')}\n`;
}
