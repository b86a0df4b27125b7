/**
 * One fully resolved point of an experiment: everything needed to run it, nothing left to defaults.
 * Its canonical JSON is hashed to key results (resume, shards). Declared once, composing the
 * sections each layer declares; `--set` paths and sweep axes address its leaves
 * (sim/experiment/params.ts).
 */
import { bool, int, mapOf, scalar, section, sectionWithOptional, text, type ValueOf } from '../common/config-shape.js';
import { interpShape } from '../interp/config.js';
import { machineShape, perturbationShape } from '../machine/config.js';
import { roiShape } from './region.js';
import { gilShape, htmPolicyShape, nogilShape, policyShape, stmShape } from '../policies/config.js';

export const workloadRefShape = section('The guest program and its parameters', {
  name: text('Workload name (htmsim list) or a path to a guest program'),
  params: mapOf(scalar, 'Parameters the workload declares'),
});

/** How many entries each list of the run record's `forensics` keeps when `forensicsTop` is not set. */
export const FORENSICS_TOP_DEFAULT = 10;

export const pointShape = sectionWithOptional('A fully resolved point (what `--set` paths and sweep axes address)', {
  machine: machineShape,
  interp: interpShape,
  policy: policyShape,
  gil: gilShape,
  htm: htmPolicyShape,
  stm: stmShape,
  nogil: nogilShape,
  workload: workloadRefShape,
  perturbation: perturbationShape,
  roi: roiShape,
  seed: int('Seed of every pseudo-random choice (repetitions derive theirs from it)'),
  maxCycles: int('Stop the run (status failed) when any core\'s clock passes this many cycles', 1),
  timeline: bool('Record per-core intervals for the timeline chart'),
}, {
  // Optional, so that a point without forensics keeps the identity (and record) it always had.
  forensics: bool('Record abort forensics: where transactions abort, on which line, owned by what (docs/forensics.md)'),
  forensicsTop: int(`Entries kept per forensics list (default ${FORENSICS_TOP_DEFAULT})`, 1),
});

export type PointConfig = ValueOf<typeof pointShape>;
export type WorkloadRef = PointConfig['workload'];
