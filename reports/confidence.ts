/**
 * Confidence intervals of a mean over repetitions (issue 22): Student's t, exact for the small n
 * of a sweep (2 to 10 seeds), where the normal 1.96 would be far too narrow (t = 12.7 for n = 2).
 * Pure arithmetic, no dependencies: reports/ draws the intervals and sim/experiment (groups.json,
 * groups.csv) records them from this one implementation.
 */

/**
 * P(|T| < t) for Student's t with an integer number of degrees of freedom `df` ≥ 1: the finite
 * series in θ = atan(t / √df) that integer df allows (Abramowitz & Stegun 26.7.3–4), so no gamma
 * function or continued fraction is needed and the result is exact to rounding.
 */
export function studentTTwoSided(t: number, df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new RangeError(`degrees of freedom must be a positive integer, got ${df}`);
  if (!(t > 0)) return 0;
  if (t === Infinity) return 1;
  const theta = Math.atan(t / Math.sqrt(df));
  const s = Math.sin(theta);
  const c2 = Math.cos(theta) ** 2;
  if (df % 2 === 1) {
    // odd: 2/π (θ + sinθ cosθ (1 + 2/3 cos²θ + 2·4/(3·5) cos⁴θ + … up to cos^(df−3)θ))
    let term = 1;
    let sum = df > 1 ? 1 : 0;
    for (let k = 1; 2 * k + 1 <= df - 2; k++) {
      term *= (c2 * (2 * k)) / (2 * k + 1);
      sum += term;
    }
    return (2 / Math.PI) * (theta + s * Math.cos(theta) * sum);
  }
  // even: sinθ (1 + 1/2 cos²θ + 1·3/(2·4) cos⁴θ + … up to cos^(df−2)θ)
  let term = 1;
  let sum = 1;
  for (let k = 1; 2 * k <= df - 2; k++) {
    term *= (c2 * (2 * k - 1)) / (2 * k);
    sum += term;
  }
  return s * sum;
}

/** The t with P(T ≤ t) = p (0.5 < p < 1) for integer df: bisection on the exact CDF above. */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0.5 && p < 1)) throw new RangeError(`quantile probability must be in (0.5, 1), got ${p}`);
  const target = 2 * p - 1;
  let lo = 0;
  let hi = 2;
  while (studentTTwoSided(hi, df) < target) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (studentTTwoSided(mid, df) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export interface Interval {
  low: number;
  high: number;
}

/**
 * The `level` (default 95%) confidence interval of the mean of n values with sample standard
 * deviation sd: mean ± t(1 − (1 − level)/2, n − 1) · sd / √n. Undefined for n < 2: one run says
 * nothing about the spread, and an interval of zero width would claim it does.
 */
export function meanInterval(mean: number, sd: number, n: number, level = 0.95): Interval | undefined {
  if (n < 2 || !Number.isFinite(mean) || !Number.isFinite(sd)) return undefined;
  const half = studentTQuantile(1 - (1 - level) / 2, n - 1) * (sd / Math.sqrt(n));
  return { low: mean - half, high: mean + half };
}
