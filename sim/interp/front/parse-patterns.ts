/**
 * `match` statements: the case patterns, handed to `match.ts` to be lowered to ordinary tests.
 */
import type { Expr, ExprOf, Span, Stmt } from './ast.js';
import { MatchLowering, type MatchCase, type Pattern } from './match.js';
import type { Token } from './token.js';
import { ExpressionParser } from './parse-expressions.js';
import type { Dist } from './parser-base.js';

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

export abstract class PatternParser extends ExpressionParser {
  protected abstract block(what: string, headerLine: number): Stmt[];

  // ---- match statements (lowered to if-chains by match.ts) ---------------------------------

  protected matchStmt(): Stmt[] {
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

  protected pat(body: Dist<Pattern>, start: Token | Span): Pattern {
    return { ...this.span(start), ...body } as Pattern;
  }

  /** `case` patterns: an open sequence `a, *b` or one pattern. */
  protected patterns(): Pattern {
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

  protected maybeStarPattern(): Pattern {
    if (this.isOp('*')) {
      const s = this.next();
      const n = this.expectName().text;
      return this.pat({ kind: 'MatchStar', name: n === '_' ? null : n }, s);
    }
    return this.pattern();
  }

  /** or_pattern ['as' NAME] */
  protected pattern(): Pattern {
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

  protected closedPattern(): Pattern {
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
  protected literalPatternValue(): Expr {
    const t = this.peek();
    let e: Expr;
    if (this.eatOp('-')) {
      if (this.peek().kind !== 'NUMBER') throw this.invalid();
      e = this.mk({ kind: 'UnaryOp', op: '-', operand: this.atom() }, t);
    } else e = this.atom();
    const isNumber = e.kind === 'UnaryOp' || (e.kind === 'Constant' && (e.value.type === 'int' || e.value.type === 'float'));
    if (isNumber && (this.isOp('+') || this.isOp('-'))) {
      // `1 + 2j`: the one arithmetic a pattern allows, a real part and an imaginary literal.
      const op = this.next().text as '+' | '-';
      const r = this.peek();
      if (r.kind !== 'NUMBER') throw this.invalid();
      const right = this.atom();
      if (right.kind !== 'Constant' || right.value.type !== 'complex') {
        throw this.error('imaginary number required in complex literal', r.line, r.col, r.endLine, r.endCol);
      }
      const realPart = e.kind === 'UnaryOp' ? e.operand : e;
      if (realPart.kind === 'Constant' && realPart.value.type === 'complex') throw this.errorAt('real number required in complex literal', e);
      return this.mk({ kind: 'BinOp', left: e, op, right }, t);
    }
    if (e.kind === 'JoinedStr') throw this.errorAt('patterns may only match literals and attribute lookups', e);
    return e;
  }

  protected mappingPattern(): Pattern {
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

  protected classPattern(cls: Expr, start: Token): Pattern {
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
}
