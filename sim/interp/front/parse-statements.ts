/**
 * Statements: the module, simple statements, compound statements and their blocks, function and
 * class definitions. `Parser` is the concrete end of the parser chain (see `parser-base.ts`).
 */
import type { Alias, BinOperator, ExceptHandler, Expr, Keyword, Module, Stmt, WithItem } from './ast.js';
import { exprDescription } from './ast.js';
import { GuestSyntaxError } from './syntax-error.js';
import type { Token } from './token.js';
import { PatternParser } from './parse-patterns.js';

const AUG_OPS: Record<string, BinOperator> = {
  '+=': '+', '-=': '-', '*=': '*', '/=': '/', '//=': '//', '%=': '%', '**=': '**', '<<=': '<<',
  '>>=': '>>', '&=': '&', '|=': '|', '^=': '^', '@=': '@',
};

/** Headers whose ':' CPython's grammar forces (`&&':'`): a stray token there is "expected ':'". */
const FORCED_COLON = new Set(['function definition', "'try' statement", "'else' statement", "'finally' statement"]);

export class Parser extends PatternParser {
  protected fieldParser(toks: Token[]): Parser {
    return new Parser(toks, this.filename, this.fileSource, this.fstringDepth + 1);
  }


  parseModule(): Module {
    const body: Stmt[] = [];
    while (this.peek().kind !== 'ENDMARKER') {
      if (this.peek().kind === 'NEWLINE') { this.next(); continue; }
      body.push(...this.statement());
    }
    return { body };
  }

  protected statement(): Stmt[] {
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
          if (this.isKw('for', 1)) {
            this.next();
            return [this.forStmt(t)];
          }
          if (this.isKw('with', 1)) {
            this.next();
            return [this.withStmt(t)];
          }
          this.next();
          throw this.invalid();
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
  protected looksLikeMatch(): boolean {
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

  protected simpleStmts(): Stmt[] {
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

  protected simpleStmt(): Stmt {
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

  protected dottedName(): string {
    let name = this.expectName().text;
    while (this.eatOp('.')) name += '.' + this.expectName().text;
    return name;
  }

  protected importStmt(): Stmt {
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

  protected fromImport(): Stmt {
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

  protected exprStmt(): Stmt {
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

  /** `':' block` after a compound statement header; `what` names it for the indentation error. */
  protected block(what: string, headerLine: number): Stmt[] {
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

  protected ifStmt(): Stmt {
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

  protected whileStmt(): Stmt {
    const t = this.next();
    const test = this.namedExpression();
    const body = this.block("'while' statement", t.line);
    let orelse: Stmt[] = [];
    if (this.isKw('else')) { const e = this.next(); orelse = this.block("'else' statement", e.line); }
    return this.st({ kind: 'While', test, body, orelse }, t);
  }

  protected forStmt(asyncTok: Token | null = null): Stmt {
    const t = asyncTok ?? this.peek();
    this.next();
    const target = this.toTarget(this.targetList(), 'store');
    if (!this.eatKw('in')) throw this.invalid();
    const iter = this.starExpressions();
    const body = this.block("'for' statement", t.line);
    let orelse: Stmt[] = [];
    if (this.isKw('else')) { const e = this.next(); orelse = this.block("'else' statement", e.line); }
    return this.st({ kind: 'For', target, iter, body, orelse, ...(asyncTok !== null ? { isAsync: true } : {}) }, t);
  }

  protected tryStmt(): Stmt {
    const t = this.next();
    const body = this.block("'try' statement", t.line);
    const handlers: ExceptHandler[] = [];
    let orelse: Stmt[] = [];
    let finalbody: Stmt[] = [];
    while (this.isKw('except')) {
      const h = this.next();
      const star = this.isOp('*');
      const last = star ? this.next() : h;
      if (handlers.length > 0 && handlers[0]!.star !== star) {
        throw this.error("cannot have both 'except' and 'except*' on the same 'try'", h.line, h.col, last.endLine, last.endCol);
      }
      if (star && this.isOp(':')) {
        const c = this.peek();
        throw this.error('expected one or more exception types', c.line, c.col, c.endLine, c.endCol);
      }
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
      handlers.push({ ...this.span(h), star, type, name, body: hb });
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

  protected withStmt(asyncTok: Token | null = null): Stmt {
    const t = asyncTok ?? this.peek();
    this.next();
    const items = this.isOp('(') ? this.parenthesizedWithItems() : null;
    const list = items ?? this.withItems(false);
    const body = this.block("'with' statement", t.line);
    return this.st({ kind: 'With', items: list, body, ...(asyncTok !== null ? { isAsync: true } : {}) }, t);
  }

  protected withItems(inParens: boolean): WithItem[] {
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
  protected parenthesizedWithItems(): WithItem[] | null {
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

  protected decorated(): Stmt {
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

  protected funcDef(decorators: Expr[], isAsync = false): Stmt {
    const t = this.next();
    const name = this.expectName().text;
    if (!this.isOp('(')) throw this.invalid();
    this.next();
    const args = this.parameters(')', true);
    this.expectOp(')');
    const returns = this.eatOp('->') ? this.expression() : null;
    const body = this.block('function definition', t.line);
    return this.st({ kind: 'FunctionDef', name, args, body, decorators, returns, isAsync }, decorators[0] ? { ...t } : t);
  }

  protected classDef(decorators: Expr[]): Stmt {
    const t = this.next();
    const name = this.expectName().text;
    let bases: Expr[] = [];
    let keywords: Keyword[] = [];
    if (this.eatOp('(')) {
      const r = this.callArgs();
      bases = r.args;
      keywords = r.keywords;
    }
    const body = this.block('class definition', t.line);
    return this.st({ kind: 'ClassDef', name, bases, keywords, body, decorators }, t);
  }
}
