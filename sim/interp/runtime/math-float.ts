/** Guest math's other float functions (fabs, floor, ceil, copysign, fmod, modf, frexp, ldexp, isclose, hypot, dist, fsum) with CPython's results and errors (math.ts lists the rooms). */
import { overflowError, valueError } from './errors.js';
import { type IntVal, decompose, intBitLength, intFromFloat, normInt } from './int-ops.js';
import { ddAdd, ddSqrt, twoProd } from './dd.js';
import { DDR, F64, domain, mathLdexp } from './math-core.js';

// ---------------------------------------------------------------- misc float functions

export function mathFabs(x: number): number {
  return Math.abs(x);
}

/** floor/ceil/trunc of a float → int (ValueError for NaN, OverflowError for infinities). */
export function mathFloor(x: number): IntVal {
  return intFromFloat(Math.floor(x));
}
export function mathCeil(x: number): IntVal {
  return intFromFloat(Math.ceil(x));
}
export function mathTrunc(x: number): IntVal {
  return intFromFloat(Math.trunc(x));
}

export function mathCopysign(x: number, y: number): number {
  const neg = y < 0 || Object.is(y, -0) || (y !== y && signBitNaN(y));
  const a = Math.abs(x);
  return neg ? -a : a;
}

const U8 = new Uint8Array(F64.buffer);
function signBitNaN(x: number): boolean {
  F64[0] = x;
  return (U8[7]! & 0x80) !== 0;
}

export function mathFmod(x: number, y: number): number {
  if (x !== x || y !== y) return NaN;
  if (!Number.isFinite(x)) throw domain();
  if (y === 0) throw domain();
  if (!Number.isFinite(y)) return x;
  return x % y;
}

export function mathModf(x: number): [number, number] {
  if (!Number.isFinite(x)) {
    if (x !== x) return [x, x];
    return [x > 0 ? 0 : -0, x];
  }
  const ip = Math.trunc(x);
  let fp = x - ip;
  if (fp === 0) fp = x < 0 || Object.is(x, -0) ? -0 : 0;
  return [fp, ip === 0 && (x < 0 || Object.is(x, -0)) ? -0 : ip];
}

/** math.frexp(x) → (m, e) with 0.5 ≤ |m| < 1. */
export function mathFrexp(x: number): [number, IntVal] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  const { mant, exp } = decompose(Math.abs(x));
  const bits = intBitLength(normInt(mant));
  const m = Number(mant) / 2 ** bits;
  return [x < 0 ? -m : m, exp + bits];
}

/** math.ldexp(x, i): exact scaling with one rounding; OverflowError "math range error". */

export function mathDegrees(x: number): number {
  return x * (180.0 / Math.PI);
}

export function mathRadians(x: number): number {
  return x * (Math.PI / 180.0);
}

export function mathIsfinite(x: number): boolean {
  return Number.isFinite(x);
}
export function mathIsinf(x: number): boolean {
  return x === Infinity || x === -Infinity;
}
export function mathIsnan(x: number): boolean {
  return x !== x;
}

/** math.isclose(a, b, rel_tol=1e-09, abs_tol=0.0). */
export function mathIsclose(a: number, b: number, relTol = 1e-9, absTol = 0.0): boolean {
  if (relTol < 0 || absTol < 0) throw valueError('tolerances must be non-negative');
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  const diff = Math.abs(b - a);
  return (diff <= Math.abs(relTol * b) || diff <= Math.abs(relTol * a)) || diff <= absTol;
}

/** math.hypot(*coords): sqrt of the sum of squares in double-double, rounded once. */
export function mathHypot(...xs: number[]): number {
  let isInf = false;
  let isNan = false;
  let max = 0;
  for (const v of xs) {
    const a = Math.abs(v);
    if (a === Infinity) isInf = true;
    else if (a !== a) isNan = true;
    else if (a > max) max = a;
  }
  if (isInf) return Infinity;
  if (isNan) return NaN;
  if (max === 0) return 0;
  if (xs.length === 1) return max;
  // Scale by a power of two so squares neither overflow nor underflow.
  const e2 = Math.floor(Math.log2(max));
  let sh = 0;
  let sl = 0;
  for (const v of xs) {
    // ldexp, not a multiply by 2**-e2: that factor overflows when max is subnormal.
    const a = mathLdexp(Math.abs(v), -e2);
    twoProd(a, a);
    ddAdd(sh, sl, DDR[0]!, DDR[1]!);
    sh = DDR[0]!;
    sl = DDR[1]!;
  }
  ddSqrt(sh, sl);
  const r = DDR[0]! + DDR[1]!;
  return mathLdexp(r, e2);
}

/** math.dist(p, q) for equal-length coordinate lists. */
export function mathDist(p: number[], q: number[]): number {
  if (p.length !== q.length) throw valueError('both points must have the same number of dimensions');
  return mathHypot(...p.map((v, i) => v - q[i]!));
}

/**
 * math.fsum: exact sum of the floats, rounded once (Shewchuk's partials, with CPython's handling
 * of infinities/NaN and its half-way correction on the final rounding).
 */
export function mathFsum(xs: Iterable<number>): number {
  const partials: number[] = [];
  let specialSum = 0;
  let infSum = 0;
  for (let x of xs) {
    if (!Number.isFinite(x)) {
      if (x === Infinity || x === -Infinity) infSum += x;
      specialSum += x;
      continue;
    }
    let i = 0;
    for (let j = 0; j < partials.length; j++) {
      let y = partials[j]!;
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[i++] = lo;
      x = hi;
    }
    if (!Number.isFinite(x)) throw overflowError('intermediate overflow in fsum');
    partials.length = i;
    if (x !== 0) partials.push(x); // zeros never enter the partials, so fsum([-0.0]) is 0.0
  }
  if (specialSum !== 0) {
    if (infSum !== infSum) throw valueError('-inf + inf in fsum');
    return specialSum;
  }
  let n = partials.length;
  let hi = 0;
  if (n > 0) {
    hi = partials[--n]!;
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = partials[--n]!;
      hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo !== 0) break;
    }
    // Round half-even correctly: if the rest has the same sign as lo, the tie goes the other way.
    if (n > 0 && ((lo < 0 && partials[n - 1]! < 0) || (lo > 0 && partials[n - 1]! > 0))) {
      const y = lo * 2;
      const x = hi + y;
      const yr = x - hi;
      if (y === yr) hi = x;
    }
  }
  return hi;
}
