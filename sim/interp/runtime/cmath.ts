/**
 * Guest `cmath` kernels with CPython 3.11's results (Modules/cmathmodule.c's algorithms, written
 * here from their published description): the branch cuts and signed zeros of C99 Annex G, the
 * results of non-finite arguments (Annex G's special values, with CPython's choice where the
 * standard leaves a sign open), and the errors: ValueError "math domain error" where C sets EDOM,
 * OverflowError "math range error" where it sets ERANGE. The real kernels are math.ts's correctly
 * rounded ones (C libm's, as CPython calls them), without the math module's own errors.
 */
import { cCos, cExp, cLog as libmLog, cSin, libm, quot, type Cx } from './complex-ops.js';
import { overflowError, valueError } from './errors.js';
import {
  mathAsinh, mathAtan2, mathCosh, mathHypot, mathLdexp, mathSinh, mathTan, mathTanh,
} from './math.js';

const PI = Math.PI;
const LN2 = Math.LN2;
const LN10 = Math.LN10;
const DBL_MIN = 2.2250738585072014e-308;
const DBL_MANT_DIG = 53;
const LARGE = Number.MAX_VALUE / 4;
const SQRT_LARGE = Math.sqrt(LARGE);
const LOG_LARGE = Math.log(LARGE);
const SQRT_DBL_MIN = Math.sqrt(DBL_MIN);
const SCALE_UP = 2 * Math.floor(DBL_MANT_DIG / 2) + 1;
const SCALE_DOWN = -Math.floor((SCALE_UP + 1) / 2);

// C libm without errno (complex-ops.ts): an error of the math kernel becomes C's return value.
const safe = libm;
const exp = cExp;
const log = libmLog;
const cos = cCos;
const sin = cSin;
const tan = (x: number): number => safe(mathTan, x, NaN);
const cosh = (x: number): number => safe(mathCosh, x, Infinity);
const sinh = (x: number): number => safe(mathSinh, x, x > 0 ? Infinity : -Infinity);
const tanh = (x: number): number => safe(mathTanh, x, NaN);
const hypot = (x: number, y: number): number => mathHypot(x, y);
/** atan2 whose underflow keeps the sign of y (C returns ±0 and sets ERANGE; phase() raises it). */
const atan2 = (y: number, x: number): number => {
  const r = mathAtan2(y, x);
  return r === 0 ? copysign(0, y) : r;
};
const ldexp = (x: number, n: number): number => mathLdexp(x, n);
const log1p = (x: number): number => Math.log1p(x);
const copysign = (x: number, y: number): number => (y < 0 || Object.is(y, -0) ? -Math.abs(x) : Math.abs(x));
const isNeg = (x: number): boolean => x < 0 || Object.is(x, -0);
const fin = (x: number): boolean => Number.isFinite(x);
const isInf = (x: number): boolean => x === Infinity || x === -Infinity;
const NAN2: Cx = { re: NaN, im: NaN };

const domain = () => valueError('math domain error');
const range = () => overflowError('math range error');

/** A special-value result with the C errno it sets (EDOM raised by the caller). */
interface Special { z: Cx; edom: boolean }

// ------------------------------------------------------------------------------------------ sqrt

function sqrtSpecial(x: number, y: number): Cx {
  if (isInf(y)) return { re: Infinity, im: y };
  if (Number.isNaN(x)) return NAN2;
  if (x === -Infinity) return Number.isNaN(y) ? { re: NaN, im: Infinity } : { re: 0, im: copysign(Infinity, y) };
  if (x === Infinity) return Number.isNaN(y) ? { re: Infinity, im: NaN } : { re: Infinity, im: copysign(0, y) };
  return NAN2;
}

export function cmathSqrt(z: Cx): Cx {
  if (!fin(z.re) || !fin(z.im)) return sqrtSpecial(z.re, z.im);
  if (z.re === 0 && z.im === 0) return { re: 0, im: z.im };
  let ax = Math.abs(z.re);
  const ay = Math.abs(z.im);
  let s: number;
  if (ax < DBL_MIN && ay < DBL_MIN) {
    ax = ldexp(ax, SCALE_UP);
    s = ldexp(Math.sqrt(ax + hypot(ax, ldexp(ay, SCALE_UP))), SCALE_DOWN);
  } else {
    ax /= 8;
    s = 2 * Math.sqrt(ax + hypot(ax, ay / 8));
  }
  const d = ay / (2 * s);
  return z.re >= 0 ? { re: s, im: copysign(d, z.im) } : { re: d, im: copysign(s, z.im) };
}

// ---------------------------------------------------------------------------- exp, log, log10

/** exp(x + iy) for x infinite and y finite and nonzero, or cosh/sinh's like cases: ±inf·cis(y). */
const infCis = (y: number, scale: number): Cx => ({ re: copysign(scale, cos(y)), im: copysign(scale, sin(y)) });

function expSpecial(x: number, y: number): Special {
  const edom = isInf(y) && (fin(x) || x === Infinity);
  if (isInf(x) && fin(y) && y !== 0) return { z: infCis(y, x > 0 ? Infinity : 0), edom };
  if (Number.isNaN(x)) return { z: y === 0 ? { re: NaN, im: y } : NAN2, edom };
  if (x === -Infinity) return { z: { re: 0, im: Number.isNaN(y) || isInf(y) ? 0 : copysign(0, y) }, edom };
  if (x === Infinity) {
    if (y === 0) return { z: { re: Infinity, im: y }, edom };
    return { z: { re: Infinity, im: NaN }, edom };
  }
  return { z: NAN2, edom };
}

export function cmathExp(z: Cx): Cx {
  if (!fin(z.re) || !fin(z.im)) {
    const s = expSpecial(z.re, z.im);
    if (s.edom) throw domain();
    return s.z;
  }
  let r: Cx;
  if (z.re > LOG_LARGE) {
    const l = exp(z.re - 1);
    r = { re: l * cos(z.im) * Math.E, im: l * sin(z.im) * Math.E };
  } else {
    const l = exp(z.re);
    r = { re: l * cos(z.im), im: l * sin(z.im) };
  }
  if (isInf(r.re) || isInf(r.im)) throw range();
  return r;
}

function logSpecial(x: number, y: number): Cx {
  if (isInf(y)) {
    if (x === -Infinity) return { re: Infinity, im: copysign(3 * PI / 4, y) };
    if (x === Infinity) return { re: Infinity, im: copysign(PI / 4, y) };
    if (Number.isNaN(x)) return { re: Infinity, im: NaN };
    return { re: Infinity, im: copysign(PI / 2, y) };
  }
  if (isInf(x)) {
    if (Number.isNaN(y)) return { re: Infinity, im: NaN };
    return { re: Infinity, im: x < 0 ? copysign(PI, y) : copysign(0, y) };
  }
  return NAN2;
}

/** c_log: also reports log(0)'s EDOM (the caller decides, as cmath.log with a base does). */
function cLog(z: Cx): { z: Cx; edom: boolean } {
  if (!fin(z.re) || !fin(z.im)) return { z: logSpecial(z.re, z.im), edom: false };
  const ax = Math.abs(z.re), ay = Math.abs(z.im);
  let re: number;
  if (ax > LARGE || ay > LARGE) {
    re = log(hypot(ax / 2, ay / 2)) + LN2;
  } else if (ax < DBL_MIN && ay < DBL_MIN) {
    if (ax > 0 || ay > 0) {
      re = log(hypot(ldexp(ax, DBL_MANT_DIG), ldexp(ay, DBL_MANT_DIG))) - DBL_MANT_DIG * LN2;
    } else {
      return { z: { re: -Infinity, im: atan2(z.im, z.re) }, edom: true };
    }
  } else {
    const h = hypot(ax, ay);
    if (h >= 0.71 && h <= 1.73) {
      const am = ax > ay ? ax : ay;
      const an = ax > ay ? ay : ax;
      re = log1p((am - 1) * (am + 1) + an * an) / 2;
    } else {
      re = log(h);
    }
  }
  return { z: { re, im: atan2(z.im, z.re) }, edom: false };
}


/** cmath.log(z[, base]): errno is whatever the last step left, as in CPython. */
export function cmathLog(z: Cx, base?: Cx): Cx {
  const x = cLog(z);
  if (base === undefined) {
    if (x.edom) throw domain();
    return x.z;
  }
  const y = cLog(base);
  const q = quot(x.z, y.z);
  if (q === null || y.edom) throw domain();
  return q;
}

export function cmathLog10(z: Cx): Cx {
  const r = cLog(z);
  if (r.edom) throw domain();
  return { re: r.z.re / LN10, im: r.z.im / LN10 };
}

// ------------------------------------------------------------------------ cosh, sinh, tanh

function coshSpecial(x: number, y: number): Special {
  const edom = isInf(y) && !Number.isNaN(x);
  if (isInf(x) && fin(y) && y !== 0) {
    const c = infCis(y, Infinity);
    return { z: x > 0 ? c : { re: c.re, im: -c.im }, edom };
  }
  if (Number.isNaN(x)) return { z: y === 0 ? { re: NaN, im: 0 } : NAN2, edom };
  if (isInf(x)) {
    // y is 0, infinite or NaN.
    if (y === 0) return { z: { re: Infinity, im: isNeg(x) !== isNeg(y) ? -0 : 0 }, edom };
    return { z: { re: Infinity, im: NaN }, edom };
  }
  // x finite, y infinite or NaN.
  if (x === 0) return { z: { re: NaN, im: 0 }, edom };
  return { z: NAN2, edom };
}

/** cosh (reF cosh, imF sinh) and sinh (reF sinh, imF cosh) of z: cos(y)·reF(x) + i·sin(y)·imF(x),
 *  scaled through e for large |x| so the intermediate does not overflow first. */
function hyperbolic(z: Cx, special: (x: number, y: number) => Special, reF: (x: number) => number, imF: (x: number) => number): Cx {
  if (!fin(z.re) || !fin(z.im)) {
    const s = special(z.re, z.im);
    if (s.edom) throw domain();
    return s.z;
  }
  let r: Cx;
  if (Math.abs(z.re) > LOG_LARGE) {
    const xm1 = z.re - copysign(1, z.re);
    r = { re: cos(z.im) * reF(xm1) * Math.E, im: sin(z.im) * imF(xm1) * Math.E };
  } else {
    r = { re: cos(z.im) * reF(z.re), im: sin(z.im) * imF(z.re) };
  }
  if (isInf(r.re) || isInf(r.im)) throw range();
  return r;
}

export function cmathCosh(z: Cx): Cx {
  return hyperbolic(z, coshSpecial, cosh, sinh);
}

function sinhSpecial(x: number, y: number): Special {
  const edom = isInf(y) && !Number.isNaN(x);
  if (isInf(x) && fin(y) && y !== 0) {
    const c = infCis(y, Infinity);
    return { z: x > 0 ? c : { re: -c.re, im: c.im }, edom };
  }
  if (Number.isNaN(x)) return { z: y === 0 ? { re: NaN, im: y } : NAN2, edom };
  if (isInf(x)) {
    if (y === 0) return { z: { re: x, im: y }, edom };
    return { z: { re: Number.isNaN(y) ? Infinity : x, im: NaN }, edom };
  }
  if (x === 0) return { z: { re: Number.isNaN(y) ? 0 : x, im: NaN }, edom };
  return { z: NAN2, edom };
}

export function cmathSinh(z: Cx): Cx {
  return hyperbolic(z, sinhSpecial, sinh, cosh);
}

function tanhSpecial(x: number, y: number): Special {
  const edom = isInf(y) && fin(x);
  if (isInf(x) && fin(y) && y !== 0) return { z: { re: x > 0 ? 1 : -1, im: copysign(0, 2 * sin(y) * cos(y)) }, edom };
  if (isInf(x)) return { z: { re: x > 0 ? 1 : -1, im: y === 0 ? y : 0 }, edom };
  if (Number.isNaN(x)) return { z: y === 0 ? { re: NaN, im: y } : NAN2, edom };
  return { z: NAN2, edom };
}

export function cmathTanh(z: Cx): Cx {
  if (!fin(z.re) || !fin(z.im)) {
    const s = tanhSpecial(z.re, z.im);
    if (s.edom) throw domain();
    return s.z;
  }
  if (Math.abs(z.re) > LOG_LARGE) {
    return { re: copysign(1, z.re), im: 4 * sin(z.im) * cos(z.im) * exp(-2 * Math.abs(z.re)) };
  }
  const tx = tanh(z.re), ty = tan(z.im), cx = 1 / cosh(z.re);
  const txty = tx * ty;
  const denom = 1 + txty * txty;
  return { re: tx * (1 + ty * ty) / denom, im: ((ty / denom) * cx) * cx };
}

// ---------------------------------------------------------------- the inverse functions

function asinhSpecial(x: number, y: number): Cx {
  if (isInf(y)) {
    if (isInf(x)) return { re: x, im: copysign(PI / 4, y) };
    if (Number.isNaN(x)) return { re: Infinity, im: NaN };
    return { re: copysign(Infinity, x), im: copysign(PI / 2, y) };
  }
  if (isInf(x)) return { re: x, im: Number.isNaN(y) ? NaN : copysign(0, y) };
  if (Number.isNaN(x)) return y === 0 ? { re: NaN, im: y } : NAN2;
  return NAN2;
}

export function cmathAsinh(z: Cx): Cx {
  if (!fin(z.re) || !fin(z.im)) return asinhSpecial(z.re, z.im);
  if (Math.abs(z.re) > LARGE || Math.abs(z.im) > LARGE) {
    const l = log(hypot(z.re / 2, z.im / 2)) + LN2 * 2;
    const re = z.im >= 0 ? copysign(l, z.re) : -copysign(l, -z.re);
    return { re, im: atan2(z.im, Math.abs(z.re)) };
  }
  const s1 = cmathSqrt({ re: 1 + z.im, im: -z.re });
  const s2 = cmathSqrt({ re: 1 - z.im, im: z.re });
  return {
    re: safe(mathAsinh, s1.re * s2.im - s2.re * s1.im, NaN),
    im: atan2(z.im, s1.re * s2.re - s1.im * s2.im),
  };
}

function acosSpecial(x: number, y: number): Cx {
  if (isInf(y)) {
    if (x === -Infinity) return { re: 3 * PI / 4, im: -y };
    if (x === Infinity) return { re: PI / 4, im: -y };
    if (Number.isNaN(x)) return { re: NaN, im: -y };
    return { re: PI / 2, im: -y };
  }
  if (isInf(x)) {
    if (Number.isNaN(y)) return { re: NaN, im: Infinity };
    return { re: x < 0 ? PI : 0, im: isNeg(y) ? Infinity : -Infinity };
  }
  if (x === 0 && Number.isNaN(y)) return { re: PI / 2, im: NaN };
  return NAN2;
}

export function cmathAcos(z: Cx): Cx {
  if (!fin(z.re) || !fin(z.im)) return acosSpecial(z.re, z.im);
  if (Math.abs(z.re) > LARGE || Math.abs(z.im) > LARGE) {
    const l = log(hypot(z.re / 2, z.im / 2)) + LN2 * 2;
    return { re: atan2(Math.abs(z.im), z.re), im: z.re < 0 ? -copysign(l, z.im) : copysign(l, -z.im) };
  }
  const s1 = cmathSqrt({ re: 1 - z.re, im: -z.im });
  const s2 = cmathSqrt({ re: 1 + z.re, im: z.im });
  return { re: 2 * atan2(s1.re, s2.re), im: safe(mathAsinh, s2.re * s1.im - s2.im * s1.re, NaN) };
}

function acoshSpecial(x: number, y: number): Cx {
  if (isInf(y)) {
    if (x === -Infinity) return { re: Infinity, im: copysign(3 * PI / 4, y) };
    if (x === Infinity) return { re: Infinity, im: copysign(PI / 4, y) };
    if (Number.isNaN(x)) return { re: Infinity, im: NaN };
    return { re: Infinity, im: copysign(PI / 2, y) };
  }
  if (isInf(x)) {
    if (Number.isNaN(y)) return { re: Infinity, im: NaN };
    return { re: Infinity, im: x < 0 ? copysign(PI, y) : copysign(0, y) };
  }
  return NAN2;
}

export function cmathAcosh(z: Cx): Cx {
  if (!fin(z.re) || !fin(z.im)) return acoshSpecial(z.re, z.im);
  if (Math.abs(z.re) > LARGE || Math.abs(z.im) > LARGE) {
    return { re: log(hypot(z.re / 2, z.im / 2)) + LN2 * 2, im: atan2(z.im, z.re) };
  }
  const s1 = cmathSqrt({ re: z.re - 1, im: z.im });
  const s2 = cmathSqrt({ re: z.re + 1, im: z.im });
  return { re: safe(mathAsinh, s1.re * s2.re + s1.im * s2.im, NaN), im: 2 * atan2(s1.im, s2.re) };
}

function atanhSpecial(x: number, y: number): Cx {
  if (isInf(y)) return { re: Number.isNaN(x) ? 0 : copysign(0, x), im: copysign(PI / 2, y) };
  if (isInf(x)) return { re: copysign(0, x), im: Number.isNaN(y) ? NaN : copysign(PI / 2, y) };
  if (x === 0 && Number.isNaN(y)) return { re: x, im: NaN };
  return NAN2;
}

export function cmathAtanh(z: Cx): Cx {
  if (!fin(z.re) || !fin(z.im)) return atanhSpecial(z.re, z.im);
  if (z.re < 0) {
    const r = cmathAtanh({ re: -z.re, im: -z.im });
    return { re: -r.re, im: -r.im };
  }
  const ay = Math.abs(z.im);
  if (z.re > SQRT_LARGE || ay > SQRT_LARGE) {
    const h = hypot(z.re / 2, z.im / 2);
    return { re: z.re / 4 / h / h, im: -copysign(PI / 2, -z.im) };
  }
  if (z.re === 1 && ay < SQRT_DBL_MIN) {
    if (ay === 0) throw domain();
    return { re: -log(Math.sqrt(ay) / Math.sqrt(hypot(ay, 2))), im: copysign(atan2(2, -ay) / 2, z.im) };
  }
  return {
    re: log1p(4 * z.re / ((1 - z.re) * (1 - z.re) + ay * ay)) / 4,
    im: -atan2(-2 * z.im, (1 - z.re) * (1 + z.re) - ay * ay) / 2,
  };
}

// ------------------------------------------------------ the circular functions, through i·z

/** f(i·z) / i for the hyperbolic f: sin, tan, asin and atan. */
const rotated = (f: (z: Cx) => Cx, z: Cx): Cx => {
  const s = f({ re: -z.im, im: z.re });
  return { re: s.im, im: -s.re };
};
export const cmathSin = (z: Cx): Cx => rotated(cmathSinh, z);
export const cmathTan = (z: Cx): Cx => rotated(cmathTanh, z);
export const cmathAsin = (z: Cx): Cx => rotated(cmathAsinh, z);
export const cmathAtan = (z: Cx): Cx => rotated(cmathAtanh, z);
export const cmathCos = (z: Cx): Cx => cmathCosh({ re: -z.im, im: z.re });

// ------------------------------------------------------------------- phase, polar, rect

/** phase(z): atan2's total underflow is ERANGE, which phase (unlike polar) raises. */
export function cmathPhase(z: Cx): number {
  const r = atan2(z.im, z.re);
  if (r === 0 && z.im !== 0 && fin(z.im) && fin(z.re)) throw range();
  return r;
}

/** polar(z): (abs(z), phase(z)); OverflowError when abs overflows. */
export function cmathPolar(z: Cx): [number, number] {
  let r: number;
  if (!fin(z.re) || !fin(z.im)) r = isInf(z.re) || isInf(z.im) ? Infinity : NaN;
  else {
    r = hypot(z.re, z.im);
    if (r === Infinity) throw range();
  }
  return [r, atan2(z.im, z.re)];
}

function rectSpecial(r: number, phi: number): Cx {
  if (isInf(r) && fin(phi) && phi !== 0) {
    const c = infCis(phi, Infinity);
    return r > 0 ? c : { re: -c.re, im: -c.im };
  }
  if (Number.isNaN(r)) return phi === 0 ? { re: NaN, im: 0 } : NAN2;
  if (isInf(r)) {
    // phi is 0, infinite or NaN.
    if (phi === 0) return { re: r, im: r > 0 ? phi : -phi };
    return { re: Infinity, im: NaN };
  }
  // r finite, phi infinite or NaN.
  if (r === 0) return { re: 0, im: 0 };
  return NAN2;
}

export function cmathRect(r: number, phi: number): Cx {
  if (!fin(r) || !fin(phi)) {
    const z = rectSpecial(r, phi);
    if (r !== 0 && !Number.isNaN(r) && isInf(phi)) throw domain();
    return z;
  }
  if (phi === 0) return { re: r, im: r * phi };
  return { re: r * cos(phi), im: r * sin(phi) };
}

export const cmathIsfinite = (z: Cx): boolean => fin(z.re) && fin(z.im);
export const cmathIsnan = (z: Cx): boolean => Number.isNaN(z.re) || Number.isNaN(z.im);
export const cmathIsinf = (z: Cx): boolean => isInf(z.re) || isInf(z.im);

/** isclose(a, b, rel_tol, abs_tol): the tolerances are checked by the caller. */
export function cmathIsclose(a: Cx, b: Cx, relTol: number, absTol: number): boolean {
  if (a.re === b.re && a.im === b.im) return true;
  if (isInf(a.re) || isInf(a.im) || isInf(b.re) || isInf(b.im)) return false;
  const diff = cAbs({ re: a.re - b.re, im: a.im - b.im });
  return (diff <= relTol * cAbs(b)) || (diff <= relTol * cAbs(a)) || diff <= absTol;
}
const cAbs = (z: Cx): number => (isInf(z.re) || isInf(z.im) ? Infinity : hypot(z.re, z.im));
