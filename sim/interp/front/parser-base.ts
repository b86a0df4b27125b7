/**
 * The parser's base: the token cursor, spans on fresh nodes and CPython's error helpers. The
 * parser (CPython 3.11's grammar, recursive descent) is a chain of classes, one concern a file,
 * lowest first: this base, literals (`parse-literals.ts`), expressions (`parse-expressions.ts`),
 * match patterns (`parse-patterns.ts`), statements (`parse-statements.ts`, the concrete
 * `Parser`). A lower level that needs a higher one declares it `abstract`.
 */
import type { Expr, Span, Stmt } from './ast.js';
import { GuestSyntaxError, type SyntaxErrorKind } from './syntax-error.js';
import { KEYWORDS, type Token } from './token.js';

export type Dist<T> = T extends unknown ? Omit<T, keyof Span> : never;
type ExprBody = Dist<Expr>;
type StmtBody = Dist<Stmt>;

/** Writes the span from `start` to `end` into a node body, in place. */
function withSpan(body: object, start: Token | Span, end: Span): Span {
  const n = body as Span;
  n.line = start.line;
  n.col = start.col;
  n.endLine = end.endLine;
  n.endCol = end.endCol;
  return n;
}

export abstract class ParserBase {
  protected readonly toks: Token[];
  protected i = 0;
  protected readonly filename: string;
  protected readonly fileSource: string;
  /** Depth of f-string format-spec nesting (CPython allows two levels). */
  protected readonly fstringDepth: number;
  /** Hidden temporaries of lowered `match` statements (.m0, .m1, ...), unique in the module. */
  protected matchTemps = 0;

  constructor(tokens: Token[], filename: string, fileSource: string, fstringDepth = 0) {
    this.toks = tokens;
    this.filename = filename;
    this.fileSource = fileSource;
    this.fstringDepth = fstringDepth;
  }

  // ---- token helpers -------------------------------------------------------------------------

  protected peek(k = 0): Token {
    const at = Math.min(this.i + k, this.toks.length - 1);
    if (at > this.furthest) this.furthest = at;
    return this.toks[at]!;
  }
  /** Index of the furthest token looked at (CPython reports an unclosed bracket when that is the end). */
  furthest = 0;
  protected prev(): Token {
    return this.toks[Math.max(0, this.i - 1)]!;
  }
  protected next(): Token {
    const t = this.peek();
    if (this.i < this.toks.length - 1) this.i++;
    return t;
  }
  protected isOp(s: string, k = 0): boolean {
    const t = this.peek(k);
    return t.kind === 'OP' && t.text === s;
  }
  protected isKw(s: string, k = 0): boolean {
    const t = this.peek(k);
    return t.kind === 'NAME' && t.text === s;
  }
  protected eatOp(s: string): boolean {
    if (this.isOp(s)) { this.next(); return true; }
    return false;
  }
  protected eatKw(s: string): boolean {
    if (this.isKw(s)) { this.next(); return true; }
    return false;
  }

  error(msg: string, line: number, col: number, endLine = line, endCol = col, kind: SyntaxErrorKind = 'SyntaxError'): GuestSyntaxError {
    const lines = this.fileSource.split('\n');
    const text = line >= 1 && line <= lines.length ? lines[line - 1]! : '';
    return new GuestSyntaxError(msg, this.filename, line, col, text, kind, endLine, endCol);
  }
  protected errorAt(msg: string, s: Span, kind: SyntaxErrorKind = 'SyntaxError'): GuestSyntaxError {
    return this.error(msg, s.line, s.col, s.endLine, s.endCol, kind);
  }
  /** "invalid syntax" at the current token. */
  protected invalid(t: Token = this.peek()): GuestSyntaxError {
    if (t.kind === 'INDENT') return this.error('unexpected indent', t.line, t.endCol - 1, t.line, t.endCol - 1, 'IndentationError');
    if (t.kind === 'OP' && t.text === '!') return this.error('invalid syntax', t.line, t.col, t.endLine, t.endCol);
    return this.error('invalid syntax', t.line, t.col, t.endLine, t.endCol);
  }
  protected expectOp(s: string): Token {
    if (this.isOp(s)) return this.next();
    // CPython says "expected ':'" when the header ends at the line's end; elsewhere the stray token is invalid syntax.
    if (s === ':' && this.peek().kind === 'NEWLINE') {
      const p = this.prev();
      throw this.error("expected ':'", p.endLine, p.endCol);
    }
    throw this.invalid();
  }
  protected isName(k = 0): boolean {
    const t = this.peek(k);
    return t.kind === 'NAME' && !KEYWORDS.has(t.text);
  }
  protected expectName(): Token {
    if (this.isName()) return this.next();
    throw this.invalid();
  }

  protected span(start: Token | Span, end: Span = this.prev()): Span {
    return { line: start.line, col: start.col, endLine: end.endLine, endCol: end.endCol };
  }
  /** Adds the span to a freshly built node body (in place: the parser's hot path). */
  protected mk<T extends ExprBody>(body: T, start: Token | Span, end: Span = this.prev()): Expr {
    return withSpan(body, start, end) as unknown as Expr;
  }
  protected st<T extends StmtBody>(body: T, start: Token | Span, end: Span = this.prev()): Stmt {
    return withSpan(body, start, end) as unknown as Stmt;
  }

  protected atExprStart(): boolean {
    const t = this.peek();
    if (t.kind === 'NAME') return !KEYWORDS.has(t.text) || ['None', 'True', 'False', 'not', 'lambda', 'yield', 'await'].includes(t.text);
    if (t.kind === 'NUMBER' || t.kind === 'STRING') return true;
    return t.kind === 'OP' && ['(', '[', '{', '-', '+', '~', '*', '...'].includes(t.text);
  }

  protected eatDedent(): void {
    if (this.peek().kind === 'DEDENT') this.next();
  }
}
