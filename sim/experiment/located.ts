/**
 * Moved to sim/common/located.ts (the loaders share it). run-experiment.ts, which another branch
 * is editing, still imports ConfigError from here; switch that import and delete this file.
 */
export { ConfigError } from '../common/located.js';
