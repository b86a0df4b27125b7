/**
 * Translates a Python (CPython 3.11 `re`) pattern into an equivalent JavaScript RegExp source
 * (flags `dv`, plus `i`), so the host's backtracking engine runs it with Python's semantics:
 * `.`/`^`/`$`/`\A`/`\Z`/`\b` rewritten as explicit classes and lookarounds (Python's line and word
 * rules, not JavaScript's), `\d`/`\w`/`\s` as Python's Unicode (or ASCII) classes, named groups
 * numbered (names kept host-side), VERBOSE whitespace and comments dropped, inline flags applied,
 * atomic groups and possessive quantifiers as a capturing lookahead plus a backreference (the
 * extra JS groups are mapped out: `jsIndex`).
 * CPython's compile errors are reproduced with their messages and positions, including the
 * fixed-width rule for look-behind.
 */

export const FLAG_I = 2;
export const FLAG_L = 4;
export const FLAG_M = 8;
export const FLAG_S = 16;
export const FLAG_U = 32;
export const FLAG_X = 64;
export const FLAG_A = 256;

export class PatternError extends Error {
  constructor(readonly msg: string, readonly pos: number | null) {
    super(msg);
  }
}

export interface Translated {
  source: string;
  ignoreCase: boolean;
  groups: number;
  /** The JS group number of each Python group (index 0 unused): atomic groups add JS groups. */
  jsIndex: number[];
  names: Map<string, number>;
  flags: number;
}

interface Piece { js: string; min: number; max: number; quantifiable: boolean }

const INF = Number.POSITIVE_INFINITY;
const WORD_U = '\\p{L}\\p{N}_';
const WORD_A = 'A-Za-z0-9_';
const SPACE_U = '\\t\\n\\v\\f\\r\\u{1c}-\\u{20}\\u{85}\\u{a0}\\u{1680}\\u{2000}-\\u{200a}\\u{2028}\\u{2029}\\u{202f}\\u{205f}\\u{3000}';
const SPACE_A = '\\t\\n\\v\\f\\r ';
const FLAG_LETTERS: Record<string, number> = { a: FLAG_A, i: FLAG_I, L: FLAG_L, m: FLAG_M, s: FLAG_S, u: FLAG_U, x: FLAG_X };

/** A literal code point as a JS pattern atom valid inside and outside classes (v mode). */
function lit(cp: number): string {
  if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) return String.fromCharCode(cp);
  return `\\u{${cp.toString(16)}}`;
}

/** An atomic group `(?>X)` in JS, which has none: a lookahead does not backtrack into what it
 *  matched, so capture X there (JS group `j`) and consume exactly that text with a backreference.
 *  Inside a look-behind JS matches right to left, so there the look is behind and comes last. */
function atomic(js: string, j: number, size: Piece, behind: boolean): Piece {
  return {
    js: behind ? `(?:\\${j})(?<=(${js}))` : `(?=(${js}))(?:\\${j})`,
    min: size.min, max: size.max, quantifiable: true,
  };
}

class Translator {
  private i = 0;
  private groups = 0;
  private jsGroups = 0;
  private behind = 0;
  private readonly jsIndex: number[] = [0];
  private readonly names = new Map<string, number>();
  private readonly open = new Set<number>();
  private flags: number;

  constructor(private readonly src: string, flags: number, private readonly isBytes: boolean) {
    this.flags = flags;
  }

  run(): Translated {
    this.leadingFlags();
    const body = this.alternation();
    if (this.i < this.src.length) {
      if (this.src[this.i] === ')') throw new PatternError('unbalanced parenthesis', this.i);
      throw new PatternError('internal: pattern not consumed', this.i);
    }
    return { source: body.js, ignoreCase: (this.flags & FLAG_I) !== 0, groups: this.groups, jsIndex: this.jsIndex, names: this.names, flags: this.flags };
  }

  /** Global inline flags `(?imsx)` at the start of the pattern (they may repeat). */
  private leadingFlags(): void {
    let j = 0;
    const s = this.src;
    for (;;) {
      if (this.flags & FLAG_X) j = this.skipVerbose(j);
      if (!s.startsWith('(?', j)) return;
      let k = j + 2;
      let f = 0;
      while (k < s.length && FLAG_LETTERS[s[k]!] !== undefined) f |= FLAG_LETTERS[s[k++]!]!;
      if (k === j + 2 || s[k] !== ')') return;
      this.flags |= f;
      j = k + 1;
      this.i = j;
    }
  }

  private skipVerbose(j: number): number {
    const s = this.src;
    while (j < s.length) {
      const c = s[j]!;
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\v' || c === '\f') j++;
      else if (c === '#') {
        while (j < s.length && s[j] !== '\n') j++;
      } else break;
    }
    return j;
  }

  private skip(): void {
    if (this.flags & FLAG_X) this.i = this.skipVerbose(this.i);
  }

  private alternation(): Piece {
    const alts: Piece[] = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      alts.push(this.sequence());
    }
    if (alts.length === 1) return alts[0]!;
    return {
      js: alts.map((a) => a.js).join('|'),
      min: Math.min(...alts.map((a) => a.min)),
      max: Math.max(...alts.map((a) => a.max)),
      quantifiable: true,
    };
  }

  private sequence(): Piece {
    let js = '';
    let min = 0;
    let max = 0;
    for (;;) {
      this.skip();
      const c = this.src[this.i];
      if (c === undefined || c === '|' || c === ')') break;
      const at = this.i;
      if (c === '*' || c === '+' || c === '?' || (c === '{' && this.braceQuant(at) !== null)) throw new PatternError('nothing to repeat', at);
      const before = this.jsGroups;
      let p = this.atom();
      p = this.quantifiers(p, before);
      js += p.js;
      min += p.min;
      max += p.max;
    }
    return { js, min, max, quantifiable: true };
  }

  /** `{m}`, `{m,}`, `{,n}`, `{m,n}` at j, or null when the brace is a literal. */
  private braceQuant(j: number): { lo: number; hi: number; end: number } | null {
    const m = /^\{(\d*)(?:(,)(\d*))?\}/.exec(this.src.slice(j, j + 40));
    if (m === null || (m[1] === '' && m[2] === undefined)) return null;
    const lo = m[1] === '' ? 0 : parseInt(m[1]!, 10);
    const hi = m[2] === undefined ? lo : m[3] === '' ? INF : parseInt(m[3]!, 10);
    return { lo, hi, end: j + m[0].length };
  }

  /** `before`: the JS groups opened before the atom `p` (a possessive quantifier wraps it in one more). */
  private quantifiers(p: Piece, before: number): Piece {
    let quantified = false;
    for (;;) {
      this.skip();
      const at = this.i;
      const c = this.src[at];
      let lo: number, hi: number, js: string;
      if (c === '*' || c === '+' || c === '?') {
        lo = c === '+' ? 1 : 0;
        hi = c === '?' ? 1 : INF;
        js = c;
        this.i++;
      } else if (c === '{' && this.braceQuant(at) !== null) {
        const q = this.braceQuant(at)!;
        lo = q.lo;
        hi = q.hi;
        if (hi < lo) throw new PatternError('min repeat greater than max repeat', at + 1);
        js = hi === INF ? `{${lo},}` : lo === hi ? `{${lo}}` : `{${lo},${hi}}`;
        this.i = q.end;
      } else return p;
      if (quantified) throw new PatternError('multiple repeat', at);
      if (!p.quantifiable) throw new PatternError('nothing to repeat', at);
      quantified = true;
      let possessive = false;
      if (this.src[this.i] === '?') {
        js += '?';
        this.i++;
      } else if (this.src[this.i] === '+') {
        possessive = true;
        this.i++;
      }
      p = { js: `(?:${p.js})${js}`, min: p.min * lo, max: hi === 0 || p.max === 0 ? 0 : p.max * hi, quantifiable: true };
      if (possessive) p = this.wrapAtomic(p, before);
    }
  }

  /** `X*+` is `(?>X*)`: the already translated piece gets an atomic wrapper whose JS group opens
   *  before the piece's own groups, so those groups (and backreferences to them) move up by one. */
  private wrapAtomic(p: Piece, before: number): Piece {
    for (let g = 1; g <= this.groups; g++) if (this.jsIndex[g]! > before) this.jsIndex[g]!++;
    this.jsGroups++;
    const js = p.js.replace(/\(\?:\\(\d+)\)/g, (m, n: string) => parseInt(n, 10) > before ? `(?:\\${parseInt(n, 10) + 1})` : m);
    return atomic(js, before + 1, p, this.behind > 0);
  }

  private atom(): Piece {
    const s = this.src;
    const at = this.i;
    const c = s[at]!;
    this.i++;
    switch (c) {
      case '(': return this.group(at);
      case '[': return this.charClass(at);
      case '.': return { js: this.flags & FLAG_S ? '[\\s\\S]' : '[^\\n]', min: 1, max: 1, quantifiable: true };
      case '^': return { js: this.flags & FLAG_M ? '(?<![^\\n])' : '(?<![\\s\\S])', min: 0, max: 0, quantifiable: false };
      case '$': return { js: this.flags & FLAG_M ? '(?![^\\n])' : '(?=\\n?(?![\\s\\S]))', min: 0, max: 0, quantifiable: false };
      case '\\': return this.escape(at);
      default: {
        const cp = s.codePointAt(at)!;
        if (cp > 0xffff) this.i++;
        return { js: lit(cp), min: 1, max: 1, quantifiable: true };
      }
    }
  }

  private word(): string { return this.flags & FLAG_A || this.isBytes ? WORD_A : WORD_U; }
  private classEscape(c: string): string | null {
    const ascii = (this.flags & FLAG_A) !== 0 || this.isBytes;
    switch (c) {
      case 'd': return ascii ? '[0-9]' : '[\\p{Nd}]';
      case 'D': return ascii ? '[^0-9]' : '[^\\p{Nd}]';
      case 'w': return `[${this.word()}]`;
      case 'W': return `[^${this.word()}]`;
      case 's': return `[${ascii ? SPACE_A : SPACE_U}]`;
      case 'S': return `[^${ascii ? SPACE_A : SPACE_U}]`;
      default: return null;
    }
  }

  /** A character escape shared by both contexts (`\n`, `\x41`, octal, ...): its code point, or null. */
  private charEscape(c: string, at: number, inClass: boolean): number | null {
    const s = this.src;
    const simple: Record<string, number> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };
    if (simple[c] !== undefined) return simple[c]!;
    if (c === 'b' && inClass) return 8;
    if (c === 'x' || c === 'u' || c === 'U') {
      const n = c === 'x' ? 2 : c === 'u' ? 4 : 8;
      const hex = s.slice(this.i, this.i + n);
      if (this.isBytes && c !== 'x') throw new PatternError(`bad escape \\${c}`, at);
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) throw new PatternError(`incomplete escape \\${c}${hex.replace(/[^0-9a-fA-F].*/, '')}`, at);
      this.i += n;
      const cp = parseInt(hex, 16);
      if (cp > 0x10ffff) throw new PatternError(`bad escape \\${c}${hex}`, at);
      return cp;
    }
    if (c === '0' || (inClass && c >= '1' && c <= '7')) {
      let j = this.i;
      while (j < s.length && j < this.i + 2 && s[j]! >= '0' && s[j]! <= '7') j++;
      const v = parseInt(c + s.slice(this.i, j), 8);
      if (v > 0o377) throw new PatternError(`octal escape value \\${c}${s.slice(this.i, j)} outside of range 0-0o377`, at);
      this.i = j;
      return v;
    }
    if (/[A-Za-z0-9]/.test(c)) return null;
    return c.codePointAt(0)!;
  }

  private escape(at: number): Piece {
    const s = this.src;
    const c = s[this.i];
    if (c === undefined) throw new PatternError('bad escape (end of pattern)', at);
    this.i++;
    const cls = this.classEscape(c);
    if (cls !== null) return { js: cls, min: 1, max: 1, quantifiable: true };
    const w = this.word();
    switch (c) {
      case 'A': return { js: '(?<![\\s\\S])', min: 0, max: 0, quantifiable: false };
      case 'Z': return { js: '(?![\\s\\S])', min: 0, max: 0, quantifiable: false };
      case 'b': return { js: `(?:(?<=[${w}])(?![${w}])|(?<![${w}])(?=[${w}]))`, min: 0, max: 0, quantifiable: false };
      case 'B': return { js: `(?:(?<=[${w}])(?=[${w}])|(?<![${w}])(?![${w}]))`, min: 0, max: 0, quantifiable: false };
      default: break;
    }
    if (c >= '1' && c <= '9') {
      let j = this.i;
      if (j < s.length && s[j]! >= '0' && s[j]! <= '9') j++;
      const digits = c + s.slice(this.i, j);
      // Three octal digits are an octal escape, not a group reference.
      if (digits.length === 2 && s[j] !== undefined && /[0-7]/.test(s[j]!) && /^[0-7]+$/.test(digits)) {
        const v = parseInt(digits + s[j]!, 8);
        if (v > 0o377) throw new PatternError(`octal escape value \\${digits}${s[j]!} outside of range 0-0o377`, at);
        this.i = j + 1;
        return { js: lit(v), min: 1, max: 1, quantifiable: true };
      }
      this.i = j;
      return this.backref(parseInt(digits, 10), at + 1, at);
    }
    const cp = this.charEscape(c, at, false);
    if (cp === null) throw new PatternError(`bad escape \\${c}`, at);
    return { js: lit(cp), min: 1, max: 1, quantifiable: true };
  }

  private backref(n: number, errPos: number, _at: number): Piece {
    if (n > this.groups) throw new PatternError(`invalid group reference ${n}`, errPos);
    if (this.open.has(n)) throw new PatternError('cannot refer to an open group', errPos - 1);
    return { js: `(?:\\${this.jsIndex[n]!})`, min: 0, max: INF, quantifiable: true };
  }

  private charClass(at: number): Piece {
    const s = this.src;
    let js = '[';
    if (s[this.i] === '^') {
      js += '^';
      this.i++;
    }
    let first = true;
    for (;;) {
      const start = this.i;
      const c = s[this.i];
      if (c === undefined) throw new PatternError('unterminated character set', at);
      if (c === ']' && !first) {
        this.i++;
        break;
      }
      first = false;
      const lo = this.classAtom();
      if (typeof lo === 'string') {
        js += lo;
        continue;
      }
      if (s[this.i] === '-' && s[this.i + 1] !== undefined && s[this.i + 1] !== ']') {
        this.i++;
        const hi = this.classAtom();
        if (typeof hi === 'string') throw new PatternError(`bad character range ${s.slice(start, this.i)}`, start);
        if (hi < lo) throw new PatternError(`bad character range ${s.slice(start, this.i)}`, start);
        js += `${lit(lo)}-${lit(hi)}`;
      } else js += lit(lo);
    }
    if (js === '[') return { js: '[]', min: 1, max: 1, quantifiable: true };
    if (js === '[^') return { js: '[\\s\\S]', min: 1, max: 1, quantifiable: true };
    return { js: js + ']', min: 1, max: 1, quantifiable: true };
  }

  /** One class member: a code point, or a nested class string for `\d`, `\w`, `\s` and their negations. */
  private classAtom(): number | string {
    const s = this.src;
    const at = this.i;
    const c = s[at]!;
    if (c !== '\\') {
      const cp = s.codePointAt(at)!;
      this.i += cp > 0xffff ? 2 : 1;
      return cp;
    }
    const e = s[at + 1];
    if (e === undefined) throw new PatternError('bad escape (end of pattern)', at);
    this.i = at + 2;
    const cls = this.classEscape(e);
    if (cls !== null) return cls;
    const cp = this.charEscape(e, at, true);
    if (cp === null) throw new PatternError(`bad escape \\${e}`, at);
    return cp;
  }

  private groupName(end: string): string {
    const s = this.src;
    const start = this.i;
    const close = s.indexOf(end, start);
    if (close < 0) throw new PatternError(`missing ${end === ')' ? ')' : '>'}, unterminated name`, start);
    const name = s.slice(start, close);
    if (name === '') throw new PatternError('missing group name', start);
    if (!/^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u.test(name)) throw new PatternError(`bad character in group name '${name}'`, start);
    this.i = close + 1;
    return name;
  }

  private closeGroup(open: number): void {
    if (this.src[this.i] !== ')') throw new PatternError('missing ), unterminated subpattern', open);
    this.i++;
  }

  private group(open: number): Piece {
    const s = this.src;
    if (s[this.i] !== '?') return this.capture(open, null);
    this.i++;
    const k = s[this.i];
    if (k === ':') {
      this.i++;
      const inner = this.alternation();
      this.closeGroup(open);
      return { js: `(?:${inner.js})`, min: inner.min, max: inner.max, quantifiable: true };
    }
    if (k === 'P') {
      const k2 = s[this.i + 1];
      if (k2 === '<') {
        this.i += 2;
        return this.capture(open, this.groupName('>'));
      }
      if (k2 === '=') {
        this.i += 2;
        const at = this.i;
        const name = this.groupName(')');
        const n = this.names.get(name);
        if (n === undefined) throw new PatternError(`unknown group name '${name}'`, at);
        return this.backref(n, at + 1, at);
      }
      throw new PatternError(`unknown extension ?P${k2 ?? ''}`, open + 1);
    }
    if (k === '>') {
      this.i++;
      const j = ++this.jsGroups;
      const inner = this.alternation();
      this.closeGroup(open);
      return atomic(inner.js, j, inner, this.behind > 0);
    }
    if (k === '=' || k === '!') {
      this.i++;
      const inner = this.alternation();
      this.closeGroup(open);
      return { js: `(?${k}${inner.js})`, min: 0, max: 0, quantifiable: true };
    }
    if (k === '<' && (s[this.i + 1] === '=' || s[this.i + 1] === '!')) {
      const kind = s[this.i + 1]!;
      this.i += 2;
      this.behind++;
      const inner = this.alternation();
      this.behind--;
      this.closeGroup(open);
      if (inner.min !== inner.max) throw new PatternError('look-behind requires fixed-width pattern', null);
      return { js: `(?<${kind}${inner.js})`, min: 0, max: 0, quantifiable: true };
    }
    if (k === '#') {
      const close = s.indexOf(')', this.i);
      if (close < 0) throw new PatternError('missing ), unterminated comment', open);
      this.i = close + 1;
      return { js: '', min: 0, max: 0, quantifiable: false };
    }
    return this.inlineFlags(open);
  }

  private capture(open: number, name: string | null): Piece {
    const n = ++this.groups;
    this.jsIndex[n] = ++this.jsGroups;
    if (name !== null) {
      const prev = this.names.get(name);
      if (prev !== undefined) throw new PatternError(`redefinition of group name '${name}' as group ${n}; was group ${prev}`, open + 4);
      this.names.set(name, n);
    }
    this.open.add(n);
    const inner = this.alternation();
    this.closeGroup(open);
    this.open.delete(n);
    return { js: `(${inner.js})`, min: inner.min, max: inner.max, quantifiable: true };
  }

  /** `(?flags)` (only at the start, handled there) or `(?flags-flags:...)` scoped. */
  private inlineFlags(open: number): Piece {
    const s = this.src;
    let on = 0;
    let off = 0;
    let j = this.i;
    while (j < s.length && FLAG_LETTERS[s[j]!] !== undefined) on |= FLAG_LETTERS[s[j++]!]!;
    if (s[j] === '-') {
      j++;
      while (j < s.length && FLAG_LETTERS[s[j]!] !== undefined) off |= FLAG_LETTERS[s[j++]!]!;
    }
    if (j === this.i) {
      const ext = s.slice(this.i, this.i + 1);
      if (ext === '') throw new PatternError('unexpected end of pattern', this.i);
      throw new PatternError(`unknown extension ?${ext}${ext === '<' ? (s[this.i + 1] ?? '') : ''}`, open + 1);
    }
    if (s[j] === ')') throw new PatternError('global flags not at the start of the expression', open);
    if (s[j] !== ':') throw new PatternError(s[j] === undefined ? 'missing -, : or )' : 'unknown flag', j);
    if ((on | off) & FLAG_I && ((on & FLAG_I) !== 0) !== ((this.flags & FLAG_I) !== 0)) {
      throw new PatternError('scoped IGNORECASE ((?i:...)) is not supported by htmsim', open);
    }
    this.i = j + 1;
    const saved = this.flags;
    this.flags = (this.flags | on) & ~off;
    const inner = this.alternation();
    this.flags = saved;
    this.closeGroup(open);
    return { js: `(?:${inner.js})`, min: inner.min, max: inner.max, quantifiable: true };
  }
}

/** Translates `pattern` (a str pattern, or a bytes pattern decoded as latin-1 when `isBytes`). */
export function translatePattern(pattern: string, flags: number, isBytes: boolean): Translated {
  if (isBytes && flags & FLAG_U) throw new PatternError('cannot use UNICODE flag with a bytes pattern', null);
  if (!isBytes && flags & FLAG_L) throw new PatternError('cannot use LOCALE flag with a str pattern', null);
  if (flags & FLAG_A && flags & FLAG_U) throw new PatternError('ASCII and UNICODE flags are incompatible', null);
  const t = new Translator(pattern, flags, isBytes).run();
  if (!isBytes && !(t.flags & FLAG_A)) t.flags |= FLAG_U;
  return t;
}
