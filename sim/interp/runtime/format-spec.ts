/**
 * The format-spec mini-language (format(), str.format, f-strings) with CPython 3.11's results and
 * error messages:  [[fill]align][sign][z][#][0][width][grouping][.precision][type]
 */
import { valueError, overflowError } from './errors.js';
import { type IntVal, intAbs, intSign, intToFloat, intToStr } from './int-ops.js';
import { formatAbsFloat, type FloatFormatType } from './decimal.js';
import { floatRepr } from './float-ops.js';

export type Align = '<' | '>' | '=' | '^';

export interface FormatSpec {
  fill: string;
  /** Undefined: the type's default ('<' for str, '>' for numbers). */
  align: Align | undefined;
  sign: '+' | '-' | ' ' | undefined;
  /** 'z': coerce negative zero (after rounding) to positive. */
  noNegZero: boolean;
  alt: boolean;
  /** -1 when absent. */
  width: number;
  grouping: ',' | '_' | undefined;
  /** -1 when absent. */
  precision: number;
  /** '' when absent. */
  type: string;
  /** Whether fill/align were given explicitly (the '0' flag only applies without a fill). */
  fillSpecified: boolean;
}

function isAlign(c: string | undefined): c is Align {
  return c === '<' || c === '>' || c === '=' || c === '^';
}

/** The type char as CPython prints it in "Unknown format code" messages. */
function showCode(c: string): string {
  const cp = c.codePointAt(0)!;
  return cp > 32 && cp < 128 ? c : '\\x' + cp.toString(16);
}

function unknownCode(type: string, typeName: string): Error {
  return valueError(`Unknown format code '${showCode(type)}' for object of type '${typeName}'`);
}

/**
 * Parse a spec. `typeName` ('int', 'float', 'str', or a class name) appears in error messages;
 * `defaultAlign` is '>' for numbers and '<' for strings (it decides what the '0' flag means).
 */
export function parseFormatSpec(spec: string, typeName = 'object', defaultAlign: '<' | '>' = '>', defaultType = ''): FormatSpec {
  const out: FormatSpec = {
    fill: ' ',
    align: undefined,
    sign: undefined,
    noNegZero: false,
    alt: false,
    width: -1,
    grouping: undefined,
    precision: -1,
    type: defaultType,
    fillSpecified: false,
  };
  const chars = Array.from(spec); // by code point, so an astral fill character stays whole
  const end = chars.length;
  let pos = 0;
  if (end - pos >= 2 && isAlign(chars[pos + 1])) {
    out.fill = chars[pos]!;
    out.align = chars[pos + 1] as Align;
    out.fillSpecified = true;
    pos += 2;
  } else if (end - pos >= 1 && isAlign(chars[pos])) {
    out.align = chars[pos] as Align;
    pos += 1;
  }
  const c0 = chars[pos];
  if (c0 === '+' || c0 === '-' || c0 === ' ') {
    out.sign = c0;
    pos++;
  }
  if (chars[pos] === 'z') {
    out.noNegZero = true;
    pos++;
  }
  if (chars[pos] === '#') {
    out.alt = true;
    pos++;
  }
  if (!out.fillSpecified && chars[pos] === '0') {
    out.fill = '0';
    if (out.align === undefined && defaultAlign === '>') out.align = '=';
    pos++;
  }
  const readInt = (): number => {
    const start = pos;
    let v = 0;
    while (pos < end && chars[pos]! >= '0' && chars[pos]! <= '9') {
      v = v * 10 + (chars[pos]!.charCodeAt(0) - 48);
      pos++;
    }
    if (pos === start) return -1;
    if (v > 2 ** 63 - 1 || pos - start > 19) throw valueError('Too many decimal digits in format string');
    return v;
  };
  out.width = readInt();
  if (chars[pos] === ',') {
    out.grouping = ',';
    pos++;
    if (chars[pos] === '_') throw valueError("Cannot specify both ',' and '_'.");
  } else if (chars[pos] === '_') {
    out.grouping = '_';
    pos++;
    if (chars[pos] === ',') throw valueError("Cannot specify both ',' and '_'.");
  }
  if (chars[pos] === '.') {
    pos++;
    out.precision = readInt();
    if (out.precision < 0) throw valueError('Format specifier missing precision');
  }
  if (end - pos > 1) throw valueError(`Invalid format specifier '${spec}' for object of type '${typeName}'`);
  if (end - pos === 1) out.type = chars[pos]!;
  if (out.grouping !== undefined) {
    const t = out.type;
    const allowed = t === '' || 'defgEG%F'.includes(t) || (out.grouping === '_' && 'boxX'.includes(t));
    if (!allowed) throw valueError(`Cannot specify '${out.grouping}' with '${showCode(t)}'.`);
  }
  return out;
}

/** Insert group separators into a digit string, zero-padding it to `minWidth` the way CPython's
 *  _PyUnicode_InsertThousandsGrouping does when the fill is '0' with '=' alignment. */
function groupDigits(digits: string, sep: string, size: number, minWidth: number): string {
  let out = '';
  let remaining = digits.length;
  let pos = digits.length;
  let useSep = false;
  for (;;) {
    const l = Math.min(size, Math.max(remaining, minWidth, 1));
    const nZeros = Math.max(0, l - remaining);
    const nChars = Math.max(0, Math.min(remaining, l));
    out = '0'.repeat(nZeros) + digits.slice(pos - nChars, pos) + (useSep ? sep : '') + out;
    pos -= nChars;
    useSep = true;
    remaining -= nChars;
    minWidth -= l;
    if (remaining <= 0 && minWidth <= 0) break;
    minWidth -= sep.length;
  }
  return out;
}

/**
 * Lay out a number: sign, prefix ("0x"), integer digits (grouped), the rest (".5e+10", "%"),
 * padded to the width with fill/alignment. Mirrors CPython's calc_number_widths/fill_number.
 */
function layoutNumber(sign: string, prefix: string, digits: string, rest: string, spec: FormatSpec, groupSize: number): string {
  const align = spec.align ?? '>';
  const width = Math.max(spec.width, 0);
  let body = digits;
  if (spec.grouping !== undefined && digits !== '') {
    const minWidth = spec.fill === '0' && align === '=' ? width - sign.length - prefix.length - rest.length : 0;
    body = groupDigits(digits, spec.grouping, groupSize, minWidth);
  }
  const total = sign.length + prefix.length + cpLen(body) + cpLen(rest);
  const pad = Math.max(0, width - total);
  if (pad === 0) return sign + prefix + body + rest;
  const fill = spec.fill;
  switch (align) {
    case '<':
      return sign + prefix + body + rest + fill.repeat(pad);
    case '>':
      return fill.repeat(pad) + sign + prefix + body + rest;
    case '^': {
      const left = Math.floor(pad / 2);
      return fill.repeat(left) + sign + prefix + body + rest + fill.repeat(pad - left);
    }
    case '=':
      return sign + prefix + fill.repeat(pad) + body + rest;
    default: {
      const _never: never = align;
      throw new Error(String(_never));
    }
  }
}

/** Length in code points (what CPython's widths count). */
export function cpLen(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

function signChar(negative: boolean, spec: FormatSpec): string {
  if (negative) return '-';
  if (spec.sign === '+') return '+';
  if (spec.sign === ' ') return ' ';
  return '';
}

/** format(int, spec). `typeName` is 'int' (or 'bool' for a bool the VM formats numerically). */
export function formatInt(v: IntVal, specStr: string, typeName = 'int'): string {
  if (specStr === '') return intToStr(v);
  const spec = parseFormatSpec(specStr, typeName, '>', 'd');
  const type = spec.type;
  switch (type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
      return formatFloatSpec(intToFloat(v), spec, typeName);
    case 'd': case 'n': case 'b': case 'o': case 'x': case 'X': case 'c':
      break;
    default:
      throw unknownCode(type, typeName);
  }
  if (spec.precision >= 0) throw valueError('Precision not allowed in integer format specifier');
  if (spec.noNegZero) throw valueError('Negative zero coercion (z) not allowed in integer format specifier');
  if (type === 'c') {
    if (spec.sign !== undefined) throw valueError("Sign not allowed with integer format specifier 'c'");
    if (spec.alt) throw valueError("Alternate form (#) not allowed with integer format specifier 'c'");
    if (v > 2 ** 63 - 1 || v < -(2 ** 63)) throw overflowError('Python int too large to convert to C long');
    if (intSign(v) < 0 || v > 0x10ffff) throw overflowError('%c arg not in range(0x110000)');
    return layoutNumber('', '', String.fromCodePoint(Number(v)), '', spec, 3);
  }
  const negative = intSign(v) < 0;
  const mag = intAbs(v);
  let digits: string;
  let prefix = '';
  let groupSize = 3;
  switch (type) {
    case 'b':
      digits = mag.toString(2);
      prefix = '0b';
      groupSize = 4;
      break;
    case 'o':
      digits = mag.toString(8);
      prefix = '0o';
      groupSize = 4;
      break;
    case 'x':
      digits = mag.toString(16);
      prefix = '0x';
      groupSize = 4;
      break;
    case 'X':
      digits = mag.toString(16).toUpperCase();
      prefix = '0X';
      groupSize = 4;
      break;
    default:
      digits = intToStr(mag);
  }
  return layoutNumber(signChar(negative, spec), spec.alt ? prefix : '', digits, '', spec, groupSize);
}

/** format(float, spec). */
export function formatFloat(x: number, specStr: string): string {
  if (specStr === '') return floatRepr(x);
  return formatFloatSpec(x, parseFormatSpec(specStr, 'float', '>', ''), 'float');
}

function formatFloatSpec(x: number, spec: FormatSpec, typeName: string): string {
  let type = spec.type;
  let precision = spec.precision;
  let addDot0 = false;
  let defaultPrecision = 6;
  switch (type) {
    case '': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
      break;
    default:
      throw unknownCode(type, typeName);
  }
  if (type === '') {
    addDot0 = true;
    type = 'r';
    defaultPrecision = 0;
  }
  if (type === 'n') type = 'g';
  let val = x;
  let pct = false;
  if (type === '%') {
    type = 'f';
    val *= 100;
    pct = true;
  }
  if (precision < 0) precision = defaultPrecision;
  else if (type === 'r') type = 'g';
  const upper = type === 'E' || type === 'F' || type === 'G';
  const base = type.toLowerCase() as FloatFormatType;
  let negative = val < 0 || Object.is(val, -0);
  let s = formatAbsFloat(Math.abs(val), base, precision, { alt: spec.alt, addDot0, upper });
  if (negative && spec.noNegZero && !/[1-9]/.test(s) && Number.isFinite(val)) negative = false;
  if (pct) s += '%';
  // Split into the integer digits (grouped) and the rest (decimal point, fraction, exponent, %).
  let i = 0;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  return layoutNumber(signChar(negative, spec), '', s.slice(0, i), s.slice(i), spec, 3);
}

/** format(str, spec). */
export function formatStr(s: string, specStr: string, typeName = 'str'): string {
  if (specStr === '') return s;
  const spec = parseFormatSpec(specStr, typeName, '<', 's');
  if (spec.type !== 's') throw unknownCode(spec.type, typeName);
  if (spec.sign === ' ') throw valueError('Space not allowed in string format specifier');
  if (spec.sign !== undefined) throw valueError('Sign not allowed in string format specifier');
  if (spec.noNegZero) throw valueError('Negative zero coercion (z) not allowed in string format specifier');
  if (spec.alt) throw valueError('Alternate form (#) not allowed in string format specifier');
  if (spec.align === '=') throw valueError("'=' alignment not allowed in string format specifier");
  let body = s;
  if (spec.precision >= 0) {
    const cps = Array.from(s);
    if (cps.length > spec.precision) body = cps.slice(0, spec.precision).join('');
  }
  const len = Array.from(body).length;
  const pad = Math.max(0, spec.width - len);
  if (pad === 0) return body;
  switch (spec.align ?? '<') {
    case '>':
      return spec.fill.repeat(pad) + body;
    case '^': {
      const left = Math.floor(pad / 2);
      return spec.fill.repeat(left) + body + spec.fill.repeat(pad - left);
    }
    default:
      return body + spec.fill.repeat(pad);
  }
}

/**
 * format(complex, spec) as CPython's format_complex_internal: no type is str()'s layout (repr digits,
 * parentheses unless the real part is +0.0, which is then left out; `g` when a precision is given);
 * each part is formatted alone (grouping, alternate form, `z`), the imaginary part always signed
 * unless it stands alone, and the whole is padded. Zero padding and `=` alignment are refused.
 */
export function formatComplex(re: number, im: number, specStr: string): string {
  const spec = parseFormatSpec(specStr, 'complex', '>', '');
  let type = spec.type;
  switch (type) {
    case '': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n':
      break;
    default:
      throw unknownCode(type, 'complex');
  }
  if (spec.fill === '0') throw valueError('Zero padding is not allowed in complex format specifier');
  if (spec.align === '=') throw valueError("'=' alignment flag is not allowed in complex format specifier");
  let precision = spec.precision;
  let skipRe = false;
  let parens = false;
  let defaultPrecision = 6;
  if (type === '') {
    type = 'r';
    defaultPrecision = 0;
    if (re === 0 && !Object.is(re, -0)) skipRe = true;
    else parens = true;
  }
  if (type === 'n') type = 'g';
  if (precision < 0) precision = defaultPrecision;
  else if (type === 'r') type = 'g';
  const upper = type === 'E' || type === 'F' || type === 'G';
  const base = type.toLowerCase() as FloatFormatType;
  const part = (x: number, forceSign: boolean): string => {
    let negative = x < 0 || Object.is(x, -0);
    const s = formatAbsFloat(Math.abs(x), base, precision, { alt: spec.alt, upper });
    if (negative && spec.noNegZero && !/[1-9]/.test(s) && Number.isFinite(x)) negative = false;
    let i = 0;
    while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
    const sign = negative ? '-' : forceSign ? '+' : signChar(false, spec);
    const bare: FormatSpec = { ...spec, width: -1, align: '>', fill: ' ' };
    return layoutNumber(sign, '', s.slice(0, i), s.slice(i), bare, 3);
  };
  let body = (skipRe ? '' : part(re, false)) + part(im, !skipRe) + 'j';
  if (parens) body = '(' + body + ')';
  const pad = Math.max(0, spec.width - cpLen(body));
  if (pad === 0) return body;
  const fill = spec.fill;
  switch (spec.align ?? '>') {
    case '<': return body + fill.repeat(pad);
    case '^': {
      const left = Math.floor(pad / 2);
      return fill.repeat(left) + body + fill.repeat(pad - left);
    }
    default: return fill.repeat(pad) + body;
  }
}
