/**
 * Numeric helpers the eval loop needs on its hot path: ints are `number` (safe integers) or
 * `bigint` (only outside the safe range). Errors are thrown as OpError and turned into guest
 * exceptions by the VM.
 */
export type IntVal = number | bigint;

export class OpError extends Error {
  readonly pyType: string;
  constructor(pyType: string, message: string) {
    super(message);
    this.pyType = pyType;
  }
}

export const normInt = (b: bigint): IntVal =>
  b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : b;
const big = (a: IntVal): bigint => (typeof a === 'bigint' ? a : BigInt(a));

export function intAdd(a: IntVal, b: IntVal): IntVal {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (Number.isSafeInteger(r)) return r;
  }
  return normInt(big(a) + big(b));
}
export function intSub(a: IntVal, b: IntVal): IntVal {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (Number.isSafeInteger(r)) return r;
  }
  return normInt(big(a) - big(b));
}
export function intMul(a: IntVal, b: IntVal): IntVal {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (Number.isSafeInteger(r)) return r === 0 ? 0 : r;
  }
  return normInt(big(a) * big(b));
}
export function intFloorDiv(a: IntVal, b: IntVal): IntVal {
  if (b === 0 || b === 0n) throw new OpError('ZeroDivisionError', 'integer division or modulo by zero');
  if (typeof a === 'number' && typeof b === 'number') {
    const r = Math.floor(a / b);
    // Exact when both are below 2^53 and the quotient is representable (checked via remainder).
    if (Number.isSafeInteger(r) && Math.abs(a) < 2 ** 52) return r === 0 ? 0 : r;
  }
  const A = big(a), B = big(b);
  let q = A / B;
  if ((A % B !== 0n) && ((A < 0n) !== (B < 0n))) q -= 1n;
  return normInt(q);
}
export function intMod(a: IntVal, b: IntVal): IntVal {
  if (b === 0 || b === 0n) throw new OpError('ZeroDivisionError', 'integer division or modulo by zero');
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a % b;
    const m = r !== 0 && (r < 0) !== (b < 0) ? r + b : r;
    return m === 0 ? 0 : m;
  }
  const A = big(a), B = big(b);
  let r = A % B;
  if (r !== 0n && (r < 0n) !== (B < 0n)) r += B;
  return normInt(r);
}
export function intPow(a: IntVal, b: IntVal): IntVal {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a ** b;
    if (Number.isSafeInteger(r)) return r;
  }
  return normInt(big(a) ** big(b));
}
export function intPowMod(a: IntVal, b: IntVal, m: IntVal): IntVal {
  let B = big(b), M = big(m);
  if (M === 0n) throw new OpError('ValueError', 'pow() 3rd argument cannot be 0');
  let base = big(a);
  if (B < 0n) throw new OpError('ValueError', 'base is not invertible for the given modulus');
  const neg = M < 0n;
  if (neg) M = -M;
  base = ((base % M) + M) % M;
  let r = 1n % M;
  while (B > 0n) {
    if (B & 1n) r = (r * base) % M;
    base = (base * base) % M;
    B >>= 1n;
  }
  if (neg && r !== 0n) r -= M;
  return normInt(r);
}
export function intNeg(a: IntVal): IntVal {
  return typeof a === 'number' ? (a === 0 ? 0 : -a) : normInt(-a);
}
export function intAbs(a: IntVal): IntVal {
  return typeof a === 'number' ? Math.abs(a) : normInt(a < 0n ? -a : a);
}
export function intInvert(a: IntVal): IntVal {
  return typeof a === 'number' ? intSub(-a, 1) : normInt(~a);
}
export function intLshift(a: IntVal, b: IntVal): IntVal {
  if (b < 0) throw new OpError('ValueError', 'negative shift count');
  if (typeof a === 'number' && typeof b === 'number' && b < 31 && Math.abs(a) < 2 ** 21) return a * 2 ** b;
  return normInt(big(a) << big(b));
}
export function intRshift(a: IntVal, b: IntVal): IntVal {
  if (b < 0) throw new OpError('ValueError', 'negative shift count');
  if (typeof a === 'number' && typeof b === 'number') {
    if (b >= 64) return a < 0 ? -1 : 0;
    return Math.floor(a / 2 ** b);
  }
  return normInt(big(a) >> big(b));
}
export function intAnd(a: IntVal, b: IntVal): IntVal {
  if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b | 0) === b) return a & b;
  return normInt(big(a) & big(b));
}
export function intOr(a: IntVal, b: IntVal): IntVal {
  if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b | 0) === b) return a | b;
  return normInt(big(a) | big(b));
}
export function intXor(a: IntVal, b: IntVal): IntVal {
  if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b | 0) === b) return a ^ b;
  return normInt(big(a) ^ big(b));
}
export function intCmp(a: IntVal, b: IntVal): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
export function intToFloat(a: IntVal): number {
  if (typeof a === 'number') return a;
  const f = Number(a);
  if (!Number.isFinite(f)) throw new OpError('OverflowError', 'int too large to convert to float');
  return f;
}
export function intTrueDiv(a: IntVal, b: IntVal): number {
  if (b === 0 || b === 0n) throw new OpError('ZeroDivisionError', 'division by zero');
  if (typeof a === 'number' && typeof b === 'number') return a / b;
  return intToFloat(a) / intToFloat(b);
}

const P61 = 2305843009213693951n;
/** CPython's hash of an int (modulus 2^61 - 1, -1 maps to -2). */
export function intHash(v: IntVal): number {
  if (typeof v === 'number' && Math.abs(v) < 2 ** 61 - 1) {
    return v === -1 ? -2 : v;
  }
  const B = big(v);
  const neg = B < 0n;
  let h = (neg ? -B : B) % P61;
  if (neg) h = -h;
  const r = Number(h);
  return r === -1 ? -2 : r;
}

/** CPython's hash of a float (consistent with intHash for integral values). */
export function floatHash(x: number): number {
  if (Number.isNaN(x)) return 0;
  if (!Number.isFinite(x)) return x > 0 ? 314159 : -314159;
  if (Number.isInteger(x)) return intHash(Number.isSafeInteger(x) ? x : BigInt(x));
  // Exact rational reduction modulo 2^61-1: x = m * 2^e.
  let m = Math.abs(x);
  let e = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    e--;
  }
  let h = BigInt(m) % P61;
  // multiply by 2^e mod P (e negative: inverse of 2 is 2^60).
  const ee = ((e % 61) + 61) % 61;
  h = ((h << BigInt(ee)) | (h >> BigInt(61 - ee))) & P61;
  h %= P61;
  let r = Number(h);
  if (x < 0) r = -r;
  return r === -1 ? -2 : r;
}

/** CPython's float repr: shortest round-trip digits, exponent form when exp < -4 or >= 16. */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const exp = x.toExponential(); // shortest round-trip digits, e.g. "1.2345e+2"
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(exp)!;
  const sign = m[1]!;
  const digits = m[2]! + (m[3] ?? '');
  const e = parseInt(m[4]!, 10);
  if (e < -4 || e >= 16) {
    const mant = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
    const es = Math.abs(e) < 10 ? '0' + Math.abs(e) : String(Math.abs(e));
    return `${sign}${mant}e${e < 0 ? '-' : '+'}${es}`;
  }
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  if (digits.length <= e + 1) return `${sign}${digits}${'0'.repeat(e + 1 - digits.length)}.0`;
  return `${sign}${digits.slice(0, e + 1)}.${digits.slice(e + 1)}`;
}

export function floatFloorDiv(a: number, b: number): number {
  if (b === 0) throw new OpError('ZeroDivisionError', 'float floor division by zero');
  return floatDivmod(a, b)[0];
}
export function floatMod(a: number, b: number): number {
  if (b === 0) throw new OpError('ZeroDivisionError', 'float modulo');
  return floatDivmod(a, b)[1];
}
/** CPython's float_divmod. */
export function floatDivmod(vx: number, wx: number): [number, number] {
  if (wx === 0) throw new OpError('ZeroDivisionError', 'float divmod()');
  let mod = vx % wx;
  let div = (vx - mod) / wx;
  if (mod) {
    if ((wx < 0) !== (mod < 0)) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = wx < 0 ? -0.0 : 0.0;
  }
  let floordiv: number;
  if (div) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = vx / wx < 0 ? -0.0 : 0.0;
  }
  return [floordiv, mod];
}
export function floatPow(a: number, b: number): number {
  if (a === 0 && b < 0) throw new OpError('ZeroDivisionError', '0.0 cannot be raised to a negative power');
  if (a < 0 && !Number.isInteger(b) && Number.isFinite(b)) {
    throw new OpError('ValueError', 'negative number cannot be raised to a fractional power (complex results are not supported)');
  }
  if (a === 1 || b === 0) return 1;
  const r = a ** b;
  if (!Number.isFinite(r) && Number.isFinite(a) && Number.isFinite(b)) throw new OpError('OverflowError', "(34, 'Numerical result out of range')");
  return r;
}

export function intToStr(v: IntVal, base = 10): string {
  if (base === 10) return String(v);
  const neg = v < 0;
  const s = (neg ? -big(v) : big(v)).toString(base);
  const pre = base === 16 ? '0x' : base === 8 ? '0o' : base === 2 ? '0b' : '';
  return (neg ? '-' : '') + pre + s;
}

/** int(str, base): CPython's rules for whitespace, sign, underscores and base-0 prefixes. */
export function intFromStr(s: string, base = 10): IntVal {
  const orig = s;
  const bad = (): never => {
    throw new OpError('ValueError', `invalid literal for int() with base ${base}: ${pyStrRepr(orig)}`);
  };
  s = s.trim();
  let neg = false;
  if (s.startsWith('+') || s.startsWith('-')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  let b = base;
  const lower = s.toLowerCase();
  if (b === 0 || b === 16 || b === 8 || b === 2) {
    if (lower.startsWith('0x') && (b === 0 || b === 16)) {
      b = 16;
      s = s.slice(2);
      if (s.startsWith('_')) s = s.slice(1);
    } else if (lower.startsWith('0o') && (b === 0 || b === 8)) {
      b = 8;
      s = s.slice(2);
      if (s.startsWith('_')) s = s.slice(1);
    } else if (lower.startsWith('0b') && (b === 0 || b === 2)) {
      b = 2;
      s = s.slice(2);
      if (s.startsWith('_')) s = s.slice(1);
    } else if (b === 0) {
      b = 10;
      if (/^0+(_?0)*$/.test(s)) return 0;
      if (s.startsWith('0')) bad();
    }
  }
  if (s === '' || s.startsWith('_') || s.endsWith('_') || s.includes('__')) bad();
  s = s.replace(/_/g, '');
  let r = 0n;
  const B = BigInt(b);
  for (const ch of s.toLowerCase()) {
    const c = ch.charCodeAt(0);
    const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 122 ? c - 87 : 99;
    if (d >= b) bad();
    r = r * B + BigInt(d);
  }
  return normInt(neg ? -r : r);
}

/** CPython's repr of a str (quote choice and escapes). */
export function pyStrRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === q || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c >= 0x80 && c < 0xa0) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + q;
}
