/**
 * The parts of the validation experiment (configs/<name>.yaml, results in results/<name>) and the
 * policies each runs, so the sensitivity sweep re-runs only the points a parameter can reach.
 */
export interface ValidationPart {
  name: string;
  policies: readonly string[];
}

export const VALIDATION_PARTS: readonly ValidationPart[] = [
  { name: 'validation', policies: ['gil', 'stm', 'htm', 'nogil'] },
  { name: 'validation-gil', policies: ['gil'] },
  { name: 'validation-contention', policies: ['gil', 'stm'] },
  { name: 'validation-probes', policies: ['nogil'] },
  { name: 'validation-length', policies: ['htm'] },
  { name: 'validation-overhead', policies: ['gil', 'nogil', 'stm'] },
];
