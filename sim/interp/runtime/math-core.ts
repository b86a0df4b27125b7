/**
 * Guest math's core (math.ts lists the rooms): constants, exp/log, pow/sqrt, ldexp, and the
 * prelude the other kernels share (the double-double register, the float's bit views, the two
 * errors). The guest `math` module with CPython 3.11's results and errors. Transcendental functions are
 * evaluated in double-double (dd.ts) and rounded once, which reproduces glibc's (correctly
 * rounded) results that CPython returns; V8's Math.* differs in the last bit for a few percent
 * of inputs. Domain errors raise ValueError("math domain error"), overflow OverflowError("math
 * range error"), as CPython's math_1/math_2 wrappers do.
 */
import { overflowError, valueError, RuntimeOpError } from './errors.js';
import { type IntVal, decompose, intBitLength, intSign, normInt, toBig } from './int-ops.js';
import {
  LN2_H, LN2_L, ddAdd, ddDiv, ddExpParts, ddLog, ddMul, ddMulD, ddScaleRound, 
  
} from './dd.js';
// dd.ts returns results in its register pair R = [hi, lo].
import * as DD from './dd.js';

export const DDR = DD.R;

export const F64 = new Float64Array(1);
export const U32 = new Uint32Array(F64.buffer);

/** The high 32 bits of x's encoding (sign, exponent, top of the mantissa), unsigned: fdlibm's interval tests. */
export function highWord(x: number): number {
  F64[0] = x;
  return U32[1]!;
}

export const domain = (): RuntimeOpError => valueError('math domain error');
export const range = (): RuntimeOpError => overflowError('math range error');

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
