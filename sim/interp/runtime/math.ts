/**
 * The guest `math` module with CPython 3.11's results and errors. Transcendental functions are
 * evaluated in double-double (dd.ts) and rounded once, which reproduces glibc's (correctly
 * rounded) results that CPython returns; V8's Math.* differs in the last bit for a few percent
 * of inputs. Domain errors raise ValueError("math domain error"), overflow OverflowError("math
 * range error"), as CPython's math_1/math_2 wrappers do.
 */
import { overflowError, valueError, RuntimeOpError } from './errors.js';
import { type IntVal, decompose, intBitLength, intCmp, intFromFloat, intMul, intSign, normInt, toBig } from './int-ops.js';
import {
  LN2_H, LN2_L, PIO2_H, PIO2_L, PIO2_M, ddAdd, ddDiv, ddExpParts, ddLog, ddMul, ddMulD, ddScaleRound, ddSqrt,
  twoProd, twoSum,
} from './dd.js';
// dd.ts returns results in its register pair R = [hi, lo].
import * as DD from './dd.js';

const DDR = DD.R;

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);

const domain = (): RuntimeOpError => valueError('math domain error');
const range = (): RuntimeOpError => overflowError('math range error');

export const pi = Math.PI;
export const e = Math.E;
export const tau = 2 * Math.PI;
export const inf = Infinity;
export const nan = NaN;

// ---------------------------------------------------------------- exp / log

/** exp(x), correctly rounded. */
export function mathExp(x: number): number {
  if (x !== x) return x;
  if (x === Infinity) return x;
  if (x === -Infinity) return 0;
  if (x > 709.8) throw range();
  if (x < -745.2) return 0;
  if (x === 0) return 1;
  const k = ddExpParts(x, 0);
  const r = ddScaleRound(DDR[0]!, DDR[1]!, k);
  if (r === Infinity) throw range();
  return r;
}

/** log of a positive finite double as a double-double in (DDR[0]!, DDR[1]!). */
function logDD(x: number): void {
  // x = m · 2**e2 with m in [sqrt(1/2), sqrt(2)), read from the exponent bits (no BigInt).
  let e2 = 0;
  if (x < 2.2250738585072014e-308) {
    x *= 18014398509481984; // 2**54: make a subnormal normal
    e2 = -54;
  }
  F64[0] = x;
  const be = ((U32[1]! >>> 20) & 0x7ff) - 1023;
  e2 += be;
  let m = x / 2 ** be; // exact, in [1, 2)
  if (m > Math.SQRT2) {
    m /= 2;
    e2 += 1;
  }
  ddLog(m, 0);
  const lh = DDR[0]!;
  const ll = DDR[1]!;
  ddMulD(LN2_H, LN2_L, e2);
  ddAdd(DDR[0]!, DDR[1]!, lh, ll);
}

/** Natural log of a float. */
export function mathLogFloat(x: number): number {
  if (x !== x) return x;
  if (x <= 0) throw domain();
  if (x === Infinity) return x;
  if (x === 1) return 0;
  logDD(x);
  return DDR[0]! + DDR[1]!;
}

/** CPython's loghelper: ints too large for a float use frexp (log(m) + e*log(2), in plain
 *  double arithmetic as CPython does); ints ≤ 0 are a domain error. */
function logHelper(x: IntVal | number, isInt: boolean, f: (v: number) => number): number {
  if (isInt) {
    const v = x as IntVal;
    if (intSign(v) <= 0) throw domain();
    const d = Number(v);
    if (Number.isFinite(d)) return f(d);
    // frexp: v = m * 2**e with m in [0.5, 1), m correctly rounded to 53 bits.
    const bits = intBitLength(v);
    const top = toBig(v) >> BigInt(bits - 64);
    const sticky = (toBig(v) & ((1n << BigInt(bits - 64)) - 1n)) !== 0n ? 1n : 0n;
    const m = Number(top | sticky) / 2 ** 64;
    return f(m) + bits * f(2.0);
  }
  return f(x as number);
}

/**
 * math.log(x[, base]). `xIsInt`/`baseIsInt` tell an IntVal argument from a float (the VM knows
 * the guest type; big ints use CPython's frexp path).
 */
export function mathLog(x: IntVal | number, base?: IntVal | number, xIsInt = false, baseIsInt = false): number {
  const num = logHelper(x, xIsInt, mathLogFloat);
  if (base === undefined) return num;
  const den = logHelper(base, baseIsInt, mathLogFloat);
  if (den === 0) throw new RuntimeOpError('ZeroDivisionError', 'float division by zero');
  return num / den;
}

let INV_LN2_H = 0;
let INV_LN2_L = 0;
{
  ddDiv(1, 0, LN2_H, LN2_L);
  INV_LN2_H = DDR[0]!;
  INV_LN2_L = DDR[1]!;
}

function log2Float(x: number): number {
  if (x !== x) return x;
  if (x <= 0) throw domain();
  if (x === Infinity) return x;
  const { mant, exp } = decompose(x);
  if ((mant & (mant - 1n)) === 0n) return exp + intBitLength(normInt(mant)) - 1; // exact power of two
  logDD(x);
  ddMul(DDR[0]!, DDR[1]!, INV_LN2_H, INV_LN2_L);
  return DDR[0]! + DDR[1]!;
}

const IVLN10 = 4.34294481903251816668e-1; // 0x3FDBCB7B1526E50E
const LOG10_2HI = 3.01029995663611771306e-1; // 0x3FD34413509F6000
const LOG10_2LO = 3.69423907715893078616e-13; // 0x3D59FEF311F12B36

/** glibc's __ieee754_log10: k·log10(2) in two parts plus log(m)/ln 10 for m in [1, 2). */
function log10Float(x: number): number {
  if (x !== x) return x;
  if (x <= 0) throw domain();
  if (x === Infinity) return x;
  let k = 0;
  if (x < 2.2250738585072014e-308) {
    k -= 54;
    x *= 18014398509481984; // 2**54
  }
  F64[0] = x;
  let hx = U32[1]!;
  k += (hx >>> 20) - 1023;
  const i = k < 0 ? 1 : 0;
  hx = (hx & 0x000fffff) | ((0x3ff - i) << 20);
  const y = k + i;
  U32[1] = hx;
  const m = F64[0]!;
  const z = y * LOG10_2LO + IVLN10 * mathLogFloat(m);
  return z + y * LOG10_2HI;
}

export function mathLog2(x: IntVal | number, isInt = false): number {
  return logHelper(x, isInt, log2Float);
}

export function mathLog10(x: IntVal | number, isInt = false): number {
  return logHelper(x, isInt, log10Float);
}

export function mathLog1p(x: number): number {
  if (x <= -1) throw domain();
  return Math.log1p(x);
}

export function mathExpm1(x: number): number {
  const r = Math.expm1(x);
  if (r === Infinity && Number.isFinite(x)) throw range();
  return r;
}

// ---------------------------------------------------------------- pow / sqrt

/** C pow() for finite x, y with x > 0 (the sign and specials are the caller's), correctly
 *  rounded; exact ties (possible for small integer powers) are resolved exactly with BigInt. */
export function crPow(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (y === 1) return x;
  if (y === 2) return x * x;
  if (y === 0.5) return Math.sqrt(x);
  if (y === -1) return 1 / x;
  if (Number.isInteger(y) && y > 2 && y <= 64) {
    const { mant, exp } = decompose(x);
    let odd = mant;
    let e2 = exp;
    while ((odd & 1n) === 0n) {
      odd >>= 1n;
      e2++;
    }
    if (odd === 1n) return ldexpSafe(1, e2 * y);
    const ob = intBitLength(normInt(odd));
    if ((ob - 1) * y + 1 <= 54) {
      // (a lower bound on the bits of odd**y; larger exact powers round correctly via Number())
      // The exact power has at most 54 bits. With 54 it is an exact tie between two doubles,
      // which glibc's pow resolves upward in magnitude (e.g. 10.0**23 == 1.0000000000000001e+23,
      // 3.0**34 rounds up), not to even; fewer bits are exact.
      let p = odd ** BigInt(y);
      if (p >= 1n << 53n && p < 1n << 54n) p += 1n; // odd 54-bit tie: take the upper neighbour
      return ldexpSafe(Number(p), e2 * y);
    }
  }
  // Far outside the double range the product would overflow the dd splitting: decide early.
  const est = Math.log(x) * y;
  if (est > 720) return Infinity;
  if (est < -760) return 0;
  logDD(x);
  ddMulD(DDR[0]!, DDR[1]!, y);
  const ph = DDR[0]!;
  const pl = DDR[1]!;
  if (ph > 710) return Infinity;
  if (ph < -746) return 0;
  const k = ddExpParts(ph, pl);
  return ddScaleRound(DDR[0]!, DDR[1]!, k);
}

function ldexpSafe(m: number, k: number): number {
  if (k > 2000) return m === 0 ? 0 : Infinity;
  if (k < -2200) return 0;
  return mathLdexp(m, k);
}

/** math.pow(x, y) (not the ** operator: math.pow never returns a complex or raises
 *  ZeroDivisionError; domain errors are ValueError). */
export function mathPow(x: number, y: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    if (x !== x) return y === 0 ? 1 : x;
    if (y !== y) return x === 1 ? 1 : y;
    if (!Number.isFinite(x)) {
      const oddY = Number.isFinite(y) && Math.abs(y % 2) === 1;
      if (y > 0) return oddY ? x : Math.abs(x);
      if (y === 0) return 1;
      return oddY ? (x < 0 ? -0 : 0) : 0;
    }
    const a = Math.abs(x);
    if (a === 1) return 1;
    if (y > 0 && a > 1) return y;
    if (y < 0 && a < 1) return -y;
    return 0;
  }
  const r = powFinite(x, y);
  if (r !== r) throw domain();
  if (!Number.isFinite(r)) {
    if (x === 0) throw domain();
    throw range();
  }
  return r;
}

/** C99 pow for finite x, y (may return NaN or ±Infinity). */
export function powFinite(x: number, y: number): number {
  if (y === 0) return 1;
  if (x === 0) {
    const oddY = Number.isInteger(y) && Math.abs(y % 2) === 1;
    if (y < 0) return oddY ? (Object.is(x, -0) ? -Infinity : Infinity) : Infinity;
    return oddY ? x : 0;
  }
  if (x < 0) {
    if (!Number.isInteger(y)) return NaN;
    const r = crPow(-x, y);
    return Math.abs(y % 2) === 1 ? -r : r;
  }
  return crPow(x, y);
}

export function mathSqrt(x: number): number {
  if (x < 0) throw domain();
  return Math.sqrt(x);
}

/** math.isqrt(n) for an int n ≥ 0. */
export function mathIsqrt(n: IntVal): IntVal {
  if (intSign(n) < 0) throw valueError('isqrt() argument must be nonnegative');
  if (typeof n === 'number') {
    let r = Math.floor(Math.sqrt(n));
    while (r * r > n) r--;
    while ((r + 1) * (r + 1) <= n) r++;
    return r;
  }
  // Newton on BigInt from a float estimate.
  const b = n;
  let x = 1n << BigInt(Math.ceil(intBitLength(b) / 2));
  for (;;) {
    const y = (x + b / x) >> 1n;
    if (y >= x) break;
    x = y;
  }
  while (x * x > b) x--;
  return normInt(x);
}

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
  const s = 2 ** -Math.floor(Math.log2(m));
  const ys = y * s;
  const xs = x * s;
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

function highWord(x: number): number {
  F64[0] = x;
  return U32[1]!;
}

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
export function mathLdexp(x: number, i: IntVal): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  let n: number;
  if (typeof i === 'bigint') n = i > 0n ? 100000 : -100000;
  else n = Math.max(-100000, Math.min(100000, i));
  let r: number;
  if (n > 2100) r = x > 0 ? Infinity : -Infinity;
  else if (n < -2200) r = x > 0 ? 0 : -0;
  else {
    r = x;
    // Scale in steps that cannot round until the last one.
    while (n > 1000) {
      r *= 2 ** 1000;
      n -= 1000;
    }
    if (n < -1000) {
      const { exp } = decompose(Math.abs(r));
      // Bring r to [1, 2)·2**0 territory first so the final multiply rounds once.
      const bits = exp + 53;
      r *= 2 ** -(bits - 1 > 1000 ? 1000 : bits - 1);
      n += bits - 1 > 1000 ? 1000 : bits - 1;
      while (n < -1000) {
        r *= 2 ** -1000;
        n += 1000;
      }
    }
    r *= 2 ** n;
  }
  if (!Number.isFinite(r)) throw range();
  return r;
}

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
  const s = 2 ** -e2;
  let sh = 0;
  let sl = 0;
  for (const v of xs) {
    const a = (Math.abs(v) * s);
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

// ---------------------------------------------------------------- integer functions

function gcd2(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** math.gcd(*ints). */
export function mathGcd(...xs: IntVal[]): IntVal {
  if (xs.every((x) => typeof x === 'number')) {
    let g = 0;
    for (const x of xs as number[]) {
      let a = Math.abs(g);
      let b = Math.abs(x);
      while (b !== 0) [a, b] = [b, a % b];
      g = a;
    }
    return g;
  }
  let g = 0n;
  for (const x of xs) g = gcd2(g, toBig(x));
  return normInt(g);
}

/** math.lcm(*ints); lcm() == 1. */
export function mathLcm(...xs: IntVal[]): IntVal {
  let l = 1n;
  for (const x of xs) {
    const b = toBig(x);
    if (b === 0n || l === 0n) {
      l = 0n;
      continue;
    }
    l = (l / gcd2(l, b)) * (b < 0n ? -b : b);
  }
  return normInt(l < 0n ? -l : l);
}

/** math.factorial(n) for an int n. */
export function mathFactorial(n: IntVal): IntVal {
  if (intSign(n) < 0) throw valueError('factorial() not defined for negative values');
  if (typeof n === 'bigint' || n > 1_000_000) throw overflowError('factorial() argument should not exceed 9223372036854775807');
  let r = 1n;
  // Multiply in a balanced tree so big factorials stay fast.
  const prodRange = (lo: number, hi: number): bigint => {
    if (hi - lo < 8) {
      let p = 1n;
      for (let i = lo; i <= hi; i++) p *= BigInt(i);
      return p;
    }
    const mid = (lo + hi) >>> 1;
    return prodRange(lo, mid) * prodRange(mid + 1, hi);
  };
  if (n >= 2) r = prodRange(2, n);
  return normInt(r);
}

/** math.perm(n, k=None). */
export function mathPerm(n: IntVal, k?: IntVal): IntVal {
  if (k === undefined) return mathFactorial(n);
  if (intSign(n) < 0) throw valueError('n must be a non-negative integer');
  if (intSign(k) < 0) throw valueError('k must be a non-negative integer');
  if (intCmp(k, n) > 0) return 0;
  const nb = toBig(n);
  const kb = toBig(k);
  let r = 1n;
  for (let i = 0n; i < kb; i++) r *= nb - i;
  return normInt(r);
}

/** math.comb(n, k). */
export function mathComb(n: IntVal, k: IntVal): IntVal {
  if (intSign(n) < 0) throw valueError('n must be a non-negative integer');
  if (intSign(k) < 0) throw valueError('k must be a non-negative integer');
  if (intCmp(k, n) > 0) return 0;
  const nb = toBig(n);
  let kb = toBig(k);
  if (nb - kb < kb) kb = nb - kb;
  let r = 1n;
  for (let i = 1n; i <= kb; i++) r = (r * (nb - kb + i)) / i;
  return normInt(r);
}

/** math.prod of ints (exact). Floats are the VM's multiply loop. */
export function mathProdInts(xs: IntVal[], start: IntVal = 1): IntVal {
  let r = start;
  for (const x of xs) r = intMul(r, x);
  return r;
}
