/**
 * Exact binary-to-decimal conversion, the ground truth behind float repr, format specs, %-format
 * and round(). CPython rounds through David Gay's dtoa, which is correctly rounded with ties to
 * even on the exact binary value; JS's toFixed/toPrecision break exact ties upward, so this module
 * rounds the exact decimal expansion itself (BigInt) and uses the host only for the shortest
 * round-trip digits (Number#toString picks the shortest, closest digit string, as dtoa mode 0).
 */
import { decompose } from './int-ops.js';

/** A non-negative finite double as `0.DIGITS × 10^decpt`. `digits` has no trailing zeros; an
 *  empty string means the value rounded to zero (decpt is then meaningless but harmless). */
export interface Digits {
  digits: string;
  decpt: number;
}

const POW5: bigint[] = [1n];
function pow5(k: number): bigint {
  while (POW5.length <= k) POW5.push(POW5[POW5.length - 1]! * 5n);
  return POW5[k]!;
}

/** Exact decimal expansion of |x| (finite, non-zero): value = 0.D × 10^decpt, D without trailing
 *  zeros. x = m·2^e with e < 0 equals m·5^-e / 10^-e. */
export function exactDigits(absx: number): Digits {
  const { mant, exp } = decompose(absx);
  let n: bigint;
  let scale: number;
  if (exp >= 0) {
    n = mant << BigInt(exp);
    scale = 0;
  } else {
    n = mant * pow5(-exp);
    scale = -exp;
  }
  let d = n.toString();
  const decpt = d.length - scale;
  let end = d.length;
  while (end > 1 && d.charCodeAt(end - 1) === 48) end--;
  d = d.slice(0, end);
  return { digits: d, decpt };
}

/** Shortest digits that round-trip (dtoa mode 0, what repr uses). */
export function shortestDigits(absx: number): Digits {
  if (absx === 0) return { digits: '0', decpt: 1 };
  const s = String(absx);
  let mantissa = s;
  let e10 = 0;
  const ei = s.indexOf('e');
  if (ei >= 0) {
    mantissa = s.slice(0, ei);
    e10 = Number(s.slice(ei + 1));
  }
  const dot = mantissa.indexOf('.');
  let intPart = mantissa;
  let frac = '';
  if (dot >= 0) {
    intPart = mantissa.slice(0, dot);
    frac = mantissa.slice(dot + 1);
  }
  let all = intPart + frac;
  let decpt = intPart.length + e10;
  let lead = 0;
  while (lead < all.length - 1 && all.charCodeAt(lead) === 48) lead++;
  all = all.slice(lead);
  decpt -= lead;
  let end = all.length;
  while (end > 1 && all.charCodeAt(end - 1) === 48) end--;
  return { digits: all.slice(0, end), decpt };
}

/** Round a digit string to `keep` leading digits, half to even on the exact tail. */
function roundAt(src: Digits, keep: number): Digits {
  const d = src.digits;
  if (keep >= d.length) return src;
  if (keep < 0) return { digits: '', decpt: src.decpt };
  const next = d.charCodeAt(keep);
  let up: boolean;
  if (next > 53) up = true;
  else if (next < 53) up = false;
  else if (keep + 1 < d.length) up = true; // digits has no trailing zeros, so the tail is > 5
  else up = keep > 0 && (d.charCodeAt(keep - 1) - 48) % 2 === 1; // exact tie: to even
  let kept = d.slice(0, keep);
  let decpt = src.decpt;
  if (up) {
    // Increment the decimal string, carrying; all nines become 1 followed by zeros.
    let i = kept.length - 1;
    while (i >= 0 && kept.charCodeAt(i) === 57) i--;
    if (i < 0) {
      kept = '1';
      decpt += 1;
    } else {
      kept = kept.slice(0, i) + String.fromCharCode(kept.charCodeAt(i) + 1);
    }
  }
  let end = kept.length;
  while (end > 0 && kept.charCodeAt(end - 1) === 48) end--;
  kept = kept.slice(0, end);
  if (kept === '') return { digits: '', decpt: 0 };
  return { digits: kept, decpt };
}

/** dtoa mode 2: `n` (≥ 1) significant digits, correctly rounded. */
export function sigDigits(absx: number, n: number): Digits {
  if (absx === 0) return { digits: '0', decpt: 1 };
  return roundAt(exactDigits(absx), n);
}

/** dtoa mode 3: `n` digits after the decimal point (n may be negative), correctly rounded. */
export function fixedDigits(absx: number, n: number): Digits {
  if (absx === 0) return { digits: '0', decpt: 1 };
  const ex = exactDigits(absx);
  const r = roundAt(ex, ex.decpt + n);
  // Like dtoa: a value that rounds to nothing reports decpt = -n, so 'f' pads to n zeros.
  return r.digits === '' ? { digits: '', decpt: -n } : r;
}

export type FloatFormatType = 'e' | 'f' | 'g' | 'r';

export interface FloatFormatFlags {
  alt?: boolean;
  /** Append ".0" to integral results without an exponent (repr, and format type '' with a precision). */
  addDot0?: boolean;
  upper?: boolean;
}

/**
 * CPython's PyOS_double_to_string for |x| (the sign is the caller's business): 'e', 'f', 'g' with
 * a precision, or 'r' (repr). Returns e.g. "1.5e+16", "inf", "0.000100".
 */
export function formatAbsFloat(absx: number, type: FloatFormatType, precision: number, flags: FloatFormatFlags = {}): string {
  const upper = flags.upper === true;
  if (absx === Infinity) return upper ? 'INF' : 'inf';
  if (Number.isNaN(absx)) return upper ? 'NAN' : 'nan';
  const alt = flags.alt === true;
  const addDot0 = flags.addDot0 === true;
  // Fast path for 'f': toFixed rounds the exact value correctly except on exact ties, which it
  // breaks upward. x = m·2**-k (m odd) has exactly k decimals ending in 5, so a tie at
  // `precision` decimals happens only when k == precision + 1.
  if (type === 'f' && precision <= 20 && absx < 1e15 && !(alt && precision === 0)) {
    const tie = Number.isInteger(absx * 2 ** (precision + 1)) && !Number.isInteger(absx * 2 ** precision);
    if (!tie) return absx.toFixed(precision);
  }
  let d: Digits;
  if (type === 'e') {
    precision += 1;
    d = sigDigits(absx, precision);
  } else if (type === 'f') {
    d = fixedDigits(absx, precision);
  } else if (type === 'g') {
    if (precision === 0) precision = 1;
    d = sigDigits(absx, precision);
  } else {
    d = shortestDigits(absx);
  }
  const digits = d.digits;
  let decpt = d.decpt;
  const len = digits.length;
  let vEnd = len;
  let useExp = false;
  switch (type) {
    case 'e':
      useExp = true;
      vEnd = precision;
      break;
    case 'f':
      vEnd = decpt + precision;
      break;
    case 'g':
      if (decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision)) useExp = true;
      if (alt) vEnd = precision;
      break;
    case 'r':
      if (decpt <= -4 || decpt > 16) useExp = true;
      break;
    default: {
      const _never: never = type;
      throw new Error(`bad float format type ${String(_never)}`);
    }
  }
  let exp = 0;
  if (useExp) {
    exp = decpt - 1;
    decpt = 1;
  }
  const vStart = decpt <= 0 ? decpt - 1 : 0;
  if (!useExp && addDot0) vEnd = vEnd > decpt ? vEnd : decpt + 1;
  else vEnd = vEnd > decpt ? vEnd : decpt;
  let out = '';
  if (decpt <= 0) out += '0'.repeat(decpt - vStart) + '.' + '0'.repeat(-decpt);
  if (decpt > 0 && decpt <= len) out += digits.slice(0, decpt) + '.' + digits.slice(decpt);
  else out += digits;
  if (len < decpt) out += '0'.repeat(decpt - len) + '.' + '0'.repeat(vEnd - decpt);
  else out += '0'.repeat(Math.max(0, vEnd - len));
  if (out.endsWith('.') && !alt) out = out.slice(0, -1);
  if (useExp) {
    const a = Math.abs(exp);
    out += (upper ? 'E' : 'e') + (exp < 0 ? '-' : '+') + (a < 10 ? '0' + a : String(a));
  }
  return out;
}
