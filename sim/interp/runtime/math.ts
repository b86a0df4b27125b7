/**
 * The guest `math` module's kernels with CPython 3.11's results and errors, in four rooms:
 * math-core.ts (constants, exp/log, pow/sqrt and the shared double-double prelude), math-trig.ts
 * (trigonometric and hyperbolic), math-float.ts (the other float functions: fabs, fmod, frexp,
 * hypot, fsum, ...), math-int.ts (gcd, lcm, factorial, comb, perm, prod).
 */
export * from './math-core.js';
export * from './math-trig.js';
export * from './math-float.js';
export * from './math-int.js';
