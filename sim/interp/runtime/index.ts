/**
 * The guest runtime's pure semantics library: CPython 3.11-exact numbers, strings, formatting,
 * random and math on plain JS values (no VM objects). See README.md in this folder.
 */
export * from './errors.js';
export * from './int-ops.js';
export * from './float-ops.js';
export * from './format-spec.js';
export * from './percent-format.js';
export * from './str-format.js';
export * from './str-methods.js';
export * from './random.js';
export * from './math.js';
export { isPySpace } from './chars.js';
