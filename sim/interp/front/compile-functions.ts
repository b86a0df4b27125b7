/**
 * Functions, lambdas, classes and comprehensions (each a code unit of its own: defaults,
 * annotations, closures, prologues) and the annotations of module and class bodies.
 */
import type { Arguments, Comprehension, Expr, Stmt } from './ast.js';
import { type CodeObject, type ConstValue, CodeFlag } from '../chunk.js';
import { Op } from '../opcodes.js';
import type { Block } from './symtable.js';
import { unparse } from './unparse.js';
import { JUMP, SETUP_FINALLY, POP_BLOCK, Unit, NONE, foldConst, docstring } from './code-unit.js';
import { ExpressionCompiler } from './compile-expressions.js';
export abstract class FunctionCompiler extends ExpressionCompiler {
  protected abstract stmts(ss: Stmt[]): void;

  // ---- functions and classes -----------------------------------------------------------------

  /** Pushes defaults/kwdefaults; returns the MAKE_FUNCTION flags they need. */
  protected defaultsFor(a: Arguments): number {
    let flags = 0;
    if (a.defaults.length > 0) {
      const consts = a.defaults.map(foldConst);
      if (consts.every((c) => c !== null)) this.loadConst({ kind: 'tuple', items: consts as ConstValue[] });
      else {
        for (const d of a.defaults) this.expr(d);
        this.emit(Op.BUILD_TUPLE, a.defaults.length);
      }
      flags |= 1;
    }
    const kw = a.kwonlyargs.map((p, i) => ({ name: p.arg, def: a.kwDefaults[i] ?? null })).filter((x) => x.def !== null);
    if (kw.length > 0) {
      for (const k of kw) {
        this.loadConst({ kind: 'str', value: k.name });
        this.expr(k.def!);
      }
      this.emit(Op.BUILD_MAP, kw.length);
      flags |= 2;
    }
    return flags;
  }

  /** Pushes a closure tuple if `block` has free variables, then the code and MAKE_FUNCTION. */
  protected makeClosure(co: CodeObject, flags: number): void {
    if (co.freevars.length > 0) {
      for (const n of co.freevars) {
        // A class body's own `__class__` cell, or a name this unit holds as cell/free.
        this.emit(Op.LOAD_CLOSURE, this.u.derefIndex(n));
      }
      this.emit(Op.BUILD_TUPLE, co.freevars.length);
      flags |= 8;
    }
    this.loadConst({ kind: 'code', code: co });
    this.emit(Op.MAKE_FUNCTION, flags);
  }

  protected setArgCounts(a: Arguments, u: Unit): void {
    u.argcount = a.posonlyargs.length + a.args.length;
    u.posonlyargcount = a.posonlyargs.length;
    u.kwonlyargcount = a.kwonlyargs.length;
    u.flags = CodeFlag.OPTIMIZED | CodeFlag.NEWLOCALS;
    if (a.vararg) u.flags |= CodeFlag.VARARGS;
    if (a.kwarg) u.flags |= CodeFlag.VARKEYWORDS;
  }

  protected functionFlags(u: Unit, parent: Unit): void {
    if (u.block.isGenerator) u.flags |= CodeFlag.GENERATOR;
    if (u.block.isCoroutine) u.flags |= CodeFlag.GENERATOR | (u.block.isGenerator ? CodeFlag.ASYNC_GENERATOR : CodeFlag.COROUTINE);
    if (parent.block.kind === 'function') u.flags |= CodeFlag.NESTED;
  }

  protected prologue(block: Block): void {
    if (block.isGenerator || block.isCoroutine) {
      this.emit(Op.RETURN_GENERATOR);
      this.emit(Op.POP_TOP);
    }
    this.emit(Op.RESUME, 0);
  }

  protected functionDef(s: Extract<Stmt, { kind: 'FunctionDef' }>): void {
    for (const d of s.decorators) this.expr(d);
    this.setLoc(s);
    const flags = this.defaultsFor(s.args) | this.functionAnnotations(s.args, s.returns);
    this.setLoc(s);
    const block = this.table.blocks.get(s)!;
    const parent = this.u;
    this.enterUnit(block, s.name, s.decorators.length > 0 ? s.decorators[0]!.line : s.line); // co_firstlineno: the first decorator
    this.setArgCounts(s.args, this.u);
    this.functionFlags(this.u, parent);
    const doc = docstring(s.body);
    this.u.addConst(doc !== null ? { kind: 'str', value: doc } : NONE);
    this.prologue(block);
    const body = doc !== null ? s.body.slice(1) : s.body;
    this.stmts(body);
    this.implicitReturn();
    const co = this.leaveUnit();
    this.setLoc(s);
    this.makeClosure(co, flags);
    for (let i = 0; i < s.decorators.length; i++) this.emit(Op.CALL, 0);
    this.nameOp(s.name, 'store');
  }

  /** Always emitted: jumps may target the end even when the last statement returns (the assembler
   *  drops it when unreachable). */
  protected implicitReturn(): void {
    this.loadConst(NONE);
    this.emit(Op.RETURN_VALUE);
  }

  protected classDef(s: Extract<Stmt, { kind: 'ClassDef' }>): void {
    for (const d of s.decorators) this.expr(d);
    this.setLoc(s);
    const block = this.table.blocks.get(s)!;
    this.enterUnit(block, s.name, s.decorators.length > 0 ? s.decorators[0]!.line : s.line); // co_firstlineno: the first decorator
    const u = this.u;
    this.emit(Op.RESUME, 0);
    this.emit(Op.LOAD_NAME, u.nameIndex('__name__'));
    this.emit(Op.STORE_NAME, u.nameIndex('__module__'));
    this.loadConst({ kind: 'str', value: u.qualname });
    this.emit(Op.STORE_NAME, u.nameIndex('__qualname__'));
    this.stmts(this.namespaceBody(s.body));
    if (block.needsClassCell) {
      this.emit(Op.LOAD_CLOSURE, u.derefIndex('__class__'));
      this.emit(Op.COPY, 1);
      this.emit(Op.STORE_NAME, u.nameIndex('__classcell__'));
      this.emit(Op.RETURN_VALUE);
    } else {
      this.loadConst(NONE);
      this.emit(Op.RETURN_VALUE);
    }
    const co = this.leaveUnit();
    this.setLoc(s);
    this.emit(Op.PUSH_NULL);
    this.emit(Op.LOAD_BUILD_CLASS);
    this.makeClosure(co, 0);
    this.loadConst({ kind: 'str', value: s.name });
    this.callHelper(2, s.bases, s.keywords, s);
    for (let i = 0; i < s.decorators.length; i++) this.emit(Op.CALL, 0);
    this.nameOp(s.name, 'store');
  }

  protected lambda(e: Extract<Expr, { kind: 'Lambda' }>): void {
    const flags = this.defaultsFor(e.args);
    const block = this.table.blocks.get(e)!;
    const parent = this.u;
    this.enterUnit(block, '<lambda>', e.line);
    this.setArgCounts(e.args, this.u);
    this.functionFlags(this.u, parent);
    this.prologue(block);
    this.setLoc(e.body);
    this.expr(e.body);
    if (!block.isGenerator) this.emit(Op.RETURN_VALUE);
    else { this.emit(Op.POP_TOP); this.loadConst(NONE); this.emit(Op.RETURN_VALUE); }
    const co = this.leaveUnit();
    this.setLoc(e);
    this.makeClosure(co, flags);
  }

  protected comprehension(e: Expr, generators: Comprehension[], kind: 'list' | 'set' | 'dict' | 'gen', elt: Expr, value: Expr | null): void {
    const block = this.table.blocks.get(e)!;
    const parent = this.u;
    const name = kind === 'gen' ? '<genexpr>' : `<${kind}comp>`;
    this.enterUnit(block, name, e.line);
    const u = this.u;
    u.argcount = 1;
    u.flags = CodeFlag.OPTIMIZED | CodeFlag.NEWLOCALS;
    this.functionFlags(u, parent);
    this.setLoc(e);
    this.prologue(block);
    if (kind === 'list') this.emit(Op.BUILD_LIST, 0);
    else if (kind === 'set') this.emit(Op.BUILD_SET, 0);
    else if (kind === 'dict') this.emit(Op.BUILD_MAP, 0);
    this.compGenerator(generators, 0, 0, kind, elt, value, e);
    this.setLoc(e);
    if (kind === 'gen') this.loadConst(NONE);
    this.emit(Op.RETURN_VALUE);
    const co = this.leaveUnit();
    this.setLoc(e);
    this.makeClosure(co, 0);
    this.expr(generators[0]!.iter);
    this.setLoc(e);
    this.emit(generators[0]!.isAsync === true ? Op.GET_AITER : Op.GET_ITER);
    this.emit(Op.CALL, 0);
    if (block.isCoroutine && kind !== 'gen') {
      // An asynchronous list/set/dict comprehension is a coroutine, awaited where it stands.
      this.emit(Op.GET_AWAITABLE, 0);
      this.delegate(3);
    }
  }

  protected compGenerator(gens: Comprehension[], idx: number, depth: number, kind: 'list' | 'set' | 'dict' | 'gen', elt: Expr, value: Expr | null, node: Expr): void {
    const g = gens[idx]!;
    const start = this.newLabel();
    const ifCleanup = this.newLabel();
    const anchor = this.newLabel();
    const isAsync = g.isAsync === true;
    if (idx === 0) {
      this.emit(Op.LOAD_FAST, this.u.varIndex('.0'));
    } else {
      this.expr(g.iter);
      this.emit(isAsync ? Op.GET_AITER : Op.GET_ITER);
    }
    depth++;
    this.bind(start);
    if (isAsync) {
      // 3.11's async comprehension generator: __anext__() awaited under a handler that ends
      // the loop on StopAsyncIteration (END_ASYNC_FOR).
      this.emitJump(SETUP_FINALLY, anchor);
      this.emit(Op.GET_ANEXT);
      this.delegate(3);
      this.emit(POP_BLOCK);
    } else {
      this.emitJump(Op.FOR_ITER, anchor);
    }
    this.assignTarget(g.target);
    for (const cond of g.ifs) this.jumpIf(cond, ifCleanup, false);
    if (idx + 1 < gens.length) {
      this.compGenerator(gens, idx + 1, depth, kind, elt, value, node);
    } else {
      switch (kind) {
        case 'gen':
          this.expr(elt);
          if (this.u.block.isCoroutine) this.emit(Op.ASYNC_GEN_WRAP);
          this.emit(Op.YIELD_VALUE);
          this.emit(Op.RESUME, 1);
          this.emit(Op.POP_TOP);
          break;
        case 'list':
          this.expr(elt);
          this.emit(Op.LIST_APPEND, depth + 1);
          break;
        case 'set':
          this.expr(elt);
          this.emit(Op.SET_ADD, depth + 1);
          break;
        case 'dict':
          this.expr(elt);
          this.expr(value!);
          this.emit(Op.MAP_ADD, depth + 1);
          break;
        default: {
          const _never: never = kind;
          throw new Error(String(_never));
        }
      }
    }
    this.bind(ifCleanup);
    this.setLoc(node);
    this.emitJump(JUMP, start);
    this.bind(anchor);
    if (isAsync) {
      this.setLoc(g.iter);
      this.emit(Op.END_ASYNC_FOR);
    }
  }

  /** Pushes a def's annotations as the (name, value, ...) tuple MAKE_FUNCTION takes (flag 4). */
  protected functionAnnotations(a: Arguments, returns: Expr | null): number {
    let n = 0;
    for (const p of [...a.posonlyargs, ...a.args, a.vararg, ...a.kwonlyargs, a.kwarg]) {
      if (p === null || p.annotation === null) continue;
      this.loadConst({ kind: 'str', value: p.arg });
      this.annotationValue(p.annotation);
      n++;
    }
    if (returns !== null) {
      this.loadConst({ kind: 'str', value: 'return' });
      this.annotationValue(returns);
      n++;
    }
    if (n === 0) return 0;
    this.emit(Op.BUILD_TUPLE, 2 * n);
    return 4;
  }

  /**
   * The start of a module or class body: SETUP_ANNOTATIONS when it annotates a name, then its
   * docstring stored in `__doc__`. Returns the statements after the docstring.
   */
  protected namespaceBody(body: Stmt[]): Stmt[] {
    this.setupAnnotations(body);
    const doc = docstring(body);
    if (doc === null) return body;
    this.setLoc(body[0]!);
    this.loadConst({ kind: 'str', value: doc });
    this.emit(Op.STORE_NAME, this.u.nameIndex('__doc__'));
    return body.slice(1);
  }

  /** SETUP_ANNOTATIONS first in a module or class body that annotates a name (find_ann). */
  protected setupAnnotations(body: Stmt[]): void {
    const find = (ss: Stmt[]): boolean => ss.some((s) => {
      switch (s.kind) {
        case 'AnnAssign': return true;
        case 'For': case 'While': case 'If': return find(s.body) || find(s.orelse);
        case 'With': return find(s.body);
        case 'Try': return find(s.body) || find(s.orelse) || find(s.finalbody) || s.handlers.some((h) => find(h.body));
        default: return false;
      }
    });
    if (find(body)) this.emit(Op.SETUP_ANNOTATIONS);
  }

  /** An annotation's value: the expression, or its text under PEP 563. */
  protected annotationValue(e: Expr): void {
    if (this.futureAnnotations) this.loadConst({ kind: 'str', value: unparse(e) });
    else this.expr(e);
  }
}
