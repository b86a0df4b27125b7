/**
 * One fully resolved point of an experiment: everything needed to run it, nothing left to defaults.
 * Its canonical JSON is hashed to key results (resume, shards).
 */
import type { MachineConfig } from '../machine/config.js';
import type { InterpConfig } from '../interp/config.js';
import type { GilConfig, HtmPolicyConfig, NogilConfig, PolicyConfig, StmConfig } from '../policies/config.js';

export interface WorkloadRef {
  /** Workload name (a file in workloads/) or a path to a guest program. */
  name: string;
  /** Parameters passed to the guest program (declared by the workload). */
  params: Record<string, number | string | boolean>;
}

export interface PointConfig {
  machine: MachineConfig;
  interp: InterpConfig;
  policy: PolicyConfig;
  gil: GilConfig;
  htm: HtmPolicyConfig;
  stm: StmConfig;
  nogil: NogilConfig;
  workload: WorkloadRef;
  seed: number;
  /** Stop the run (status failed) when any core's clock passes this many cycles. */
  maxCycles: number;
  /** Record per-core intervals for the timeline chart. */
  timeline: boolean;
}
