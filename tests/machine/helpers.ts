/** Shared helpers for the machine tests: presets with overrides, typed addresses, a recording handler. */
import { asAddr, asCore, type Addr, type CoreId } from '../../sim/common/brand.js';
import type { MachineConfig } from '../../sim/machine/config.js';
import { createMachine, type Machine } from '../../sim/machine/machine.js';
import { loadMachinePreset } from '../../sim/machine/preset-loader.js';
import type { AbortCause } from '../../sim/machine/port.js';

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

function merge<T>(base: T, over: DeepPartial<T> | undefined): T {
  if (!over) return base;
  const out = { ...base } as Record<string, unknown>;
  for (const [k, v] of Object.entries(over)) {
    const b = (base as Record<string, unknown>)[k];
    out[k] = v !== null && typeof v === 'object' && typeof b === 'object' ? merge(b, v as DeepPartial<typeof b>) : v;
  }
  return out as T;
}

export function preset(name: string, over?: DeepPartial<MachineConfig>): MachineConfig {
  return merge(loadMachinePreset(name), over);
}

export function machine(name: string, over?: DeepPartial<MachineConfig>, seed = 1): Machine {
  return createMachine(preset(name, over), { seed });
}

export const C0: CoreId = asCore(0);
export const C1: CoreId = asCore(1);
export const C2: CoreId = asCore(2);
export const C3: CoreId = asCore(3);
export const A = (n: number): Addr => asAddr(n);

export interface AbortRecord { core: number; status: number; cause: AbortCause }

/** Installs a handler that records every abort. */
export function recordAborts(m: Machine): AbortRecord[] {
  const log: AbortRecord[] = [];
  m.htm.setAbortHandler((core, status, cause) => log.push({ core, status, cause }));
  return log;
}
