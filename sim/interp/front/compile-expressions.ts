/**
 * Expressions: conditional jumps, every expression kind, unpacking and assignment targets,
 * displays, comparisons, calls, and the SEND loop of `yield from` / `await`.
 */
import type { Comprehension, Expr, Keyword, Span } from './ast.js';
import type { ConstValue } from '../chunk.js';
import { CmpOp, Op } from '../opcodes.js';
import { JUMP, type Label, BIN_OPS, astConst, NONE, foldConst } from './code-unit.js';
import { CompilerBase } from './compile-base.js';
export abstract class ExpressionCompiler extends CompilerBase {
  protected abstract lambda(e: Extract<Expr, { kind: 'Lambda' }>): void;
  protected abstract comprehension(e: Expr, generators: Comprehension[], kind: 'list' | 'set' | 'dict' | 'gen', elt: Expr, value: Expr | null): void;

  // ---- expressions ---------------------------------------------------------------------------

  /** Conditional jump on the truth of `e` (CPython's compiler_jump_if). */
  protected jumpIf(e: Expr, target: Label, cond: boolean): void {
    if (e.kind === 'UnaryOp' && e.op === 'not') {
      this.jumpIf(e.operand, target, !cond);
      return;
    }
    if (e.kind === 'BoolOp') {
      const isOr = e.op === 'or';
      const next2 = isOr === cond ? target : this.newLabel();
      for (let i = 0; i < e.values.length - 1; i++) this.jumpIf(e.values[i]!, next2, isOr);
      this.jumpIf(e.values[e.values.length - 1]!, target, cond);
      if (next2 !== target) this.bind(next2);
      return;
    }
    if (e.kind === 'Compare' && e.ops.length === 1 && (e.ops[0] === 'is' || e.ops[0] === 'is not')) {
      const right = e.comparators[0]!;
      if (right.kind === 'Constant' && right.value.type === 'none') {
        this.expr(e.left);
        this.setLoc(e);
        const isNone = (e.ops[0] === 'is') === cond;
        this.emitJump(isNone ? Op.POP_JUMP_IF_NONE : Op.POP_JUMP_IF_NOT_NONE, target);
        return;
      }
    }
    this.expr(e);
    this.setLoc(e);
    this.emitJump(cond ? Op.POP_JUMP_IF_TRUE : Op.POP_JUMP_IF_FALSE, target);
  }

  expr(e: Expr): void {
    const u = this.u;
    const save: Span = { line: u.line, col: u.col, endLine: u.endLine, endCol: u.endCol };
    this.setLoc(e);
    this.exprInner(e);
    // Nested units (lambdas, comprehensions) restore their parent; the location is per unit.
    this.setLoc(save);
  }

  protected exprInner(e: Expr): void {
    switch (e.kind) {
      case 'Constant': this.loadConst(astConst(e.value)); return;
      case 'Name': this.nameOp(e.id, e.ctx); return;
      case 'BoolOp': this.boolOp(e); return;
      case 'NamedExpr':
        this.expr(e.value);
        this.emit(Op.COPY, 1);
        this.assignTarget(e.target);
        return;
      case 'BinOp':
        this.expr(e.left);
        this.expr(e.right);
        this.setLoc(e);
        this.emit(Op.BINARY_OP, BIN_OPS[e.op]);
        return;
      case 'UnaryOp': {
        const c = foldConst(e);
        if (c) { this.loadConst(c); return; }
        this.expr(e.operand);
        this.setLoc(e);
        this.emit(e.op === '-' ? Op.UNARY_NEGATIVE : e.op === '+' ? Op.UNARY_POSITIVE : e.op === 'not' ? Op.UNARY_NOT : Op.UNARY_INVERT);
        return;
      }
      case 'Lambda': this.lambda(e); return;
      case 'IfExp': this.ifExp(e); return;
      case 'Dict': this.dict(e); return;
      case 'Set': this.starUnpack(e.elts, 'set'); return;
      case 'ListComp': this.comprehension(e, e.generators, 'list', e.elt, null); return;
      case 'SetComp': this.comprehension(e, e.generators, 'set', e.elt, null); return;
      case 'DictComp': this.comprehension(e, e.generators, 'dict', e.key, e.value); return;
      case 'GeneratorExp': this.comprehension(e, e.generators, 'gen', e.elt, null); return;
      case 'Yield':
        if (this.u.block.kind !== 'function') throw this.error("'yield' outside function", e);
        if (e.value) this.expr(e.value);
        else this.loadConst(NONE);
        this.setLoc(e);
        if (this.u.block.isCoroutine) this.emit(Op.ASYNC_GEN_WRAP);
        this.emit(Op.YIELD_VALUE);
        this.emit(Op.RESUME, 1);
        return;
      case 'YieldFrom': {
        if (this.u.block.kind !== 'function') throw this.error("'yield' outside function", e);
        if (this.u.block.isCoroutine) throw this.error("'yield from' inside async function", e);
        this.expr(e.value);
        this.setLoc(e);
        this.emit(Op.GET_YIELD_FROM_ITER);
        this.delegate(2);
        return;
      }
      case 'Await': {
        const b = this.u.block;
        if (b.kind !== 'function') throw this.error("'await' outside function", e);
        if (!b.isCoroutine) throw this.error("'await' outside async function", e);
        this.expr(e.value);
        this.setLoc(e);
        this.emit(Op.GET_AWAITABLE, 0);
        this.delegate(3);
        return;
      }
      case 'Compare': this.compare(e); return;
      case 'Call': this.call(e); return;
      case 'FormattedValue': this.formattedValue(e); return;
      case 'JoinedStr':
        if (e.values.length === 0) { this.loadConst({ kind: 'str', value: '' }); return; }
        for (const v of e.values) this.expr(v);
        if (e.values.length !== 1 || e.values[0]!.kind !== 'FormattedValue') {
          if (e.values.length !== 1) this.emit(Op.BUILD_STRING, e.values.length);
        }
        return;
      case 'Attribute':
        this.expr(e.value);
        this.setLoc(e);
        this.emit(e.ctx === 'load' ? Op.LOAD_ATTR : e.ctx === 'store' ? Op.STORE_ATTR : Op.DELETE_ATTR, this.u.nameIndex(e.attr));
        return;
      case 'Subscript': this.subscript(e); return;
      case 'Starred':
        if (e.ctx === 'store') throw this.error('starred assignment target must be in a list or tuple', e);
        throw this.error("can't use starred expression here", e);
      case 'List':
      case 'Tuple': this.sequence(e); return;
      case 'Slice': this.sliceParts(e); return;
      default: {
        const _never: never = e;
        throw new Error(String(_never));
      }
    }
  }

  /** `and`/`or`: each value but the last jumps to the end keeping the deciding value. */
  protected boolOp(e: Extract<Expr, { kind: 'BoolOp' }>): void {
    const end = this.newLabel();
    const op = e.op === 'and' ? Op.JUMP_IF_FALSE_OR_POP : Op.JUMP_IF_TRUE_OR_POP;
    e.values.forEach((v, i) => {
      this.expr(v);
      if (i < e.values.length - 1) {
        this.setLoc(e);
        this.emitJump(op, end);
      }
    });
    this.bind(end);
  }

  /** `body if test else orelse`. */
  protected ifExp(e: Extract<Expr, { kind: 'IfExp' }>): void {
    const next = this.newLabel();
    const end = this.newLabel();
    this.jumpIf(e.test, next, false);
    this.expr(e.body);
    this.emitJump(JUMP, end);
    this.bind(next);
    this.expr(e.orelse);
    this.bind(end);
  }

  /** One f-string field: FORMAT_VALUE with the conversion (s, r, a) and spec flags. */
  protected formattedValue(e: Extract<Expr, { kind: 'FormattedValue' }>): void {
    this.expr(e.value);
    let flags = 0;
    if (e.conversion === 115) flags = 1;
    else if (e.conversion === 114) flags = 2;
    else if (e.conversion === 97) flags = 3;
    if (e.formatSpec) {
      this.expr(e.formatSpec);
      flags |= 4;
    }
    this.setLoc(e);
    this.emit(Op.FORMAT_VALUE, flags);
  }

  /** `value[slice]` loaded, stored or deleted. */
  protected subscript(e: Extract<Expr, { kind: 'Subscript' }>): void {
    if (e.ctx === 'store') {
      this.expr(e.value);
      this.subscriptIndex(e.slice);
      this.setLoc(e);
      this.emit(Op.STORE_SUBSCR);
      return;
    }
    this.expr(e.value);
    this.subscriptIndex(e.slice);
    this.setLoc(e);
    this.emit(e.ctx === 'load' ? Op.BINARY_SUBSCR : Op.DELETE_SUBSCR);
  }

  /** A list or tuple display (a folded constant tuple where it can), or unpacking/deleting targets. */
  protected sequence(e: Extract<Expr, { kind: 'List' | 'Tuple' }>): void {
    if (e.ctx === 'store') { this.unpackTargets(e.elts, e); return; }
    if (e.ctx === 'del') { for (const x of e.elts) this.expr(x); return; }
    if (e.kind === 'Tuple') {
      const c = foldConst(e);
      if (c) { this.loadConst(c); return; }
    }
    this.starUnpack(e.elts, e.kind === 'List' ? 'list' : 'tuple');
  }

  protected sliceParts(e: Extract<Expr, { kind: 'Slice' }>): void {
    if (e.lower) this.expr(e.lower); else this.loadConst(NONE);
    if (e.upper) this.expr(e.upper); else this.loadConst(NONE);
    if (e.step) { this.expr(e.step); this.emit(Op.BUILD_SLICE, 3); }
    else this.emit(Op.BUILD_SLICE, 2);
  }

  protected subscriptIndex(s: Expr): void {
    this.expr(s);
  }

  protected unpackTargets(elts: Expr[], node: Expr): void {
    const star = elts.findIndex((x) => x.kind === 'Starred');
    this.setLoc(node);
    if (star >= 0) {
      const after = elts.length - star - 1;
      if (star >= 256 || after >= (1 << 24)) throw this.error('too many expressions in star-unpacking assignment', node);
      this.emit(Op.UNPACK_EX, star | (after << 8));
    } else {
      this.emit(Op.UNPACK_SEQUENCE, elts.length);
    }
    for (const x of elts) {
      if (x.kind === 'Starred') this.assignTarget(x.value);
      else this.assignTarget(x);
    }
  }

  /** Lists, tuples and sets, with `*iterable` items (CPython's starunpack_helper). */
  protected starUnpack(elts: Expr[], kind: 'list' | 'tuple' | 'set'): void {
    const hasStar = elts.some((x) => x.kind === 'Starred');
    if (kind === 'set' && !hasStar && elts.length > 2) {
      // CPython folds an all-constant set display into a frozenset constant (whose table order
      // the VM reproduces) and merges it into an empty set.
      const items = elts.map(foldConst);
      if (items.every((c) => c !== null)) {
        this.emit(Op.BUILD_SET, 0);
        this.loadConst({ kind: 'frozenset', items: items as ConstValue[] });
        this.emit(Op.SET_UPDATE, 1);
        return;
      }
    }
    if (!hasStar) {
      for (const x of elts) this.expr(x);
      this.emit(kind === 'list' ? Op.BUILD_LIST : kind === 'tuple' ? Op.BUILD_TUPLE : Op.BUILD_SET, elts.length);
      return;
    }
    this.emit(kind === 'set' ? Op.BUILD_SET : Op.BUILD_LIST, 0);
    for (const x of elts) {
      if (x.kind === 'Starred') {
        this.expr(x.value);
        this.emit(kind === 'set' ? Op.SET_UPDATE : Op.LIST_EXTEND, 1);
      } else {
        this.expr(x);
        this.emit(kind === 'set' ? Op.SET_ADD : Op.LIST_APPEND, 1);
      }
    }
    if (kind === 'tuple') this.emit(Op.LIST_TO_TUPLE);
  }

  protected dict(e: Extract<Expr, { kind: 'Dict' }>): void {
    const hasUnpack = e.keys.some((k) => k === null);
    if (!hasUnpack) {
      this.dictGroup(e.keys as Expr[], e.values);
      return;
    }
    this.emit(Op.BUILD_MAP, 0);
    let gk: Expr[] = [];
    let gv: Expr[] = [];
    const flush = (): void => {
      if (gk.length === 0) return;
      this.dictGroup(gk, gv);
      this.emit(Op.DICT_UPDATE, 1);
      gk = [];
      gv = [];
    };
    e.keys.forEach((k, i) => {
      if (k === null) {
        flush();
        this.expr(e.values[i]!);
        this.emit(Op.DICT_UPDATE, 1);
      } else {
        gk.push(k);
        gv.push(e.values[i]!);
      }
    });
    flush();
  }

  protected dictGroup(keys: Expr[], values: Expr[]): void {
    const constKeys = keys.map(foldConst);
    if (keys.length > 1 && constKeys.every((c) => c !== null && (c.kind === 'str' || c.kind === 'int'))) {
      for (const v of values) this.expr(v);
      this.loadConst({ kind: 'tuple', items: constKeys as ConstValue[] });
      this.emit(Op.BUILD_CONST_KEY_MAP, keys.length);
      return;
    }
    keys.forEach((k, i) => {
      this.expr(k);
      this.expr(values[i]!);
    });
    this.emit(Op.BUILD_MAP, keys.length);
  }

  protected compare(e: Extract<Expr, { kind: 'Compare' }>): void {
    this.expr(e.left);
    const n = e.ops.length;
    if (n === 1) {
      this.expr(e.comparators[0]!);
      this.setLoc(e);
      this.compareOp(e.ops[0]!);
      return;
    }
    const cleanup = this.newLabel();
    const end = this.newLabel();
    for (let i = 0; i < n - 1; i++) {
      this.expr(e.comparators[i]!);
      this.setLoc(e);
      this.emit(Op.SWAP, 2);
      this.emit(Op.COPY, 2);
      this.compareOp(e.ops[i]!);
      this.emitJump(Op.JUMP_IF_FALSE_OR_POP, cleanup);
    }
    this.expr(e.comparators[n - 1]!);
    this.setLoc(e);
    this.compareOp(e.ops[n - 1]!);
    this.emitJump(JUMP, end);
    this.bind(cleanup);
    this.emit(Op.SWAP, 2);
    this.emit(Op.POP_TOP);
    this.bind(end);
  }

  protected compareOp(op: string): void {
    switch (op) {
      case '<': this.emit(Op.COMPARE_OP, CmpOp.LT); break;
      case '<=': this.emit(Op.COMPARE_OP, CmpOp.LE); break;
      case '==': this.emit(Op.COMPARE_OP, CmpOp.EQ); break;
      case '!=': this.emit(Op.COMPARE_OP, CmpOp.NE); break;
      case '>': this.emit(Op.COMPARE_OP, CmpOp.GT); break;
      case '>=': this.emit(Op.COMPARE_OP, CmpOp.GE); break;
      case 'is': this.emit(Op.IS_OP, 0); break;
      case 'is not': this.emit(Op.IS_OP, 1); break;
      case 'in': this.emit(Op.CONTAINS_OP, 0); break;
      case 'not in': this.emit(Op.CONTAINS_OP, 1); break;
      default: throw new Error(`internal: comparison ${op}`);
    }
  }

  protected call(e: Extract<Expr, { kind: 'Call' }>): void {
    const f = e.func;
    const simple = !e.args.some((a) => a.kind === 'Starred') && !e.keywords.some((k) => k.arg === null);
    if (f.kind === 'Attribute' && simple) {
      this.expr(f.value);
      this.setLoc(f);
      this.emit(Op.LOAD_METHOD, this.u.nameIndex(f.attr));
      for (const a of e.args) this.expr(a);
      for (const k of e.keywords) this.expr(k.value);
      this.setLoc(e);
      this.finishCall(e.args.length, e.keywords);
      return;
    }
    this.emit(Op.PUSH_NULL);
    this.expr(f);
    this.callHelper(0, e.args, e.keywords, e);
  }

  protected finishCall(nargs: number, keywords: Keyword[]): void {
    if (keywords.length > 0) {
      this.loadConst({ kind: 'tuple', items: keywords.map((k) => ({ kind: 'str', value: k.arg! }) as ConstValue) });
      this.emit(Op.CALL_KW, nargs + keywords.length);
    } else {
      this.emit(Op.CALL, nargs);
    }
  }

  /** Arguments after the callable (and `n` already-pushed positional args). */
  protected callHelper(n: number, args: Expr[], keywords: Keyword[], node: Span): void {
    const seen = new Set<string>();
    for (const k of keywords) {
      if (k.arg === null) continue;
      if (seen.has(k.arg)) throw this.error(`keyword argument repeated: ${k.arg}`, k);
      seen.add(k.arg);
    }
    const simple = !args.some((a) => a.kind === 'Starred') && !keywords.some((k) => k.arg === null);
    if (simple) {
      for (const a of args) this.expr(a);
      for (const k of keywords) this.expr(k.value);
      this.setLoc(node);
      this.finishCall(n + args.length, keywords);
      return;
    }
    // CALL_FUNCTION_EX: positional args as a tuple (the n already pushed ones first).
    this.emit(Op.BUILD_LIST, n);
    for (const a of args) {
      if (a.kind === 'Starred') {
        this.expr(a.value);
        this.emit(Op.LIST_EXTEND, 1);
      } else {
        this.expr(a);
        this.emit(Op.LIST_APPEND, 1);
      }
    }
    this.emit(Op.LIST_TO_TUPLE);
    let flags = 0;
    if (keywords.length > 0) {
      flags = 1;
      this.emit(Op.BUILD_MAP, 0);
      let group: Keyword[] = [];
      const flush = (): void => {
        if (group.length === 0) return;
        for (const k of group) {
          this.loadConst({ kind: 'str', value: k.arg! });
          this.expr(k.value);
        }
        this.emit(Op.BUILD_MAP, group.length);
        this.emit(Op.DICT_MERGE, 1);
        group = [];
      };
      for (const k of keywords) {
        if (k.arg === null) {
          flush();
          this.expr(k.value);
          this.emit(Op.DICT_MERGE, 1);
        } else group.push(k);
      }
      flush();
    }
    this.setLoc(node);
    this.emit(Op.CALL_FUNCTION_EX, flags);
  }

  /** Stores TOS into a target (Name/Attribute/Subscript/Tuple/List/Starred-in-sequence). */
  protected assignTarget(t: Expr): void {
    this.expr({ ...t, ctx: 'store' } as Expr);
  }

  /** The SEND loop of `yield from` (RESUME 2) and `await` (RESUME 3) over the iterator on top. */
  protected delegate(resume: number): void {
    this.loadConst(NONE);
    const start = this.newLabel();
    const exit = this.newLabel();
    this.bind(start);
    this.emitJump(Op.SEND, exit);
    this.emit(Op.YIELD_VALUE);
    this.emit(Op.RESUME, resume);
    this.emitJump(JUMP, start);
    this.bind(exit);
  }
}
