/**
 * The validators compiled at build time (ajv's standalone code, schema-validators.cjs) must report
 * exactly what ajv compiling the shape at start-up reports: every config message is built from
 * these errors.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { ValidateFunction } from 'ajv';
import type { JsonSchema } from '../../sim/common/config-shape.js';
import { precompiledSource, validatorFor } from '../../sim/common/schema-validators.js';
import { machineShape } from '../../sim/machine/config.js';
import { defaultsSchema, experimentSchema } from '../../sim/experiment/schema.js';

/** Evaluates the generated CommonJS source as the build's module would be. */
function loadSource(source: string): Record<string, () => ValidateFunction> {
  const module = { exports: {} as Record<string, () => ValidateFunction> };
  new Function('module', 'exports', 'require', source)(module, module.exports, createRequire(import.meta.url));
  return module.exports;
}

const BAD: [string, JsonSchema, unknown][] = [
  ['machine', machineShape, { name: 'x', cores: -1, freqGHz: 'fast', l1d: { sizeKiB: 32 }, typo: 1 }],
  ['defaults', defaultsSchema, { machine: 3, policy: 'gil', seed: 1.5 }],
  ['experiment', experimentSchema, { name: 'e', workloads: [{ name: 5 }], policies: 'serial', bogus: true }],
];

describe('validators compiled at build time', () => {
  const built = loadSource(precompiledSource([machineShape, defaultsSchema, experimentSchema]));
  for (const [name, shape, value] of BAD) {
    it(`give the ${name} shape's errors exactly as ajv compiling it now`, () => {
      const pre = built[JSON.stringify(shape)]!();
      const now = validatorFor(shape);
      expect(pre(value)).toBe(false);
      expect(now(value)).toBe(false);
      expect(pre.errors!.length).toBeGreaterThan(0);
      expect(pre.errors).toEqual(now.errors);
    });
  }

  it('are what the build wrote for every shape a loader checks (none falls back to compiling at start)', () => {
    // `npm test` builds first (pretest); the module is looked up by each shape's JSON text.
    const file = new URL('../../dist/sim/common/schema-validators.cjs', import.meta.url);
    const written = createRequire(import.meta.url)(file.pathname) as Record<string, unknown>;
    expect(Object.keys(written).sort()).toEqual([machineShape, defaultsSchema, experimentSchema].map((s) => JSON.stringify(s)).sort());
  });
});
