/**
 * A bounded histogram of transaction footprints (distinct lines), for the run record: exact below
 * 32 lines, then 8 buckets per octave (each bucket within 12.5% of its lower bound), up to 2^31.
 * Fixed size (248 counters), so recording is allocation-free.
 */

const EXACT = 32;
const PER_OCTAVE = 8;
export const FOOTPRINT_BUCKETS = EXACT + (31 - 5) * PER_OCTAVE;

/** The bucket of `n` lines. */
export function footprintBucket(n: number): number {
  if (n < EXACT) return n;
  const v = Math.min(n, 2 ** 31 - 1);
  const o = 31 - Math.clz32(v); // v in [2^o, 2^(o+1)), o >= 5
  const sub = (v >>> (o - 3)) - PER_OCTAVE;
  return EXACT + (o - 5) * PER_OCTAVE + sub;
}

/** The smallest footprint that falls in bucket `b`. */
export function bucketLow(b: number): number {
  if (b < EXACT) return b;
  const o = 5 + Math.floor((b - EXACT) / PER_OCTAVE);
  const sub = (b - EXACT) % PER_OCTAVE;
  return (PER_OCTAVE + sub) * 2 ** (o - 3);
}

/** Sparse form for records: [lowest footprint of the bucket, transactions], ascending. */
export type FootprintHistogram = [number, number][];

export function sparseHistogram(counts: Float64Array): FootprintHistogram {
  const out: FootprintHistogram = [];
  for (let b = 0; b < counts.length; b++) if (counts[b]! > 0) out.push([bucketLow(b), counts[b]!]);
  return out;
}

/** The q-quantile (0..1) of a sparse histogram, as a bucket's lower bound (0 when empty). */
export function histogramQuantile(h: FootprintHistogram, q: number): number {
  let total = 0;
  for (const [, c] of h) total += c;
  if (total === 0) return 0;
  const want = q * total;
  let seen = 0;
  for (const [low, c] of h) {
    seen += c;
    if (seen >= want) return low;
  }
  return h[h.length - 1]![0];
}
