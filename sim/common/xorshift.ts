/**
 * xorshift32: the small seeded generator behind every simulated source of noise (random cache
 * replacement, OS wake-up jitter). Never Math.random: the same seed must give the same run.
 */

/** A non-zero xorshift32 state from a point's seed, mixed with a per-use salt so that nearby seeds
 *  (and different users of one seed) give unrelated streams. */
export function xorshiftSeed(seed: number, salt: number): number {
  return (Math.imul(seed | 0, 0x9e3779b1) ^ salt) >>> 0 || salt >>> 0 || 1;
}

/** The next state (and output) after x. */
export function xorshift32(x: number): number {
  x ^= x << 13;
  x >>>= 0;
  x ^= x >>> 17;
  x ^= x << 5;
  return x >>> 0;
}
