/**
 * Run by `npm run build` after tsc: writes dist/sim/common/schema-validators.cjs, the ajv
 * validators of every shape a loader checks (machine presets, configs/defaults.yaml, experiment
 * files), compiled once here so that no start of htmsim pays for ajv's code generation
 * (sim/common/schema-validators.ts); and dist/sim/common/known-yaml.json, the shipped YAML files
 * (configs/defaults.yaml, the machine presets) as parsed now, so that a start does not load the
 * yaml package to read them again (common/located.ts). It lives in this layer because it is the lowest that sees all
 * three shapes.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { knownYamlSource } from '../common/located.js';
import { repoFolder } from '../common/repo-folder.js';
import { precompiledSource } from '../common/schema-validators.js';
import { machineShape } from '../machine/config.js';
import { defaultsSchema, experimentSchema } from './schema.js';

const out = fileURLToPath(new URL('../common/schema-validators.cjs', import.meta.url));
writeFileSync(out, precompiledSource([machineShape, defaultsSchema, experimentSchema]));
process.stdout.write(`written: ${out}\n`);

// The shipped YAML files every exec reads (common/located.ts keys them by their whole text).
const configs = repoFolder('configs', 'defaults.yaml');
const machines = join(configs, 'machines');
const files = [join(configs, 'defaults.yaml'), ...readdirSync(machines).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(machines, f))];
const known = fileURLToPath(new URL('../common/known-yaml.json', import.meta.url));
writeFileSync(known, knownYamlSource(files));
process.stdout.write(`written: ${known}\n`);
