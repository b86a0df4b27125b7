/** Machine presets for the experiment layer: the machine layer's loader and checks, plus descriptions for `list`. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../common/errors.js';
import type { MachineConfig } from '../machine/config.js';
import { listMachinePresets as presetNames, loadMachinePreset as loadPreset, machinePresetDir } from '../machine/preset-loader.js';
import { machineProblems, type ConfigProblem } from '../machine/validate.js';

export interface PresetInfo { name: string; description: string }

/** Presets with the first line of their leading comment as the description. */
export function listMachinePresets(): PresetInfo[] {
  return presetNames().map((name) => {
    let description = '';
    try {
      const first = readFileSync(join(machinePresetDir(), `${name}.yaml`), 'utf8').split('\n')[0] ?? '';
      if (first.startsWith('#')) description = first.replace(/^#\s*/, '');
    } catch {
      // a .yml preset or unreadable file: no description
    }
    return { name, description };
  });
}

const cache = new Map<string, MachineConfig>();

/** A preset by name or path (UserError naming what is wrong); a fresh copy each call. */
export function loadMachinePreset(nameOrPath: string): MachineConfig {
  let m = cache.get(nameOrPath);
  if (!m) {
    try {
      m = loadPreset(nameOrPath);
    } catch (err) {
      // The loader names bad fields itself (UserError); anything else it meets (a YAML alias bomb's
      // ReferenceError) is still this file's fault, said in one line.
      if (err instanceof UserError) throw err;
      throw new UserError(`${nameOrPath}: cannot load the machine preset: ${err instanceof Error ? `${err.name}: ${err.message.split('\n')[0]}` : String(err)}`);
    }
    cache.set(nameOrPath, m);
  }
  return structuredClone(m);
}

/** Cross-field problems of a machine after overrides (cache geometry, limits of the model). */
export function machineConfigProblems(m: MachineConfig): ConfigProblem[] {
  return machineProblems(m);
}
