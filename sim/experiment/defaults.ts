/** configs/defaults.yaml, loaded once and checked against the schema (every field required). */
import { join } from 'node:path';
import { repoFolder } from '../common/repo-folder.js';
import type { InterpConfig } from '../interp/config.js';
import type { PerturbationConfig } from '../machine/config.js';
import type { RoiConfig } from '../run/region.js';
import type { GilConfig, HtmPolicyConfig, NogilConfig, PolicyName, StmConfig } from '../policies/config.js';
import { checkSchema, loadYaml, Problems } from '../common/located.js';
import { defaultsSchema } from './schema.js';

export interface Defaults {
  machine: string;
  policy: PolicyName;
  seed: number;
  maxCycles: number;
  timeline: boolean;
  repetitions: number;
  perturbation: PerturbationConfig;
  roi: RoiConfig;
  /** Interpreter settings each policy implies (between `interp` and explicit settings). */
  policyInterp: Partial<Record<PolicyName, Partial<InterpConfig>>>;
  interp: InterpConfig;
  gil: GilConfig;
  htm: HtmPolicyConfig;
  stm: StmConfig;
  nogil: NogilConfig;
}

let cached: Defaults | undefined;

export function defaultsFile(): string {
  return join(repoFolder('configs', 'defaults.yaml'), 'defaults.yaml');
}

/** A fresh deep copy each call: callers may mutate it. */
export function loadDefaults(): Defaults {
  if (!cached) {
    const src = loadYaml(defaultsFile());
    const problems = new Problems(src);
    checkSchema(problems, defaultsSchema, src.value);
    problems.throwIfAny();
    const { $schema: _ignored, ...rest } = src.value as Defaults & { $schema?: string };
    cached = rest;
  }
  return structuredClone(cached);
}
