/**
 * math.gamma, lgamma, erf and erfc, value for value as CPython 3.11 on glibc.
 *
 * CPython computes gamma and lgamma itself (mathmodule.c: a Lanczos sum with N = 13 and
 * g = 6.02468004077673, the reflection formula for x < 0) on top of libm's exp, log,
 * pow, sin and cos; this module follows the same steps on our correctly rounded versions of those,
 * which agree with glibc's. erf and erfc are libm's own: glibc 2.36's are SunPro's rational
 * approximations (five intervals of |x|), evaluated here in glibc's operation order so every
 * rounding happens as there. Domain and range errors are thrown as math's ValueError/OverflowError.
 */
import { crPow, domain, F64, highWord, mathExp, mathLdexp, mathLogFloat, range, U32 } from './math-core.js';
import { mathFrexp } from './math-float.js';
import { mathCos, mathSin } from './math-trig.js';

const PI = 3.141592653589793;
const LOG_PI = 1.1447298858494002;
const LANCZOS_G = 6.02468004077673;
const LANCZOS_G_MINUS_HALF = 5.52468004077673;
const LANCZOS_NUM = [
  23531376880.41076,
  42919803642.6491,
  35711959237.35567,
  17921034426.03721,
  6039542586.352028,
  1439720407.3117216,
  248874557.86205417,
  31426415.585400194,
  2876370.6289353725,
  186056.26539522348,
  8071.672002365816,
  210.82427775157936,
  2.5066282746310002,
];
/** x(x+1)...(x+11) expanded: the Lanczos sum's denominator. */
const LANCZOS_DEN = [0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
  13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0];
const N = LANCZOS_NUM.length;

/** Gamma of 1..23, exact. */
const GAMMA_INTEGRAL: number[] = [];
for (let i = 0, f = 1; i < 23; i++) {
  GAMMA_INTEGRAL.push(f);
  f *= i + 1;
}

/** The Lanczos sum as a rational function, in 1/x for large x (no overflow, less error). */
function lanczosSum(x: number): number {
  let num = 0;
  let den = 0;
  if (x < 5.0) {
    for (let i = N - 1; i >= 0; i--) {
      num = num * x + LANCZOS_NUM[i]!;
      den = den * x + LANCZOS_DEN[i]!;
    }
  } else {
    for (let i = 0; i < N; i++) {
      num = num / x + LANCZOS_NUM[i]!;
      den = den / x + LANCZOS_DEN[i]!;
    }
  }
  return num / den;
}

/** sin(pi*x) for finite x, reduced so the result is exact at integers and half-integers. */
function sinPi(x: number): number {
  const y = Math.abs(x) % 2.0;
  const n = Math.round(2.0 * y); // C round(): halves away from zero; 2y >= 0 so Math.round agrees
  let r: number;
  switch (n) {
    case 0: r = mathSin(PI * y); break;
    case 1: r = mathCos(PI * (y - 0.5)); break;
    case 2: r = mathSin(PI * (1.0 - y)); break;
    case 3: r = -mathCos(PI * (y - 1.5)); break;
    default: r = mathSin(PI * (y - 2.0)); break;
  }
  return (x < 0 || Object.is(x, -0) ? -1 : 1) * r;
}

export function mathGamma(x: number): number {
  if (!Number.isFinite(x)) {
    if (x !== x || x > 0) return x;
    throw domain();
  }
  if (x === 0) throw domain();
  if (x === Math.floor(x)) {
    if (x < 0) throw domain();
    if (x <= 23) return GAMMA_INTEGRAL[x - 1]!;
  }
  const absx = Math.abs(x);
  if (absx < 1e-20) {
    const r = 1.0 / x;
    if (!Number.isFinite(r)) throw range();
    return r;
  }
  if (absx > 200.0) {
    if (x < 0) return 0.0 / sinPi(x);
    throw range();
  }
  const y = absx + LANCZOS_G_MINUS_HALF;
  // The rounding error of y, corrected for below (CPython's comment explains the factor).
  let z = absx > LANCZOS_G_MINUS_HALF ? (y - absx) - LANCZOS_G_MINUS_HALF : (y - LANCZOS_G_MINUS_HALF) - absx;
  z = z * LANCZOS_G / y;
  let r: number;
  if (x < 0) {
    r = -PI / sinPi(absx) / absx * mathExp(y) / lanczosSum(absx);
    r -= z * r;
    if (absx < 140.0) {
      r /= crPow(y, absx - 0.5);
    } else {
      const sqrtpow = crPow(y, absx / 2.0 - 0.25);
      r /= sqrtpow;
      r /= sqrtpow;
    }
  } else {
    r = lanczosSum(absx) / mathExp(y);
    r += z * r;
    if (absx < 140.0) {
      r *= crPow(y, absx - 0.5);
    } else {
      const sqrtpow = crPow(y, absx / 2.0 - 0.25);
      r *= sqrtpow;
      r *= sqrtpow;
    }
  }
  if (!Number.isFinite(r)) throw range();
  return r;
}

export function mathLgamma(x: number): number {
  if (!Number.isFinite(x)) return x !== x ? x : Infinity;
  if (x === Math.floor(x) && x <= 2.0) {
    if (x <= 0) throw domain();
    return 0.0;
  }
  const absx = Math.abs(x);
  if (absx < 1e-20) return -mathLogFloat(absx);
  let r = mathLogFloat(lanczosSum(absx)) - LANCZOS_G;
  r += (absx - 0.5) * (mathLogFloat(absx + LANCZOS_G - 0.5) - 1);
  if (x < 0) r = LOG_PI - mathLogFloat(Math.abs(sinPi(absx))) - mathLogFloat(absx) - r;
  if (!Number.isFinite(r)) throw range();
  return r;
}

// ---------------------------------------------------------------- erf / erfc (glibc 2.36)

const ERX = 0.8450629115104675; // erf(1) rounded to single precision
const EFX = 0.1283791670955126; // 2/sqrt(pi) - 1
// |x| < 0.84375: erf(x) = x + x*P(x^2)/Q(x^2)
const PP0 = 0.12837916709551256, PP1 = -0.3250421072470015, PP2 = -0.02848174957559851,
  PP3 = -0.005770270296489442, PP4 = -2.3763016656650163e-05;
const QQ1 = 0.39791722395915535, QQ2 = 0.0650222499887673, QQ3 = 0.005081306281875766,
  QQ4 = 0.00013249473800432164, QQ5 = -3.960228278775368e-06;
// 0.84375 <= |x| < 1.25: erf(x) = erx + P(s)/Q(s), s = |x| - 1
const PA = [-0.0023621185607526594, 0.41485611868374833, -0.3722078760357013,
  0.31834661990116175, -0.11089469428239668, 0.035478304325618236, -0.002166375594868791];
const QA = [0.0, 0.10642088040084423, 0.540397917702171, 0.07182865441419627,
  0.12617121980876164, 0.01363708391202905, 0.011984499846799107];
// 1.25 <= |x| < 1/0.35: erfc(x) = exp(-x*x - 0.5625 + R(s)/S(s))/x, s = 1/x^2
const RA = [-0.009864944034847148, -0.6938585727071818, -10.558626225323291,
  -62.375332450326006, -162.39666946257347, -184.60509290671104,
  -81.2874355063066, -9.814329344169145];
const SA = [0.0, 19.651271667439257, 137.65775414351904, 434.56587747522923,
  645.3872717332679, 429.00814002756783, 108.63500554177944,
  6.570249770319282, -0.0604244152148581];
// 1/0.35 <= |x| < 28
const RB = [-0.0098649429247001, -0.799283237680523, -17.757954917754752,
  -160.63638485582192, -637.5664433683896, -1025.0951316110772,
  -483.5191916086514];
const SB = [0.0, 30.33806074348246, 325.7925129965739, 1536.729586084437,
  3199.8582195085955, 2553.0504064331644, 474.52854120695537,
  -22.44095244658582];

/** x with the low 32 bits of its encoding cleared. */
function truncLow(x: number): number {
  F64[0] = x;
  U32[0] = 0;
  return F64[0]!;
}

/** x + x*P/Q on |x| < 0.84375 (y = P/Q returned; the caller combines). */
function smallRatio(x: number): number {
  const z = x * x;
  const r1 = PP0 + z * PP1, z2 = z * z;
  const r2 = PP2 + z * PP3, z4 = z2 * z2;
  const s1 = 1 + z * QQ1;
  const s2 = QQ2 + z * QQ3;
  const s3 = QQ4 + z * QQ5;
  const r = r1 + z2 * r2 + z4 * PP4;
  const s = s1 + z2 * s2 + z4 * s3;
  return r / s;
}

/** P(s)/Q(s) on 0.84375 <= |x| < 1.25, s = |x| - 1. */
function midRatio(x: number): number {
  const s = Math.abs(x) - 1;
  const p1 = PA[0]! + s * PA[1]!, s2 = s * s;
  const q1 = 1 + s * QA[1]!, s4 = s2 * s2;
  const p2 = PA[2]! + s * PA[3]!, s6 = s4 * s2;
  const q2 = QA[2]! + s * QA[3]!;
  const p3 = PA[4]! + s * PA[5]!;
  const q3 = QA[4]! + s * QA[5]!;
  const p = p1 + s2 * p2 + s4 * p3 + s6 * PA[6]!;
  const q = q1 + s2 * q2 + s4 * q3 + s6 * QA[6]!;
  return p / q;
}

/** exp(-x*x - 0.5625 + R/S) for 1.25 <= x < 28 (x > 0); `nearRange`: x < 1/0.35 (ra/sa) or not (rb/sb). */
function tailExp(x: number, nearRange: boolean): number {
  const s = 1 / (x * x);
  let R: number;
  let S: number;
  if (nearRange) {
    const r1 = RA[0]! + s * RA[1]!, s2 = s * s;
    const t1 = 1 + s * SA[1]!, s4 = s2 * s2;
    const r2 = RA[2]! + s * RA[3]!, s6 = s4 * s2;
    const t2 = SA[2]! + s * SA[3]!, s8 = s4 * s4;
    const r3 = RA[4]! + s * RA[5]!;
    const t3 = SA[4]! + s * SA[5]!;
    const r4 = RA[6]! + s * RA[7]!;
    const t4 = SA[6]! + s * SA[7]!;
    R = r1 + s2 * r2 + s4 * r3 + s6 * r4;
    S = t1 + s2 * t2 + s4 * t3 + s6 * t4 + s8 * SA[8]!;
  } else {
    const r1 = RB[0]! + s * RB[1]!, s2 = s * s;
    const t1 = 1 + s * SB[1]!, s4 = s2 * s2;
    const r2 = RB[2]! + s * RB[3]!, s6 = s4 * s2;
    const t2 = SB[2]! + s * SB[3]!;
    const r3 = RB[4]! + s * RB[5]!;
    const t3 = SB[4]! + s * SB[5]!;
    const t4 = SB[6]! + s * SB[7]!;
    R = r1 + s2 * r2 + s4 * r3 + s6 * RB[6]!;
    S = t1 + s2 * t2 + s4 * t3 + s6 * t4;
  }
  // -x*x split as -z*z + (z-x)(z+x), z = x with its low word cleared, so z*z is exact.
  const z = truncLow(x);
  return mathExp(-z * z - 0.5625) * mathExp((z - x) * (z + x) + R / S);
}

export function mathErf(x: number): number {
  const hx = highWord(x) | 0; // signed, as glibc's int32 hx
  const ix = hx & 0x7fffffff;
  if (ix >= 0x7ff00000) return x !== x ? x : x > 0 ? 1 : -1;
  if (ix < 0x3feb0000) {
    if (ix < 0x3e300000) {
      if (ix < 0x00800000) return 0.0625 * (16.0 * x + (16.0 * EFX) * x);
      return x + EFX * x;
    }
    return x + x * smallRatio(x);
  }
  if (ix < 0x3ff40000) return hx >= 0 ? ERX + midRatio(x) : -ERX - midRatio(x);
  if (ix >= 0x40180000) return hx >= 0 ? 1 - 1e-300 : 1e-300 - 1;
  const ax = Math.abs(x);
  const r = tailExp(ax, ix < 0x4006db6e);
  return hx >= 0 ? 1 - r / ax : r / ax - 1;
}

export function mathErfc(x: number): number {
  const hx = highWord(x) | 0; // signed, as glibc's int32 hx
  const ix = hx & 0x7fffffff;
  if (ix >= 0x7ff00000) return x !== x ? x : x > 0 ? 0 : 2;
  if (ix < 0x3feb0000) {
    if (ix < 0x3c700000) return 1 - x;
    const y = smallRatio(x);
    if (hx < 0x3fd00000) return 1 - (x + x * y);
    let r = x * y;
    r += x - 0.5;
    return 0.5 - r;
  }
  if (ix < 0x3ff40000) {
    if (hx >= 0) return (1 - ERX) - midRatio(x);
    const z = ERX + midRatio(x);
    return 1 + z;
  }
  if (ix < 0x403c0000) {
    const near = ix < 0x4006db6d;
    if (!near && hx < 0 && ix >= 0x40180000) return 2 - 1e-300;
    const ax = Math.abs(x);
    const r = tailExp(ax, near);
    return hx > 0 ? r / ax : 2 - r / ax;
  }
  return hx > 0 ? 1e-300 * 1e-300 : 2 - 1e-300;
}

// ---------------------------------------------------------------- cbrt, exp2 (glibc 2.36)

const CBRT2 = 1.2599210498948732;
const SQR_CBRT2 = 1.5874010519681996;
const CBRT_FACTOR = [1.0 / SQR_CBRT2, 1.0 / CBRT2, 1.0, CBRT2, SQR_CBRT2];

/** glibc's cbrt: a polynomial first guess on the mantissa, one rational (Halley) step, then the
 *  exponent's cube root as a power of 2 times 2^(k/3). Not correctly rounded (cbrt(27.0) is
 *  3.0000000000000004 on glibc, and so in CPython there). */
export function mathCbrt(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x + x;
  const [xm, xeI] = mathFrexp(Math.abs(x));
  const xe = Number(xeI);
  const u = 0.35489576504391984 + ((1.508191937815849 + ((-2.114994941673713 + ((2.4469312256353444 +
    ((-1.8346927748361308 + (0.7849323449766392 - 0.14526389938548637 * xm) * xm) * xm)) * xm)) * xm)) * xm);
  const t2 = u * u * u;
  const ym = u * (t2 + 2.0 * xm) / (2.0 * t2 + xm) * CBRT_FACTOR[2 + (xe % 3)]!;
  return mathLdexp(x > 0 ? ym : -ym, Math.trunc(xe / 3));
}

/** 2**x, correctly rounded (glibc's exp2 is, but for vanishingly rare ties), with math's errors. */
export function mathExp2(x: number): number {
  if (x !== x) return x;
  if (x === Infinity) return x;
  if (x === -Infinity) return 0;
  if (x >= 1024) throw range();
  if (x < -1080) return 0;
  return crPow(2, x);
}
