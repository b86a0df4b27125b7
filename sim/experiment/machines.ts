/**
 * Machine presets, through the machine layer's loader (sim/machine/preset-loader.ts) when it is
 * built, otherwise read here from configs/machines/<name>.yaml and checked against the schema.
 * The indirection keeps the experiment layer working while the loader is being written.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { UserError } from '../common/errors.js';
import type { MachineConfig } from '../machine/config.js';
import { configsDir } from './config-dir.js';
import { checkSchema, loadYaml, Problems } from './located.js';
import { machineSchema } from './schema.js';

interface PresetLoaderModule {
  loadMachinePreset(nameOrPath: string): MachineConfig;
  listMachinePresets(): unknown[];
  validateMachineConfig?(value: unknown, file: string): unknown;
}

const loaderSpecifier = '../machine/preset-loader.js';
const loader: PresetLoaderModule | undefined = await import(loaderSpecifier).then(
  (m: Partial<PresetLoaderModule>) => (typeof m.loadMachinePreset === 'function' && typeof m.listMachinePresets === 'function' ? (m as PresetLoaderModule) : undefined),
  () => undefined,
);

function looksLikePath(s: string): boolean {
  return s.includes('/') || s.includes('\\') || s.endsWith('.yaml') || s.endsWith('.yml');
}

export interface PresetInfo { name: string; description: string }

export function listMachinePresets(): PresetInfo[] {
  if (loader) {
    return loader.listMachinePresets().map((p) => {
      if (typeof p === 'string') return { name: p, description: '' };
      const o = p as { name?: unknown; description?: unknown };
      return { name: String(o.name), description: typeof o.description === 'string' ? o.description : '' };
    });
  }
  const dir = join(configsDir(), 'machines');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => {
    const src = loadYaml(join(dir, f));
    const desc = (src.doc.commentBefore ?? '').split('\n')[0]?.trim() ?? '';
    return { name: basename(f, '.yaml'), description: desc };
  });
}

/** A preset by name (configs/machines/<name>.yaml) or by path; a UserError names what is wrong. */
export function loadMachinePreset(nameOrPath: string): MachineConfig {
  if (loader) return loader.loadMachinePreset(nameOrPath);
  const file = looksLikePath(nameOrPath) ? resolve(nameOrPath) : join(configsDir(), 'machines', `${nameOrPath}.yaml`);
  if (!existsSync(file)) {
    const known = listMachinePresets().map((p) => p.name);
    throw new UserError(`unknown machine preset '${nameOrPath}' (known: ${known.join(', ') || 'none'})`);
  }
  const src = loadYaml(file);
  const problems = new Problems(src);
  checkSchema(problems, machineSchema, src.value);
  problems.throwIfAny();
  return src.value as MachineConfig;
}

/** Cross-field checks of a machine after overrides (the machine layer's, when it is built). */
export function validateMachine(machine: MachineConfig, where: string): void {
  if (loader?.validateMachineConfig) {
    loader.validateMachineConfig(machine, where);
    return;
  }
  const problems = new Problems({ file: where });
  checkSchema(problems, machineSchema, machine, ['machine']);
  problems.throwIfAny();
}

export function presetNames(): string[] {
  return listMachinePresets().map((p) => p.name);
}
