/**
 * Literals: adjacent string and bytes literals, escapes, f-strings (each field parsed by a nested
 * parser one f-string level deeper) and numbers.
 */
import type { Constant, Expr } from './ast.js';
import { decodeEscapes, Scanner, stringParts } from './scanner.js';
import { GuestSyntaxError } from './syntax-error.js';
import type { Token } from './token.js';
import { ParserBase } from './parser-base.js';

export abstract class LiteralParser extends ParserBase {
  /** A parser over the tokens of an f-string field, one f-string nesting level deeper. */
  protected abstract fieldParser(toks: Token[]): LiteralParser;
  abstract starExpressions(eqCheck?: boolean): Expr;
  protected abstract yieldExpr(): Expr;

  // ---- strings and f-strings -----------------------------------------------------------------

  protected strings(): Expr {
    const first = this.peek();
    const toks: Token[] = [];
    while (this.peek().kind === 'STRING') toks.push(this.next());
    const isBytes = toks.map((t) => stringParts(t).prefix.includes('b'));
    if (isBytes.some((b) => b) && !isBytes.every((b) => b)) {
      const after = this.peek();
      throw this.error('cannot mix bytes and nonbytes literals', after.line, after.col);
    }
    if (isBytes[0]) {
      let s = '';
      for (const t of toks) s += this.decodePlain(t, true);
      const bytes = new Uint8Array(s.length);
      for (let k = 0; k < s.length; k++) bytes[k] = s.charCodeAt(k) & 0xff;
      return this.mk({ kind: 'Constant', value: { type: 'bytes', value: bytes } }, first);
    }
    const hasF = toks.some((t) => stringParts(t).prefix.includes('f'));
    if (!hasF) {
      let s = '';
      for (const t of toks) s += this.decodePlain(t, false);
      return this.mk({ kind: 'Constant', value: { type: 'str', value: s } }, first);
    }
    // Concatenate: literal pieces merge; formatted values stay separate (as CPython's JoinedStr).
    const values: Expr[] = [];
    let lit = '';
    const flush = (): void => {
      if (lit !== '') values.push(this.mk({ kind: 'Constant', value: { type: 'str', value: lit } }, first));
      lit = '';
    };
    for (const t of toks) {
      if (!stringParts(t).prefix.includes('f')) { lit += this.decodePlain(t, false); continue; }
      for (const piece of this.fstringPieces(t)) {
        if (typeof piece === 'string') lit += piece;
        else { flush(); values.push(piece); }
      }
    }
    flush();
    return this.mk({ kind: 'JoinedStr', values: flattenJoined(values) }, first);
  }

  protected decodePlain(t: Token, bytes: boolean): string {
    const p = stringParts(t);
    if (p.prefix.includes('r')) {
      if (bytes) for (let k = 0; k < p.body.length; k++) if (p.body.charCodeAt(k) > 127) throw this.errorAt('bytes can only contain ASCII literal characters', t);
      return p.body;
    }
    return decodeEscapes(p.body, bytes, (msg) => {
      if (msg.startsWith('bytes can only')) throw this.errorAt(msg, t);
      // CPython reports decoding errors at the token after the literal.
      const after = this.peek();
      throw this.error(msg, after.line, after.col);
    });
  }

  /** Position of body offset k (for f-string error positions and nested expressions). */
  protected bodyPos(t: Token, k: number): { line: number; col: number } {
    const p = stringParts(t);
    let line = p.bodyLine;
    let col = p.bodyCol;
    for (let j = 0; j < k && j < p.body.length; j++) {
      if (p.body[j] === '\n') { line++; col = 1; } else col++;
    }
    return { line, col };
  }

  /**
   * CPython 3.11 reports f-string errors at the token after the string literal(s) (the last one
   * its parser had fetched); the strings have all been consumed when f-strings are parsed.
   */
  protected fstringError(msg: string): GuestSyntaxError {
    const tk = this.peek();
    return this.error(msg, tk.line, tk.col);
  }

  /** Splits one f-string token into literal text and FormattedValue nodes. */
  protected fstringPieces(t: Token): (string | Expr)[] {
    const p = stringParts(t);
    const raw = p.prefix.includes('r');
    const r = this.fstringBody(t, p.body, 0, raw, 0);
    return r.pieces;
  }

  /**
   * Parses f-string text starting at body offset `k` until the end (depth 0) or an unmatched '}'
   * (inside a format spec, depth > 0). Returns the pieces and the offset where it stopped.
   */
  protected fstringBody(t: Token, body: string, k: number, raw: boolean, depth: number): { pieces: (string | Expr)[]; end: number } {
    const pieces: (string | Expr)[] = [];
    let lit = '';
    const flushLit = (): void => {
      if (lit === '') return;
      pieces.push(raw ? lit : decodeEscapes(lit, false, (msg) => { throw this.error(msg, t.line, t.col, t.endLine, t.endCol); }));
      lit = '';
    };
    const fErr = (msg: string, _at: number): GuestSyntaxError => this.fstringError(msg);
    while (k < body.length) {
      const c = body[k]!;
      if (c === '\\' && !raw && k + 1 < body.length) {
        // keep escapes whole so "\{" style sequences are not mistaken for fields
        if (body[k + 1] === 'N' && body[k + 2] === '{') throw fErr('\\N{...} escapes are not supported by htmsim', k);
        lit += c + body[k + 1];
        k += 2;
        continue;
      }
      if (c === '{') {
        if (depth === 0 && body[k + 1] === '{') { lit += '{'; k += 2; continue; }
        flushLit();
        const r = this.fstringField(t, body, k + 1, raw, depth);
        pieces.push(r.expr);
        k = r.end;
        continue;
      }
      if (c === '}') {
        if (depth > 0) break;
        if (body[k + 1] === '}') { lit += '}'; k += 2; continue; }
        throw fErr("f-string: single '}' is not allowed", k + 1);
      }
      lit += c;
      k++;
    }
    flushLit();
    return { pieces, end: k };
  }

  /** One replacement field after '{': expression, optional '=', conversion, spec, '}'. */
  protected fstringField(t: Token, body: string, k: number, raw: boolean, depth: number): { expr: Expr; end: number } {
    const fErr = (msg: string, _at: number): GuestSyntaxError => this.fstringError(msg);
    if (depth >= 2) throw fErr('f-string: expressions nested too deeply', k);
    const exprStart = k;
    let nest = 0;
    let quote: string | null = null;
    for (; k < body.length; k++) {
      const c = body[k]!;
      if (quote) {
        if (body.startsWith(quote, k)) { k += quote.length - 1; quote = null; }
        continue;
      }
      if (c === '\\') throw fErr('f-string expression part cannot include a backslash', k + 1);
      if (c === "'" || c === '"') {
        quote = body.startsWith(c.repeat(3), k) ? c.repeat(3) : c;
        k += quote.length - 1;
        continue;
      }
      if (c === '#') throw fErr("f-string expression part cannot include '#'", k + 1);
      if (c === '(' || c === '[' || c === '{') { nest++; continue; }
      if (c === ')' || c === ']' || (c === '}' && nest > 0)) { nest--; continue; }
      if (nest > 0) continue;
      if (c === '}' || c === ':') break;
      if (c === '!' && body[k + 1] !== '=') break;
      if (c === '=' && body[k + 1] !== '=' && !'=!<>'.includes(body[k - 1] ?? '')) break;
      if (c === '!' || c === '=' || c === '<' || c === '>') { if (body[k + 1] === '=') k++; }
    }
    if (quote) throw fErr('f-string: unterminated string', k);
    if (k >= body.length) throw fErr("f-string: expecting '}'", k + 1);
    const exprText = body.slice(exprStart, k);
    if (exprText.trim() === '') throw fErr('f-string: empty expression not allowed', k + 1);
    const value = this.parseFieldExpr(t, exprText, exprStart);
    const pieces: Expr[] = [];
    let selfDoc: string | null = null;
    if (body[k] === '=') {
      k++;
      let ws = '';
      while (k < body.length && /\s/.test(body[k]!)) ws += body[k++];
      selfDoc = exprText + '=' + ws;
    }
    let conversion = -1;
    if (body[k] === '!') {
      const cc = body[k + 1];
      if (cc !== 's' && cc !== 'r' && cc !== 'a') {
        throw fErr("f-string: invalid conversion character: expected 's', 'r', or 'a'", k + 2);
      }
      conversion = cc.charCodeAt(0);
      k += 2;
      if (body[k] !== ':' && body[k] !== '}') throw fErr("f-string: expecting '}'", k + 1);
    }
    let formatSpec: Expr | null = null;
    if (body[k] === ':') {
      const specStart = this.bodyPos(t, k + 1);
      const r = this.fstringBody(t, body, k + 1, raw, depth + 1);
      const vals = r.pieces.map((piece) =>
        typeof piece === 'string' ? this.mk({ kind: 'Constant', value: { type: 'str', value: piece } }, { ...specStart, endLine: specStart.line, endCol: specStart.col }) : piece);
      formatSpec = this.mk({ kind: 'JoinedStr', values: flattenJoined(vals) }, { ...specStart, endLine: specStart.line, endCol: specStart.col });
      k = r.end;
    }
    if (body[k] !== '}') throw fErr("f-string: expecting '}'", k + 1);
    k++;
    if (selfDoc !== null && conversion === -1 && formatSpec === null) conversion = 'r'.charCodeAt(0);
    const fv = this.mk({ kind: 'FormattedValue', value, conversion, formatSpec }, value);
    if (selfDoc !== null) {
      pieces.push(this.mk({ kind: 'Constant', value: { type: 'str', value: selfDoc } }, value));
    }
    pieces.push(fv);
    if (pieces.length === 1) return { expr: fv, end: k };
    // Self-documenting fields produce text then value: return them joined so callers see one piece.
    return { expr: this.mk({ kind: 'JoinedStr', values: pieces }, value), end: k };
  }

  protected parseFieldExpr(t: Token, text: string, offset: number): Expr {
    const pos = this.bodyPos(t, offset);
    const scanner = new Scanner('(' + text + ')', this.filename, { line: pos.line, col: pos.col - 1, fileSource: this.fileSource }, true);
    const toks = scanner.scan();
    const sub = this.fieldParser(toks);
    sub.next(); // '('
    const e = sub.isKw('yield') ? sub.yieldExpr() : sub.starExpressions();
    if (!sub.isOp(')')) throw sub.invalid();
    sub.next();
    if (sub.peek().kind !== 'ENDMARKER') throw sub.invalid();
    return e;
  }
}

/** Flattens nested JoinedStr pieces produced by self-documenting fields. */
function flattenJoined(values: Expr[]): Expr[] {
  const out: Expr[] = [];
  for (const v of values) {
    if (v.kind === 'JoinedStr') out.push(...flattenJoined(v.values));
    else out.push(v);
  }
  // merge adjacent string constants
  const merged: Expr[] = [];
  for (const v of out) {
    const last = merged[merged.length - 1];
    if (last && last.kind === 'Constant' && last.value.type === 'str' && v.kind === 'Constant' && v.value.type === 'str') {
      merged[merged.length - 1] = { ...last, value: { type: 'str', value: last.value.value + v.value.value } };
    } else merged.push(v);
  }
  return merged;
}

export function parseNumber(text: string): Constant {
  const s = text.replace(/_/g, '');
  if (/^0[xXoObB]/.test(s)) return intConst(BigInt(s.toLowerCase()));
  if (/[jJ]$/.test(s)) return { type: 'complex', real: 0, imag: parseFloat(s.slice(0, -1)) };
  if (/[.eE]/.test(s)) return { type: 'float', value: parseFloat(s) };
  return intConst(BigInt(s));
}

function intConst(b: bigint): Constant {
  if (b <= BigInt(Number.MAX_SAFE_INTEGER) && b >= -BigInt(Number.MAX_SAFE_INTEGER)) return { type: 'int', value: Number(b) };
  return { type: 'int', value: b };
}
