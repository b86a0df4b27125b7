/**
 * `float.hex()` and `float.fromhex()`: CPython's hexadecimal float text (13 fraction digits,
 * `0x1.8000000000000p+0`) and its parser, correctly rounded (half to even) on plain JS numbers.
 */

/** `x.hex()`. */
export function floatToHex(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (x === 0) return `${sign}0x0.0p+0`;
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, Math.abs(x));
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const bexp = hi >>> 20;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  const lead = bexp === 0 ? 0 : 1;
  const exp = bexp === 0 ? -1022 : bexp - 1023;
  return `${sign}0x${lead}.${frac.toString(16).padStart(13, '0')}p${exp >= 0 ? '+' : '-'}${Math.abs(exp)}`;
}

/** `float.fromhex(s)`; null when `s` is not a hexadecimal float (the caller raises ValueError). */
export function floatFromHex(text: string): number | null {
  const s = text.trim().toLowerCase();
  const special = /^([+-]?)(inf|infinity|nan)$/.exec(s);
  if (special) return special[2] === 'nan' ? NaN : special[1] === '-' ? -Infinity : Infinity;
  const m = /^([+-]?)(?:0x)?([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([+-]?\d+))?$/.exec(s);
  if (m === null) return null;
  const intPart = m[2] ?? '';
  const fracPart = m[3] ?? '';
  if (intPart.length + fracPart.length === 0) return null;
  const neg = m[1] === '-';
  let mant = BigInt('0x' + (intPart + fracPart || '0'));
  let exp = Number(m[4] ?? '0') - 4 * fracPart.length;
  if (mant === 0n) return neg ? -0 : 0;
  // Round the mantissa to 53 significant bits (fewer below the normal range), half to even.
  const bits = mant.toString(2).length;
  const top = exp + bits - 1; // exponent of the leading bit
  if (top > 1023) throw new RangeError('hexadecimal value too large to represent as a float');
  const keep = Math.min(53, bits - Math.max(0, -1074 - exp));
  if (keep < bits) {
    const drop = BigInt(bits - Math.max(keep, 0));
    const half = 1n << (drop - 1n);
    const rest = mant & ((1n << drop) - 1n);
    mant >>= drop;
    exp += Number(drop);
    if (rest > half || (rest === half && (mant & 1n) === 1n)) mant += 1n;
  }
  const v = Number(mant) * 2 ** exp;
  if (!Number.isFinite(v)) throw new RangeError('hexadecimal value too large to represent as a float');
  return neg ? -v : v;
}
