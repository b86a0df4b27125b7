/**
 * Expressions: CPython's precedence levels from star_expressions down to atoms, calls, subscripts
 * and slices, displays and comprehensions, lambda with its parameter list (shared with `def`),
 * and assignment targets (shared with `for`, `del` and assignments).
 */
import type {
  Arg, Arguments, BinOperator, CmpOperator, Comprehension, Expr, ExprContext, Keyword,
  Span,
} from './ast.js';
import { exprDescription } from './ast.js';
import { GuestSyntaxError } from './syntax-error.js';
import { KEYWORDS, type Token } from './token.js';
import { LiteralParser, parseNumber } from './parse-literals.js';

const COMPARE_OPS = new Set(['<', '>', '==', '>=', '<=', '!=']);

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

export abstract class ExpressionParser extends LiteralParser {
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

  protected starExpression(eqCheck = true): Expr {
    if (this.isOp('*')) {
      const s = this.next();
      return this.mk({ kind: 'Starred', value: this.bitwiseOr(), ctx: 'load' }, s);
    }
    return this.namedExpression(eqCheck);
  }

  protected yieldExpr(): Expr {
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
  protected namedEqError(e: Expr): void {
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

  protected lambda(): Expr {
    const t = this.next();
    const args = this.parameters(':', false);
    this.expectOp(':');
    const body = this.expression();
    return this.mk({ kind: 'Lambda', args, body }, t);
  }

  protected disjunction(): Expr {
    const start = this.peek();
    const first = this.conjunction();
    if (!this.isKw('or')) return first;
    const values = [first];
    while (this.eatKw('or')) values.push(this.conjunction());
    return this.mk({ kind: 'BoolOp', op: 'or', values }, start);
  }

  protected conjunction(): Expr {
    const start = this.peek();
    const first = this.inversion();
    if (!this.isKw('and')) return first;
    const values = [first];
    while (this.eatKw('and')) values.push(this.inversion());
    return this.mk({ kind: 'BoolOp', op: 'and', values }, start);
  }

  protected inversion(): Expr {
    if (this.isKw('not')) {
      const t = this.next();
      return this.mk({ kind: 'UnaryOp', op: 'not', operand: this.inversion() }, t);
    }
    return this.comparison();
  }

  protected comparison(): Expr {
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

  protected binLevel(ops: readonly string[], sub: () => Expr): Expr {
    const start = this.peek();
    let left = sub();
    while (this.peek().kind === 'OP' && ops.includes(this.peek().text)) {
      const op = this.next().text as BinOperator;
      const right = sub();
      left = this.mk({ kind: 'BinOp', left, op, right }, start);
    }
    return left;
  }
  protected bitwiseOr(): Expr { return this.binLevel(['|'], () => this.bitwiseXor()); }
  protected bitwiseXor(): Expr { return this.binLevel(['^'], () => this.bitwiseAnd()); }
  protected bitwiseAnd(): Expr { return this.binLevel(['&'], () => this.shiftExpr()); }
  protected shiftExpr(): Expr { return this.binLevel(['<<', '>>'], () => this.sum()); }
  protected sum(): Expr { return this.binLevel(['+', '-'], () => this.term()); }
  protected term(): Expr { return this.binLevel(['*', '/', '//', '%', '@'], () => this.factor()); }

  protected factor(): Expr {
    const t = this.peek();
    if (t.kind === 'OP' && (t.text === '-' || t.text === '+' || t.text === '~')) {
      this.next();
      const operand = this.factor();
      return this.mk({ kind: 'UnaryOp', op: t.text as '-' | '+' | '~', operand }, t);
    }
    return this.power();
  }

  protected power(): Expr {
    const start = this.peek();
    // Where `await` may stand is the compiler's question (as CPython's): a comprehension makes it legal.
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

  protected primary(): Expr {
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

  protected slices(): Expr {
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

  protected slice(): Expr {
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
  protected callArgs(): { args: Expr[]; keywords: Keyword[] } {
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
        if (this.atComprehension()) {
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
  protected forgotComma(prevExpr: Expr | undefined): never {
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

  /** At `for` or `async for`: a comprehension's first clause. */
  protected atComprehension(): boolean {
    return this.isKw('for') || (this.isKw('async') && this.isKw('for', 1));
  }

  protected comprehensionClauses(): Comprehension[] {
    const out: Comprehension[] = [];
    while (this.atComprehension()) {
      const isAsync = this.isKw('async');
      if (isAsync) this.next();
      this.next();
      const target = this.toTarget(this.targetList(), 'store');
      if (!this.eatKw('in')) throw this.invalid();
      const iter = this.disjunction();
      const ifs: Expr[] = [];
      while (this.eatKw('if')) ifs.push(this.disjunction());
      out.push(isAsync ? { target, iter, ifs, isAsync } : { target, iter, ifs });
    }
    return out;
  }

  protected atom(): Expr {
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

  protected parenAtom(): Expr {
    const open = this.next();
    if (this.isOp(')')) { this.next(); return this.mk({ kind: 'Tuple', elts: [], ctx: 'load' }, open); }
    if (this.isKw('yield')) {
      const y = this.yieldExpr();
      this.expectOp(')');
      return y;
    }
    const first = this.starExpression();
    if (this.atComprehension()) {
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

  protected listAtom(): Expr {
    const open = this.next();
    if (this.isOp(']')) { this.next(); return this.mk({ kind: 'List', elts: [], ctx: 'load' }, open); }
    const first = this.starExpression();
    if (this.atComprehension()) {
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

  protected dictOrSetAtom(): Expr {
    const open = this.next();
    if (this.isOp('}')) { this.next(); return this.mk({ kind: 'Dict', keys: [], values: [] }, open); }
    if (this.isOp('**')) return this.dictRest(open, null, null);
    const first = this.starExpression();
    if (this.isOp(':') && first.kind !== 'Starred') {
      this.next();
      const value = this.expression();
      if (this.atComprehension()) {
        const generators = this.comprehensionClauses();
        this.expectOp('}');
        return this.mk({ kind: 'DictComp', key: first, value, generators }, open);
      }
      return this.dictRest(open, first, value);
    }
    if (this.atComprehension()) {
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

  protected dictRest(open: Token, firstKey: Expr | null, firstValue: Expr | null): Expr {
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

  /** Validates an assignment / del / for target and rewrites its context. */
  protected toTarget(e: Expr, ctx: ExprContext, fromAssign = false): Expr {
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

  /** Targets of `for` / comprehensions: star_targets, stopping before `in`. */
  protected targetList(): Expr {
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
  protected targetAtom(): Expr {
    if (this.isOp('*')) {
      const s = this.next();
      const value = this.bitwiseOr();
      return this.mk({ kind: 'Starred', value, ctx: 'store' }, s);
    }
    return this.bitwiseOr();
  }

  /** Parameter list up to `close` (')' for def, ':' for lambda). */
  protected parameters(close: string, annotations: boolean): Arguments {
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
}
