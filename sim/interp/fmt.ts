/**
 * The format-spec mini-language (format(), f-strings, str.format) and printf-style `%`.
 * Works on plain JS values; the VM converts guest objects before calling.
 */
import { OpError, floatRepr, type IntVal } from './rt.js';

export interface Spec {
  fill: string;
  align: string;
  sign: string;
  alt: boolean;
  zero: boolean;
  width: number;
  grouping: string;
  precision: number;
  type: string;
}

export function parseSpec(spec: string): Spec {
  const m = /^(?:(.)?([<>=^]))?([-+ ])?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([a-zA-Z%])?$/s.exec(spec);
  if (m === null) throw new OpError('ValueError', 'Invalid format specifier');
  const zero = m[5] !== undefined;
  return {
    fill: m[1] ?? (zero && m[2] === undefined ? '0' : ' '),
    align: m[2] ?? (zero ? '=' : ''),
    sign: m[3] ?? '-',
    alt: m[4] !== undefined,
    zero,
    width: m[6] !== undefined ? parseInt(m[6], 10) : 0,
    grouping: m[7] ?? '',
    precision: m[8] !== undefined ? parseInt(m[8], 10) : -1,
    type: m[9] ?? '',
  };
}

function group(digits: string, sep: string, every: number): string {
  if (sep === '') return digits;
  let out = '';
  let n = 0;
  for (let i = digits.length - 1; i >= 0; i--) {
    out = digits[i] + out;
    if (++n % every === 0 && i > 0) out = sep + out;
  }
  return out;
}

function pad(body: string, signStr: string, s: Spec, defAlign: string): string {
  const total = signStr.length + body.length;
  if (s.width <= total) return signStr + body;
  const n = s.width - total;
  const align = s.align || defAlign;
  switch (align) {
    case '<': return signStr + body + s.fill.repeat(n);
    case '>': return s.fill.repeat(n) + signStr + body;
    case '^': {
      const l = Math.floor(n / 2);
      return s.fill.repeat(l) + signStr + body + s.fill.repeat(n - l);
    }
    default: return signStr + s.fill.repeat(n) + body;
  }
}

function signOf(neg: boolean, s: Spec): string {
  return neg ? '-' : s.sign === '+' ? '+' : s.sign === ' ' ? ' ' : '';
}

export function formatInt(v: IntVal, spec: string): string {
  const s = parseSpec(spec);
  let t = s.type;
  if ('eEfFgG%'.includes(t) && t !== '') return formatFloat(Number(v), spec);
  if (t === '') t = 'd';
  const neg = v < 0;
  const a = neg ? (typeof v === 'bigint' ? -v : -v) : v;
  let digits: string;
  let prefix = '';
  switch (t) {
    case 'd': case 'n': digits = group(a.toString(10), s.grouping, 3); break;
    case 'x': digits = group(a.toString(16), s.grouping, 4); prefix = s.alt ? '0x' : ''; break;
    case 'X': digits = group(a.toString(16).toUpperCase(), s.grouping, 4); prefix = s.alt ? '0X' : ''; break;
    case 'o': digits = group(a.toString(8), s.grouping, 4); prefix = s.alt ? '0o' : ''; break;
    case 'b': digits = group(a.toString(2), s.grouping, 4); prefix = s.alt ? '0b' : ''; break;
    case 'c': return pad(String.fromCodePoint(Number(v)), '', s, '<');
    default:
      throw new OpError('ValueError', `Unknown format code '${t}' for object of type 'int'`);
  }
  if (s.precision >= 0) throw new OpError('ValueError', 'Precision not allowed in integer format specifier');
  if (s.align === '=' && s.fill === '0' && s.grouping !== '' && t === 'd') {
    const width = s.width - signOf(neg, s).length - prefix.length;
    let raw = a.toString(10);
    while (group(raw, s.grouping, 3).length < width) raw = '0' + raw;
    return signOf(neg, s) + prefix + group(raw, s.grouping, 3);
  }
  return pad(digits, signOf(neg, s) + prefix, s, '>');
}

function expStr(x: number, prec: number, upper: boolean): string {
  let r = x.toExponential(prec);
  r = r.replace(/e([+-])(\d)$/, 'e$10$2');
  return upper ? r.toUpperCase() : r;
}

function gFormat(x: number, prec: number, alt: boolean, upper: boolean): string {
  const p = prec === 0 ? 1 : prec;
  if (x === 0) return alt ? (0).toFixed(p - 1) : '0';
  const e = Math.floor(Math.log10(Math.abs(x)));
  // Use the exponent after rounding to p significant digits.
  const expRepr = x.toExponential(p - 1);
  const ex = parseInt(expRepr.split('e')[1]!, 10);
  void e;
  let r: string;
  if (ex >= -4 && ex < p) {
    r = toFixedExact(x, Math.max(0, p - 1 - ex));
    if (!alt && r.includes('.')) r = r.replace(/0+$/, '').replace(/\.$/, '');
  } else {
    r = expStr(x, p - 1, upper);
    if (!alt) r = r.replace(/\.?0+e/, 'e').replace(/\.?0+E/, 'E');
  }
  return upper ? r.toUpperCase() : r;
}

/** x.toFixed(p) that stays in positional notation beyond 1e21 (exact digits, as CPython). */
export function toFixedExact(x: number, p: number): string {
  if (x < 0) return '-' + toFixedExact(-x, p);
  // Exact binary value m / 2^e = m * 5^e / 10^e, rounded half-even to p decimals (as dtoa).
  let m = x, e = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    e++;
  }
  const num = BigInt(m) * 5n ** BigInt(e);
  let q: bigint;
  if (p >= e) q = num * 10n ** BigInt(p - e);
  else {
    const d = 10n ** BigInt(e - p);
    q = num / d;
    const twice = 2n * (num % d);
    if (twice > d || (twice === d && (q & 1n) === 1n)) q++;
  }
  const s = q.toString().padStart(p + 1, '0');
  return p > 0 ? s.slice(0, s.length - p) + '.' + s.slice(s.length - p) : s;
}

export function formatFloat(x: number, spec: string): string {
  const s = parseSpec(spec);
  const t = s.type;
  const neg = x < 0 || Object.is(x, -0);
  const a = Math.abs(x);
  let body: string;
  if (!Number.isFinite(a)) {
    body = Number.isNaN(a) ? 'nan' : 'inf';
    if (t === 'F' || t === 'E' || t === 'G') body = body.toUpperCase();
    return pad(body, signOf(neg && !Number.isNaN(x), s), { ...s, fill: s.zero && s.align === '=' ? ' ' : s.fill }, '>');
  }
  const prec = s.precision;
  switch (t) {
    case 'f': case 'F': body = toFixedExact(a, prec < 0 ? 6 : prec); break;
    case 'e': case 'E': body = expStr(a, prec < 0 ? 6 : prec, t === 'E'); break;
    case '%': body = toFixedExact(a * 100, prec < 0 ? 6 : prec) + '%'; break;
    case 'g': case 'G': body = gFormat(a, prec < 0 ? 6 : prec, s.alt, t === 'G'); break;
    case 'n': body = gFormat(a, prec < 0 ? 6 : prec, s.alt, false); break;
    case '':
      if (prec < 0) body = floatRepr(a);
      else {
        body = gFormat(a, prec, s.alt, false);
        if (!/[.e]/.test(body) && !/inf|nan/.test(body)) body = body.includes('e') ? body : body;
      }
      break;
    default:
      throw new OpError('ValueError', `Unknown format code '${t}' for object of type 'float'`);
  }
  if (s.grouping !== '') {
    const m = /^(\d+)(.*)$/s.exec(body);
    if (m) body = group(m[1]!, s.grouping, 3) + m[2];
  }
  if (s.alt && (t === 'f' || t === 'F') && !body.includes('.')) body += '.';
  return pad(body, signOf(neg, s), s, '>');
}

export function formatStr(v: string, spec: string): string {
  const s = parseSpec(spec);
  if (s.type !== '' && s.type !== 's') throw new OpError('ValueError', `Unknown format code '${s.type}' for object of type 'str'`);
  if (s.sign !== '-' && spec.match(/[-+ ]/)) throw new OpError('ValueError', 'Sign not allowed in string format specifier');
  const body = s.precision >= 0 ? v.slice(0, s.precision) : v;
  return pad(body, '', s, '<');
}

/** Callbacks the `%` operator needs from the VM. */
export interface PercentConv {
  str(v: unknown): string;
  repr(v: unknown): string;
  ascii(v: unknown): string;
  /** Returns the int value or throws TypeError (message names the conversion). */
  toInt(v: unknown, conv: string): IntVal;
  toFloat(v: unknown, conv: string): number;
  isMapping(v: unknown): boolean;
  lookup(m: unknown, key: string): unknown;
  /** A tuple's items, or null when v is not a tuple. */
  tupleItems(v: unknown): unknown[] | null;
}

export function percentFormat(fmt: string, arg: unknown, c: PercentConv): string {
  const items = c.tupleItems(arg);
  const args = items ?? [arg];
  const mapping = items === null && c.isMapping(arg) ? arg : null;
  let ai = 0;
  let out = '';
  const re = /%(?:\(([^)]*)\))?([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?([a-zA-Z%])/gs;
  let last = 0;
  let m: RegExpExecArray | null;
  const nextArg = (): unknown => {
    if (ai >= args.length) throw new OpError('TypeError', 'not enough arguments for format string');
    return args[ai++];
  };
  while ((m = re.exec(fmt)) !== null) {
    out += fmt.slice(last, m.index);
    last = re.lastIndex;
    const [, key, flags = '', w, p, conv] = m;
    if (conv === '%') {
      out += '%';
      continue;
    }
    let width = w === '*' ? Number(c.toInt(nextArg(), '*')) : w !== undefined ? parseInt(w, 10) : 0;
    const prec = p === '*' ? Number(c.toInt(nextArg(), '*')) : p !== undefined ? parseInt(p, 10) : -1;
    const v = key !== undefined ? c.lookup(mapping ?? arg, key) : mapping !== null ? arg : nextArg();
    let left = flags.includes('-');
    if (width < 0) {
      left = true;
      width = -width;
    }
    const zero = flags.includes('0') && !left;
    const plus = flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '-';
    const alt = flags.includes('#');
    let body: string;
    let sign = '';
    switch (conv) {
      case 's': body = c.str(v); if (prec >= 0) body = body.slice(0, prec); break;
      case 'r': body = c.repr(v); if (prec >= 0) body = body.slice(0, prec); break;
      case 'a': body = c.ascii(v); if (prec >= 0) body = body.slice(0, prec); break;
      case 'c': body = typeof v === 'string' ? v : String.fromCodePoint(Number(c.toInt(v, 'c'))); break;
      case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': {
        const n = c.toInt(v, conv === 'i' || conv === 'u' ? 'd' : conv);
        const neg = n < 0;
        const a = neg ? -n : n;
        const base = conv === 'x' || conv === 'X' ? 16 : conv === 'o' ? 8 : 10;
        body = a.toString(base);
        if (conv === 'X') body = body.toUpperCase();
        if (prec >= 0) body = body.padStart(prec, '0');
        if (alt && base !== 10) body = (conv === 'x' ? '0x' : conv === 'X' ? '0X' : '0o') + body;
        sign = neg ? '-' : plus === '-' ? '' : plus;
        break;
      }
      case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
        const x = c.toFloat(v, conv);
        const neg = x < 0 || Object.is(x, -0);
        body = formatFloat(Math.abs(x), (alt ? '#' : '') + '.' + (prec < 0 ? 6 : prec) + conv);
        sign = neg ? '-' : plus === '-' ? '' : plus;
        break;
      }
      default:
        throw new OpError('ValueError', `unsupported format character '${conv}' (0x${conv!.charCodeAt(0).toString(16)}) at index ${m.index + m[0].length - 1}`);
    }
    const len = sign.length + body.length;
    if (width > len) {
      if (left) body = sign + body + ' '.repeat(width - len);
      else if (zero && 'diuxXoeEfFgG'.includes(conv!)) body = sign + '0'.repeat(width - len) + body;
      else body = ' '.repeat(width - len) + sign + body;
    } else body = sign + body;
    out += body;
  }
  out += fmt.slice(last);
  if (mapping === null && ai < args.length && !(items === null && c.isMapping(arg))) {
    throw new OpError('TypeError', 'not all arguments converted during string formatting');
  }
  return out;
}

/** One replacement field of str.format. */
export interface FormatField {
  literal: string;
  /** null: no field after this literal (end of string). */
  field: null | { name: string; conv: string; spec: string };
}

export function parseFormatString(fmt: string): FormatField[] {
  const out: FormatField[] = [];
  let lit = '';
  let i = 0;
  while (i < fmt.length) {
    const ch = fmt[i]!;
    if (ch === '{') {
      if (fmt[i + 1] === '{') {
        lit += '{';
        i += 2;
        continue;
      }
      let depth = 1;
      let j = i + 1;
      while (j < fmt.length && depth > 0) {
        if (fmt[j] === '{') depth++;
        else if (fmt[j] === '}') depth--;
        if (depth > 0) j++;
      }
      if (depth > 0) throw new OpError('ValueError', "expected '}' before end of string");
      const inner = fmt.slice(i + 1, j);
      let name = inner, conv = '', spec = '';
      const ci = inner.search(/[!:]/);
      if (ci >= 0) {
        name = inner.slice(0, ci);
        let rest = inner.slice(ci);
        if (rest.startsWith('!')) {
          conv = rest[1] ?? '';
          rest = rest.slice(2);
        }
        if (rest.startsWith(':')) spec = rest.slice(1);
      }
      out.push({ literal: lit, field: { name, conv, spec } });
      lit = '';
      i = j + 1;
    } else if (ch === '}') {
      if (fmt[i + 1] === '}') {
        lit += '}';
        i += 2;
        continue;
      }
      throw new OpError('ValueError', "Single '}' encountered in format string");
    } else {
      lit += ch;
      i++;
    }
  }
  out.push({ literal: lit, field: null });
  return out;
}
