/**
 * The scanner: Python 3 source text to tokens, with CPython's line structure (INDENT/DEDENT from an
 * indentation stack, tabs to multiples of 8 and a TabError when tabs and spaces disagree, implicit
 * joining inside brackets, backslash continuation). String tokens keep their raw text; the parser
 * decodes them (`decodeStringBody`) so f-string expressions can be re-scanned with exact positions.
 */
import { type Token, type TokenKind, OPERATORS } from './token.js';
import { GuestSyntaxError, type SyntaxErrorKind } from './syntax-error.js';

const ID_START = /[\p{L}\p{Nl}_]/u;
/** ASCII fast paths for identifier characters (the common case), before the Unicode regexes. */
const isAsciiIdStart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
const isAsciiIdCont = (c: number): boolean => isAsciiIdStart(c) || (c >= 48 && c <= 57);
const ID_CONT = /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_]/u;

const DECIMAL = /^(?:[0-9](?:_?[0-9])*)/;
const HEX = /^0[xX](?:_?[0-9a-fA-F])+/;
const OCT = /^0[oO](?:_?[0-7])+/;
const BIN = /^0[bB](?:_?[01])+/;
const STRING_PREFIX = /^(?:[rRbBfFuU]|[rR][bBfF]|[bBfF][rR])(?=['"])/;

/** Where a scan starts, so f-string expressions report positions in the enclosing file. */
export interface ScanOrigin {
  line: number;
  col: number;
  /** Full file text, for the source line in error messages. */
  fileSource: string;
}

/** CPython's verify_end_of_number: the letters after a number begin one of these keywords. */
function keywordFollows(s: string, at: number): boolean {
  const r = s.slice(at, at + 4);
  return r.startsWith('and') || r.startsWith('else') || r.startsWith('for') || r.startsWith('if') || r.startsWith('in') || r.startsWith('is') || r.startsWith('not') || r.startsWith('or');
}

export class Scanner {
  private readonly src: string;
  private readonly filename: string;
  private readonly origin: ScanOrigin;
  private pos = 0;
  private line: number;
  private lineStart: number; // index in src of the current line's first char
  private readonly tokens: Token[] = [];
  private readonly indents: number[] = [0];
  /** Same indentation measured with tabs of width 1, for CPython's tab consistency check. */
  private readonly altIndents: number[] = [0];
  private readonly brackets: { ch: string; line: number; col: number }[] = [];
  /** When true (f-string expression), no INDENT/DEDENT/NEWLINE handling. */
  private readonly expressionMode: boolean;

  constructor(src: string, filename: string, origin?: ScanOrigin, expressionMode = false) {
    this.src = src;
    this.filename = filename;
    this.origin = origin ?? { line: 1, col: 1, fileSource: src };
    this.line = this.origin.line;
    this.lineStart = 0;
    this.expressionMode = expressionMode;
  }

  /** Column (1-based) of source index i, which lies on the current line. */
  private colOf(i: number): number {
    const c = i - this.lineStart + 1;
    return this.line === this.origin.line ? c + this.origin.col - 1 : c;
  }

  error(msg: string, line: number, col: number, kind: SyntaxErrorKind = 'SyntaxError', endCol = col): GuestSyntaxError {
    const lines = this.origin.fileSource.split('\n');
    const text = line >= 1 && line <= lines.length ? lines[line - 1]! : '';
    return new GuestSyntaxError(msg, this.filename, line, col, text, kind, line, endCol);
  }

  private push(kind: TokenKind, text: string, line: number, col: number, endLine: number, endCol: number): void {
    this.tokens.push({ kind, text, line, col, endLine, endCol });
  }

  scan(): Token[] {
    let atLineStart = !this.expressionMode;
    const src = this.src;
    while (true) {
      if (atLineStart) {
        atLineStart = false;
        if (this.handleIndentation()) { atLineStart = true; continue; } // blank/comment line consumed
      }
      if (this.pos >= src.length) break;
      const ch = src[this.pos]!;
      const startCol = this.colOf(this.pos);
      if (ch === ' ' || ch === '\t' || ch === '\f') {
        this.pos++;
        continue;
      }
      if (ch === '#') {
        while (this.pos < src.length && src[this.pos] !== '\n' && src[this.pos] !== '\r') this.pos++;
        continue;
      }
      if (ch === '\r' || ch === '\n') {
        const nlLen = ch === '\r' && src[this.pos + 1] === '\n' ? 2 : 1;
        if (this.brackets.length === 0 && !this.expressionMode) {
          this.push('NEWLINE', '', this.line, startCol, this.line, startCol + 1);
          atLineStart = true;
        }
        this.pos += nlLen;
        this.newLine();
        continue;
      }
      if (ch === '\\') {
        const next = src[this.pos + 1];
        if (next === '\n' || next === '\r') {
          this.pos += next === '\r' && src[this.pos + 2] === '\n' ? 3 : 2;
          this.newLine();
          if (this.pos >= src.length) throw this.error('unexpected EOF while parsing', this.line, this.colOf(this.pos));
          continue;
        }
        if (next === undefined) throw this.error('unexpected EOF while parsing', this.line, startCol);
        throw this.error('unexpected character after line continuation character', this.line, startCol + 1);
      }
      const prefix = 'rRbBfFuU'.includes(ch) ? STRING_PREFIX.exec(src.slice(this.pos, this.pos + 3)) : null;
      if (ch === '"' || ch === "'" || prefix) {
        this.scanString(prefix ? prefix[0].length : 0);
        continue;
      }
      if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(src[this.pos + 1] ?? ''))) {
        this.scanNumber();
        continue;
      }
      const code = src.charCodeAt(this.pos);
      if (isAsciiIdStart(code) || (code > 127 && (ID_START.test(ch) || (ch >= '\ud800' && ch <= '\udbff' && ID_START.test(src.slice(this.pos, this.pos + 2)))))) {
        const start = this.pos;
        while (this.pos < src.length) {
          if (isAsciiIdCont(src.charCodeAt(this.pos))) { this.pos++; continue; }
          if (src.charCodeAt(this.pos) < 128) break;
          const c = src.codePointAt(this.pos)!;
          const s = String.fromCodePoint(c);
          if (!ID_CONT.test(s)) break;
          this.pos += s.length;
        }
        this.push('NAME', src.slice(start, this.pos), this.line, startCol, this.line, this.colOf(this.pos));
        continue;
      }
      const op = OPERATORS.find((o) => src.startsWith(o, this.pos));
      if (op) {
        this.pos += op.length;
        this.trackBracket(op, startCol);
        this.push('OP', op, this.line, startCol, this.line, startCol + op.length);
        continue;
      }
      if (ch === '!') {
        // Only meaningful inside f-string replacement fields; the parser reports it otherwise.
        this.pos++;
        this.push('OP', '!', this.line, startCol, this.line, startCol + 1);
        continue;
      }
      const cp = src.codePointAt(this.pos)!;
      const hex = cp.toString(16).toUpperCase().padStart(4, '0');
      if (ch === '$' || ch === '?' || ch === '`') throw this.error('invalid syntax', this.line, startCol);
      throw this.error(`invalid character '${String.fromCodePoint(cp)}' (U+${hex})`, this.line, startCol);
    }
    // End of input: close the logical line, unwind indentation.
    if (this.brackets.length > 0) {
      const b = this.brackets[this.brackets.length - 1]!;
      const unclosed = this.error(`'${b.ch}' was never closed`, b.line, b.col);
      if (this.expressionMode) throw unclosed;
      const eof = this.colOf(this.pos);
      this.push('ENDMARKER', '', this.line, eof, this.line, eof);
      this.tokens[this.tokens.length - 1]!.unclosed = unclosed;
      return this.tokens;
    }
    const last = this.tokens[this.tokens.length - 1];
    const eofCol = this.colOf(this.pos);
    if (!this.expressionMode && last && last.kind !== 'NEWLINE' && last.kind !== 'DEDENT' && last.kind !== 'INDENT') {
      this.push('NEWLINE', '', this.line, eofCol, this.line, eofCol + 1);
    }
    while (this.indents.length > 1) {
      this.indents.pop();
      this.altIndents.pop();
      this.push('DEDENT', '', this.line, eofCol, this.line, eofCol);
    }
    this.push('ENDMARKER', '', this.line, eofCol, this.line, eofCol);
    return this.tokens;
  }

  private newLine(): void {
    this.line++;
    this.lineStart = this.pos;
  }

  private trackBracket(op: string, col: number): void {
    if (op === '(' || op === '[' || op === '{') {
      // CPython's tokenizer limit (MAXLEVEL); also keeps the recursive parser far from the host stack.
      if (this.brackets.length >= 200) throw this.error('too many nested parentheses', this.line, col);
      this.brackets.push({ ch: op, line: this.line, col });
    } else if (op === ')' || op === ']' || op === '}') {
      const open = this.brackets.pop();
      if (!open) throw this.error(`unmatched '${op}'`, this.line, col);
      const want = open.ch === '(' ? ')' : open.ch === '[' ? ']' : '}';
      if (want !== op) {
        const where = open.line !== this.line ? ` on line ${open.line}` : '';
        throw this.error(`closing parenthesis '${op}' does not match opening parenthesis '${open.ch}'${where}`, this.line, col);
      }
    }
  }

  /**
   * At the start of a logical line: measure indentation and emit INDENT/DEDENT. Returns true when
   * the line was blank or a comment only (consumed whole, no tokens).
   */
  private handleIndentation(): boolean {
    const src = this.src;
    let col = 0;
    let alt = 0;
    let i = this.pos;
    for (; i < src.length; i++) {
      const c = src[i];
      if (c === ' ') { col++; alt++; }
      else if (c === '\t') { col = (Math.floor(col / 8) + 1) * 8; alt++; }
      else if (c === '\f') { col = 0; alt = 0; }
      else break;
    }
    const c = src[i];
    if (c === undefined) { this.pos = i; return false; }
    if (c === '#' || c === '\n' || c === '\r') {
      // Blank or comment-only line: no indentation change, no NEWLINE.
      while (i < src.length && src[i] !== '\n' && src[i] !== '\r') i++;
      if (i < src.length) i += src[i] === '\r' && src[i + 1] === '\n' ? 2 : 1;
      this.pos = i;
      if (i <= src.length && (src[i - 1] === '\n' || src[i - 1] === '\r')) this.newLine();
      return true;
    }
    if (c === '\\' && (src[i + 1] === '\n' || src[i + 1] === '\r')) {
      // A continuation right after the indentation: CPython treats the indentation as this line's.
    }
    this.pos = i;
    const top = this.indents[this.indents.length - 1]!;
    const altTop = this.altIndents[this.altIndents.length - 1]!;
    const tokCol = this.colOf(i);
    if (col > top) {
      if (alt <= altTop) throw this.error('inconsistent use of tabs and spaces in indentation', this.line, 1, 'TabError');
      this.indents.push(col);
      this.altIndents.push(alt);
      this.push('INDENT', src.slice(this.lineStart, i), this.line, 1, this.line, tokCol);
    } else if (col < top) {
      while (this.indents.length > 1 && col < this.indents[this.indents.length - 1]!) {
        this.indents.pop();
        this.altIndents.pop();
        this.push('DEDENT', '', this.line, tokCol, this.line, tokCol);
      }
      if (col !== this.indents[this.indents.length - 1]) {
        // CPython points just past the end of the offending line.
        let e = i;
        while (e < src.length && src[e] !== '\n' && src[e] !== '\r') e++;
        throw this.error('unindent does not match any outer indentation level', this.line, this.colOf(e), 'IndentationError');
      }
      if (alt !== this.altIndents[this.altIndents.length - 1]) {
        throw this.error('inconsistent use of tabs and spaces in indentation', this.line, 1, 'TabError');
      }
    } else if (alt !== altTop) {
      throw this.error('inconsistent use of tabs and spaces in indentation', this.line, 1, 'TabError');
    }
    return false;
  }

  private scanNumber(): void {
    const src = this.src;
    const start = this.pos;
    const startCol = this.colOf(start);
    const rest = src.slice(start, start + 400);
    let m = HEX.exec(rest) ?? OCT.exec(rest) ?? BIN.exec(rest);
    let text: string;
    if (m) {
      text = m[0];
    } else if (/^0[xXoObB]/.test(rest)) {
      const kind = /^0[xX]/.test(rest) ? 'hexadecimal' : /^0[oO]/.test(rest) ? 'octal' : 'binary';
      if (kind !== 'hexadecimal' && /[0-9]/.test(rest[2] ?? '')) throw this.error(`invalid digit '${rest[2]}' in ${kind} literal`, this.line, startCol + 2);
      throw this.error(`invalid ${kind} literal`, this.line, rest[2] === '_' ? startCol + 2 : startCol + 1);
    } else {
      // Decimal int or float: digits [. digits] [e [+-] digits]
      let t = '';
      m = DECIMAL.exec(rest);
      if (m) t = m[0];
      let isFloat = false;
      if (rest[t.length] === '.') {
        isFloat = true;
        t += '.';
        const frac = DECIMAL.exec(rest.slice(t.length));
        if (frac) t += frac[0];
      }
      const exp = /^[eE][+-]?[0-9](?:_?[0-9])*/.exec(rest.slice(t.length));
      if (exp) { isFloat = true; t += exp[0]; }
      else if (/^[eE][+-]/.test(rest.slice(t.length))) {
        throw this.error('invalid decimal literal', this.line, startCol + t.length + 1);
      } else if (/^[eE]/.test(rest.slice(t.length)) && !keywordFollows(rest, t.length)) {
        throw this.error('invalid decimal literal', this.line, startCol + t.length - 1);
      }
      if (!isFloat && /^0+[0-9]/.test(t.replace(/_/g, '')) && /[1-9]/.test(t) && !/^[jJ]/.test(rest.slice(t.length))) {
        throw this.error('leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers', this.line, startCol, 'SyntaxError', startCol + t.length);
      }
      text = t;
    }
    const after = src[start + text.length];
    const kind = /^0[xX]/.test(text) ? 'hexadecimal' : /^0[oO]/.test(text) ? 'octal' : /^0[bB]/.test(text) ? 'binary' : 'decimal';
    if (after === '_') throw this.error(`invalid ${kind} literal`, this.line, startCol + text.length);
    if ((kind === 'octal' || kind === 'binary') && after !== undefined && after >= '0' && after <= '9') {
      throw this.error(`invalid digit '${after}' in ${kind} literal`, this.line, startCol + text.length);
    }
    if ((after === 'j' || after === 'J') && kind === 'decimal') {
      // An imaginary literal: a decimal int or float with a `j` (`1j`, `1.5J`, `1e3j`, `01j`).
      text += after;
      const next = src[start + text.length];
      if (next !== undefined && (ID_START.test(next) || (next >= '0' && next <= '9')) && !keywordFollows(rest, text.length)) {
        throw this.error('invalid imaginary literal', this.line, startCol + text.length - 1);
      }
      this.pos = start + text.length;
      this.push('NUMBER', text, this.line, startCol, this.line, startCol + text.length);
      return;
    }
    // `1if x else 2`: CPython 3.11 still accepts a keyword glued to a number (with a deprecation warning).
    if (after !== undefined && ID_START.test(after) && !keywordFollows(rest, text.length)) {
      throw this.error(`invalid ${kind} literal`, this.line, startCol + text.length - 1);
    }
    this.pos = start + text.length;
    this.push('NUMBER', text, this.line, startCol, this.line, startCol + text.length);
  }

  private scanString(prefixLen: number): void {
    const src = this.src;
    const start = this.pos;
    const startLine = this.line;
    const startCol = this.colOf(start);
    let i = start + prefixLen;
    const q = src[i]!;
    const triple = src[i + 1] === q && src[i + 2] === q;
    const quote = triple ? q.repeat(3) : q;
    i += quote.length;
    while (true) {
      if (i >= src.length) {
        if (triple) {
          let last = src.length;
          while (last > 0 && (src[last - 1] === '\n' || src[last - 1] === '\r')) last--;
          const detected = this.line - (src.slice(last).match(/\r\n|\r|\n/g)?.length ?? 0);
          throw this.error(`unterminated triple-quoted string literal (detected at line ${detected})`, startLine, startCol);
        }
        throw this.error(`unterminated string literal (detected at line ${startLine})`, startLine, startCol);
      }
      const c = src[i]!;
      if (c === '\\') {
        const n = src[i + 1];
        if (n === '\r' && src[i + 2] === '\n') { i += 3; this.pos = i; this.newLine(); continue; }
        if (n === '\n' || n === '\r') { i += 2; this.pos = i; this.newLine(); continue; }
        i += 2;
        continue;
      }
      if (c === '\n' || c === '\r') {
        if (!triple) throw this.error(`unterminated string literal (detected at line ${startLine})`, startLine, startCol);
        i += c === '\r' && src[i + 1] === '\n' ? 2 : 1;
        this.pos = i;
        this.newLine();
        continue;
      }
      if (src.startsWith(quote, i)) { i += quote.length; break; }
      i++;
    }
    this.pos = i;
    this.push('STRING', src.slice(start, i), startLine, startCol, this.line, this.colOf(i));
  }
}

/** Scans a whole module. */
export function scan(source: string, filename: string): Token[] {
  return new Scanner(source, filename).scan();
}

export interface StringParts {
  prefix: string; // lower-case
  body: string;
  /** Position of the body's first character. */
  bodyLine: number;
  bodyCol: number;
}

/** Splits a STRING token's text into prefix and body. */
export function stringParts(tok: Token): StringParts {
  const t = tok.text;
  let p = 0;
  while (t[p] !== '"' && t[p] !== "'") p++;
  const q = t[p]!;
  const triple = t[p + 1] === q && t[p + 2] === q && t.length >= p + 6;
  const ql = triple ? 3 : 1;
  return {
    prefix: t.slice(0, p).toLowerCase(),
    body: t.slice(p + ql, t.length - ql),
    bodyLine: tok.line,
    bodyCol: tok.col + p + ql,
  };
}

/**
 * Decodes backslash escapes of a (non-raw) string body. `onError(msg, offset)` reports problems at
 * an offset into `body`. Returns code units for str, or byte values (0..255) for bytes.
 */
export function decodeEscapes(body: string, bytes: boolean, onError: (msg: string, offset: number) => never): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      if (bytes && c.charCodeAt(0) > 127) onError('bytes can only contain ASCII literal characters', i);
      out += c;
      continue;
    }
    const n = body[i + 1];
    if (n === undefined) { out += '\\'; break; }
    i++;
    switch (n) {
      case '\n': break;
      case '\r': if (body[i + 1] === '\n') i++; break;
      case '\\': out += '\\'; break;
      case "'": out += "'"; break;
      case '"': out += '"'; break;
      case 'a': out += '\x07'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case 'x': {
        const h = body.slice(i + 1, i + 3);
        if (!/^[0-9a-fA-F]{2}$/.test(h)) {
          const good = /^[0-9a-fA-F]*/.exec(h)![0].length;
          onError(bytes
            ? `(value error) invalid \\x escape at position ${i - 1}`
            : `(unicode error) 'unicodeescape' codec can't decode bytes in position ${i - 1}-${i + good}: truncated \\xXX escape`, i - 1);
        }
        out += String.fromCharCode(parseInt(h, 16));
        i += 2;
        break;
      }
      case 'u':
      case 'U': {
        if (bytes) { out += '\\' + n; break; }
        const len = n === 'u' ? 4 : 8;
        const h = body.slice(i + 1, i + 1 + len);
        if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(h)) {
          const good = /^[0-9a-fA-F]*/.exec(h)![0].length;
          onError(`(unicode error) 'unicodeescape' codec can't decode bytes in position ${i - 1}-${i + good}: truncated \\${n}${'X'.repeat(len)} escape`, i - 1);
        }
        const cp = parseInt(h, 16);
        if (cp > 0x10ffff) onError(`(unicode error) 'unicodeescape' codec can't decode bytes in position ${i - 1}-${i + len}: illegal Unicode character`, i - 1);
        out += String.fromCodePoint(cp);
        i += len;
        break;
      }
      case 'N':
        if (bytes) { out += '\\N'; break; }
        onError('\\N{...} escapes are not supported by htmsim', i - 1);
        break;
      default:
        if (n >= '0' && n <= '7') {
          let j = i;
          let v = 0;
          while (j < i + 3 && body[j]! >= '0' && body[j]! <= '7') { v = v * 8 + (body.charCodeAt(j) - 48); j++; }
          out += String.fromCharCode(bytes ? v & 0xff : v);
          i = j - 1;
        } else {
          out += '\\' + n; // unknown escapes stay as written (CPython warns, keeps both chars)
        }
    }
  }
  return out;
}
