/**
 * Guest str methods with CPython 3.11's results and errors. Strings are JS strings and indices
 * count UTF-16 code units (equal to CPython's code points for every BMP string). Optional
 * arguments that Python spells `None` are `undefined`/`null` here.
 */
import { RuntimeOpError, valueError } from './errors.js';
import { isPySpace } from './chars.js';
import { isPrintableCp } from './str-repr.js';
import type { IntVal } from './int-ops.js';
import { cpLen } from './format-spec.js';

export { strRepr, asciiRepr, bytesRepr } from './str-repr.js';

type Opt<T> = T | null | undefined;

function isSpaceAt(s: string, i: number): boolean {
  return isPySpace(s.charCodeAt(i));
}

// ---------------------------------------------------------------- split family

/** str.split(sep=None, maxsplit=-1). */
export function strSplit(s: string, sep?: Opt<string>, maxsplit: IntVal = -1): string[] {
  let max = Number(maxsplit);
  if (max < 0) max = Infinity;
  const out: string[] = [];
  if (sep === undefined || sep === null) {
    const n = s.length;
    let i = 0;
    while (true) {
      while (i < n && isSpaceAt(s, i)) i++;
      if (i >= n) break;
      if (out.length >= max) {
        out.push(s.slice(i)); // the remainder keeps its trailing whitespace
        break;
      }
      const st = i;
      while (i < n && !isSpaceAt(s, i)) i++;
      out.push(s.slice(st, i));
    }
    return out;
  }
  if (sep === '') throw valueError('empty separator');
  let pos = 0;
  while (out.length < max) {
    const k = s.indexOf(sep, pos);
    if (k < 0) break;
    out.push(s.slice(pos, k));
    pos = k + sep.length;
  }
  out.push(s.slice(pos));
  return out;
}

/** str.rsplit(sep=None, maxsplit=-1). */
export function strRsplit(s: string, sep?: Opt<string>, maxsplit: IntVal = -1): string[] {
  let max = Number(maxsplit);
  if (max < 0) max = Infinity;
  const out: string[] = [];
  if (sep === undefined || sep === null) {
    let i = s.length;
    while (true) {
      while (i > 0 && isSpaceAt(s, i - 1)) i--;
      if (i <= 0) break;
      if (out.length >= max) {
        out.push(s.slice(0, i)); // the remainder keeps its leading whitespace
        break;
      }
      const end = i;
      while (i > 0 && !isSpaceAt(s, i - 1)) i--;
      out.push(s.slice(i, end));
    }
    return out.reverse();
  }
  if (sep === '') throw valueError('empty separator');
  let end = s.length;
  while (out.length < max) {
    if (end - sep.length < 0) break;
    const k = s.lastIndexOf(sep, end - sep.length);
    if (k < 0) break;
    out.push(s.slice(k + sep.length, end));
    end = k;
  }
  out.push(s.slice(0, end));
  return out.reverse();
}

function isLineBreak(c: number): boolean {
  return (c >= 0x0a && c <= 0x0d) || (c >= 0x1c && c <= 0x1e) || c === 0x85 || c === 0x2028 || c === 0x2029;
}

/** str.splitlines(keepends=False): \n \r \r\n \v \f \x1c \x1d \x1e \x85 \u2028 \u2029. */
export function strSplitlines(s: string, keepends = false): string[] {
  const out: string[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    const st = i;
    while (i < n && !isLineBreak(s.charCodeAt(i))) i++;
    let eol = i;
    if (i < n) {
      if (s.charCodeAt(i) === 0x0d && i + 1 < n && s.charCodeAt(i + 1) === 0x0a) i += 2;
      else i++;
      if (keepends) eol = i;
    }
    out.push(s.slice(st, eol));
  }
  return out;
}

/** str.partition(sep). */
export function strPartition(s: string, sep: string): [string, string, string] {
  if (sep === '') throw valueError('empty separator');
  const k = s.indexOf(sep);
  if (k < 0) return [s, '', ''];
  return [s.slice(0, k), sep, s.slice(k + sep.length)];
}

/** str.rpartition(sep). */
export function strRpartition(s: string, sep: string): [string, string, string] {
  if (sep === '') throw valueError('empty separator');
  const k = s.lastIndexOf(sep);
  if (k < 0) return ['', '', s];
  return [s.slice(0, k), sep, s.slice(k + sep.length)];
}

// ---------------------------------------------------------------- strip / replace

function stripImpl(s: string, chars: Opt<string>, left: boolean, right: boolean): string {
  let a = 0;
  let b = s.length;
  if (chars === undefined || chars === null) {
    if (left) while (a < b && isSpaceAt(s, a)) a++;
    if (right) while (b > a && isSpaceAt(s, b - 1)) b--;
  } else {
    if (left) while (a < b && chars.includes(s[a]!)) a++;
    if (right) while (b > a && chars.includes(s[b - 1]!)) b--;
  }
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

export function strStrip(s: string, chars?: Opt<string>): string {
  return stripImpl(s, chars, true, true);
}
export function strLstrip(s: string, chars?: Opt<string>): string {
  return stripImpl(s, chars, true, false);
}
export function strRstrip(s: string, chars?: Opt<string>): string {
  return stripImpl(s, chars, false, true);
}

/** str.replace(old, new, count=-1); an empty `old` inserts `new` around every character. */
export function strReplace(s: string, old: string, rep: string, count: IntVal = -1): string {
  let max = Number(count);
  if (max < 0) max = Infinity;
  if (max === 0) return s;
  if (old === '') {
    let out = '';
    let done = 0;
    let i = 0;
    // Between code points (a surrogate pair is one character here, as in CPython).
    while (true) {
      if (done < max) {
        out += rep;
        done++;
      } else return out + s.slice(i);
      if (i >= s.length) return out;
      const ch = String.fromCodePoint(s.codePointAt(i)!);
      out += ch;
      i += ch.length;
    }
  }
  if (max === Infinity) return s.split(old).join(rep);
  let out = '';
  let pos = 0;
  let done = 0;
  while (done < max) {
    const k = s.indexOf(old, pos);
    if (k < 0) break;
    out += s.slice(pos, k) + rep;
    pos = k + old.length;
    done++;
  }
  return out + s.slice(pos);
}

export function strRemoveprefix(s: string, prefix: string): string {
  return prefix !== '' && s.startsWith(prefix) ? s.slice(prefix.length) : s;
}
export function strRemovesuffix(s: string, suffix: string): string {
  return suffix !== '' && s.endsWith(suffix) ? s.slice(0, s.length - suffix.length) : s;
}

// ---------------------------------------------------------------- searching

/** CPython's ADJUST_INDICES for start/end slice arguments (None = undefined/null). */
export function adjustIndices(len: number, start: Opt<IntVal>, end: Opt<IntVal>): [number, number] {
  let a = start === undefined || start === null ? 0 : Number(start);
  let b = end === undefined || end === null ? len : Number(end);
  if (b > len) b = len;
  else if (b < 0) {
    b += len;
    if (b < 0) b = 0;
  }
  if (a < 0) {
    a += len;
    if (a < 0) a = 0;
  }
  return [a, b];
}

export function strFind(s: string, sub: string, start?: Opt<IntVal>, end?: Opt<IntVal>): number {
  const [a, b] = adjustIndices(s.length, start, end);
  if (b - a < sub.length || a > s.length) return -1;
  const k = s.indexOf(sub, a);
  return k >= 0 && k + sub.length <= b ? k : -1;
}

export function strRfind(s: string, sub: string, start?: Opt<IntVal>, end?: Opt<IntVal>): number {
  const [a, b] = adjustIndices(s.length, start, end);
  if (b - a < sub.length || a > s.length) return -1;
  const k = s.lastIndexOf(sub, b - sub.length);
  return k >= a ? k : -1;
}

export function strIndex(s: string, sub: string, start?: Opt<IntVal>, end?: Opt<IntVal>): number {
  const k = strFind(s, sub, start, end);
  if (k < 0) throw valueError('substring not found');
  return k;
}

export function strRindex(s: string, sub: string, start?: Opt<IntVal>, end?: Opt<IntVal>): number {
  const k = strRfind(s, sub, start, end);
  if (k < 0) throw valueError('substring not found');
  return k;
}

/** str.count(sub[, start[, end]]): non-overlapping occurrences; '' counts the gaps. */
export function strCount(s: string, sub: string, start?: Opt<IntVal>, end?: Opt<IntVal>): number {
  const [a, b] = adjustIndices(s.length, start, end);
  if (a > s.length || b < a) return 0;
  if (sub === '') return b - a + 1;
  let n = 0;
  let pos = a;
  while (true) {
    const k = s.indexOf(sub, pos);
    if (k < 0 || k + sub.length > b) break;
    n++;
    pos = k + sub.length;
  }
  return n;
}

/** str.startswith(prefix[, start[, end]]) for one prefix (the VM loops over a tuple). */
export function strStartswith(s: string, prefix: string, start?: Opt<IntVal>, end?: Opt<IntVal>): boolean {
  const [a, b0] = adjustIndices(s.length, start, end);
  const b = b0 - prefix.length;
  if (b < a) return false;
  return s.startsWith(prefix, a);
}

export function strEndswith(s: string, suffix: string, start?: Opt<IntVal>, end?: Opt<IntVal>): boolean {
  const [a, b0] = adjustIndices(s.length, start, end);
  const b = b0 - suffix.length;
  if (b < a) return false;
  return s.startsWith(suffix, b);
}

// ---------------------------------------------------------------- case

const LOWER = /\p{Lowercase}/u;
const UPPER = /\p{Uppercase}/u;
const TITLE = /\p{Lt}/u;
const CASED = /\p{Cased}/u;

// Title-case mappings that differ from upper-case (the Latin digraphs).
const TITLE_MAP: Record<string, string> = {
  '\u01c4': '\u01c5', '\u01c5': '\u01c5', '\u01c6': '\u01c5',
  '\u01c7': '\u01c8', '\u01c8': '\u01c8', '\u01c9': '\u01c8',
  '\u01ca': '\u01cb', '\u01cb': '\u01cb', '\u01cc': '\u01cb',
  '\u01f1': '\u01f2', '\u01f2': '\u01f2', '\u01f3': '\u01f2',
};

/** Title case of one character: the digraph table, else the upper-case mapping with any
 *  expansion after the first letter lowercased ('ß' → 'Ss', 'ﬁ' → 'Fi'). */
function titleChar(ch: string): string {
  const t = TITLE_MAP[ch];
  if (t !== undefined) return t;
  const u = ch.toUpperCase();
  if (u.length <= ch.length) return u;
  const first = String.fromCodePoint(u.codePointAt(0)!);
  return first + u.slice(first.length).toLowerCase();
}

const CASE_IGNORABLE = /\p{Case_Ignorable}/u;

/** Lowercase of the character at `i` (length `len`), with Greek final sigma: Σ becomes ς when a
 *  cased letter precedes it and none follows (case-ignorable characters skipped), as CPython. */
function lowerAt(s: string, i: number, ch: string): string {
  if (ch !== '\u03a3') return ch.toLowerCase();
  let j = i - 1;
  while (j >= 0 && CASE_IGNORABLE.test(s[j]!)) j--;
  const before = j >= 0 && CASED.test(s[j]!);
  let k = i + 1;
  while (k < s.length && CASE_IGNORABLE.test(s[k]!)) k++;
  const after = k < s.length && CASED.test(s[k]!);
  return before && !after ? '\u03c2' : '\u03c3';
}

function isAsciiOnly(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

export function strUpper(s: string): string {
  return s.toUpperCase();
}

export function strLower(s: string): string {
  return s.toLowerCase();
}

/** Full case folding, character by character (no context rules, unlike lower()). */
export function strCasefold(s: string): string {
  if (isAsciiOnly(s)) return s.toLowerCase();
  let out = '';
  for (const ch of s) out += ch.toUpperCase().toLowerCase();
  return out;
}

/** str.title(): a cased character after an uncased one is title-cased, others lowercased. */
export function strTitle(s: string): string {
  let out = '';
  let prevCased = false;
  for (let i = 0; i < s.length; ) {
    const ch = String.fromCodePoint(s.codePointAt(i)!);
    out += prevCased ? lowerAt(s, i, ch) : titleChar(ch);
    prevCased = CASED.test(ch);
    i += ch.length;
  }
  return out;
}

/** str.capitalize() (3.8+): first character title-cased, the rest lowercased. */
export function strCapitalize(s: string): string {
  if (s === '') return s;
  const first = String.fromCodePoint(s.codePointAt(0)!);
  let out = titleChar(first);
  for (let i = first.length; i < s.length; ) {
    const ch = String.fromCodePoint(s.codePointAt(i)!);
    out += lowerAt(s, i, ch);
    i += ch.length;
  }
  return out;
}

export function strSwapcase(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; ) {
    const ch = String.fromCodePoint(s.codePointAt(i)!);
    if (UPPER.test(ch)) out += lowerAt(s, i, ch);
    else if (LOWER.test(ch)) out += ch.toUpperCase();
    else out += ch;
    i += ch.length;
  }
  return out;
}

// ---------------------------------------------------------------- padding

function fillChar(fill: string): string {
  if (Array.from(fill).length !== 1) {
    throw new RuntimeOpError('TypeError', 'The fill character must be exactly one character long');
  }
  return fill;
}

export function strCenter(s: string, width: IntVal, fill = ' '): string {
  const f = fillChar(fill);
  const w = Number(width);
  const len = cpLen(s);
  if (len >= w) return s;
  const marg = w - len;
  const left = Math.floor(marg / 2) + (marg & w & 1);
  return f.repeat(left) + s + f.repeat(marg - left);
}

export function strLjust(s: string, width: IntVal, fill = ' '): string {
  const f = fillChar(fill);
  const w = Number(width);
  const len = cpLen(s);
  return len >= w ? s : s + f.repeat(w - len);
}

export function strRjust(s: string, width: IntVal, fill = ' '): string {
  const f = fillChar(fill);
  const w = Number(width);
  const len = cpLen(s);
  return len >= w ? s : f.repeat(w - len) + s;
}

export function strZfill(s: string, width: IntVal): string {
  const w = Number(width);
  const len = cpLen(s);
  if (len >= w) return s;
  const pad = '0'.repeat(w - len);
  if (s[0] === '+' || s[0] === '-') return s[0] + pad + s.slice(1);
  return pad + s;
}

export function strExpandtabs(s: string, tabsize: IntVal = 8): string {
  const t = Number(tabsize);
  let out = '';
  let col = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\t') {
      if (t > 0) {
        const n = t - (col % t);
        out += ' '.repeat(n);
        col += n;
      }
    } else {
      out += c;
      col = c === '\n' || c === '\r' ? 0 : col + 1;
    }
  }
  return out;
}

// ---------------------------------------------------------------- predicates

const DECIMAL = /^\p{Nd}$/u;
// Digit-type characters outside Nd: superscripts, subscripts, circled/parenthesized digits.
const DIGIT_EXTRA = /^[\u00b2\u00b3\u00b9\u1369-\u1371\u19da\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468\u2474-\u247c\u2488-\u2490\u24ea\u24f5-\u24fd\u24ff\u2776-\u277e\u2780-\u2788\u278a-\u2792\u{10a40}-\u{10a43}\u{1f100}-\u{1f10a}]$/u;
// Numeric-type characters outside category N: CJK ideographs with numeric values.
const NUMERIC_EXTRA = /^[\u3007\u4e00\u4e03\u4e07\u4e09\u4e5d\u4e8c\u4e94\u516b\u516d\u5341\u5343\u56db\u58f1\u58f9\u5e7a\u5efe\u5eff\u5f0c\u5f0d\u5f0e\u5f10\u62fe\u634c\u67d2\u6f06\u7396\u767e\u8086\u842c\u8cae\u8cb3\u8d30\u9621\u96f6\u9678\u5104\u5146\u4ebf\u4e24\u5169\u53c1\u53c3\u53c4\u53c5\u4edf\u4f0d\u4f70\u62fe\u7695\u9621\uf96b\uf973\uf978\uf9b2\uf9d1\uf9d3\uf9fd\u{20001}\u{20064}\u{200e2}\u{20121}\u{2092a}\u{20983}\u{2098c}\u{2099c}\u{20aea}\u{20afd}\u{20b19}\u{22390}\u{22998}\u{23b1b}\u{2626d}\u{2f890}]$/u;
const NUMERIC_N = /^\p{N}$/u;
const ALPHA = /^\p{L}$/u;

function allChars(s: string, pred: (ch: string, cp: number) => boolean): boolean {
  if (s === '') return false;
  for (const ch of s) if (!pred(ch, ch.codePointAt(0)!)) return false;
  return true;
}

export function strIsdecimal(s: string): boolean {
  return allChars(s, (ch, cp) => (cp >= 48 && cp <= 57) || (cp >= 0x80 && DECIMAL.test(ch)));
}

export function strIsdigit(s: string): boolean {
  return allChars(s, (ch, cp) => (cp >= 48 && cp <= 57) || (cp >= 0x80 && (DECIMAL.test(ch) || DIGIT_EXTRA.test(ch))));
}

export function strIsnumeric(s: string): boolean {
  return allChars(s, (ch, cp) => (cp >= 48 && cp <= 57) || (cp >= 0x80 && (NUMERIC_N.test(ch) || NUMERIC_EXTRA.test(ch))));
}

export function strIsalpha(s: string): boolean {
  return allChars(s, (ch, cp) => (cp < 0x80 ? (cp | 0x20) >= 97 && (cp | 0x20) <= 122 : ALPHA.test(ch)));
}

export function strIsalnum(s: string): boolean {
  return allChars(
    s,
    (ch, cp) =>
      (cp >= 48 && cp <= 57) ||
      (cp < 0x80 ? (cp | 0x20) >= 97 && (cp | 0x20) <= 122 : ALPHA.test(ch) || NUMERIC_N.test(ch) || DIGIT_EXTRA.test(ch) || NUMERIC_EXTRA.test(ch)),
  );
}

export function strIsspace(s: string): boolean {
  return allChars(s, (_ch, cp) => isPySpace(cp));
}

/** islower: at least one cased character and no uppercase or titlecase ones. */
export function strIslower(s: string): boolean {
  let cased = false;
  for (const ch of s) {
    if (UPPER.test(ch) || TITLE.test(ch)) return false;
    if (!cased && LOWER.test(ch)) cased = true;
  }
  return cased;
}

export function strIsupper(s: string): boolean {
  let cased = false;
  for (const ch of s) {
    if (LOWER.test(ch) || TITLE.test(ch)) return false;
    if (!cased && UPPER.test(ch)) cased = true;
  }
  return cased;
}

/** istitle: uppercase/titlecase only after uncased characters, lowercase only after cased ones. */
export function strIstitle(s: string): boolean {
  let cased = false;
  let prevCased = false;
  for (const ch of s) {
    if (UPPER.test(ch) || TITLE.test(ch)) {
      if (prevCased) return false;
      prevCased = true;
      cased = true;
    } else if (LOWER.test(ch)) {
      if (!prevCased) return false;
      prevCased = true;
      cased = true;
    } else prevCased = false;
  }
  return cased;
}

const IDENT = /^[\p{XID_Start}_][\p{XID_Continue}]*$/u;

export function strIsidentifier(s: string): boolean {
  return IDENT.test(s);
}

export function strIsprintable(s: string): boolean {
  for (const ch of s) if (!isPrintableCp(ch.codePointAt(0)!)) return false;
  return true;
}

export function strIsascii(s: string): boolean {
  return isAsciiOnly(s);
}

/** sep.join(items) for items already known to be str (the VM checks and raises the TypeError). */
export function strJoin(sep: string, items: readonly string[]): string {
  return items.join(sep);
}
