/**
 * Recursive-descent parser for the guest language (Python 3 grammar, PEG-equivalent for the subset
 * htmsim supports). Errors follow CPython 3.11's messages and positions where practical.
 */
import type {
  Alias, Arg, Arguments, BinOperator, CmpOperator, Comprehension, Constant, ExceptHandler, Expr,
  ExprContext, ExprOf, Keyword, Module, Span, Stmt, WithItem,
} from './ast.js';
import { exprDescription } from './ast.js';
import { MatchLowering, type MatchCase, type Pattern } from './match.js';
import { decodeEscapes, Scanner, stringParts } from './scanner.js';
import { GuestSyntaxError, type SyntaxErrorKind } from './syntax-error.js';
import { KEYWORDS, type Token } from './token.js';

type Dist<T> = T extends unknown ? Omit<T, keyof Span> : never;
type ExprBody = Dist<Expr>;
type StmtBody = Dist<Stmt>;

const AUG_OPS: Record<string, BinOperator> = {
  '+=': '+', '-=': '-', '*=': '*', '/=': '/', '//=': '//', '%=': '%', '**=': '**', '<<=': '<<',
  '>>=': '>>', '&=': '&', '|=': '|', '^=': '^', '@=': '@',
};
const COMPARE_OPS = new Set(['<', '>', '==', '>=', '<=', '!=']);

/** repr() of a literal mapping-pattern key, for the duplicate-key error. */
function constRepr(e: Expr): string {
  if (e.kind !== 'Constant') return '...';
  const v = e.value;
  switch (v.type) {
    case 'str': return "'" + v.value.replace(/\\/g, '\\\\').replace(/'/g, "\\'") + "'";
    case 'none': return 'None';
    case 'bool': return v.value ? 'True' : 'False';
    case 'int': case 'float': return String(v.value);
    default: return '...';
  }
}

/** An expression CPython's bitwise_or rule can produce (not list/tuple/genexp/True/None/False, as its rule excludes). */
function isBitwiseLevel(e: Expr): boolean {
  switch (e.kind) {
    case 'Compare': case 'BoolOp': case 'Lambda': case 'IfExp': case 'NamedExpr': case 'Starred':
    case 'List': case 'Tuple': case 'GeneratorExp': case 'Yield': case 'YieldFrom': case 'Slice':
      return false;
    case 'UnaryOp': return e.op !== 'not';
    case 'Constant': return e.value.type !== 'none' && e.value.type !== 'bool';
    default: return true;
  }
}

/** Headers whose ':' CPython's grammar forces (`&&':'`): a stray token there is "expected ':'". */
const FORCED_COLON = new Set(['function definition', "'try' statement", "'else' statement", "'finally' statement"]);

export class Parser {
  private readonly toks: Token[];
  private i = 0;
  private readonly filename: string;
  private readonly fileSource: string;
  /** Depth of f-string format-spec nesting (CPython allows two levels). */
  private readonly fstringDepth: number;
  /** Hidden temporaries of lowered `match` statements (.m0, .m1, ...), unique in the module. */
  private matchTemps = 0;
  /** Inside a def or lambda body (for CPython's two `await` messages). */
  private inFunction = false;
  /** Directly inside an `async def` body (where `await` is an expression). */
  private inAsync = false;

  constructor(tokens: Token[], filename: string, fileSource: string, fstringDepth = 0) {
    this.toks = tokens;
    this.filename = filename;
    this.fileSource = fileSource;
    this.fstringDepth = fstringDepth;
  }

  // ---- token helpers -------------------------------------------------------------------------

  private peek(k = 0): Token {
    const at = Math.min(this.i + k, this.toks.length - 1);
    if (at > this.furthest) this.furthest = at;
    return this.toks[at]!;
  }
  /** Index of the furthest token looked at (CPython reports an unclosed bracket when that is the end). */
  furthest = 0;
  private prev(): Token {
    return this.toks[Math.max(0, this.i - 1)]!;
  }
  private next(): Token {
    const t = this.peek();
    if (this.i < this.toks.length - 1) this.i++;
    return t;
  }
  private isOp(s: string, k = 0): boolean {
    const t = this.peek(k);
    return t.kind === 'OP' && t.text === s;
  }
  private isKw(s: string, k = 0): boolean {
    const t = this.peek(k);
    return t.kind === 'NAME' && t.text === s;
  }
  private eatOp(s: string): boolean {
    if (this.isOp(s)) { this.next(); return true; }
    return false;
  }
  private eatKw(s: string): boolean {
    if (this.isKw(s)) { this.next(); return true; }
    return false;
  }

  error(msg: string, line: number, col: number, endLine = line, endCol = col, kind: SyntaxErrorKind = 'SyntaxError'): GuestSyntaxError {
    const lines = this.fileSource.split('\n');
    const text = line >= 1 && line <= lines.length ? lines[line - 1]! : '';
    return new GuestSyntaxError(msg, this.filename, line, col, text, kind, endLine, endCol);
  }
  private errorAt(msg: string, s: Span, kind: SyntaxErrorKind = 'SyntaxError'): GuestSyntaxError {
    return this.error(msg, s.line, s.col, s.endLine, s.endCol, kind);
  }
  /** "invalid syntax" at the current token. */
  private invalid(t: Token = this.peek()): GuestSyntaxError {
    if (t.kind === 'INDENT') return this.error('unexpected indent', t.line, t.endCol - 1, t.line, t.endCol - 1, 'IndentationError');
    if (t.kind === 'OP' && t.text === '!') return this.error('invalid syntax', t.line, t.col, t.endLine, t.endCol);
    return this.error('invalid syntax', t.line, t.col, t.endLine, t.endCol);
  }
  private expectOp(s: string): Token {
    if (this.isOp(s)) return this.next();
    // CPython says "expected ':'" when the header ends at the line's end; elsewhere the stray token is invalid syntax.
    if (s === ':' && this.peek().kind === 'NEWLINE') {
      const p = this.prev();
      throw this.error("expected ':'", p.endLine, p.endCol);
    }
    throw this.invalid();
  }
  private isName(k = 0): boolean {
    const t = this.peek(k);
    return t.kind === 'NAME' && !KEYWORDS.has(t.text);
  }
  private expectName(): Token {
    if (this.isName()) return this.next();
    throw this.invalid();
  }

  private span(start: Token | Span, end: Span = this.prev()): Span {
    return { line: start.line, col: start.col, endLine: end.endLine, endCol: end.endCol };
  }
  /** Adds the span to a freshly built node body (in place: the parser's hot path). */
  private mk<T extends ExprBody>(body: T, start: Token | Span, end: Span = this.prev()): Expr {
    const n = body as unknown as Span;
    n.line = start.line;
    n.col = start.col;
    n.endLine = end.endLine;
    n.endCol = end.endCol;
    return n as unknown as Expr;
  }
  private st<T extends StmtBody>(body: T, start: Token | Span, end: Span = this.prev()): Stmt {
    const n = body as unknown as Span;
    n.line = start.line;
    n.col = start.col;
    n.endLine = end.endLine;
    n.endCol = end.endCol;
    return n as unknown as Stmt;
  }

  // ---- module and statements -----------------------------------------------------------------

  parseModule(): Module {
    const body: Stmt[] = [];
    while (this.peek().kind !== 'ENDMARKER') {
      if (this.peek().kind === 'NEWLINE') { this.next(); continue; }
      body.push(...this.statement());
    }
    return { body };
  }

  private statement(): Stmt[] {
    const t = this.peek();
    if (t.kind === 'INDENT') throw this.invalid(t);
    if (t.kind === 'NAME') {
      switch (t.text) {
        case 'def': return [this.funcDef([])];
        case 'class': return [this.classDef([])];
        case 'if': return [this.ifStmt()];
        case 'while': return [this.whileStmt()];
        case 'for': return [this.forStmt()];
        case 'try': return [this.tryStmt()];
        case 'with': return [this.withStmt()];
        case 'async':
          if (this.isKw('def', 1)) {
            this.next();
            return [this.funcDef([], true)];
          }
          throw this.error(`'async ${this.peek(1).text}' is not supported by htmsim`, t.line, t.col, t.endLine, t.endCol);
        case 'match':
          if (this.looksLikeMatch()) return this.matchStmt();
          break;
        default:
      }
    }
    if (t.kind === 'OP' && t.text === '@') return [this.decorated()];
    return this.simpleStmts();
  }

  /** `match <subject>:` at statement start (match is a soft keyword). */
  private looksLikeMatch(): boolean {
    const n = this.peek(1);
    // `match = ...`, `match.x`, `match, y = ...`: the name, not the statement.
    if (n.kind === 'OP' && ['=', '.', ',', ')', ':'].includes(n.text)) return false;
    let j = 1;
    while (true) {
      const tk = this.peek(j);
      if (tk.kind === 'NEWLINE' || tk.kind === 'ENDMARKER') break;
      if (tk.kind === 'OP' && tk.text === '=') return false;
      j++;
    }
    const last = this.peek(j - 1);
    return j > 1 && last.kind === 'OP' && last.text === ':';
  }

  private simpleStmts(): Stmt[] {
    const out: Stmt[] = [this.simpleStmt()];
    while (this.eatOp(';')) {
      if (this.peek().kind === 'NEWLINE') break;
      out.push(this.simpleStmt());
    }
    if (this.peek().kind !== 'NEWLINE') {
      const t = this.peek();
      const first = out[out.length - 1]!;
      if (first.kind === 'Expr' && first.value.kind === 'Name' && (first.value.id === 'print' || first.value.id === 'exec') && (t.kind === 'STRING' || t.kind === 'NUMBER' || t.kind === 'NAME')) {
        let j = 0;
        while (this.peek(j).kind !== 'NEWLINE' && this.peek(j).kind !== 'ENDMARKER') j++;
        const end = this.peek(j - 1);
        throw this.error(`Missing parentheses in call to '${first.value.id}'. Did you mean ${first.value.id}(...)?`, first.line, first.col, end.endLine, end.endCol);
      }
      throw this.invalid();
    }
    this.next();
    return out;
  }

  private simpleStmt(): Stmt {
    const t = this.peek();
    if (t.kind === 'NAME') {
      switch (t.text) {
        case 'pass': this.next(); return this.st({ kind: 'Pass' }, t);
        case 'break': this.next(); return this.st({ kind: 'Break' }, t);
        case 'continue': this.next(); return this.st({ kind: 'Continue' }, t);
        case 'return': {
          this.next();
          const value = this.atExprStart() ? this.starExpressions() : null;
          return this.st({ kind: 'Return', value }, t);
        }
        case 'raise': {
          this.next();
          let exc: Expr | null = null;
          let cause: Expr | null = null;
          if (this.atExprStart()) {
            exc = this.expression();
            if (this.eatKw('from')) cause = this.expression();
          }
          return this.st({ kind: 'Raise', exc, cause }, t);
        }
        case 'global': case 'nonlocal': {
          this.next();
          const names = [this.expectName().text];
          while (this.eatOp(',')) names.push(this.expectName().text);
          return this.st(t.text === 'global' ? { kind: 'Global', names } : { kind: 'Nonlocal', names }, t);
        }
        case 'del': {
          this.next();
          const targets: Expr[] = [];
          do {
            if (!this.atExprStart()) break;
            const e = this.bitwiseOr();
            targets.push(this.toTarget(e, 'del'));
          } while (this.eatOp(','));
          if (targets.length === 0) throw this.invalid();
          return this.st({ kind: 'Delete', targets }, t);
        }
        case 'assert': {
          this.next();
          const test = this.expression();
          const msg = this.eatOp(',') ? this.expression() : null;
          return this.st({ kind: 'Assert', test, msg }, t);
        }
        case 'import': return this.importStmt();
        case 'from': return this.fromImport();
        default:
      }
    }
    return this.exprStmt();
  }

  private atExprStart(): boolean {
    const t = this.peek();
    if (t.kind === 'NAME') return !KEYWORDS.has(t.text) || ['None', 'True', 'False', 'not', 'lambda', 'yield', 'await'].includes(t.text);
    if (t.kind === 'NUMBER' || t.kind === 'STRING') return true;
    return t.kind === 'OP' && ['(', '[', '{', '-', '+', '~', '*', '...'].includes(t.text);
  }

  private dottedName(): string {
    let name = this.expectName().text;
    while (this.eatOp('.')) name += '.' + this.expectName().text;
    return name;
  }

  private importStmt(): Stmt {
    const t = this.next();
    const names: Alias[] = [];
    do {
      const s = this.peek();
      const name = this.dottedName();
      const asname = this.eatKw('as') ? this.expectName().text : null;
      names.push({ ...this.span(s), name, asname });
    } while (this.eatOp(','));
    return this.st({ kind: 'Import', names }, t);
  }

  private fromImport(): Stmt {
    const t = this.next();
    let level = 0;
    while (this.isOp('.') || this.isOp('...')) level += this.next().text.length;
    const module = level > 0 && this.isKw('import') ? null : this.dottedName();
    if (!this.eatKw('import')) throw this.invalid();
    const names: Alias[] = [];
    if (this.isOp('*')) {
      const s = this.next();
      names.push({ ...this.span(s), name: '*', asname: null });
    } else {
      const paren = this.eatOp('(');
      do {
        if (paren && this.isOp(')')) break;
        const s = this.peek();
        const name = this.expectName().text;
        const asname = this.eatKw('as') ? this.expectName().text : null;
        names.push({ ...this.span(s), name, asname });
      } while (this.eatOp(','));
      if (paren) this.expectOp(')');
      if (names.length === 0) throw this.invalid();
    }
    return this.st({ kind: 'ImportFrom', module, names, level }, t);
  }

  private exprStmt(): Stmt {
    const start = this.peek();
    const first = this.isKw('yield') ? this.yieldExpr() : this.starExpressions(false);
    if (this.isOp('=')) {
      const targets: Expr[] = [first];
      let value: Expr | null = null;
      // CPython re-reads an invalid assignment as expressions: the element just before the first '='
      // then gets invalid_named_expression's message (see namedEqError) when that rule applies.
      const eqPos = this.i;
      while (this.eatOp('=')) {
        const e = this.isKw('yield') ? this.yieldExpr() : this.starExpressions(false);
        if (this.isOp('=')) targets.push(e);
        else value = e;
      }
      let stores: Expr[];
      try {
        stores = targets.map((e) => this.toTarget(e, 'store', true));
      } catch (err) {
        if (!(err instanceof GuestSyntaxError)) throw err;
        const bare = first.kind === 'Tuple' && first.elts.length > 0 && first.elts[0]!.line === first.line && first.elts[0]!.col === first.col;
        const last = bare ? first.elts[first.elts.length - 1]! : first;
        const end = this.i;
        this.i = eqPos;
        this.namedEqError(last);
        this.i = end;
        throw err;
      }
      return this.st({ kind: 'Assign', targets: stores, value: value! }, start);
    }
    const t = this.peek();
    if (t.kind === 'OP' && AUG_OPS[t.text]) {
      if (first.kind !== 'Name' && first.kind !== 'Attribute' && first.kind !== 'Subscript') {
        throw this.errorAt(`'${exprDescription(first)}' is an illegal expression for augmented assignment`, first);
      }
      this.next();
      const value = this.isKw('yield') ? this.yieldExpr() : this.starExpressions();
      return this.st({ kind: 'AugAssign', target: this.toTarget(first, 'store'), op: AUG_OPS[t.text]!, value }, start);
    }
    if (this.isOp(':')) {
      if (first.kind !== 'Name' && first.kind !== 'Attribute' && first.kind !== 'Subscript') {
        const what = first.kind === 'Tuple' ? 'tuple' : first.kind === 'List' ? 'list' : 'expression';
        throw this.errorAt(`only single target (not ${what}) can be annotated`, first);
      }
      this.next();
      const annotation = this.expression();
      let value: Expr | null = null;
      if (this.eatOp('=')) value = this.isKw('yield') ? this.yieldExpr() : this.starExpressions();
      return this.st({ kind: 'AnnAssign', target: this.toTarget(first, 'store'), annotation, value, simple: first.kind === 'Name' && !(start.kind === 'OP' && start.text === '(') }, start);
    }
    if (first.kind === 'Starred') throw this.errorAt("can't use starred expression here", first);
    return this.st({ kind: 'Expr', value: first }, start);
  }

  /** Validates an assignment / del / for target and rewrites its context. */
  private toTarget(e: Expr, ctx: ExprContext, fromAssign = false): Expr {
    const verb = ctx === 'del' ? 'delete' : 'assign to';
    switch (e.kind) {
      case 'Name':
        if (ctx !== 'del' && e.id === '__debug__') throw this.errorAt('cannot assign to __debug__', e);
        return { ...e, ctx };
      case 'Attribute': case 'Subscript':
        return { ...e, ctx };
      case 'Starred':
        if (ctx === 'del') throw this.errorAt('cannot delete starred', e);
        if (fromAssign) throw this.errorAt('starred assignment target must be in a list or tuple', e);
        return { ...e, ctx, value: this.toTarget(e.value, ctx) };
      case 'Tuple': case 'List': {
        let stars = 0;
        const elts = e.elts.map((x) => {
          if (x.kind === 'Starred') {
            if (ctx === 'del') throw this.errorAt('cannot delete starred', x);
            stars++;
            return { ...x, ctx, value: this.toTarget(x.value, ctx) } as Expr;
          }
          return this.toTarget(x, ctx);
        });
        if (stars > 1) throw this.errorAt('multiple starred expressions in assignment', e);
        return { ...e, ctx, elts };
      }
      case 'Constant':
        if (e.value.type === 'none' || e.value.type === 'bool') throw this.errorAt(`cannot ${verb} ${exprDescription(e)}`, e);
        break;
      case 'Yield': case 'YieldFrom':
        if (fromAssign) throw this.errorAt('assignment to yield expression not possible', e);
        break;
      default:
    }
    throw this.errorAt(`cannot ${verb} ${exprDescription(e)}`, e);
  }

  /** `':' block` after a compound statement header; `what` names it for the indentation error. */
  private block(what: string, headerLine: number): Stmt[] {
    if (!this.isOp(':') && this.peek().kind !== 'NEWLINE' && FORCED_COLON.has(what)) {
      // The grammar forces ':' after these headers (`&&':'`), so CPython names it at the stray token.
      const t = this.peek();
      throw this.error("expected ':'", t.line, t.col, t.endLine, t.endCol);
    }
    this.expectOp(':');
    if (this.peek().kind !== 'NEWLINE') return this.simpleStmts();
    this.next();
    if (this.peek().kind !== 'INDENT') {
      const msg = `expected an indented block after ${what} on line ${headerLine}`;
      let t = this.peek();
      for (let k = 0; t.kind === 'DEDENT'; k++) t = this.peek(k + 1);
      if (t.kind === 'ENDMARKER') {
        // At the end of the file CPython's tokenizer sits just past the text of the last line.
        const lines = this.fileSource.replace(/\r\n?/g, '\n').split('\n');
        if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
        const col = lines[lines.length - 1]!.length + 1;
        throw this.error(msg, lines.length, col, lines.length, col, 'IndentationError');
      }
      t = this.peek();
      throw this.error(msg, t.line, t.col, t.line, t.endCol, 'IndentationError');
    }
    this.next();
    const body: Stmt[] = [];
    while (this.peek().kind !== 'DEDENT' && this.peek().kind !== 'ENDMARKER') {
      if (this.peek().kind === 'NEWLINE') { this.next(); continue; }
      body.push(...this.statement());
    }
    this.eatDedent();
    return body;
  }
  // ---- match statements (lowered to if-chains by match.ts) ---------------------------------

  private matchStmt(): Stmt[] {
    const t = this.next();
    const subject = this.starExpressions();
    this.expectOp(':');
    if (this.peek().kind !== 'NEWLINE') throw this.invalid();
    this.next();
    if (this.peek().kind !== 'INDENT') {
      const n = this.peek();
      throw this.error(`expected an indented block after 'match' statement on line ${t.line}`, n.line, n.col, n.line, n.endCol, 'IndentationError');
    }
    this.next();
    const cases: MatchCase[] = [];
    while (this.peek().kind !== 'DEDENT' && this.peek().kind !== 'ENDMARKER') {
      if (this.peek().kind === 'NEWLINE') { this.next(); continue; }
      if (!this.isKw('case')) throw this.invalid();
      const c = this.next();
      const pattern = this.patterns();
      const guard = this.eatKw('if') ? this.namedExpression() : null;
      const body = this.block("'case' statement", c.line);
      cases.push({ pattern, guard, body });
    }
    this.eatDedent();
    const lowering = new MatchLowering((msg, at) => this.errorAt(msg, at), () => `.m${this.matchTemps++}`);
    return lowering.lower(subject, cases, this.span(t, t));
  }

  private pat(body: Dist<Pattern>, start: Token | Span): Pattern {
    return { ...this.span(start), ...body } as Pattern;
  }

  /** `case` patterns: an open sequence `a, *b` or one pattern. */
  private patterns(): Pattern {
    const start = this.peek();
    const first = this.maybeStarPattern();
    if (!this.isOp(',')) {
      if (first.kind === 'MatchStar') throw this.invalid();
      return first;
    }
    const elts = [first];
    while (this.eatOp(',')) {
      if (this.isOp(':') || this.isKw('if')) break;
      elts.push(this.maybeStarPattern());
    }
    return this.pat({ kind: 'MatchSequence', patterns: elts }, start);
  }

  private maybeStarPattern(): Pattern {
    if (this.isOp('*')) {
      const s = this.next();
      const n = this.expectName().text;
      return this.pat({ kind: 'MatchStar', name: n === '_' ? null : n }, s);
    }
    return this.pattern();
  }

  /** or_pattern ['as' NAME] */
  private pattern(): Pattern {
    const start = this.peek();
    const alts = [this.closedPattern()];
    while (this.eatOp('|')) alts.push(this.closedPattern());
    const p = alts.length === 1 ? alts[0]! : this.pat({ kind: 'MatchOr', patterns: alts }, start);
    if (!this.eatKw('as')) return p;
    const n = this.peek();
    if (n.kind === 'NAME' && n.text === '_') throw this.error("cannot use '_' as a target", n.line, n.col, n.endLine, n.endCol);
    const name = this.expectName().text;
    return this.pat({ kind: 'MatchAs', pattern: p, name }, start);
  }

  private closedPattern(): Pattern {
    const t = this.peek();
    if (t.kind === 'NUMBER' || t.kind === 'STRING' || this.isOp('-')) return this.pat({ kind: 'MatchValue', value: this.literalPatternValue() }, t);
    if (t.kind === 'NAME') {
      if (t.text === 'None') { this.next(); return this.pat({ kind: 'MatchSingleton', value: { type: 'none' } }, t); }
      if (t.text === 'True' || t.text === 'False') { this.next(); return this.pat({ kind: 'MatchSingleton', value: { type: 'bool', value: t.text === 'True' } }, t); }
      if (!this.isName()) throw this.invalid();
      this.next();
      let ref: Expr = this.mk({ kind: 'Name', id: t.text, ctx: 'load' }, t);
      while (this.eatOp('.')) {
        const a = this.expectName();
        ref = this.mk({ kind: 'Attribute', value: ref, attr: a.text, ctx: 'load' }, t);
      }
      if (this.eatOp('(')) return this.classPattern(ref, t);
      if (ref.kind === 'Attribute') return this.pat({ kind: 'MatchValue', value: ref }, t);
      return this.pat({ kind: 'MatchAs', pattern: null, name: t.text === '_' ? null : t.text }, t);
    }
    if (this.isOp('(') || this.isOp('[')) {
      const close = this.next().text === '(' ? ')' : ']';
      if (this.eatOp(close)) return this.pat({ kind: 'MatchSequence', patterns: [] }, t);
      const first = this.maybeStarPattern();
      if (close === ')' && this.eatOp(')')) {
        if (first.kind === 'MatchStar') throw this.errorAt("can't use starred name here", first);
        return first; // a group, not a sequence
      }
      const elts = [first];
      while (this.eatOp(',')) {
        if (this.isOp(close)) break;
        elts.push(this.maybeStarPattern());
      }
      this.expectOp(close);
      if (elts.filter((e) => e.kind === 'MatchStar').length > 1) throw this.errorAt('multiple starred names in sequence pattern', this.span(t));
      return this.pat({ kind: 'MatchSequence', patterns: elts }, t);
    }
    if (this.isOp('{')) return this.mappingPattern();
    throw this.invalid();
  }

  /** A literal in a pattern: a (signed) number or a string (not an f-string). */
  private literalPatternValue(): Expr {
    const t = this.peek();
    let e: Expr;
    if (this.eatOp('-')) {
      if (this.peek().kind !== 'NUMBER') throw this.invalid();
      e = this.mk({ kind: 'UnaryOp', op: '-', operand: this.atom() }, t);
    } else e = this.atom();
    const isNumber = e.kind === 'UnaryOp' || (e.kind === 'Constant' && (e.value.type === 'int' || e.value.type === 'float'));
    if (isNumber && (this.isOp('+') || this.isOp('-'))) {
      // `1 + 2j` is the only arithmetic a pattern allows, and htmsim has no imaginary literals.
      this.next();
      const r = this.peek();
      if (r.kind !== 'NUMBER') throw this.invalid();
      throw this.error('imaginary number required in complex literal', r.line, r.col, r.endLine, r.endCol);
    }
    if (e.kind === 'JoinedStr') throw this.errorAt('patterns may only match literals and attribute lookups', e);
    return e;
  }

  private mappingPattern(): Pattern {
    const t = this.next();
    const keys: Expr[] = [];
    const patterns: Pattern[] = [];
    let rest: string | null = null;
    while (!this.isOp('}')) {
      if (rest !== null) throw this.invalid();
      if (this.eatOp('**')) {
        if (this.isKw('_')) throw this.invalid();
        rest = this.expectName().text;
      } else {
        const k = this.peek();
        let key: Expr;
        if (k.kind === 'NAME' && (k.text === 'None' || k.text === 'True' || k.text === 'False')) key = this.atom();
        else if (k.kind === 'NAME' && this.isOp('.', 1)) {
          this.next();
          key = this.mk({ kind: 'Name', id: k.text, ctx: 'load' }, k);
          while (this.eatOp('.')) key = this.mk({ kind: 'Attribute', value: key, attr: this.expectName().text, ctx: 'load' }, k);
        } else if (k.kind === 'NUMBER' || k.kind === 'STRING' || this.isOp('-')) key = this.literalPatternValue();
        else {
          if (k.kind === 'NAME') this.next(); // a capture cannot be a key: CPython stops at the ':'
          throw this.invalid();
        }
        this.expectOp(':');
        keys.push(key);
        patterns.push(this.pattern());
      }
      if (!this.eatOp(',')) break;
    }
    this.expectOp('}');
    const lits = keys.filter((k) => k.kind === 'Constant').map((k) => JSON.stringify((k as ExprOf<'Constant'>).value, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v)));
    const dup = lits.findIndex((k, i) => lits.indexOf(k) !== i);
    if (dup >= 0) {
      const k = keys.filter((x) => x.kind === 'Constant')[dup]!;
      throw this.errorAt(`mapping pattern checks duplicate key (${constRepr(k)})`, this.span(t));
    }
    return this.pat({ kind: 'MatchMapping', keys, patterns, rest }, t);
  }

  private classPattern(cls: Expr, start: Token): Pattern {
    const patterns: Pattern[] = [];
    const kwdAttrs: string[] = [];
    const kwdPatterns: Pattern[] = [];
    while (!this.isOp(')')) {
      if (this.isName() && this.isOp('=', 1)) {
        const n = this.next();
        this.next();
        const p = this.pattern();
        if (kwdAttrs.includes(n.text)) throw this.errorAt(`attribute name repeated in class pattern: ${n.text}`, p);
        kwdAttrs.push(n.text);
        kwdPatterns.push(p);
      } else {
        const p = this.pattern();
        if (kwdAttrs.length > 0) throw this.errorAt('positional patterns follow keyword patterns', p);
        patterns.push(p);
      }
      if (!this.eatOp(',')) break;
    }
    this.expectOp(')');
    return this.pat({ kind: 'MatchClass', cls, patterns, kwdAttrs, kwdPatterns }, start);
  }

  private eatDedent(): void {
    if (this.peek().kind === 'DEDENT') this.next();
  }

  private ifStmt(): Stmt {
    const t = this.next();
    const test = this.namedExpression();
    const body = this.block(`'${t.text}' statement`, t.line);
    let orelse: Stmt[] = [];
    if (this.isKw('elif')) orelse = [this.ifStmt()];
    else if (this.isKw('else')) {
      const e = this.next();
      orelse = this.block("'else' statement", e.line);
    }
    return this.st({ kind: 'If', test, body, orelse }, t);
  }

  private whileStmt(): Stmt {
    const t = this.next();
    const test = this.namedExpression();
    const body = this.block("'while' statement", t.line);
    let orelse: Stmt[] = [];
    if (this.isKw('else')) { const e = this.next(); orelse = this.block("'else' statement", e.line); }
    return this.st({ kind: 'While', test, body, orelse }, t);
  }

  private forStmt(): Stmt {
    const t = this.next();
    const target = this.toTarget(this.targetList(), 'store');
    if (!this.eatKw('in')) throw this.invalid();
    const iter = this.starExpressions();
    const body = this.block("'for' statement", t.line);
    let orelse: Stmt[] = [];
    if (this.isKw('else')) { const e = this.next(); orelse = this.block("'else' statement", e.line); }
    return this.st({ kind: 'For', target, iter, body, orelse }, t);
  }

  /** Targets of `for` / comprehensions: star_targets, stopping before `in`. */
  private targetList(): Expr {
    const start = this.peek();
    const first = this.targetAtom();
    if (!this.isOp(',')) return first;
    const elts = [first];
    while (this.eatOp(',')) {
      if (this.isKw('in') || this.isOp('=')) break;
      elts.push(this.targetAtom());
    }
    return this.mk({ kind: 'Tuple', elts, ctx: 'store' }, start);
  }
  private targetAtom(): Expr {
    if (this.isOp('*')) {
      const s = this.next();
      const value = this.bitwiseOr();
      return this.mk({ kind: 'Starred', value, ctx: 'store' }, s);
    }
    return this.bitwiseOr();
  }

  private tryStmt(): Stmt {
    const t = this.next();
    const body = this.block("'try' statement", t.line);
    const handlers: ExceptHandler[] = [];
    let orelse: Stmt[] = [];
    let finalbody: Stmt[] = [];
    while (this.isKw('except')) {
      const h = this.next();
      if (this.isOp('*')) throw this.error("'except*' is not supported by htmsim", h.line, h.col, this.peek().endLine, this.peek().endCol);
      let type: Expr | null = null;
      let name: string | null = null;
      if (!this.isOp(':')) {
        type = this.expression();
        if (this.isOp(',')) {
          const elts = [type];
          while (this.eatOp(',')) { if (this.isOp(':') || this.isKw('as')) break; elts.push(this.expression()); }
          throw this.error('multiple exception types must be parenthesized', type.line, type.col, this.prev().endLine, this.prev().endCol);
        }
        if (this.eatKw('as')) name = this.expectName().text;
      }
      const hb = this.block("'except' statement", h.line);
      handlers.push({ ...this.span(h), type, name, body: hb });
    }
    if (this.isKw('else')) {
      if (handlers.length === 0) throw this.invalid();
      const e = this.next();
      orelse = this.block("'else' statement", e.line);
    }
    if (this.isKw('finally')) { const f = this.next(); finalbody = this.block("'finally' statement", f.line); }
    if (handlers.length === 0 && finalbody.length === 0) {
      let j = this.i;
      while (this.toks[j]!.kind === 'DEDENT') j++;
      // At the end of the file CPython points just past the last line of the block.
      let k = this.i - 1;
      while (k > 0 && this.toks[k]!.kind !== 'NEWLINE') k--;
      const n = this.toks[j]!.kind === 'ENDMARKER' ? this.toks[k]! : this.toks[j]!;
      throw this.error("expected 'except' or 'finally' block", n.line, n.col, n.endLine, n.endCol);
    }
    return this.st({ kind: 'Try', body, handlers, orelse, finalbody }, t);
  }

  private withStmt(): Stmt {
    const t = this.next();
    const items = this.isOp('(') ? this.parenthesizedWithItems() : null;
    const list = items ?? this.withItems(false);
    const body = this.block("'with' statement", t.line);
    return this.st({ kind: 'With', items: list, body }, t);
  }

  private withItems(inParens: boolean): WithItem[] {
    const items: WithItem[] = [];
    do {
      if (inParens && this.isOp(')')) break;
      const contextExpr = this.expression();
      let optionalVars: Expr | null = null;
      if (this.eatKw('as')) optionalVars = this.toTarget(this.targetAtom(), 'store');
      items.push({ contextExpr, optionalVars });
    } while (this.eatOp(','));
    return items;
  }

  /** Python 3.10's `with (a as b, c as d):`; null (and no tokens consumed) when it is not that form. */
  private parenthesizedWithItems(): WithItem[] | null {
    const save = this.i;
    try {
      this.next();
      const items = this.withItems(true);
      if (items.length > 0 && this.eatOp(')') && this.isOp(':')) return items;
    } catch (e) {
      if (!(e instanceof GuestSyntaxError)) throw e;
    }
    this.i = save;
    return null;
  }

  private decorated(): Stmt {
    const decorators: Expr[] = [];
    while (this.eatOp('@')) {
      decorators.push(this.namedExpression());
      if (this.peek().kind !== 'NEWLINE') throw this.invalid();
      this.next();
    }
    if (this.isKw('def')) return this.funcDef(decorators);
    if (this.isKw('class')) return this.classDef(decorators);
    if (this.isKw('async') && this.isKw('def', 1)) {
      this.next();
      return this.funcDef(decorators, true);
    }
    throw this.invalid();
  }

  private funcDef(decorators: Expr[], isAsync = false): Stmt {
    const t = this.next();
    const name = this.expectName().text;
    if (!this.isOp('(')) throw this.invalid();
    this.next();
    const args = this.parameters(')', true);
    this.expectOp(')');
    const returns = this.eatOp('->') ? this.expression() : null;
    const outer = this.inFunction, outerAsync = this.inAsync;
    this.inFunction = true;
    this.inAsync = isAsync;
    const body = this.block('function definition', t.line);
    this.inFunction = outer;
    this.inAsync = outerAsync;
    return this.st({ kind: 'FunctionDef', name, args, body, decorators, returns, isAsync }, decorators[0] ? { ...t } : t);
  }

  /** Parameter list up to `close` (')' for def, ':' for lambda). */
  private parameters(close: string, annotations: boolean): Arguments {
    const a: Arguments = { posonlyargs: [], args: [], vararg: null, kwonlyargs: [], kwDefaults: [], kwarg: null, defaults: [] };
    let seenStar = false;
    let seenSlash = false;
    const argTok = (): Arg => {
      const n = this.expectName();
      const annotation = annotations && this.eatOp(':') ? this.expression() : null;
      return { ...this.span(n, n), arg: n.text, annotation };
    };
    while (!this.isOp(close)) {
      if (a.kwarg) {
        const n = this.peek();
        throw this.error('arguments cannot follow var-keyword argument', n.line, n.col, n.endLine, n.endCol);
      }
      if (this.isOp('/')) {
        const s = this.next();
        if (seenSlash) throw this.error('/ may appear only once', s.line, s.col, s.endLine, s.endCol);
        if (seenStar) throw this.error('/ must be ahead of *', s.line, s.col, s.endLine, s.endCol);
        if (a.args.length === 0) throw this.error('at least one argument must precede /', s.line, s.col, s.endLine, s.endCol);
        seenSlash = true;
        a.posonlyargs = a.args;
        a.args = [];
      } else if (this.isOp('**')) {
        this.next();
        a.kwarg = argTok();
      } else if (this.isOp('*')) {
        const s = this.next();
        if (seenStar) throw this.error('* argument may appear only once', s.line, s.col, s.endLine, s.endCol);
        seenStar = true;
        if (this.isOp(',') || this.isOp(close)) {
          if (this.isOp(close) || this.isOp('**', 1)) throw this.error('named arguments must follow bare *', s.line, s.col, s.endLine, s.endCol);
        } else {
          a.vararg = argTok();
        }
      } else {
        const arg = argTok();
        let def: Expr | null = null;
        if (this.eatOp('=')) def = this.expression();
        if (seenStar) {
          a.kwonlyargs.push(arg);
          a.kwDefaults.push(def);
        } else {
          if (def) a.defaults.push(def);
          else if (a.defaults.length > 0) throw this.errorAt('non-default argument follows default argument', arg);
          a.args.push(arg);
        }
      }
      if (!this.eatOp(',')) break;
    }
    if (seenStar && !a.vararg && a.kwonlyargs.length === 0) {
      const n = this.peek();
      throw this.error('named arguments must follow bare *', n.line, n.col, n.endLine, n.endCol);
    }
    return a;
  }

  private classDef(decorators: Expr[]): Stmt {
    const t = this.next();
    const name = this.expectName().text;
    let bases: Expr[] = [];
    let keywords: Keyword[] = [];
    if (this.eatOp('(')) {
      const r = this.callArgs();
      bases = r.args;
      keywords = r.keywords;
    }
    const outer = this.inFunction;
    this.inFunction = false;
    const body = this.block('class definition', t.line);
    this.inFunction = outer;
    return this.st({ kind: 'ClassDef', name, bases, keywords, body, decorators }, t);
  }

  // ---- expressions ---------------------------------------------------------------------------

  /** star_expressions: a tuple when commas appear. */
  starExpressions(eqCheck = true): Expr {
    const start = this.peek();
    const first = this.starExpression(eqCheck);
    if (!this.isOp(',')) return first;
    const elts = [first];
    while (this.eatOp(',')) {
      if (!this.atExprStart()) break;
      elts.push(this.starExpression(eqCheck));
    }
    return this.mk({ kind: 'Tuple', elts, ctx: 'load' }, start);
  }

  private starExpression(eqCheck = true): Expr {
    if (this.isOp('*')) {
      const s = this.next();
      return this.mk({ kind: 'Starred', value: this.bitwiseOr(), ctx: 'load' }, s);
    }
    return this.namedExpression(eqCheck);
  }

  private yieldExpr(): Expr {
    const t = this.next();
    if (this.eatKw('from')) return this.mk({ kind: 'YieldFrom', value: this.expression() }, t);
    const value = this.atExprStart() ? this.starExpressions() : null;
    return this.mk({ kind: 'Yield', value }, t);
  }

  /** `eqCheck`: a following '=' gets CPython's "Maybe you meant '=='" errors (not where '=' may follow legally). */
  namedExpression(eqCheck = true): Expr {
    if (this.isName() && this.isOp(':=', 1)) {
      const n = this.next();
      this.next();
      const value = this.expression();
      return this.mk({ kind: 'NamedExpr', target: this.mk({ kind: 'Name', id: n.text, ctx: 'store' }, n, n), value }, n);
    }
    const e = this.expression();
    if (this.isOp(':=')) throw this.errorAt(`cannot use assignment expressions with ${exprDescription(e)}`, e);
    if (eqCheck && this.isOp('=')) this.namedEqError(e);
    return e;
  }

  /**
   * CPython's invalid_named_expression, at an `e` followed by '=': applies when a bitwise_or follows
   * the '=' and is not itself followed by '=' or ':='. Returns (consuming nothing) when it does not apply.
   */
  private namedEqError(e: Expr): void {
    const isName = e.kind === 'Name';
    if (!isName && !isBitwiseLevel(e)) return;
    const save = this.i;
    let rhsEnd: Token;
    try {
      this.next();
      this.bitwiseOr();
      rhsEnd = this.prev();
    } catch (err) {
      if (err instanceof GuestSyntaxError) { this.i = save; return; }
      throw err;
    }
    const follows = this.isOp('=') || this.isOp(':=');
    this.i = save;
    if (follows) return;
    if (isName) throw this.error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", e.line, e.col, rhsEnd.endLine, rhsEnd.endCol);
    throw this.errorAt(`cannot assign to ${exprDescription(e)} here. Maybe you meant '==' instead of '='?`, e);
  }

  expression(): Expr {
    if (this.isKw('lambda')) return this.lambda();
    const start = this.peek();
    const body = this.disjunction();
    if (this.isKw('if')) {
      this.next();
      const test = this.disjunction();
      if (!this.eatKw('else')) throw this.error("expected 'else' after 'if' expression", body.line, body.col, this.prev().endLine, this.prev().endCol);
      const orelse = this.expression();
      return this.mk({ kind: 'IfExp', test, body, orelse }, start);
    }
    return body;
  }

  private lambda(): Expr {
    const t = this.next();
    const args = this.parameters(':', false);
    this.expectOp(':');
    const outer = this.inFunction, outerAsync = this.inAsync;
    this.inFunction = true;
    this.inAsync = false;
    const body = this.expression();
    this.inFunction = outer;
    this.inAsync = outerAsync;
    return this.mk({ kind: 'Lambda', args, body }, t);
  }

  private disjunction(): Expr {
    const start = this.peek();
    const first = this.conjunction();
    if (!this.isKw('or')) return first;
    const values = [first];
    while (this.eatKw('or')) values.push(this.conjunction());
    return this.mk({ kind: 'BoolOp', op: 'or', values }, start);
  }

  private conjunction(): Expr {
    const start = this.peek();
    const first = this.inversion();
    if (!this.isKw('and')) return first;
    const values = [first];
    while (this.eatKw('and')) values.push(this.inversion());
    return this.mk({ kind: 'BoolOp', op: 'and', values }, start);
  }

  private inversion(): Expr {
    if (this.isKw('not')) {
      const t = this.next();
      return this.mk({ kind: 'UnaryOp', op: 'not', operand: this.inversion() }, t);
    }
    return this.comparison();
  }

  private comparison(): Expr {
    const start = this.peek();
    const left = this.bitwiseOr();
    const ops: CmpOperator[] = [];
    const comparators: Expr[] = [];
    while (true) {
      const t = this.peek();
      let op: CmpOperator | null = null;
      if (t.kind === 'OP' && COMPARE_OPS.has(t.text)) { this.next(); op = t.text as CmpOperator; }
      else if (this.isKw('in')) { this.next(); op = 'in'; }
      else if (this.isKw('not') && this.isKw('in', 1)) { this.next(); this.next(); op = 'not in'; }
      else if (this.isKw('is')) { this.next(); op = this.eatKw('not') ? 'is not' : 'is'; }
      if (!op) break;
      ops.push(op);
      comparators.push(this.bitwiseOr());
    }
    if (ops.length === 0) return left;
    return this.mk({ kind: 'Compare', left, ops, comparators }, start);
  }

  private binLevel(ops: readonly string[], sub: () => Expr): Expr {
    const start = this.peek();
    let left = sub();
    while (this.peek().kind === 'OP' && ops.includes(this.peek().text)) {
      const op = this.next().text as BinOperator;
      const right = sub();
      left = this.mk({ kind: 'BinOp', left, op, right }, start);
    }
    return left;
  }
  private bitwiseOr(): Expr { return this.binLevel(['|'], () => this.bitwiseXor()); }
  private bitwiseXor(): Expr { return this.binLevel(['^'], () => this.bitwiseAnd()); }
  private bitwiseAnd(): Expr { return this.binLevel(['&'], () => this.shiftExpr()); }
  private shiftExpr(): Expr { return this.binLevel(['<<', '>>'], () => this.sum()); }
  private sum(): Expr { return this.binLevel(['+', '-'], () => this.term()); }
  private term(): Expr { return this.binLevel(['*', '/', '//', '%', '@'], () => this.factor()); }

  private factor(): Expr {
    const t = this.peek();
    if (t.kind === 'OP' && (t.text === '-' || t.text === '+' || t.text === '~')) {
      this.next();
      const operand = this.factor();
      return this.mk({ kind: 'UnaryOp', op: t.text as '-' | '+' | '~', operand }, t);
    }
    return this.power();
  }

  private power(): Expr {
    const start = this.peek();
    if (this.isKw('await') && !this.inAsync) {
      this.next();
      if (!this.atExprStart()) throw this.invalid();
      throw this.error(this.inFunction ? "'await' outside async function" : "'await' outside function", start.line, start.col, start.endLine, start.endCol);
    }
    let base: Expr;
    if (this.isKw('await')) {
      this.next();
      base = this.mk({ kind: 'Await', value: this.primary() }, start);
    } else base = this.primary();
    if (this.eatOp('**')) {
      const right = this.factor(); // right-associative, binds tighter than unary minus on its left
      return this.mk({ kind: 'BinOp', left: base, op: '**', right }, start);
    }
    return base;
  }

  private primary(): Expr {
    const start = this.peek();
    let e = this.atom();
    while (true) {
      if (this.isOp('.')) {
        this.next();
        const n = this.peek();
        if (!this.isName()) throw this.error('invalid syntax', n.line, n.col, n.endLine, n.endCol);
        this.next();
        e = this.mk({ kind: 'Attribute', value: e, attr: n.text, ctx: 'load' }, start);
      } else if (this.isOp('(')) {
        this.next();
        const { args, keywords } = this.callArgs();
        e = this.mk({ kind: 'Call', func: e, args, keywords }, start);
      } else if (this.isOp('[')) {
        this.next();
        const slice = this.slices();
        this.expectOp(']');
        e = this.mk({ kind: 'Subscript', value: e, slice, ctx: 'load' }, start);
      } else {
        return e;
      }
    }
  }

  private slices(): Expr {
    const start = this.peek();
    const first = this.slice();
    if (!this.isOp(',')) return first;
    const elts = [first];
    while (this.eatOp(',')) {
      if (this.isOp(']')) break;
      elts.push(this.slice());
    }
    return this.mk({ kind: 'Tuple', elts, ctx: 'load' }, start);
  }

  private slice(): Expr {
    const start = this.peek();
    let lower: Expr | null = null;
    if (!this.isOp(':')) {
      if (this.isOp('*')) return this.starExpression();
      lower = this.namedExpression();
      if (!this.isOp(':')) return lower;
    }
    this.next();
    const upper = this.isOp(':') || this.isOp(']') || this.isOp(',') ? null : this.expression();
    let step: Expr | null = null;
    if (this.eatOp(':')) step = this.isOp(']') || this.isOp(',') ? null : this.expression();
    return this.mk({ kind: 'Slice', lower, upper, step }, start);
  }

  /** Arguments after '(' up to and including ')'. */
  private callArgs(): { args: Expr[]; keywords: Keyword[] } {
    const args: Expr[] = [];
    const keywords: Keyword[] = [];
    let sawKwUnpack = false;
    while (!this.isOp(')')) {
      const t = this.peek();
      if (this.isOp('**')) {
        this.next();
        const value = this.expression();
        keywords.push({ ...this.span(t), arg: null, value });
        sawKwUnpack = true;
      } else if (this.isOp('*')) {
        this.next();
        const value = this.expression();
        if (sawKwUnpack) throw this.errorAt('iterable argument unpacking follows keyword argument unpacking', this.span(t));
        args.push(this.mk({ kind: 'Starred', value, ctx: 'load' }, t));
      } else if (this.isName() && this.isOp('=', 1)) {
        this.next(); this.next();
        const value = this.expression();
        keywords.push({ ...this.span(t), arg: t.text, value });
      } else {
        const e = this.namedExpression(false);
        if (this.isOp('=')) {
          throw this.error('expression cannot contain assignment, perhaps you meant "=="?', e.line, e.col, this.peek().endLine, this.peek().endCol);
        }
        if (this.isKw('for')) {
          const gen = this.mk({ kind: 'GeneratorExp', elt: e, generators: this.comprehensionClauses() }, e);
          if (args.length + keywords.length > 0 || !this.isOp(')')) {
            if (this.isOp(',') && !this.isOp(')', 1)) throw this.errorAt('Generator expression must be parenthesized', gen);
            if (args.length + keywords.length > 0) throw this.errorAt('Generator expression must be parenthesized', gen);
          }
          args.push(gen);
        } else {
          if (keywords.length > 0) {
            const n = this.peek();
            throw this.error(sawKwUnpack ? 'positional argument follows keyword argument unpacking' : 'positional argument follows keyword argument', n.line, n.col, n.endLine, n.endCol);
          }
          args.push(e);
        }
      }
      if (!this.eatOp(',')) {
        if (!this.isOp(')')) this.forgotComma(args[args.length - 1] ?? keywords[keywords.length - 1]?.value);
        break;
      }
    }
    this.expectOp(')');
    return { args, keywords };
  }

  /** Inside brackets, two adjacent expressions: CPython suggests a missing comma. */
  private forgotComma(prevExpr: Expr | undefined): never {
    const t = this.peek();
    if (prevExpr && this.atExprStart() && !(t.kind === 'OP' && ['-', '+', '*', '~', '...'].includes(t.text)) && !(t.kind === 'NAME' && KEYWORDS.has(t.text) && !['None', 'True', 'False', 'lambda', 'not'].includes(t.text))) {
      const save = this.i;
      let end: Span = t;
      try { end = this.expression(); } catch { end = t; }
      this.i = save;
      throw this.error('invalid syntax. Perhaps you forgot a comma?', prevExpr.line, prevExpr.col, end.endLine, end.endCol);
    }
    throw this.invalid();
  }

  private comprehensionClauses(): Comprehension[] {
    const out: Comprehension[] = [];
    while (this.isKw('for')) {
      this.next();
      const target = this.toTarget(this.targetList(), 'store');
      if (!this.eatKw('in')) throw this.invalid();
      const iter = this.disjunction();
      const ifs: Expr[] = [];
      while (this.eatKw('if')) ifs.push(this.disjunction());
      out.push({ target, iter, ifs });
    }
    if (this.isKw('async')) { const a = this.peek(); throw this.error("'async' is not supported by htmsim", a.line, a.col, a.endLine, a.endCol); }
    return out;
  }

  private atom(): Expr {
    const t = this.peek();
    switch (t.kind) {
      case 'NAME': {
        if (t.text === 'None') { this.next(); return this.mk({ kind: 'Constant', value: { type: 'none' } }, t); }
        if (t.text === 'True' || t.text === 'False') { this.next(); return this.mk({ kind: 'Constant', value: { type: 'bool', value: t.text === 'True' } }, t); }
        if (t.text === 'yield') {
          throw this.invalid();
        }
        if (t.text === 'lambda') return this.lambda();
        if (KEYWORDS.has(t.text)) {
          if (t.text === 'async' || t.text === 'await') throw this.error(`'${t.text}' is not supported by htmsim`, t.line, t.col, t.endLine, t.endCol);
          throw this.invalid();
        }
        this.next();
        return this.mk({ kind: 'Name', id: t.text, ctx: 'load' }, t);
      }
      case 'NUMBER':
        this.next();
        return this.mk({ kind: 'Constant', value: parseNumber(t.text) }, t);
      case 'STRING':
        return this.strings();
      case 'OP':
        switch (t.text) {
          case '(': return this.parenAtom();
          case '[': return this.listAtom();
          case '{': return this.dictOrSetAtom();
          case '...': this.next(); return this.mk({ kind: 'Constant', value: { type: 'ellipsis' } }, t);
          default:
        }
        break;
      default:
    }
    throw this.invalid();
  }

  private parenAtom(): Expr {
    const open = this.next();
    if (this.isOp(')')) { this.next(); return this.mk({ kind: 'Tuple', elts: [], ctx: 'load' }, open); }
    if (this.isKw('yield')) {
      const y = this.yieldExpr();
      this.expectOp(')');
      return y;
    }
    const first = this.starExpression();
    if (this.isKw('for')) {
      const generators = this.comprehensionClauses();
      this.expectOp(')');
      return this.mk({ kind: 'GeneratorExp', elt: first, generators }, open);
    }
    if (this.isOp(')')) {
      this.next();
      if (first.kind === 'Starred') throw this.errorAt("can't use starred expression here", first);
      return first; // parentheses only group (keep the inner span, as CPython)
    }
    const elts = [first];
    while (this.eatOp(',')) {
      if (this.isOp(')')) break;
      elts.push(this.starExpression());
    }
    if (!this.isOp(')')) this.forgotComma(elts[elts.length - 1]);
    this.next();
    return this.mk({ kind: 'Tuple', elts, ctx: 'load' }, open);
  }

  private listAtom(): Expr {
    const open = this.next();
    if (this.isOp(']')) { this.next(); return this.mk({ kind: 'List', elts: [], ctx: 'load' }, open); }
    const first = this.starExpression();
    if (this.isKw('for')) {
      const generators = this.comprehensionClauses();
      this.expectOp(']');
      return this.mk({ kind: 'ListComp', elt: first, generators }, open);
    }
    const elts = [first];
    while (this.eatOp(',')) {
      if (this.isOp(']')) break;
      elts.push(this.starExpression());
    }
    if (!this.isOp(']')) this.forgotComma(elts[elts.length - 1]);
    this.next();
    return this.mk({ kind: 'List', elts, ctx: 'load' }, open);
  }

  private dictOrSetAtom(): Expr {
    const open = this.next();
    if (this.isOp('}')) { this.next(); return this.mk({ kind: 'Dict', keys: [], values: [] }, open); }
    if (this.isOp('**')) return this.dictRest(open, null, null);
    const first = this.starExpression();
    if (this.isOp(':') && first.kind !== 'Starred') {
      this.next();
      const value = this.expression();
      if (this.isKw('for')) {
        const generators = this.comprehensionClauses();
        this.expectOp('}');
        return this.mk({ kind: 'DictComp', key: first, value, generators }, open);
      }
      return this.dictRest(open, first, value);
    }
    if (this.isKw('for')) {
      const generators = this.comprehensionClauses();
      this.expectOp('}');
      return this.mk({ kind: 'SetComp', elt: first, generators }, open);
    }
    const elts = [first];
    while (this.eatOp(',')) {
      if (this.isOp('}')) break;
      elts.push(this.starExpression());
    }
    if (!this.isOp('}')) this.forgotComma(elts[elts.length - 1]);
    this.next();
    return this.mk({ kind: 'Set', elts }, open);
  }

  private dictRest(open: Token, firstKey: Expr | null, firstValue: Expr | null): Expr {
    const keys: (Expr | null)[] = [];
    const values: Expr[] = [];
    if (firstValue) { keys.push(firstKey); values.push(firstValue); if (!this.eatOp(',')) { this.expectOp('}'); return this.mk({ kind: 'Dict', keys, values }, open); } }
    while (!this.isOp('}')) {
      if (this.eatOp('**')) {
        keys.push(null);
        values.push(this.bitwiseOr());
      } else {
        const k = this.expression();
        if (!this.isOp(':')) {
          const n = this.peek();
          throw this.error("':' expected after dictionary key", k.endLine, k.endCol - 1, n.line, n.col);
        }
        this.next();
        keys.push(k);
        values.push(this.expression());
      }
      if (!this.eatOp(',')) break;
    }
    if (!this.isOp('}')) this.forgotComma(values[values.length - 1]);
    this.next();
    return this.mk({ kind: 'Dict', keys, values }, open);
  }

  // ---- strings and f-strings -----------------------------------------------------------------

  private strings(): Expr {
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

  private decodePlain(t: Token, bytes: boolean): string {
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
  private bodyPos(t: Token, k: number): { line: number; col: number } {
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
  private fstringError(msg: string): GuestSyntaxError {
    const tk = this.peek();
    return this.error(msg, tk.line, tk.col);
  }

  /** Splits one f-string token into literal text and FormattedValue nodes. */
  private fstringPieces(t: Token): (string | Expr)[] {
    const p = stringParts(t);
    const raw = p.prefix.includes('r');
    const r = this.fstringBody(t, p.body, 0, raw, 0);
    return r.pieces;
  }

  /**
   * Parses f-string text starting at body offset `k` until the end (depth 0) or an unmatched '}'
   * (inside a format spec, depth > 0). Returns the pieces and the offset where it stopped.
   */
  private fstringBody(t: Token, body: string, k: number, raw: boolean, depth: number): { pieces: (string | Expr)[]; end: number } {
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
  private fstringField(t: Token, body: string, k: number, raw: boolean, depth: number): { expr: Expr; end: number } {
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

  private parseFieldExpr(t: Token, text: string, offset: number): Expr {
    const pos = this.bodyPos(t, offset);
    const scanner = new Scanner('(' + text + ')', this.filename, { line: pos.line, col: pos.col - 1, fileSource: this.fileSource }, true);
    const toks = scanner.scan();
    const sub = new Parser(toks, this.filename, this.fileSource, this.fstringDepth + 1);
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
  if (/[.eE]/.test(s)) return { type: 'float', value: parseFloat(s) };
  return intConst(BigInt(s));
}

function intConst(b: bigint): Constant {
  if (b <= BigInt(Number.MAX_SAFE_INTEGER) && b >= -BigInt(Number.MAX_SAFE_INTEGER)) return { type: 'int', value: Number(b) };
  return { type: 'int', value: b };
}

/** Parses a module's tokens. */
export function parseTokens(tokens: Token[], filename: string, source: string): Module {
  const end = tokens[tokens.length - 1]!;
  if (end.unclosed === undefined) return new Parser(tokens, filename, source).parseModule();
  const parser = new Parser(tokens, filename, source);
  try {
    parser.parseModule();
  } catch (e) {
    // CPython keeps a parser error only when neither it nor the tokens the parser read to find it
    // lie past the line of the bracket left open; otherwise the open bracket is the error.
    if (e instanceof GuestSyntaxError && e.line <= end.unclosed.line && tokens[parser.furthest]!.line <= end.unclosed.line && parser.furthest < tokens.length - 1) throw e;
  }
  throw end.unclosed;
}
