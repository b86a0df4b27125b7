/**
 * `str % args` (printf-style formatting) with CPython 3.11's results and errors
 * (Objects/unicodeobject.c, PyUnicode_Format). The runtime never sees VM objects: the caller
 * passes its values as an opaque `V` plus a `PercentConv<V>` that converts them.
 */
import { typeError, valueError, overflowError } from './errors.js';
import { type IntVal, intAbs, intSign, intToStr } from './int-ops.js';
import { formatAbsFloat, type FloatFormatType } from './decimal.js';
import { cpLen } from './format-spec.js';

/** What `%` needs from the VM. Functions returning `null` mean "not that kind of value"; the
 *  formatter then raises CPython's TypeError for the conversion at hand. Conversions may throw
 *  RuntimeOpError themselves (e.g. int(nan) for `%d`). */
export interface PercentConv<V> {
  str(v: V): string;
  repr(v: V): string;
  ascii(v: V): string;
  /** %d %i %u: PyNumber_Long — int/bool as is, float truncated (throwing for nan/inf), objects
   *  with __int__/__index__; null for a non-number. */
  toIntD(v: V): IntVal | null;
  /** %o %x %X and %c: PyNumber_Index — int/bool or __index__; null otherwise (floats too). */
  toIndex(v: V): IntVal | null;
  /** %e %f %g: float(v) for int/bool/float/__float__; null otherwise. */
  toFloat(v: V): number | null;
  /** `*` width/precision: only a real int (or bool); null otherwise. */
  asExactInt(v: V): IntVal | null;
  /** %c: the string if v is a str, else null. */
  asStr(v: V): string | null;
  /** Type name for messages ("str", "float", "list"...). */
  typeName(v: V): string;
  /** m[key] for `%(key)s`; throws the VM's KeyError/TypeError itself. */
  lookup(mapping: V, key: string): V;
  /** bytes % args: %b is %s (conv.str gives the bytes' latin-1 image). */
  bytesMode?: boolean;
}

/** The right operand of `%`: a tuple's items, or any other single value. `isMapping` follows
 *  CPython's test (PyMapping_Check and not a tuple or str): true for dicts, lists, and any object
 *  with __getitem__ — which is why `'abc' % []` is 'abc'. */
export type PercentArgs<V> = { kind: 'tuple'; items: readonly V[] } | { kind: 'single'; value: V; isMapping: boolean };

const F_LJUST = 1;
const F_SIGN = 2;
const F_BLANK = 4;
const F_ALT = 8;
const F_ZERO = 16;

export function percentFormat<V>(fmt: string, args: PercentArgs<V>, conv: PercentConv<V>): string {
  // CPython's argument cursor: for a tuple, arglen = n and argidx = 0; otherwise arglen = -1 and
  // argidx = -2, so the single value can be taken exactly once. `%(key)` replaces the current
  // value with the looked-up one and resets the cursor the same way.
  const isTuple = args.kind === 'tuple';
  let arglen = isTuple ? args.items.length : -1;
  let argidx = isTuple ? 0 : -2;
  let current: V | undefined = isTuple ? undefined : args.value;
  const mapping: V | undefined = !isTuple && args.isMapping ? args.value : undefined;
  const nextArg = (): V => {
    if (argidx < arglen) {
      const i = argidx++;
      return arglen < 0 ? current! : (args as { items: readonly V[] }).items[i]!;
    }
    throw typeError('not enough arguments for format string');
  };

  const chars = fmt;
  const n = chars.length;
  let out = '';
  let i = 0;
  while (i < n) {
    const pct = chars.indexOf('%', i);
    if (pct < 0) {
      out += chars.slice(i);
      break;
    }
    out += chars.slice(i, pct);
    i = pct + 1;
    if (i >= n) throw valueError('incomplete format');
    if (chars[i] === '%') {
      out += '%';
      i++;
      continue;
    }
    if (chars[i] === '(') {
      if (mapping === undefined) throw typeError('format requires a mapping');
      let depth = 1;
      const keyStart = ++i;
      while (i < n && depth > 0) {
        if (chars[i] === '(') depth++;
        else if (chars[i] === ')') depth--;
        i++;
      }
      if (depth > 0) throw valueError('incomplete format key');
      current = conv.lookup(mapping, chars.slice(keyStart, i - 1));
      arglen = -1;
      argidx = -2;
    }
    let flags = 0;
    for (; i < n; i++) {
      const c = chars[i];
      if (c === '-') flags |= F_LJUST;
      else if (c === '+') flags |= F_SIGN;
      else if (c === ' ') flags |= F_BLANK;
      else if (c === '#') flags |= F_ALT;
      else if (c === '0') flags |= F_ZERO;
      else break;
    }
    let width = -1;
    if (chars[i] === '*') {
      const w = conv.asExactInt(nextArg());
      if (w === null) throw typeError('* wants int');
      let wn = Number(w);
      if (wn < 0) {
        flags |= F_LJUST;
        wn = -wn;
      }
      if (wn > 2 ** 31 - 1) throw overflowError('Python int too large to convert to C ssize_t');
      width = wn;
      i++;
    } else {
      const start = i;
      while (i < n && chars[i]! >= '0' && chars[i]! <= '9') i++;
      if (i > start) {
        width = Number(chars.slice(start, i));
        if (width > 2 ** 31 - 1) throw valueError('width too big');
      }
    }
    let prec = -1;
    if (chars[i] === '.') {
      i++;
      if (chars[i] === '*') {
        const p = conv.asExactInt(nextArg());
        if (p === null) throw typeError('* wants int');
        prec = Math.max(0, Number(p));
        if (prec > 2 ** 31 - 1) throw overflowError('Python int too large to convert to C int');
        i++;
      } else {
        const start = i;
        while (i < n && chars[i]! >= '0' && chars[i]! <= '9') i++;
        prec = i > start ? Number(chars.slice(start, i)) : 0;
        if (prec > 2 ** 31 - 1) throw valueError('precision too big');
      }
    }
    if (i >= n) throw valueError('incomplete format');
    // The conversion character, by code point (its index in messages counts code points).
    const cp = chars.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const chIndex = cpLen(chars.slice(0, i));
    i += ch.length;
    const v = nextArg();
    out += formatOne(ch, cp, chIndex, v, flags, width, prec, conv);
  }
  if (argidx < arglen && mapping === undefined) throw typeError(`not all arguments converted during ${conv.bytesMode === true ? 'bytes' : 'string'} formatting`);
  return out;
}

function formatOne<V>(ch: string, cp: number, chIndex: number, v: V, flags: number, width: number, prec: number, conv: PercentConv<V>): string {
  let body: string;
  let numeric = false;
  switch (ch) {
    case 'b':
    case 's':
    case 'r':
    case 'a': {
      // bytes' %b is its %s; str has no %b.
      if (ch === 'b' && conv.bytesMode !== true) return unsupported(ch, cp, chIndex);
      body = ch === 's' || ch === 'b' ? conv.str(v) : ch === 'r' ? conv.repr(v) : conv.ascii(v);
      if (prec >= 0) {
        const cps = Array.from(body);
        if (cps.length > prec) body = cps.slice(0, prec).join('');
      }
      break;
    }
    case 'd':
    case 'i':
    case 'u':
    case 'o':
    case 'x':
    case 'X': {
      const iv = ch === 'd' || ch === 'i' || ch === 'u' ? conv.toIntD(v) : conv.toIndex(v);
      if (iv === null) {
        const what = ch === 'd' || ch === 'i' || ch === 'u' ? 'a real number' : 'an integer';
        throw typeError(`%${ch} format: ${what} is required, not ${conv.typeName(v)}`);
      }
      body = formatLong(iv, ch, flags, prec);
      numeric = true;
      break;
    }
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': {
      const x = conv.toFloat(v);
      if (x === null) throw typeError(`must be real number, not ${conv.typeName(v)}`);
      const p = prec < 0 ? 6 : prec;
      const upper = ch === 'E' || ch === 'F' || ch === 'G';
      const s = formatAbsFloat(Math.abs(x), ch.toLowerCase() as FloatFormatType, p, { alt: (flags & F_ALT) !== 0, upper });
      body = (x < 0 || Object.is(x, -0)) && !Number.isNaN(x) ? '-' + s : s;
      numeric = true;
      break;
    }
    case 'c': {
      const s = conv.asStr(v);
      if (s !== null) {
        if (cpLen(s) !== 1) throw typeError('%c requires int or char');
        body = s;
      } else {
        const iv = conv.toIndex(v);
        const top = conv.bytesMode === true ? 0xff : 0x10ffff;
        if (iv === null) throw typeError(conv.bytesMode === true ? '%c requires an integer in range(256) or a single byte' : '%c requires int or char');
        if (intSign(iv) < 0 || iv > top) throw overflowError(conv.bytesMode === true ? '%c arg not in range(256)' : '%c arg not in range(0x110000)');
        body = String.fromCodePoint(Number(iv));
      }
      break;
    }
    default:
      return unsupported(ch, cp, chIndex);
  }
  return pad(body, ch, numeric, flags, width);
}

function unsupported(ch: string, cp: number, chIndex: number): never {
  throw valueError(`unsupported format character '${cp >= 31 && cp <= 126 ? ch : '?'}' (0x${cp.toString(16)}) at index ${chIndex}`);
}

/** %d/%o/%x of an int: minimum digits from the precision, 0o/0x prefix with '#'. */
function formatLong(v: IntVal, ch: string, flags: number, prec: number): string {
  const neg = intSign(v) < 0;
  const mag = intAbs(v);
  let digits: string;
  let prefix = '';
  if (ch === 'o') {
    digits = mag.toString(8);
    if (flags & F_ALT) prefix = '0o';
  } else if (ch === 'x' || ch === 'X') {
    digits = mag.toString(16);
    if (ch === 'X') digits = digits.toUpperCase();
    if (flags & F_ALT) prefix = ch === 'X' ? '0X' : '0x';
  } else {
    digits = intToStr(mag);
  }
  if (prec > digits.length) digits = '0'.repeat(prec - digits.length) + digits;
  return (neg ? '-' : '') + prefix + digits;
}

/** CPython's unicode_format_arg_output: sign and 0x prefix go before zero padding, after spaces. */
function pad(body: string, ch: string, numeric: boolean, flags: number, width: number): string {
  let sign = '';
  let rest = body;
  if (numeric) {
    if (rest[0] === '-' || rest[0] === '+') {
      sign = rest[0];
      rest = rest.slice(1);
    } else if (flags & F_SIGN) sign = '+';
    else if (flags & F_BLANK) sign = ' ';
  }
  let prefix = '';
  if (numeric && (flags & F_ALT) !== 0 && (ch === 'x' || ch === 'X' || ch === 'o')) {
    prefix = rest.slice(0, 2);
    rest = rest.slice(2);
  }
  const len = sign.length + prefix.length + cpLen(rest);
  if (width <= len) return sign + prefix + rest;
  const padN = width - len;
  if (flags & F_LJUST) return sign + prefix + rest + ' '.repeat(padN);
  if (numeric && (flags & F_ZERO) !== 0) return sign + prefix + '0'.repeat(padN) + rest;
  return ' '.repeat(padN) + sign + prefix + rest;
}
