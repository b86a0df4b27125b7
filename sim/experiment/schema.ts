/**
 * The JSON Schema (draft 2020-12) of htmsim's YAML files, composed here from the sections each
 * layer declares once (sim/machine/config.ts, sim/interp/config.ts, sim/policies/config.ts) and
 * used three ways: ajv validates experiment files and defaults.yaml with it, `--set` and sweep
 * axes look up the type of a dotted parameter in it, and `htmsim schema` prints it for editors
 * (configs/schema/htmsim.schema.json is this object, generated).
 *
 * The section schemas list every field as required: defaults.yaml must give them all. Experiment
 * files and inline overrides use `partial()` copies, where every field is optional.
 */
import { bool, fieldsOf, int, oneOf, scalar, text, type JsonSchema } from '../common/config-shape.js';
import { interpShape } from '../interp/config.js';
import { machineShape, perturbationShape } from '../machine/config.js';
import { gilShape, htmPolicyShape, nogilShape, POLICY_NAMES, policyShape, stmShape } from '../policies/config.js';
import { pointShape, workloadRefShape } from '../run/point-config.js';
import { roiShape } from '../run/region.js';

export type { JsonSchema } from '../common/config-shape.js';

/** A fully resolved point (what `--set` paths and sweep axes address), declared in sim/run. */
export const pointSchema: JsonSchema = pointShape;

/** A deep copy of `s` where no object requires any key (for overrides). */
export function partial(s: JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === 'required') continue;
    if (k === 'properties' && v && typeof v === 'object') {
      out[k] = Object.fromEntries(Object.entries(v as Record<string, JsonSchema>).map(([pk, pv]) => [pk, partial(pv)]));
    } else out[k] = v;
  }
  return out;
}

/** configs/defaults.yaml: every default, nothing optional. */
export const defaultsSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['machine', 'policy', 'policyInterp', 'interp', 'gil', 'htm', 'stm', 'nogil', 'seed', 'maxCycles', 'timeline', 'repetitions', 'perturbation', 'roi'],
  properties: {
    $schema: { type: 'string' },
    policyInterp: {
      type: 'object',
      description: 'Interpreter settings a policy implies, between `interp` below and what a config sets',
      propertyNames: { enum: [...POLICY_NAMES] },
      additionalProperties: partial(interpShape),
    },
    machine: text('Default machine preset name'),
    policy: oneOf(POLICY_NAMES, 'Default policy name'),
    interp: interpShape,
    gil: gilShape,
    htm: htmPolicyShape,
    stm: stmShape,
    nogil: nogilShape,
    seed: int('Default base seed'),
    maxCycles: int('Default cycle limit', 1),
    timeline: bool('Record timelines by default'),
    repetitions: int('Default number of repetitions', 1),
    perturbation: perturbationShape,
    roi: roiShape,
  },
};

const paramPath: JsonSchema = {
  type: 'string',
  pattern: '^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$',
  description: 'A dotted parameter path (machine.cores, htm.txLength, workload.params.n, …) or a shorthand (cores, policy)',
};

const chartSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['type'],
  properties: {
    type: oneOf(['line', 'bar', 'stacked-bar', 'timeline', 'capacity'], 'Chart kind'),
    title: { type: 'string' },
    x: { type: 'string', description: 'A parameter path, or a metric' },
    y: {
      anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1 }],
      description: 'A metric path inside the record (result.*, derived.*), or a list for stacked bars',
    },
    series: { type: 'string', description: 'One line / bar group per value of this parameter' },
    facet: { type: 'string', description: 'One panel per value of this parameter' },
    logX: { type: 'boolean' },
    logY: { type: 'boolean' },
    errorBars: { type: 'boolean', description: 'Mean ± stddev over repetitions (default: true when repetitions > 1)' },
    where: { type: 'object', additionalProperties: scalar, description: 'Keep only points with these parameter values' },
  },
};

export const reportSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  description: 'What the report shows (docs/results-format.md, ReportSpec)',
  properties: {
    title: { type: 'string' },
    description: { type: 'string', description: 'Markdown allowed' },
    timelinePoint: { type: 'object', additionalProperties: scalar, description: 'Which run\'s timeline to draw (first match)' },
    charts: { type: 'array', items: chartSchema },
    tables: {
      type: 'array',
      items: { type: 'object', additionalProperties: false, required: ['type'], properties: { type: oneOf(['summary', 'points'], 'Table kind') } },
    },
  },
};

const sectionOverrides = {
  interp: partial(interpShape),
  gil: partial(gilShape),
  htm: partial(htmPolicyShape),
  stm: partial(stmShape),
  nogil: partial(nogilShape),
};

const policyEntry: JsonSchema = {
  anyOf: [
    oneOf(POLICY_NAMES, 'A policy with its default parameters'),
    {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: {
        name: fieldsOf(policyShape).name!,
        label: { type: 'string', description: 'Not used by the simulator; for people reading the file' },
        interp: { ...partial(interpShape), description: 'Interpreter settings for this policy entry only' },
        gil: sectionOverrides.gil,
        htm: sectionOverrides.htm,
        stm: sectionOverrides.stm,
        nogil: sectionOverrides.nogil,
      },
    },
  ],
};

const workloadEntry: JsonSchema = {
  anyOf: [
    text('A workload name with its default parameters'),
    {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: fieldsOf(workloadRefShape),
    },
  ],
};

/** An experiment file (configs/*.yaml). */
export const experimentSchema: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://htmsim.invalid/schema/htmsim.schema.json',
  title: 'htmsim experiment',
  description: 'An htmsim experiment: machine, workloads, policies, the sweep over their parameters, and the report.',
  type: 'object',
  additionalProperties: false,
  required: ['name', 'workloads'],
  properties: {
    $schema: { type: 'string' },
    name: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$', description: 'Experiment name; results go to results/<name>/' },
    title: { type: 'string' },
    description: { type: 'string' },
    machine: {
      anyOf: [
        text('A machine preset name or a path to a preset YAML'),
        { ...partial(machineShape), properties: { preset: text('Preset to start from'), ...fieldsOf(partial(machineShape)) } },
      ],
      description: 'A preset name, or a preset plus overrides of any machine field',
    },
    workloads: { type: 'array', minItems: 1, items: workloadEntry, description: 'Workloads to run, each with its parameters' },
    policies: { type: 'array', minItems: 1, items: policyEntry, description: 'Policies to compare, each with its parameters' },
    ...sectionOverrides,
    perturbation: partial(perturbationShape),
    roi: partial(roiShape),
    sweep: {
      type: 'object',
      additionalProperties: false,
      properties: {
        axes: {
          type: 'object',
          propertyNames: paramPath,
          additionalProperties: { type: 'array', minItems: 1, items: scalar },
          description: 'Map of dotted parameter path to the list of its values; the grid product by default',
        },
        zip: {
          type: 'array',
          items: { type: 'array', minItems: 2, items: paramPath },
          description: 'Groups of axes that advance together (equal lengths) instead of forming a product',
        },
      },
    },
    repetitions: int('Runs per point, with seeds derived from `seed`', 1),
    seed: int('Base seed'),
    maxCycles: int('Cycle limit per run', 1),
    timeline: bool('Record per-core timelines'),
    forensics: bool('Record abort forensics in every run (docs/forensics.md); the report then explains why transactions abort'),
    forensicsTop: int('Entries kept per forensics list (default 10)', 1),
    baseline: {
      type: 'object', additionalProperties: scalar,
      description: 'Parameters of the baseline point for speedups (default: policy.name serial, machine.cores 1)',
    },
    report: reportSchema,
  },
};

/** What `htmsim schema` prints and configs/schema/htmsim.schema.json holds: the experiment file
 *  schema, with the defaults file's schema under `$defs/defaults`. */
export const publishedSchema: JsonSchema = { ...experimentSchema, $defs: { defaults: defaultsSchema } };
