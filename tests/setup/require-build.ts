/**
 * For suites that run the built CLI (dist/): fail, naming `npm run build`, when dist/ is missing or
 * older than the sources (tests/setup/build-check.ts), instead of skipping or testing old code.
 * Call it at the top of the test file.
 */
import { inject } from 'vitest';
import './build-check.js';

export function requireBuild(): void {
  const problem = inject('buildProblem');
  if (problem) throw new Error(problem);
}
