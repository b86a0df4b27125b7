/**
 * Guest `int` arithmetic with CPython's results and errors.
 *
 * Representation (a contract with the VM): `IntVal = number | bigint`; a `number` is always a safe
 * integer (never -0) and a `bigint` is used only outside the safe range. Every function here takes
 * and returns normalized values. The number/number paths are the VM's hot path for `+ - * < ==`:
 * they do the float operation and promote to bigint only when the result leaves the safe range.
 */
import { RuntimeOpError, overflowError, valueError, zeroDivision } from './errors.js';
import { stripAsciiSpace, toAsciiNumeric } from './chars.js';
import { strRepr } from './str-repr.js';

export type IntVal = number | bigint;

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = -MAX_SAFE;

/** CPython 3.11's default sys.get_int_max_str_digits(). */
/** CPython's default sys.get_int_max_str_digits(); the guest may change the limit (0: none). */
export const INT_MAX_STR_DIGITS = 4300;
/** The smallest nonzero limit sys.set_int_max_str_digits() accepts (sys.int_info.str_digits_check_threshold). */
export const INT_STR_DIGITS_THRESHOLD = 640;
let maxStrDigits = INT_MAX_STR_DIGITS;
export function getIntMaxStrDigits(): number {
  return maxStrDigits;
}
/** Set per interpreter: each Interpreter starts at the default. */
export function setIntMaxStrDigits(n: number): void {
  maxStrDigits = n;
}

/** Renormalize a bigint result: a safe integer becomes a number. */
export function normInt(b: bigint): IntVal {
  return b >= MIN_SAFE && b <= MAX_SAFE ? Number(b) : b;
}

/** The value as a bigint (for code that wants one arithmetic path). */
export function toBig(v: IntVal): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

export function intAdd(a: IntVal, b: IntVal): IntVal {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (Number.isSafeInteger(r)) return r;
  }
  return normInt(toBig(a) + toBig(b));
}

export function intSub(a: IntVal, b: IntVal): IntVal {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (Number.isSafeInteger(r)) return r;
  }
  return normInt(toBig(a) - toBig(b));
}

export function intMul(a: IntVal, b: IntVal): IntVal {
  if (typeof a === 'number' && typeof b === 'number') {
    // An exact product within the safe range is representable, so the float product is exact;
    // an exact product outside it rounds to a value outside it too.
    const r = a * b;
    if (Number.isSafeInteger(r)) return r === 0 ? 0 : r;
  }
  return normInt(toBig(a) * toBig(b));
}

export function intNeg(a: IntVal): IntVal {
  if (typeof a === 'number') return a === 0 ? 0 : -a;
  return normInt(-a);
}

export function intAbs(a: IntVal): IntVal {
  if (typeof a === 'number') return a < 0 ? -a : a;
  return a < 0n ? -a : a;
}

export function intInvert(a: IntVal): IntVal {
  if (typeof a === 'number') {
    const r = -a - 1;
    if (Number.isSafeInteger(r)) return r;
  }
  return normInt(-toBig(a) - 1n);
}

export function intSign(a: IntVal): -1 | 0 | 1 {
  if (typeof a === 'number') return a < 0 ? -1 : a > 0 ? 1 : 0;
  return a < 0n ? -1 : 1;
}

export function intIsZero(a: IntVal): boolean {
  return a === 0;
}

/** Floor division and modulo of safe integers, exactly: `%` on doubles is exact (fmod), and
 *  (a - r) is an exact multiple of b whose quotient is a safe integer. */
function numDivmod(a: number, b: number): [number, number] {
  let r = a % b;
  let q = (a - r) / b;
  if (r !== 0 && r < 0 !== b < 0) {
    r += b;
    q -= 1;
  }
  return [q === 0 ? 0 : q, r === 0 ? 0 : r];
}

function bigDivmod(a: bigint, b: bigint): [bigint, bigint] {
  let q = a / b;
  let r = a % b;
  if (r !== 0n && r < 0n !== b < 0n) {
    r += b;
    q -= 1n;
  }
  return [q, r];
}

export function intFloorDiv(a: IntVal, b: IntVal): IntVal {
  if (b === 0) throw zeroDivision('integer division or modulo by zero');
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === -1) return intNeg(a);
    // Inline numDivmod without the tuple: this is on the VM's hot path.
    const r = a % b;
    let q = (a - r) / b;
    if (r !== 0 && r < 0 !== b < 0) q -= 1;
    return q === 0 ? 0 : q;
  }
  return normInt(bigDivmod(toBig(a), toBig(b))[0]);
}

export function intMod(a: IntVal, b: IntVal): IntVal {
  if (b === 0) throw zeroDivision('integer modulo by zero');
  if (typeof a === 'number' && typeof b === 'number') {
    let r = a % b;
    if (r !== 0 && r < 0 !== b < 0) r += b;
    return r === 0 ? 0 : r;
  }
  return normInt(bigDivmod(toBig(a), toBig(b))[1]);
}

export function intDivmod(a: IntVal, b: IntVal): [IntVal, IntVal] {
  if (b === 0) throw zeroDivision('integer division or modulo by zero');
  if (typeof a === 'number' && typeof b === 'number' && b !== -1) return numDivmod(a, b);
  const [q, r] = bigDivmod(toBig(a), toBig(b));
  return [normInt(q), normInt(r)];
}

function bigAbs(a: bigint): bigint {
  return a < 0n ? -a : a;
}

/** Modular inverse of a modulo m (m > 0), or throws CPython's error. */
function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [((a % m) + m) % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) throw valueError('base is not invertible for the given modulus');
  return ((oldS % m) + m) % m;
}

/**
 * `base ** exp` and `pow(base, exp, mod)`.
 *
 * A negative `exp` without `mod` has a float result in Python: the caller must check
 * `intSign(exp) < 0` first and compute `floatPow(intToFloat(base), intToFloat(exp))` instead
 * (or call `intPowFloat`). Calling `intPow` that way is a host bug and throws a plain `Error`.
 */
export function intPow(base: IntVal, exp: IntVal, mod?: IntVal): IntVal {
  if (mod !== undefined) return intPowMod(toBig(base), toBig(exp), toBig(mod));
  if (intSign(exp) < 0) throw new Error('intPow: negative exponent needs float pow (use intPowFloat)');
  if (typeof base === 'number' && typeof exp === 'number') {
    // Square-and-multiply on doubles while every partial product stays safe (exact).
    if (base === 0) return exp === 0 ? 1 : 0;
    if (base === 1) return 1;
    if (base === -1) return exp % 2 === 0 ? 1 : -1;
    let result = 1;
    let b = base;
    let e = exp;
    let ok = true;
    while (e > 0) {
      if (e % 2 === 1) {
        result *= b;
        if (!Number.isSafeInteger(result)) {
          ok = false;
          break;
        }
      }
      e = Math.floor(e / 2);
      if (e > 0) {
        b *= b;
        if (!Number.isSafeInteger(b)) {
          ok = false;
          break;
        }
      }
    }
    if (ok) return result;
  }
  const bb = toBig(base);
  const eb = toBig(exp);
  if (bb === 0n || bb === 1n) return eb === 0n ? 1 : Number(bb);
  if (bb === -1n) return eb % 2n === 0n ? 1 : -1;
  // CPython runs out of memory on results this large; BigInt would throw RangeError.
  const bits = BigInt(intBitLength(bb)) * eb;
  if (bits > 1n << 40n) throw new RuntimeOpError('MemoryError', '');
  return normInt(bb ** eb);
}

function intPowMod(b: bigint, e: bigint, m: bigint): IntVal {
  if (m === 0n) throw valueError('pow() 3rd argument cannot be 0');
  const neg = m < 0n;
  const mm = neg ? -m : m;
  if (e < 0n) {
    b = modInverse(b, mm);
    e = -e;
  }
  if (mm === 1n) return 0;
  let base = ((b % mm) + mm) % mm;
  let r = 1n;
  while (e > 0n) {
    if (e & 1n) r = (r * base) % mm;
    e >>= 1n;
    if (e > 0n) base = (base * base) % mm;
  }
  // Python's result takes the sign of the modulus.
  if (neg && r !== 0n) r -= mm;
  return normInt(r);
}

/** int ** negative int, as CPython computes it: both converted to float, then float pow. */
export function intPowFloat(base: IntVal, exp: IntVal, floatPow: (x: number, y: number) => number): number {
  return floatPow(intToFloat(base), intToFloat(exp));
}

export function intCmp(a: IntVal, b: IntVal): -1 | 0 | 1 {
  // JS compares number and bigint by mathematical value.
  return a < b ? -1 : a > b ? 1 : 0;
}

export function intEq(a: IntVal, b: IntVal): boolean {
  // Normalized: a number never equals a bigint.
  return a === b;
}

export function intLt(a: IntVal, b: IntVal): boolean {
  return a < b;
}

export function intBitLength(a: IntVal): number {
  if (typeof a === 'number') {
    const x = a < 0 ? -a : a;
    if (x === 0) return 0;
    if (x < 0x80000000) return 32 - Math.clz32(x);
    return 64 - Math.clz32(Math.floor(x / 0x100000000));
  }
  const x = bigAbs(a);
  // toString(16) is linear and exact; count the leading hex digit's bits.
  const hex = x.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0]!, 16)));
}

function shiftCount(n: IntVal): number {
  if (intSign(n) < 0) throw valueError('negative shift count');
  if (typeof n === 'bigint' || n > 2 ** 40) return Infinity;
  return n;
}

export function intLshift(a: IntVal, n: IntVal): IntVal {
  const k = shiftCount(n);
  if (a === 0) return 0;
  if (k === Infinity) throw overflowError('too many digits in integer');
  if (typeof a === 'number' && k < 53) {
    const r = a * 2 ** k;
    if (Number.isSafeInteger(r)) return r;
  }
  if (k > 2 ** 36) throw new RuntimeOpError('MemoryError', '');
  return normInt(toBig(a) << BigInt(k));
}

export function intRshift(a: IntVal, n: IntVal): IntVal {
  const k = shiftCount(n);
  if (typeof a === 'number') {
    if (k >= 54) return a < 0 ? -1 : 0;
    const r = Math.floor(a / 2 ** k);
    return r === 0 ? 0 : r;
  }
  if (k === Infinity) return a < 0n ? -1 : 0;
  return normInt(a >> BigInt(k));
}

function isInt32(a: IntVal): a is number {
  return typeof a === 'number' && (a | 0) === a;
}

export function intAnd(a: IntVal, b: IntVal): IntVal {
  if (isInt32(a) && isInt32(b)) return a & b;
  return normInt(toBig(a) & toBig(b));
}

export function intOr(a: IntVal, b: IntVal): IntVal {
  if (isInt32(a) && isInt32(b)) return a | b;
  return normInt(toBig(a) | toBig(b));
}

export function intXor(a: IntVal, b: IntVal): IntVal {
  if (isInt32(a) && isInt32(b)) return a ^ b;
  return normInt(toBig(a) ^ toBig(b));
}

/** float(v): correctly rounded (round-half-even), OverflowError past the largest double. */
export function intToFloat(v: IntVal): number {
  if (typeof v === 'number') return v;
  const f = Number(v);
  if (!Number.isFinite(f)) throw overflowError('int too large to convert to float');
  return f;
}

const TWO_M1074 = 2 ** -1074;

/** Exact x * 2**n for finite x, with one correct rounding if the result is subnormal. */
export function ldexpExact(x: number, n: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  if (n > 1023) {
    x *= 2 ** 1023;
    n -= 1023;
    if (n > 1023) {
      x *= 2 ** 1023;
      n -= 1023;
      if (n > 1023) n = 1023;
    }
  } else if (n < -1022) {
    // Scale by 2**-969 (= 2**(-1022+53)) first so only the last step can round.
    x *= 2 ** -969;
    n += 969;
    if (n < -1022) {
      x *= 2 ** -969;
      n += 969;
      if (n < -1022) n = -1022;
    }
  }
  return x * 2 ** n;
}

/**
 * int / int: the correctly rounded quotient (CPython's long_true_divide), even for big ints.
 * ZeroDivisionError "division by zero"; OverflowError when the quotient exceeds the float range.
 */
export function intTrueDiv(a: IntVal, b: IntVal): number {
  if (b === 0) throw zeroDivision('division by zero');
  if (typeof a === 'number' && typeof b === 'number') return a / b;
  // Both exactly representable as doubles: IEEE division rounds correctly.
  const A = toBig(a);
  const B = toBig(b);
  const na = Number(A);
  const nb = Number(B);
  if (Math.abs(na) <= 2 ** 53 && Math.abs(nb) <= 2 ** 53 && BigInt(na) === A && BigInt(nb) === B) return na / nb;
  const neg = A < 0n !== B < 0n;
  const x = bigAbs(A);
  const y = bigAbs(B);
  if (x === 0n) return neg ? -0 : 0;
  const diff = intBitLength(x) - intBitLength(y); // quotient lies in [2**(diff-1), 2**(diff+1))
  if (diff > 1025) throw overflowError('integer division result too large for a float');
  if (diff < -1080) return neg ? -0 : 0;
  let result: number;
  if (diff <= -1022) {
    // Quotient below 2**-1021, where the ulp is 2**-1074: round x * 2**1074 / y to an integer,
    // half to even. q <= 2**53, so the conversion and the scaling are exact.
    const num = x << 1074n;
    let q = num / y;
    const r = num % y;
    const twice = r * 2n;
    if (twice > y || (twice === y && (q & 1n) === 1n)) q += 1n;
    result = Number(q) * TWO_M1074;
  } else {
    // Scale so the integer quotient has at least 55 bits, fold the remainder into a sticky bit,
    // and let BigInt->Number (round-half-even) do the one rounding.
    const shift = 55 - diff;
    let q: bigint;
    let r: bigint;
    if (shift >= 0) {
      const num = x << BigInt(shift);
      q = num / y;
      r = num % y;
    } else {
      const den = y << BigInt(-shift);
      q = x / den;
      r = x % den;
    }
    if (r !== 0n) q |= 1n;
    result = ldexpExact(Number(q), -shift);
  }
  if (!Number.isFinite(result)) throw overflowError('integer division result too large for a float');
  return neg ? -result : result;
}

function digitLimitError(): RuntimeOpError {
  return valueError(
    `Exceeds the limit (${maxStrDigits} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`,
  );
}

/** str(v) for base 10 (with CPython 3.11's 4300-digit limit), or the bare digits in base 2..36
 *  (lowercase, '-' sign, no prefix). */
export function intToStr(v: IntVal, base = 10): string {
  if (base === 10) {
    if (typeof v === 'number') return String(v);
    // Cheap pre-check before converting, as CPython does, then the exact one.
    if (maxStrDigits > 0 && intBitLength(v) > maxStrDigits * 3.33 + 64) throw digitLimitError();
    const s = v.toString();
    if (maxStrDigits > 0 && s.length - (v < 0n ? 1 : 0) > maxStrDigits) throw digitLimitError();
    return s;
  }
  return v.toString(base);
}

/** bin()/oct()/hex(): `-0x1f` style. */
export function intToPrefixed(v: IntVal, base: 2 | 8 | 16): string {
  const prefix = base === 2 ? '0b' : base === 8 ? '0o' : '0x';
  const neg = intSign(v) < 0;
  const digits = (neg ? intNeg(v) : v).toString(base);
  return (neg ? '-' : '') + prefix + digits;
}

function digitVal(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  if (c >= 65 && c <= 90) return c - 55;
  return 99;
}

/**
 * int(s, base): CPython's rules — surrounding whitespace, one sign, underscores only between
 * digits (and right after a base prefix), prefixes 0x/0o/0b (required to choose the base when
 * base is 0, optional when it matches), no leading zeros for a nonzero number with base 0,
 * Unicode decimal digits, and the 4300-digit limit for non-power-of-two bases.
 */
export function intFromStr(s: string, base: IntVal = 10): IntVal {
  if (typeof base !== 'number' || (base !== 0 && (base < 2 || base > 36))) {
    throw valueError('int() base must be >= 2 and <= 36, or 0');
  }
  const bad = (): RuntimeOpError => {
    let r = strRepr(s);
    if (r.length > 200) r = r.slice(0, 200);
    return valueError(`invalid literal for int() with base ${base}: ${r}`);
  };
  const t = stripAsciiSpace(toAsciiNumeric(s));
  let i = 0;
  let neg = false;
  if (t[i] === '+' || t[i] === '-') {
    neg = t[i] === '-';
    i++;
  }
  let b = base;
  let prefixed = false;
  if (t[i] === '0' && i + 1 < t.length) {
    const p = t[i + 1]!.toLowerCase();
    const pb = p === 'x' ? 16 : p === 'o' ? 8 : p === 'b' ? 2 : 0;
    if (pb !== 0 && (b === 0 || b === pb)) {
      b = pb;
      i += 2;
      prefixed = true;
    }
  }
  if (b === 0) b = 10;
  const start = i;
  if (prefixed && t[i] === '_') i++;
  if (i >= t.length) throw bad();
  let digits = 0;
  let lastUnderscore = true; // forbids a leading underscore (unless right after a prefix)
  let allZero = true;
  let firstDigitPos = -1;
  for (; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 95) {
      if (lastUnderscore) throw bad();
      lastUnderscore = true;
      continue;
    }
    const d = digitVal(c);
    if (d >= b) throw bad();
    if (firstDigitPos < 0) firstDigitPos = i;
    if (d !== 0) allZero = false;
    digits++;
    lastUnderscore = false;
  }
  if (lastUnderscore || digits === 0) throw bad();
  // Base 0 without a prefix is decimal, where "010" is an error (but "000" and "0_0" are zero).
  if (base === 0 && !prefixed && !allZero && t[firstDigitPos] === '0') throw bad();
  const body = t.slice(start).replace(/_/g, '');
  if ((b & (b - 1)) !== 0 && maxStrDigits > 0 && digits > maxStrDigits) {
    throw valueError(
      `Exceeds the limit (${maxStrDigits} digits) for integer string conversion: value has ${digits} digits; use sys.set_int_max_str_digits() to increase the limit`,
    );
  }
  let v: IntVal;
  if ((digits <= 15 && b <= 10) || digits <= 10) {
    v = parseInt(body, b);
  } else if (b === 10) {
    v = normInt(BigInt(body));
  } else if (b === 16 || b === 8 || b === 2) {
    v = normInt(BigInt((b === 16 ? '0x' : b === 8 ? '0o' : '0b') + body));
  } else {
    let acc = 0n;
    const bb = BigInt(b);
    for (let k = 0; k < body.length; k++) acc = acc * bb + BigInt(digitVal(body.charCodeAt(k)));
    v = normInt(acc);
  }
  return neg ? intNeg(v) : v;
}

const HASH_BITS = 61n;
const HASH_MOD = (1n << HASH_BITS) - 1n; // 2**61 - 1, CPython's _PyHASH_MODULUS on 64-bit

/** hash(int): sign * (|v| mod 2**61-1), with -1 mapped to -2. */
export function intHash(v: IntVal): IntVal {
  if (typeof v === 'number') return v === -1 ? -2 : v; // |v| < 2**53 < modulus
  const neg = v < 0n;
  let h = bigAbs(v) % HASH_MOD;
  if (neg) h = -h;
  if (h === -1n) h = -2n;
  return normInt(h);
}

/**
 * hash(float), consistent with intHash for integral values: for x = m * 2**e the hash is
 * m * 2**e reduced mod 2**61-1 (2**61 ≡ 1, so the exponent reduces mod 61). inf → ±314159.
 * CPython hashes a NaN by object identity; the VM passes that value as `nanHash`.
 */
export function floatHash(x: number, nanHash: IntVal = 0): IntVal {
  if (Number.isNaN(x)) return nanHash;
  if (x === Infinity) return 314159;
  if (x === -Infinity) return -314159;
  if (Number.isInteger(x) && Math.abs(x) <= Number.MAX_SAFE_INTEGER) return x === -1 ? -2 : x === 0 ? 0 : x;
  const neg = x < 0;
  const { mant, exp } = decompose(Math.abs(x));
  let e = exp % 61;
  if (e < 0) e += 61;
  let h = (mant << BigInt(e)) % HASH_MOD;
  if (neg) h = -h;
  if (h === -1n) h = -2n;
  return normInt(h);
}

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);

/** A finite positive double as mant * 2**exp with an integer mantissa (not necessarily odd). */
export function decompose(x: number): { mant: bigint; exp: number } {
  F64[0] = x;
  const lo = U32[0]!;
  const hi = U32[1]!;
  const biased = (hi >>> 20) & 0x7ff;
  const hiMant = hi & 0xfffff;
  let mant = (BigInt(hiMant) << 32n) | BigInt(lo);
  let exp: number;
  if (biased === 0) {
    exp = -1074;
  } else {
    mant |= 1n << 52n;
    exp = biased - 1075;
  }
  return { mant, exp };
}

/** int(x) for a float: truncation toward zero. */
export function intFromFloat(x: number): IntVal {
  if (Number.isNaN(x)) throw valueError('cannot convert float NaN to integer');
  if (!Number.isFinite(x)) throw overflowError('cannot convert float infinity to integer');
  const t = Math.trunc(x);
  if (Number.isSafeInteger(t)) return t === 0 ? 0 : t;
  return normInt(BigInt(t));
}

/** Exact comparison of an int with a float (CPython compares them mathematically, never by
 *  rounding the int). NaN compares unordered: returns NaN. */
export function intFloatCmp(a: IntVal, x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (typeof a === 'number') return a < x ? -1 : a > x ? 1 : 0;
  if (x === Infinity) return -1;
  if (x === -Infinity) return 1;
  const t = Math.trunc(x);
  const bt = BigInt(t);
  if (a < bt) return -1;
  if (a > bt) return 1;
  // a equals trunc(x); the fractional part decides.
  return t < x ? -1 : t > x ? 1 : 0;
}
