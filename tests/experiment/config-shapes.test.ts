/**
 * One declaration per config shape: a machine preset file and an experiment's machine override are
 * checked against the same bounds, field by field. Before the declarations were merged, the
 * preset loader accepted `pageBytes: 64` and `latency: 0` / `memoryLatency: 0` that an experiment
 * override rejected; these tests walk every leaf of the machine declaration and would fail on any
 * such split again. The policy and interpreter sections are checked against defaults.yaml.
 */
import { describe, expect, it } from 'vitest';
import { fieldsOf, type JsonSchema } from '../../sim/common/config-shape.js';
import { UserError } from '../../sim/common/errors.js';
import { interpShape } from '../../sim/interp/config.js';
import { machineShape, type MachineConfig } from '../../sim/machine/config.js';
import { loadMachinePreset, validateMachineConfig } from '../../sim/machine/preset-loader.js';
import { loadDefaults } from '../../sim/experiment/defaults.js';
import { allLeafPaths, setPath } from '../../sim/experiment/params.js';
import { checkAssignment } from '../../sim/experiment/resolve.js';
import { pointSchema } from '../../sim/experiment/schema.js';
import { POLICY_SECTION_SHAPES, POLICY_SECTIONS } from '../../sim/policies/config.js';

const leaves = allLeafPaths(fieldsOf(pointSchema).machine!, 'machine');

/** Values the declaration must reject, and values it must accept, for one leaf. */
function probes(s: JsonSchema): { bad: unknown[]; good: unknown[] } {
  if (Array.isArray(s.enum)) return { bad: ['no-such-value', 1], good: s.enum };
  switch (s.type) {
    case 'integer': {
      const min = s.minimum as number;
      return { bad: [min - 1, min + 0.5, 'x'], good: [min] };
    }
    case 'number':
      return typeof s.exclusiveMinimum === 'number'
        ? { bad: [s.exclusiveMinimum, 'x'], good: [s.exclusiveMinimum + 0.5] }
        : { bad: [(s.minimum as number) - 1, 'x'], good: [s.minimum] };
    case 'boolean': return { bad: ['yes', 1], good: [true] };
    case 'string': return { bad: ['', 3], good: ['x'] };
    default: throw new Error(`no probes for ${JSON.stringify(s)}`);
  }
}

/** The preset loader's verdict on haswell-4c with one field changed: undefined when it loads. */
function presetProblem(path: string, value: unknown): string | undefined {
  const m = loadMachinePreset('haswell-4c') as unknown as Record<string, unknown>;
  // Optional structures haswell-4c lacks are given whole first, so one field of them can be probed.
  const htm = m.htm as Record<string, unknown>;
  // (A tracking mode may name either structure, so both are given for those fields as well.)
  const tracking = /^machine\.htm\.(read|write)SetTracking$/.test(path);
  if (tracking || path.startsWith('machine.htm.buffer.')) htm.buffer = { lines: 8, ways: 1 };
  if (tracking || path.startsWith('machine.htm.signature.')) htm.signature = { bits: 1024, hashes: 2 };
  setPath(m, path.slice('machine.'.length), value);
  try {
    validateMachineConfig(m as unknown as MachineConfig, 'preset.yaml');
    return undefined;
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    return e.message;
  }
}

describe('the machine declaration', () => {
  it('has leaves to check', () => {
    expect(leaves.map((l) => l.path)).toEqual(expect.arrayContaining(['machine.pageBytes', 'machine.l1d.latency', 'machine.memoryLatency', 'machine.htm.readSetTracking']));
  });

  it.each(leaves.map((l) => [l.path, l.schema] as const))('%s: a preset and an experiment override reject and accept the same values', (path, schema) => {
    const { bad, good } = probes(schema);
    for (const v of bad) {
      expect(presetProblem(path, v), `preset with ${path} = ${JSON.stringify(v)}`).toContain(path.slice('machine.'.length));
      expect(checkAssignment(path, v), `override ${path} = ${JSON.stringify(v)}`).toBeDefined();
    }
    for (const v of good) {
      expect(presetProblem(path, v), `preset with ${path} = ${JSON.stringify(v)}`).toBeUndefined();
      expect(checkAssignment(path, v), `override ${path} = ${JSON.stringify(v)}`).toBeUndefined();
    }
  });

  it('rejects a zero-cycle cache hit or memory access and a page smaller than 512 bytes, in both places', () => {
    for (const [path, v] of [['machine.l1d.latency', 0], ['machine.l3.latency', 0], ['machine.memoryLatency', 0], ['machine.pageBytes', 256]] as const) {
      expect(presetProblem(path, v)).toMatch(/must be >= (1|512)/);
      expect(checkAssignment(path, v)).toMatch(/must be >= (1|512)/);
    }
  });

  it('is what the experiment schema composes (not a copy)', () => {
    expect(fieldsOf(pointSchema).machine).toBe(machineShape);
    expect(fieldsOf(pointSchema).interp).toBe(interpShape);
    for (const s of POLICY_SECTIONS) expect(fieldsOf(pointSchema)[s]).toBe(POLICY_SECTION_SHAPES[s]);
  });
});

describe('the interpreter and policy declarations', () => {
  it('defaults.yaml gives exactly the declared fields of every section', () => {
    const d = loadDefaults();
    expect(Object.keys(d.interp).sort()).toEqual(Object.keys(fieldsOf(interpShape)).sort());
    for (const s of POLICY_SECTIONS) expect(Object.keys(d[s]).sort(), s).toEqual(Object.keys(fieldsOf(POLICY_SECTION_SHAPES[s])).sort());
  });

  it.each(['interp', ...POLICY_SECTIONS].flatMap((sec) => allLeafPaths(fieldsOf(pointSchema)[sec]!, sec)).map((l) => [l.path, l.schema] as const))(
    '%s: an override obeys the declared bounds', (path, schema) => {
      const { bad, good } = probes(schema);
      for (const v of bad) expect(checkAssignment(path, v), `${path} = ${JSON.stringify(v)}`).toBeDefined();
      for (const v of good) expect(checkAssignment(path, v), `${path} = ${JSON.stringify(v)}`).toBeUndefined();
    },
  );
});
