/**
 * Machine presets: YAML files under configs/machines/, checked against the one declaration of the
 * machine (config.ts) with the loaders' shared checker and position finder (common/located.ts).
 * A bad file gives one line, `file:line:col: key: message`, pointing at the offending key or value.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { UserError } from '../common/errors.js';
import { checkSchema, loadYaml, Problems, type LoadedYaml } from '../common/located.js';
import { repoFolder } from '../common/repo-folder.js';
import { machineShape, type MachineConfig } from './config.js';
import { machineProblems } from './validate.js';

/** The shape (config.ts), then the constraints between fields (validate.ts); one line on failure. */
function validate(value: unknown, problems: Problems): MachineConfig {
  if (checkSchema(problems, machineShape, value)) {
    for (const p of machineProblems(value as MachineConfig)) problems.at(p.keyPath.split('.'), p.message);
  }
  problems.throwFirst();
  return value as MachineConfig;
}

/**
 * Checks that `value` is a complete, possible machine description; `file` names where it came
 * from in the error. Throws UserError (one line) on the first problem.
 */
export function validateMachineConfig(value: unknown, file: string): MachineConfig {
  return validate(value, new Problems({ file }));
}

/** configs/machines/. */
export function machinePresetDir(): string {
  return repoFolder('configs/machines');
}

/** Names of the presets in configs/machines/, sorted. */
export function listMachinePresets(): string[] {
  return readdirSync(machinePresetDir())
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .map((f) => basename(f).replace(/\.ya?ml$/, ''))
    .sort();
}

/** Parses and validates one machine YAML file. */
export function loadMachineFile(file: string): MachineConfig {
  const src: LoadedYaml = loadYaml(file, undefined, 'first');
  return validate(src.value, new Problems(src));
}

/**
 * A preset by name (configs/machines/<name>.yaml) or by path (anything ending in .yaml/.yml or
 * containing a slash, relative to the working directory).
 */
export function loadMachinePreset(nameOrPath: string): MachineConfig {
  if (/\.ya?ml$/.test(nameOrPath) || nameOrPath.includes('/') || nameOrPath.includes('\\')) {
    return loadMachineFile(resolve(nameOrPath));
  }
  const dir = machinePresetDir();
  for (const ext of ['.yaml', '.yml']) {
    const file = join(dir, nameOrPath + ext);
    if (existsSync(file)) return loadMachineFile(file);
  }
  throw new UserError(`unknown machine preset '${nameOrPath}' (known: ${listMachinePresets().join(', ')})`);
}
