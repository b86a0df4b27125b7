/**
 * Guest `float` operations with CPython's results and errors. Guest floats are JS numbers; plain
 * + - * / (apart from division by zero) are IEEE-exact in both and need nothing from here.
 */
import { overflowError, valueError, zeroDivision } from './errors.js';
import { type IntVal, decompose, intFromFloat, normInt } from './int-ops.js';
import { fixedDigits, formatAbsFloat } from './decimal.js';
import { stripAsciiSpace, toAsciiNumeric } from './chars.js';
import { strRepr } from './str-repr.js';
import { crPow } from './math.js';

/** repr(x) == str(x): shortest round-trip digits; exponent form when exp < -4 or exp >= 16. */
export function floatRepr(x: number): string {
  if (x !== x) return 'nan';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  // Fast path: integral values below 1e16 print as the integer plus ".0".
  if (Number.isInteger(x) && x < 1e16 && x > -1e16) return String(x) + '.0';
  // JS prints the same shortest digits in fixed notation for 1e-6 <= |x| < 1e21; inside
  // Python's fixed range [1e-4, 1e16) the strings agree exactly.
  const ax = x < 0 ? -x : x;
  if (ax >= 1e-4 && ax < 1e16) return String(x);
  const body = formatAbsFloat(Math.abs(x), 'r', 0, { addDot0: true });
  return x < 0 ? '-' + body : body;
}

/** x / y: ZeroDivisionError "float division by zero". */
export function floatTrueDiv(x: number, y: number): number {
  if (y === 0) throw zeroDivision('float division by zero');
  return x / y;
}

/** CPython's float_divmod core (valid for y != 0). */
function divmodCore(vx: number, wx: number): [number, number] {
  let mod = vx % wx;
  let div = (vx - mod) / wx;
  if (mod !== 0) {
    if (wx < 0 !== mod < 0) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = wx < 0 ? -0 : 0;
  }
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    const q = vx / wx;
    floordiv = q < 0 || Object.is(q, -0) ? -0 : 0;
  }
  return [floordiv, mod];
}

export function floatFloorDiv(x: number, y: number): number {
  if (y === 0) throw zeroDivision('float floor division by zero');
  return divmodCore(x, y)[0];
}

export function floatMod(x: number, y: number): number {
  if (y === 0) throw zeroDivision('float modulo');
  let mod = x % y;
  if (mod !== 0) {
    if (y < 0 !== mod < 0) mod += y;
  } else {
    mod = y < 0 ? -0 : 0;
  }
  return mod;
}

export function floatDivmod(x: number, y: number): [number, number] {
  if (y === 0) throw zeroDivision('float divmod()');
  return divmodCore(x, y);
}

function isOddInteger(y: number): boolean {
  return Number.isInteger(y) && Math.abs(y % 2) === 1;
}

/**
 * x ** y with CPython's float_pow special cases and errors. A negative base with a non-integral
 * exponent gives a complex number in CPython; complex is not in the guest language, so this
 * raises ValueError("negative number cannot be raised to a fractional power") instead.
 */
export function floatPow(iv: number, iw: number): number {
  if (iw === 0) return 1.0;
  if (iv !== iv) return iv;
  if (iw !== iw) return iv === 1.0 ? 1.0 : iw;
  if (!Number.isFinite(iw)) {
    const a = Math.abs(iv);
    if (a === 1.0) return 1.0;
    if (iw > 0 === a > 1.0) return Math.abs(iw);
    return 0.0;
  }
  if (!Number.isFinite(iv)) {
    const odd = isOddInteger(iw);
    if (iw > 0) return odd ? iv : Math.abs(iv);
    return odd ? (iv < 0 ? -0 : 0) : 0.0;
  }
  if (iv === 0) {
    const odd = isOddInteger(iw);
    if (iw < 0) throw zeroDivision('0.0 cannot be raised to a negative power');
    return odd ? iv : 0.0;
  }
  let negate = false;
  if (iv < 0) {
    if (iw !== Math.floor(iw)) throw valueError('negative number cannot be raised to a fractional power');
    iv = -iv;
    negate = isOddInteger(iw);
  }
  if (iv === 1.0) return negate ? -1.0 : 1.0;
  const r = crPow(iv, iw);
  if (!Number.isFinite(r)) throw overflowError("(34, 'Numerical result out of range')");
  return negate ? -r : r;
}

/** Round |x| half to even to an integer-valued double. */
function roundHalfEven(x: number): number {
  const a = Math.abs(x);
  let r = Math.floor(a);
  const diff = a - r; // exact
  if (diff > 0.5 || (diff === 0.5 && r % 2 === 1)) r += 1;
  return x < 0 ? -r : r;
}

const NDIGITS_MAX = 323; // (DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103
const NDIGITS_MIN = -308; // -(DBL_MAX_EXP + 1) * 0.30103

/** round(x) → int (half to even). */
export function floatRoundToInt(x: number): IntVal {
  return intFromFloat(roundHalfEven(x));
}

/**
 * round(x, ndigits) → float, exactly as CPython: round the exact binary value to `ndigits`
 * decimals half to even (so round(2.675, 2) == 2.67 because 2.675 is really 2.67499999...),
 * then read the decimal string back. Without ndigits it returns an int (see floatRoundToInt).
 */
export function floatRound(x: number, ndigits?: IntVal): number | IntVal {
  if (ndigits === undefined) return floatRoundToInt(x);
  if (x === 0 || !Number.isFinite(x)) return x;
  if (ndigits > NDIGITS_MAX) return x;
  if (ndigits < NDIGITS_MIN) return 0.0 * x;
  const d = fixedDigits(Math.abs(x), Number(ndigits));
  const digits = d.digits;
  const decpt = d.decpt;
  const s = (x < 0 ? '-' : '') + '0' + (digits === '' ? '' : digits) + 'e' + (decpt - digits.length);
  const r = Number(s);
  if (!Number.isFinite(r)) throw overflowError('rounded value too large to represent');
  return r;
}

const FLOAT_RE = /^[+-]?(?:(?:\d(?:_?\d)*)(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?$/;
const SPECIAL_RE = /^([+-]?)(inf|infinity|nan)$/i;

/** float(s): surrounding whitespace, sign, inf/infinity/nan in any case, underscores between
 *  digits, Unicode decimal digits. ValueError "could not convert string to float: '...'". */
export function floatFromStr(s: string): number {
  const t = stripAsciiSpace(toAsciiNumeric(s));
  if (FLOAT_RE.test(t)) return Number(t.includes('_') ? t.replace(/_/g, '') : t);
  const m = SPECIAL_RE.exec(t);
  if (m) {
    const v = m[2]!.toLowerCase() === 'nan' ? NaN : Infinity;
    return m[1] === '-' ? -v : v;
  }
  throw valueError(`could not convert string to float: ${strRepr(s)}`);
}

export function floatIsInteger(x: number): boolean {
  return Number.isInteger(x);
}

/** x.as_integer_ratio(): the exact fraction in lowest terms with a positive denominator. */
export function floatAsIntegerRatio(x: number): [IntVal, IntVal] {
  if (x !== x) throw valueError('cannot convert NaN to integer ratio');
  if (!Number.isFinite(x)) throw overflowError('cannot convert Infinity to integer ratio');
  if (x === 0) return [0, 1];
  let { mant, exp } = decompose(Math.abs(x));
  while ((mant & 1n) === 0n && exp < 0) {
    mant >>= 1n;
    exp += 1;
  }
  let num = exp >= 0 ? mant << BigInt(exp) : mant;
  const den = exp >= 0 ? 1n : 1n << BigInt(-exp);
  if (x < 0) num = -num;
  return [normInt(num), normInt(den)];
}

/** An IEEE 754 binary16 value (struct's and memoryview's 'e' format) as a double. */
export function halfToDouble(h: number): number {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const m = h & 0x3ff;
  if (e === 0) return s * m * 2 ** -24;
  if (e === 31) return m ? NaN : s * Infinity;
  return s * (1 + m / 1024) * 2 ** (e - 15);
}
