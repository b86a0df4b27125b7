/**
 * Guest `complex` arithmetic, repr, hash and parsing with CPython 3.11's results and errors
 * (Objects/complexobject.c): Smith-style division, exact integer powers by repeated squaring up
 * to |n| <= 100 and the polar formula beyond, and repr from the shortest round-trip digits.
 * Values are plain pairs of JS numbers; nothing here touches the VM.
 */
import { formatAbsFloat } from './decimal.js';
import { overflowError, valueError, zeroDivision } from './errors.js';
import { type IntVal, floatHash } from './int-ops.js';
import { floatFromStr } from './float-ops.js';
import { mathAtan2, mathCos, mathExp, mathHypot, mathLogFloat, mathSin, powFinite } from './math.js';

// C libm's functions, which CPython's complex calls, as the correctly rounded kernels of math.ts
// without the errors the math module raises (C returns inf or nan and sets errno instead).
export const libm = (f: (x: number) => number, x: number, onError: number): number => {
  try {
    return f(x);
  } catch {
    return onError;
  }
};
export const cExp = (x: number): number => libm(mathExp, x, Infinity);
export const cLog = (x: number): number => (x === 0 ? -Infinity : libm(mathLogFloat, x, NaN));
export const cCos = (x: number): number => libm(mathCos, x, NaN);
export const cSin = (x: number): number => libm(mathSin, x, NaN);
const cPow = (x: number, y: number): number => (Number.isFinite(x) && Number.isFinite(y) ? powFinite(x, y) : Math.pow(x, y));

export interface Cx { re: number; im: number }

const ONE: Cx = { re: 1, im: 0 };

/** One part as complex_repr writes it: repr digits without the ".0" that float's repr adds. */
function partRepr(x: number, signed: boolean): string {
  const neg = x < 0 || Object.is(x, -0);
  const body = formatAbsFloat(Math.abs(x), 'r', 0, {});
  if (neg && !Number.isNaN(x)) return '-' + body;
  return signed ? '+' + body : body;
}

/** repr(z) == str(z): `2j` when the real part is +0.0, else `(re±imj)`. */
export function complexRepr(z: Cx): string {
  if (z.re === 0 && !Object.is(z.re, -0)) return partRepr(z.im, false) + 'j';
  return `(${partRepr(z.re, false)}${partRepr(z.im, true)}j)`;
}

/** hash(z): hash(re) + 1000003 * hash(im), wrapped to 64 bits; -1 becomes -2. */
export function complexHash(z: Cx, nanHash: IntVal = 0): IntVal {
  const hr = BigInt.asUintN(64, BigInt(floatHash(z.re, nanHash)));
  const hi = BigInt.asUintN(64, BigInt(floatHash(z.im, nanHash)));
  let h = BigInt.asIntN(64, hr + 1000003n * hi);
  if (h === -1n) h = -2n;
  return h >= BigInt(Number.MIN_SAFE_INTEGER) && h <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(h) : h;
}

export function complexAdd(a: Cx, b: Cx): Cx { return { re: a.re + b.re, im: a.im + b.im }; }
export function complexSub(a: Cx, b: Cx): Cx { return { re: a.re - b.re, im: a.im - b.im }; }
export function complexMul(a: Cx, b: Cx): Cx {
  return { re: a.re * b.re - a.im * b.im, im: a.re * b.im + a.im * b.re };
}

/** _Py_c_quot; null when the divisor is zero (the caller names the error: ZeroDivisionError for
 *  `/`, EDOM for cmath.log's base). */
export function quot(a: Cx, b: Cx): Cx | null {
  const absRe = b.re < 0 ? -b.re : b.re;
  const absIm = b.im < 0 ? -b.im : b.im;
  if (absRe >= absIm) {
    if (absRe === 0) return null;
    const ratio = b.im / b.re;
    const denom = b.re + b.im * ratio;
    return { re: (a.re + a.im * ratio) / denom, im: (a.im - a.re * ratio) / denom };
  }
  if (absIm >= absRe) {
    const ratio = b.re / b.im;
    const denom = b.re * ratio + b.im;
    return { re: (a.re * ratio + a.im) / denom, im: (a.im * ratio - a.re) / denom };
  }
  return { re: NaN, im: NaN }; // a NaN in the divisor
}

/** a / b: ZeroDivisionError "complex division by zero". */
export function complexDiv(a: Cx, b: Cx): Cx {
  const r = quot(a, b);
  if (r === null) throw zeroDivision('complex division by zero');
  return r;
}

function powu(x: Cx, n: number): Cx {
  let r = ONE;
  let p = x;
  for (let mask = 1; mask > 0 && n >= mask; mask *= 2) {
    if (Math.floor(n / mask) % 2 === 1) r = complexMul(r, p);
    p = complexMul(p, p);
  }
  return r;
}

/** a ** b as complex_pow: errors "0.0 to a negative or complex power", "complex exponentiation". */
export function complexPow(a: Cx, b: Cx): Cx {
  let r: Cx | null;
  if (b.im === 0 && b.re === Math.floor(b.re) && Math.abs(b.re) <= 100) {
    const n = b.re;
    r = n > 0 ? powu(a, n) : quot(ONE, powu(a, -n));
  } else if (b.re === 0 && b.im === 0) {
    r = ONE;
  } else if (a.re === 0 && a.im === 0) {
    r = b.im !== 0 || b.re < 0 ? null : { re: 0, im: 0 };
  } else {
    const vabs = mathHypot(a.re, a.im);
    let len = cPow(vabs, b.re);
    const at = mathAtan2(a.im, a.re);
    let phase = at * b.re;
    if (b.im !== 0) {
      len /= cExp(at * b.im);
      phase += b.im * cLog(vabs);
    }
    r = { re: len * cCos(phase), im: len * cSin(phase) };
  }
  if (r === null) throw zeroDivision('0.0 to a negative or complex power');
  if (Math.abs(r.re) === Infinity || Math.abs(r.im) === Infinity) throw overflowError('complex exponentiation');
  return r;
}

/** abs(z): hypot, OverflowError "absolute value too large" when finite parts overflow. */
export function complexAbs(z: Cx): number {
  if (!Number.isFinite(z.re) || !Number.isFinite(z.im)) {
    if (Math.abs(z.re) === Infinity || Math.abs(z.im) === Infinity) return Infinity;
    return NaN;
  }
  const r = mathHypot(z.re, z.im);
  if (r === Infinity) throw overflowError('absolute value too large');
  return r;
}

/**
 * complex(str): optional parentheses and surrounding whitespace; a real part, an imaginary part
 * with a `j`, or both; a bare `j` or `+j` means 1j. ValueError "complex() arg is a malformed string".
 */
export function complexFromStr(text: string): Cx {
  const bad = (): never => { throw valueError('complex() arg is a malformed string'); };
  let s = text.trim();
  if (s.startsWith('(')) {
    if (!s.endsWith(')')) bad();
    s = s.slice(1, -1).trim();
  }
  if (s === '' || /\s/.test(s)) bad();
  const digits = String.raw`\d(?:_?\d)*`;
  const num = String.raw`(?:(?:${digits}(?:\.(?:${digits})?)?|\.${digits})(?:[eE][+-]?${digits})?|inf(?:inity)?|nan)`;
  const re = new RegExp(String.raw`^([+-]?${num})?(?:([+-](?:${num})?)[jJ])?$|^([+-]?(?:${num})?)[jJ]$`, 'i');
  const m = re.exec(s);
  if (m === null) bad();
  const part = (t: string): number => (t === '' || t === '+' ? 1 : t === '-' ? -1 : floatFromStr(t));
  if (m![3] !== undefined) return { re: 0, im: part(m![3]) };
  const realText = m![1];
  const imagText = m![2];
  if (realText === undefined || realText === '') {
    if (imagText === undefined) bad();
    return { re: 0, im: part(imagText!) };
  }
  return { re: floatFromStr(realText), im: imagText === undefined ? 0 : part(imagText) };
}
