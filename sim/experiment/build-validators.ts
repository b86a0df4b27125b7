/**
 * Run by `npm run build` after tsc: writes dist/sim/common/schema-validators.cjs, the ajv
 * validators of every shape a loader checks (machine presets, configs/defaults.yaml, experiment
 * files), compiled once here so that no start of htmsim pays for ajv's code generation
 * (sim/common/schema-validators.ts). It lives in this layer because it is the lowest that sees all
 * three shapes.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { precompiledSource } from '../common/schema-validators.js';
import { machineShape } from '../machine/config.js';
import { defaultsSchema, experimentSchema } from './schema.js';

const out = fileURLToPath(new URL('../common/schema-validators.cjs', import.meta.url));
writeFileSync(out, precompiledSource([machineShape, defaultsSchema, experimentSchema]));
process.stdout.write(`written: ${out}\n`);
