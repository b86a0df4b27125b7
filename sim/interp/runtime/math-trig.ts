/** Guest math's trigonometric and hyperbolic kernels: argument reduction by 2/π to 1300 bits, sin/cos/tan and their inverses in double-double, rounded once (math.ts lists the rooms). */
import { decompose } from './int-ops.js';
import { PIO2_H, PIO2_L, PIO2_M, ddAdd, ddDiv, ddMul, ddMulD, ddSqrt, twoProd, twoSum } from './dd.js';
import * as DD from './dd.js';
import { DDR, domain, highWord, range, mathExp, mathLogFloat } from './math-core.js';

// ---------------------------------------------------------------- trigonometry

let TWO_OVER_PI: bigint | null = null;
const TOP_BITS = 1300;

/** floor(2/π · 2**TOP_BITS), computed once from Machin's formula. */
function twoOverPi(): bigint {
  if (TWO_OVER_PI !== null) return TWO_OVER_PI;
  const Q = BigInt(TOP_BITS + 128);
  const atanInv = (n: bigint): bigint => {
    const one = 1n << Q;
    let s = 0n;
    let t = one / n;
    let k = 1n;
    let sign = 1n;
    const n2 = n * n;
    while (t !== 0n) {
      s += (sign * t) / k;
      t /= n2;
      k += 2n;
      sign = -sign;
    }
    return s;
  };
  const piQ = 16n * atanInv(5n) - 4n * atanInv(239n); // π · 2**Q
  TWO_OVER_PI = (1n << (BigInt(TOP_BITS) + 1n + Q)) / piQ;
  return TWO_OVER_PI;
}

/** Reduce x to r = x - k·π/2 with |r| ≤ π/4 (r in DDR[0]!/DDR[1]!); returns k mod 4. */
function reduce(x: number): number {
  const ax = Math.abs(x);
  if (ax <= Math.PI / 4) {
    DD.twoSum(x, 0);
    return 0;
  }
  if (ax < 1e6) {
    // Cody–Waite with π/2 in three parts: every product k·part is exact via twoProd.
    const k = Math.round(x / PIO2_H);
    twoProd(k, PIO2_H);
    const p1h = DDR[0]!;
    const p1l = DDR[1]!;
    ddAdd(x, 0, -p1h, -p1l);
    let rh = DDR[0]!;
    let rl = DDR[1]!;
    twoProd(k, PIO2_M);
    ddAdd(rh, rl, -DDR[0]!, -DDR[1]!);
    rh = DDR[0]!;
    rl = DDR[1]!;
    ddAdd(rh, rl, -k * PIO2_L, 0);
    return ((k % 4) + 4) % 4;
  }
  // Payne–Hanek style with BigInt: x·(2/π) = mant·2**exp·T/2**TOP_BITS, split into k + f.
  const { mant, exp } = decompose(ax);
  const prod = mant * twoOverPi();
  const shift = BigInt(TOP_BITS - exp);
  let k = prod >> shift;
  let frac = prod & ((1n << shift) - 1n);
  let neg = false;
  if (frac >= 1n << (shift - 1n)) {
    frac = (1n << shift) - frac;
    k += 1n;
    neg = true;
  }
  // f = frac / 2**shift in [0, 0.5]: take its top 120 bits as a double-double.
  const top = frac >> (shift - 120n);
  const hiBig = top >> 67n;
  const fh = Number(hiBig) * 2 ** -53;
  const fl = Number(top - (hiBig << 67n)) * 2 ** -120;
  ddMul(fh, fl, PIO2_H, PIO2_M);
  let rh = DDR[0]!;
  let rl = DDR[1]!;
  if (neg) {
    rh = -rh;
    rl = -rl;
  }
  if (x < 0) {
    rh = -rh;
    rl = -rl;
    k = -k;
  }
  DD.twoSum(rh, 0);
  ddAdd(DDR[0]!, DDR[1]!, rl, 0);
  return Number(((k % 4n) + 4n) % 4n);
}

const INV_FACT_D: number[] = [];
{
  let f = 1;
  for (let n = 0; n <= 30; n++) {
    if (n > 0) f *= n;
    INV_FACT_D.push(1 / f);
  }
}

/** sin and cos of a reduced double-double r (|r| ≤ π/4), via Taylor series in double-double.
 *  Results: sin in sinH/sinL, cos in cosH/cosL. */
let sinH = 0;
let sinL = 0;
let cosH = 0;
let cosL = 0;
const INV_FACT_DD: [number, number][] = [];
{
  let fh = 1;
  let fl = 0;
  for (let n = 0; n <= 30; n++) {
    if (n > 0) {
      ddMulD(fh, fl, n);
      fh = DDR[0]!;
      fl = DDR[1]!;
    }
    ddDiv(1, 0, fh, fl);
    INV_FACT_DD.push([DDR[0]!, DDR[1]!]);
  }
}

function sinCosReduced(rh: number, rl: number): void {
  ddMul(rh, rl, rh, rl);
  const zh = DDR[0]!;
  const zl = DDR[1]!;
  // sin r = r·Σ (-1)^j z^j/(2j+1)!,  cos r = Σ (-1)^j z^j/(2j)!  (z = r², Horner from j = 13).
  let sh = -INV_FACT_DD[27]![0];
  let sl = -INV_FACT_DD[27]![1];
  let ch = -INV_FACT_DD[26]![0];
  let cl = -INV_FACT_DD[26]![1];
  for (let j = 12; j >= 0; j--) {
    const sg = j % 2 === 0 ? 1 : -1;
    ddMul(sh, sl, zh, zl);
    ddAdd(DDR[0]!, DDR[1]!, sg * INV_FACT_DD[2 * j + 1]![0], sg * INV_FACT_DD[2 * j + 1]![1]);
    sh = DDR[0]!;
    sl = DDR[1]!;
    ddMul(ch, cl, zh, zl);
    ddAdd(DDR[0]!, DDR[1]!, sg * INV_FACT_DD[2 * j]![0], sg * INV_FACT_DD[2 * j]![1]);
    ch = DDR[0]!;
    cl = DDR[1]!;
  }
  ddMul(sh, sl, rh, rl);
  sinH = DDR[0]!;
  sinL = DDR[1]!;
  cosH = ch;
  cosL = cl;
}

/** sin(x) and cos(x) of a finite double into (sinH, sinL), (cosH, cosL). */
function sinCos(x: number): void {
  const q = reduce(x);
  sinCosReduced(DDR[0]!, DDR[1]!);
  let s0 = sinH;
  let s1 = sinL;
  let c0 = cosH;
  let c1 = cosL;
  // Rotate by q quarter turns (no tuple temporaries: this runs per call).
  const t0 = s0;
  const t1 = s1;
  switch (q) {
    case 1:
      s0 = c0;
      s1 = c1;
      c0 = -t0;
      c1 = -t1;
      break;
    case 2:
      s0 = -t0;
      s1 = -t1;
      c0 = -c0;
      c1 = -c1;
      break;
    case 3:
      s0 = -c0;
      s1 = -c1;
      c0 = t0;
      c1 = t1;
      break;
    default:
      break;
  }
  sinH = s0;
  sinL = s1;
  cosH = c0;
  cosL = c1;
}

export function mathSin(x: number): number {
  if (!Number.isFinite(x)) {
    if (x !== x) return x;
    throw domain();
  }
  if (Math.abs(x) < 2 ** -26) return x;
  sinCos(x);
  return sinH + sinL;
}

export function mathCos(x: number): number {
  if (!Number.isFinite(x)) {
    if (x !== x) return x;
    throw domain();
  }
  if (Math.abs(x) < 2 ** -27) return 1;
  sinCos(x);
  return cosH + cosL;
}

export function mathTan(x: number): number {
  if (!Number.isFinite(x)) {
    if (x !== x) return x;
    throw domain();
  }
  if (Math.abs(x) < 2 ** -27) return x;
  sinCos(x);
  ddDiv(sinH, sinL, cosH, cosL);
  return DDR[0]! + DDR[1]!;
}

/** atan(x): Newton from the double atan, θ1 = θ0 + (x·cosθ0 − sinθ0)·cosθ0. */
export function mathAtan(x: number): number {
  if (x !== x) return x;
  if (x === Infinity) return Math.PI / 2;
  if (x === -Infinity) return -Math.PI / 2;
  if (Math.abs(x) < 2 ** -27) return x;
  if (Math.abs(x) > 2 ** 60) return x > 0 ? Math.PI / 2 : -Math.PI / 2;
  return atan2Refine(x, 1);
}

/** θ ≈ atan2(y, x) for finite non-zero args, refined: θ1 = θ0 + (y cosθ0 − x sinθ0)/(x cosθ0 + y sinθ0). */
function atan2Refine(y: number, x: number): number {
  // Scale to keep the products in range (atan2 is scale-invariant).
  const m = Math.max(Math.abs(x), Math.abs(y));
  const k = -Math.floor(Math.log2(m));
  // Two exact steps when 2**k alone would overflow (subnormal arguments).
  const ys = k > 1000 ? y * 2 ** 1000 * 2 ** (k - 1000) : y * 2 ** k;
  const xs = k > 1000 ? x * 2 ** 1000 * 2 ** (k - 1000) : x * 2 ** k;
  const t0 = Math.atan2(ys, xs);
  sinCos(t0);
  ddMulD(cosH, cosL, ys);
  const a1 = DDR[0]!;
  const a2 = DDR[1]!;
  ddMulD(sinH, sinL, xs);
  ddAdd(a1, a2, -DDR[0]!, -DDR[1]!);
  const numH = DDR[0]!;
  const numL = DDR[1]!;
  ddMulD(cosH, cosL, xs);
  const b1 = DDR[0]!;
  const b2 = DDR[1]!;
  ddMulD(sinH, sinL, ys);
  ddAdd(b1, b2, DDR[0]!, DDR[1]!);
  const corr = (numH + numL) / (DDR[0]! + DDR[1]!);
  twoSum(t0, corr);
  return DDR[0]! + DDR[1]!;
}

export function mathAtan2(y: number, x: number): number {
  if (x !== x || y !== y) return NaN;
  if (!Number.isFinite(y) || !Number.isFinite(x) || y === 0 || x === 0) return Math.atan2(y, x); // exact specials
  return atan2Refine(y, x);
}

export function mathAsin(x: number): number {
  if (x !== x) return x;
  if (x < -1 || x > 1) throw domain();
  if (Math.abs(x) < 2 ** -26) return x;
  if (Math.abs(x) === 1) return x * (Math.PI / 2);
  // asin x = atan2(x, sqrt(1 - x^2)), with 1 - x^2 = (1 - x)(1 + x) in double-double.
  twoSum(1, -x);
  const ah = DDR[0]!;
  const al = DDR[1]!;
  twoSum(1, x);
  ddMul(ah, al, DDR[0]!, DDR[1]!);
  ddSqrt(DDR[0]!, DDR[1]!);
  return atan2DD(x, 0, DDR[0]!, DDR[1]!);
}

export function mathAcos(x: number): number {
  if (x !== x) return x;
  if (x < -1 || x > 1) throw domain();
  if (x === 1) return 0;
  if (x === -1) return Math.PI;
  twoSum(1, -x);
  const ah = DDR[0]!;
  const al = DDR[1]!;
  twoSum(1, x);
  ddMul(ah, al, DDR[0]!, DDR[1]!);
  ddSqrt(DDR[0]!, DDR[1]!);
  return atan2DD(DDR[0]!, DDR[1]!, x, 0);
}

/** atan2 of double-double arguments (both finite, not both zero). */
function atan2DD(yh: number, yl: number, xh: number, xl: number): number {
  const t0 = Math.atan2(yh + yl, xh + xl);
  sinCos(t0);
  ddMul(cosH, cosL, yh, yl);
  const a1 = DDR[0]!;
  const a2 = DDR[1]!;
  ddMul(sinH, sinL, xh, xl);
  ddAdd(a1, a2, -DDR[0]!, -DDR[1]!);
  const numH = DDR[0]!;
  const numL = DDR[1]!;
  ddMul(cosH, cosL, xh, xl);
  const b1 = DDR[0]!;
  const b2 = DDR[1]!;
  ddMul(sinH, sinL, yh, yl);
  ddAdd(b1, b2, DDR[0]!, DDR[1]!);
  const corr = (numH + numL) / (DDR[0]! + DDR[1]!);
  twoSum(t0, corr);
  return DDR[0]! + DDR[1]!;
}

// ---------------------------------------------------------------- hyperbolic

// glibc's sinh/cosh/tanh/asinh/acosh/atanh/log1p/expm1/log10 are the classic fdlibm algorithms
// built on its exp/log; V8's Math.expm1/log1p/tanh are the same fdlibm code, so composing them
// with the correctly rounded exp/log above reproduces glibc's results.

export function mathSinh(x: number): number {
  if (!Number.isFinite(x)) return x;
  const ix = highWord(x) & 0x7fffffff;
  const h = x < 0 ? -0.5 : 0.5;
  const a = Math.abs(x);
  if (ix < 0x40360000) {
    if (ix < 0x3e300000) return x;
    const t = Math.expm1(a);
    if (ix < 0x3ff00000) return h * (2.0 * t - (t * t) / (t + 1.0));
    return h * (t + t / (t + 1.0));
  }
  if (ix < 0x40862e42) return h * mathExp(a);
  if (a <= OVERFLOW_THRESHOLD) {
    const w = mathExp(0.5 * a);
    const t = h * w;
    return t * w;
  }
  throw range();
}

const OVERFLOW_THRESHOLD = 710.4758600739439; // 0x408633CE8FB9F87D

export function mathCosh(x: number): number {
  if (x !== x) return x;
  const a = Math.abs(x);
  if (a === Infinity) return Infinity;
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x40360000) {
    if (ix < 0x3fd62e43) {
      if (ix < 0x3c800000) return 1.0;
      const t = Math.expm1(a);
      const w = 1.0 + t;
      return 1.0 + (t * t) / (w + w);
    }
    const t = mathExp(a);
    return 0.5 * t + 0.5 / t;
  }
  if (ix < 0x40862e42) return 0.5 * mathExp(a);
  if (a <= OVERFLOW_THRESHOLD) {
    const w = mathExp(0.5 * a);
    const t = 0.5 * w;
    return t * w;
  }
  throw range();
}

/** fdlibm's tanh (what glibc runs), on expm1. */
export function mathTanh(x: number): number {
  if (x !== x || x === 0) return x;
  const a = Math.abs(x);
  let z: number;
  if (a < 22) {
    if (a < 2 ** -55) return x * (1 + x);
    if (a >= 1) {
      const t = Math.expm1(2 * a);
      z = 1 - 2 / (t + 2);
    } else {
      const t = Math.expm1(-2 * a);
      z = -t / (t + 2);
    }
  } else z = 1;
  return x < 0 ? -z : z;
}

const LN2 = 6.93147180559945286227e-1;

export function mathAsinh(x: number): number {
  if (!Number.isFinite(x)) return x;
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e300000) return x;
  const xa = Math.abs(x);
  let w: number;
  if (ix > 0x41b00000) w = mathLogFloat(xa) + LN2;
  else if (ix > 0x40000000) w = mathLogFloat(2.0 * xa + 1.0 / (Math.sqrt(xa * xa + 1.0) + xa));
  else {
    const t = xa * xa;
    w = Math.log1p(xa + t / (1.0 + Math.sqrt(1.0 + t)));
  }
  return x < 0 || Object.is(x, -0) ? -w : w;
}

export function mathAcosh(x: number): number {
  if (x !== x) return x;
  if (x < 1) throw domain();
  if (x === Infinity) return x;
  const hx = highWord(x);
  if (hx >= 0x41b00000) return mathLogFloat(x) + LN2;
  if (x === 1) return 0.0;
  if (hx > 0x40000000) {
    const t = x * x;
    return mathLogFloat(2.0 * x - 1.0 / (x + Math.sqrt(t - 1.0)));
  }
  const t = x - 1.0;
  return Math.log1p(t + Math.sqrt(2.0 * t + t * t));
}

export function mathAtanh(x: number): number {
  if (x !== x) return x;
  const xa = Math.abs(x);
  if (xa >= 1) throw domain();
  let t: number;
  if (xa < 0.5) {
    if (xa < 2 ** -28) return x;
    t = xa + xa;
    t = 0.5 * Math.log1p(t + (t * xa) / (1.0 - xa));
  } else {
    t = 0.5 * Math.log1p((xa + xa) / (1.0 - xa));
  }
  return x < 0 ? -t : t;
}
