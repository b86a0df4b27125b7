/**
 * `match` statements (PEP 634), lowered by the parser to an if/elif chain over ordinary
 * expressions, so the symbol table, compiler and VM need nothing new:
 *
 *   .sN = subject
 *   if <pattern tests> and (x := .cK) is x and <guard>: body      # one `if` per case
 *   else: ...
 *
 * Pattern tests are a conjunction; sub-subjects and captures go to hidden temporaries (names that
 * start with '.', which guest code cannot spell) through `:=`. Captures are copied to their real
 * names only once the whole pattern matched, as CPython binds them (a failed case binds nothing),
 * and before the guard runs. The type checks CPython does with MATCH_SEQUENCE / MATCH_MAPPING /
 * MATCH_KEYS / MATCH_CLASS are the '.match_*' builtins of match-runtime.ts.
 */
import type { Constant, Expr, Span, Stmt } from './ast.js';
import type { GuestSyntaxError } from './syntax-error.js';

export type Pattern = Span & (
  | { kind: 'MatchValue'; value: Expr }
  | { kind: 'MatchSingleton'; value: Constant }
  | { kind: 'MatchSequence'; patterns: Pattern[] }
  | { kind: 'MatchMapping'; keys: Expr[]; patterns: Pattern[]; rest: string | null }
  | { kind: 'MatchClass'; cls: Expr; patterns: Pattern[]; kwdAttrs: string[]; kwdPatterns: Pattern[] }
  | { kind: 'MatchStar'; name: string | null }
  | { kind: 'MatchAs'; pattern: Pattern | null; name: string | null }
  | { kind: 'MatchOr'; patterns: Pattern[] }
);

export interface MatchCase {
  pattern: Pattern;
  guard: Expr | null;
  body: Stmt[];
}

type ErrorAt = (msg: string, at: Span) => GuestSyntaxError;

/** True when the pattern matches every subject (CPython rejects such a case unless it is the last). */
function irrefutable(p: Pattern): boolean {
  if (p.kind === 'MatchAs') return p.pattern === null || irrefutable(p.pattern);
  if (p.kind === 'MatchOr') return p.patterns.some(irrefutable);
  return false;
}

/** CPython's complaint about an irrefutable pattern that is followed by more alternatives/cases. */
function unreachable(p: Pattern, err: ErrorAt): GuestSyntaxError {
  let q: Pattern = p;
  while (q.kind === 'MatchAs' && q.pattern !== null) q = q.pattern;
  if (q.kind === 'MatchOr') return unreachable(q.patterns.find(irrefutable)!, err);
  const name = q.kind === 'MatchAs' ? q.name : null;
  return err(name === null ? 'wildcard makes remaining patterns unreachable' : `name capture '${name}' makes remaining patterns unreachable`, q);
}

export class MatchLowering {
  private readonly err: ErrorAt;
  private readonly fresh: () => string;
  /** Real name -> its capture temporary, for the case being lowered. */
  private caps = new Map<string, string>();
  /** The pattern lowered last: CPython reports alternatives' name mismatches there. */
  private last: Span | null = null;

  constructor(err: ErrorAt, fresh: () => string) {
    this.err = err;
    this.fresh = fresh;
  }

  lower(subject: Expr, cases: MatchCase[], at: Span): Stmt[] {
    const s = this.fresh();
    const assign: Stmt = { ...at, kind: 'Assign', targets: [name(s, 'store', subject)], value: subject };
    const chains: { test: Expr | null; body: Stmt[]; at: Span }[] = [];
    cases.forEach((c, i) => {
      if (i < cases.length - 1 && c.guard === null && irrefutable(c.pattern)) throw unreachable(c.pattern, this.err);
      this.caps = new Map();
      const bound: string[] = [];
      const conds = this.pattern(c.pattern, name(s, 'load', c.pattern), bound);
      for (const n of bound) {
        // (n := .cK) is n: binds the real name, always true.
        const tgt = name(n, 'store', c.pattern);
        conds.push(isTrue({ ...c.pattern, kind: 'NamedExpr', target: tgt, value: name(this.caps.get(n)!, 'load', c.pattern) }, name(n, 'load', c.pattern)));
      }
      if (c.guard !== null) conds.push(c.guard);
      chains.push({ test: conds.length === 0 ? null : and(conds, c.pattern), body: c.body, at: c.pattern });
    });
    let orelse: Stmt[] = [];
    for (let i = chains.length - 1; i >= 0; i--) {
      const c = chains[i]!;
      orelse = c.test === null ? c.body : [{ ...c.at, kind: 'If', test: c.test, body: c.body, orelse }];
    }
    return [assign, ...orelse];
  }

  /** The conditions (a conjunction) under which `subj` matches `p`; appends the names it binds. */
  private pattern(p: Pattern, subj: Expr, bound: string[]): Expr[] {
    this.last = p;
    switch (p.kind) {
      case 'MatchValue':
        return [cmp(subj, '==', p.value, p)];
      case 'MatchSingleton':
        return [cmp(subj, 'is', { ...p, kind: 'Constant', value: p.value }, p)];
      case 'MatchAs': {
        const conds = p.pattern === null ? [] : this.pattern(p.pattern, subj, bound);
        if (p.name !== null) conds.push(this.capture(p.name, subj, p, bound));
        return conds;
      }
      case 'MatchStar':
        throw this.err("can't use starred name here", p);
      case 'MatchOr': {
        const alts: Expr[] = [];
        let names: string[] | null = null;
        p.patterns.forEach((alt, i) => {
          if (i < p.patterns.length - 1 && irrefutable(alt)) throw unreachable(alt, this.err);
          const got: string[] = [];
          alts.push(and(this.pattern(alt, subj, got), alt));
          if (names === null) names = got;
          else if (got.length !== names.length || got.some((n) => !names!.includes(n))) throw this.err('alternative patterns bind different names', this.last ?? alt);
        });
        for (const n of names ?? []) {
          if (bound.includes(n)) throw this.err(`multiple assignments to name '${n}' in pattern`, p);
          bound.push(n);
        }
        return [{ ...p, kind: 'BoolOp', op: 'or', values: alts }];
      }
      case 'MatchSequence': {
        const n = p.patterns.length;
        const star = p.patterns.findIndex((q) => q.kind === 'MatchStar');
        const len = call('.match_seq', [subj], p);
        const conds: Expr[] = [star < 0 ? cmp(len, '==', int(n, p), p) : cmp(len, '>=', int(n - 1, p), p)];
        p.patterns.forEach((q, i) => {
          if (q.kind === 'MatchStar') {
            if (q.name !== null) conds.push(this.capture(q.name, call('.match_star', [subj, int(i, q), int(n - 1 - i, q)], q), q, bound));
            return;
          }
          const index = star < 0 || i < star ? i : i - n;
          conds.push(...this.sub(q, { ...q, kind: 'Subscript', value: subj, slice: int(index, q), ctx: 'load' }, bound));
        });
        return conds;
      }
      case 'MatchMapping': {
        const conds: Expr[] = [call('.match_map', [subj], p)];
        const keys: Expr = { ...p, kind: 'Tuple', elts: p.keys, ctx: 'load' };
        if (p.keys.length > 0) {
          const vals = this.fresh();
          conds.push(cmp({ ...p, kind: 'NamedExpr', target: name(vals, 'store', p), value: call('.match_keys', [subj, keys], p) }, 'is not', none(p), p));
          p.patterns.forEach((q, i) => conds.push(...this.sub(q, { ...q, kind: 'Subscript', value: name(vals, 'load', q), slice: int(i, q), ctx: 'load' }, bound)));
        }
        if (p.rest !== null) conds.push(this.capture(p.rest, call('.match_rest', [subj, keys], p), p, bound));
        return conds;
      }
      case 'MatchClass': {
        const vals = this.fresh();
        const kw: Expr = { ...p, kind: 'Tuple', elts: p.kwdAttrs.map((a) => str(a, p)), ctx: 'load' };
        const got: Expr = { ...p, kind: 'NamedExpr', target: name(vals, 'store', p), value: call('.match_class', [subj, p.cls, int(p.patterns.length, p), kw], p) };
        const conds: Expr[] = [cmp(got, 'is not', none(p), p)];
        [...p.patterns, ...p.kwdPatterns].forEach((q, i) => {
          conds.push(...this.sub(q, { ...q, kind: 'Subscript', value: name(vals, 'load', q), slice: int(i, q), ctx: 'load' }, bound));
        });
        return conds;
      }
      default: {
        const _never: never = p;
        throw new Error(`unhandled pattern ${String(_never)}`);
      }
    }
  }

  /** A sub-pattern against an element expression: evaluated once (into a temporary) unless trivial. */
  private sub(q: Pattern, elem: Expr, bound: string[]): Expr[] {
    this.last = q;
    if (q.kind === 'MatchAs' && q.pattern === null) return q.name === null ? [] : [this.capture(q.name, elem, q, bound)];
    if (q.kind === 'MatchValue' || q.kind === 'MatchSingleton') return this.pattern(q, elem, bound);
    const t = this.fresh();
    return [isTrue({ ...q, kind: 'NamedExpr', target: name(t, 'store', q), value: elem }, name(t, 'load', q)), ...this.pattern(q, name(t, 'load', q), bound)];
  }

  private capture(n: string, value: Expr, at: Span, bound: string[]): Expr {
    if (bound.includes(n)) throw this.err(`multiple assignments to name '${n}' in pattern`, at);
    bound.push(n);
    let t = this.caps.get(n);
    if (t === undefined) {
      t = this.fresh();
      this.caps.set(n, t);
    }
    return isTrue({ ...at, kind: 'NamedExpr', target: name(t, 'store', at), value }, name(t, 'load', at));
  }
}

function name(id: string, ctx: 'load' | 'store', at: Span): Expr {
  return { line: at.line, col: at.col, endLine: at.endLine, endCol: at.endCol, kind: 'Name', id, ctx };
}
function int(v: number, at: Span): Expr {
  return { line: at.line, col: at.col, endLine: at.endLine, endCol: at.endCol, kind: 'Constant', value: { type: 'int', value: v } };
}
function str(v: string, at: Span): Expr {
  return { line: at.line, col: at.col, endLine: at.endLine, endCol: at.endCol, kind: 'Constant', value: { type: 'str', value: v } };
}
function none(at: Span): Expr {
  return { line: at.line, col: at.col, endLine: at.endLine, endCol: at.endCol, kind: 'Constant', value: { type: 'none' } };
}
function call(fn: string, args: Expr[], at: Span): Expr {
  return { line: at.line, col: at.col, endLine: at.endLine, endCol: at.endCol, kind: 'Call', func: name(fn, 'load', at), args, keywords: [] };
}
function cmp(left: Expr, op: '==' | 'is' | 'is not' | '>=', right: Expr, at: Span): Expr {
  return { line: at.line, col: at.col, endLine: at.endLine, endCol: at.endCol, kind: 'Compare', left, ops: [op], comparators: [right] };
}
/** `(t := v) is t`: performs the assignment and is always true. */
function isTrue(assign: Expr, again: Expr): Expr {
  return cmp(assign, 'is', again, assign);
}
function and(conds: Expr[], at: Span): Expr {
  if (conds.length === 0) return { line: at.line, col: at.col, endLine: at.endLine, endCol: at.endCol, kind: 'Constant', value: { type: 'bool', value: true } };
  if (conds.length === 1) return conds[0]!;
  return { line: at.line, col: at.col, endLine: at.endLine, endCol: at.endCol, kind: 'BoolOp', op: 'and', values: conds };
}
