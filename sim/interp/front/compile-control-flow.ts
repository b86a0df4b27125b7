/**
 * Control flow with frame blocks: `for`, `while`, `with` and `try` (3.11's exception-table
 * handlers) and the unwinding that `return`, `break` and `continue` do through them.
 */
import type { Stmt } from './ast.js';
import { Op } from '../opcodes.js';
import {
  SETUP_FINALLY, SETUP_CLEANUP, SETUP_WITH, POP_BLOCK, JUMP, type FBlock, NONE, foldConst,
  constTruth, type Label,
} from './code-unit.js';
import { FunctionCompiler } from './compile-functions.js';
export abstract class ControlFlowCompiler extends FunctionCompiler {
  protected pushFBlock(f: FBlock): void {
    this.u.fblocks.push(f);
  }
  protected popFBlock(): void {
    this.u.fblocks.pop();
  }

  /** CPython's compiler_unwind_fblock: the code that leaving one block early must run. */
  protected unwindFBlock(f: FBlock, preserveTos: boolean): void {
    switch (f.type) {
      case 'while': case 'exceptionHandler': break;
      case 'for':
        if (preserveTos) this.emit(Op.SWAP, 2);
        this.emit(Op.POP_TOP);
        break;
      case 'tryExcept':
        this.emit(POP_BLOCK);
        break;
      case 'finallyTry':
        this.emit(POP_BLOCK);
        if (preserveTos) this.pushFBlock({ type: 'popValue', start: null, exit: null });
        this.stmts(f.finalBody!);
        if (preserveTos) this.popFBlock();
        break;
      case 'finallyEnd':
        if (preserveTos) this.emit(Op.SWAP, 2);
        this.emit(Op.POP_TOP);
        if (preserveTos) this.emit(Op.SWAP, 2);
        this.emit(POP_BLOCK);
        this.emit(Op.POP_EXCEPT);
        break;
      case 'with': case 'asyncWith':
        this.setLoc(f.node!);
        this.emit(POP_BLOCK);
        if (preserveTos) this.emit(Op.SWAP, 2);
        this.callExitWithNones();
        if (f.type === 'asyncWith') {
          this.emit(Op.GET_AWAITABLE, 2);
          this.delegate(3);
        }
        this.emit(Op.POP_TOP);
        break;
      case 'handlerCleanup':
        if (f.name) this.emit(POP_BLOCK);
        if (preserveTos) this.emit(Op.SWAP, 2);
        this.emit(POP_BLOCK);
        this.emit(Op.POP_EXCEPT);
        if (f.name) {
          this.loadConst(NONE);
          this.nameOp(f.name, 'store');
          this.nameOp(f.name, 'del');
        }
        break;
      case 'popValue':
        if (preserveTos) this.emit(Op.SWAP, 2);
        this.emit(Op.POP_TOP);
        break;
      case 'exceptionGroupHandler':
        // refuseInExceptStar stopped every jump out of an except* body before it got here.
        throw new Error('internal: unwinding out of an except* block');
      default: {
        const _never: never = f.type;
        throw new Error(String(_never));
      }
    }
  }

  /** Unwinds every block (return) or up to the innermost loop (break/continue), which it returns. */
  protected unwindFBlockStack(preserveTos: boolean, toLoop: boolean): FBlock | null {
    const fb = this.u.fblocks;
    if (fb.length === 0) return null;
    const top = fb[fb.length - 1]!;
    if (toLoop && (top.type === 'while' || top.type === 'for')) return top;
    fb.pop();
    this.unwindFBlock(top, preserveTos);
    const loop = this.unwindFBlockStack(preserveTos, toLoop);
    fb.push(top);
    return loop;
  }

  protected callExitWithNones(): void {
    this.loadConst(NONE);
    this.loadConst(NONE);
    this.loadConst(NONE);
    this.emit(Op.CALL, 2);
  }

  protected forStmt(s: Extract<Stmt, { kind: 'For' }>): void {
    if (s.isAsync === true) {
      this.asyncForStmt(s);
      return;
    }
    const start = this.newLabel();
    const cleanup = this.newLabel();
    const end = this.newLabel();
    this.expr(s.iter);
    this.setLoc(s);
    this.emit(Op.GET_ITER);
    this.bind(start);
    this.emitJump(Op.FOR_ITER, cleanup);
    this.pushFBlock({ type: 'for', start, exit: end });
    this.assignTarget(s.target);
    this.stmts(s.body);
    this.popFBlock();
    this.setLoc(s);
    this.emitJump(JUMP, start);
    this.bind(cleanup);
    this.stmts(s.orelse);
    this.bind(end);
  }

  /** `async for` (3.11's compiler_async_for): __anext__() awaited under a handler whose
   *  END_ASYNC_FOR ends the loop on StopAsyncIteration. */
  protected asyncForStmt(s: Extract<Stmt, { kind: 'For' }>): void {
    if (!this.u.block.isCoroutine) throw this.error("'async for' outside async function", s);
    const start = this.newLabel();
    const except = this.newLabel();
    const end = this.newLabel();
    this.expr(s.iter);
    this.setLoc(s);
    this.emit(Op.GET_AITER);
    this.bind(start);
    this.pushFBlock({ type: 'for', start, exit: end });
    this.emitJump(SETUP_FINALLY, except);
    this.emit(Op.GET_ANEXT);
    this.delegate(3);
    this.emit(POP_BLOCK);
    this.assignTarget(s.target);
    this.stmts(s.body);
    this.setLoc(s);
    this.emitJump(JUMP, start);
    this.popFBlock();
    this.bind(except);
    this.setLoc(s.iter);
    this.emit(Op.END_ASYNC_FOR);
    this.stmts(s.orelse);
    this.bind(end);
  }

  protected whileStmt(s: Extract<Stmt, { kind: 'While' }>): void {
    const loop = this.newLabel();
    const anchor = this.newLabel();
    const exit = this.newLabel();
    this.bind(loop);
    this.pushFBlock({ type: 'while', start: loop, exit });
    const c = foldConst(s.test);
    const alwaysTrue = c !== null && constTruth(c) === true;
    if (!alwaysTrue) this.jumpIf(s.test, anchor, false);
    else this.emit(Op.NOP);
    this.stmts(s.body);
    this.setLoc(s);
    this.emitJump(JUMP, loop);
    this.popFBlock();
    this.bind(anchor);
    this.stmts(s.orelse);
    this.bind(exit);
  }

  protected withStmt(s: Extract<Stmt, { kind: 'With' }>, pos: number): void {
    const item = s.items[pos]!;
    const final = this.newLabel();
    const exit = this.newLabel();
    const cleanup = this.newLabel();
    const isAsync = s.isAsync === true;
    if (isAsync && !this.u.block.isCoroutine) throw this.error("'async with' outside async function", s);
    this.expr(item.contextExpr);
    this.setLoc(s);
    if (isAsync) {
      this.emit(Op.BEFORE_ASYNC_WITH);
      this.emit(Op.GET_AWAITABLE, 1);
      this.delegate(3);
    } else {
      this.emit(Op.BEFORE_WITH);
    }
    this.emitJump(SETUP_WITH, final);
    this.pushFBlock({ type: isAsync ? 'asyncWith' : 'with', start: null, exit: null, node: s });
    if (item.optionalVars) this.assignTarget(item.optionalVars);
    else this.emit(Op.POP_TOP);
    if (pos + 1 === s.items.length) this.stmts(s.body);
    else this.withStmt(s, pos + 1);
    this.popFBlock();
    this.setLoc(s);
    this.emit(POP_BLOCK);
    this.callExitWithNones();
    if (isAsync) {
      this.emit(Op.GET_AWAITABLE, 2);
      this.delegate(3);
    }
    this.emit(Op.POP_TOP);
    this.emitJump(JUMP, exit);
    // Exceptional outcome.
    this.bind(final);
    this.emitJump(SETUP_CLEANUP, cleanup);
    this.emit(Op.PUSH_EXC_INFO);
    this.emit(Op.WITH_EXCEPT_START);
    if (isAsync) {
      this.emit(Op.GET_AWAITABLE, 2);
      this.delegate(3);
    }
    const suppress = this.newLabel();
    this.emitJump(Op.POP_JUMP_IF_TRUE, suppress);
    this.emit(Op.RERAISE, 2);
    this.bind(cleanup);
    this.popExceptAndReraise();
    this.bind(suppress);
    this.emit(Op.POP_TOP);
    this.emit(POP_BLOCK);
    this.emit(Op.POP_EXCEPT);
    this.emit(Op.POP_TOP);
    this.emit(Op.POP_TOP);
    this.bind(exit);
  }

  /** CPython's error for `break`/`continue` (to a loop outside) or `return` in an except* body. */
  protected refuseInExceptStar(toLoop: boolean, at: { line: number; col: number; endLine: number; endCol: number }): void {
    const fb = this.u.fblocks;
    for (let i = fb.length - 1; i >= 0; i--) {
      const t = fb[i]!.type;
      if (toLoop && (t === 'while' || t === 'for')) return;
      if (t === 'exceptionGroupHandler') throw this.error("'break', 'continue' and 'return' cannot appear in an except* block", at);
    }
  }

  /**
   * `try`/`except*` (PEP 654), CPython 3.11's layout: the handler keeps [orig, raised list, rest];
   * each clause's CHECK_EG_MATCH splits the rest, a matching clause runs with its part bound, and
   * what its body raises is appended to the list; PREP_RERAISE_STAR then builds what propagates
   * (unhandled and re-raised parts in the original's shape, new exceptions beside them).
   */
  protected tryExceptStar(s: Extract<Stmt, { kind: 'Try' }>): void {
    const except = this.newLabel();
    const orelse = this.newLabel();
    const end = this.newLabel();
    const cleanup = this.newLabel();
    const reraise = this.newLabel();
    this.tryBody(s, except);
    this.emitJump(JUMP, orelse);
    this.bind(except);
    this.emitJump(SETUP_CLEANUP, cleanup);
    this.emit(Op.PUSH_EXC_INFO);
    this.pushFBlock({ type: 'exceptionGroupHandler', start: null, exit: null });
    const first = s.handlers[0]!;
    this.setLoc(first);
    this.emit(Op.COPY, 1);
    this.emit(Op.BUILD_LIST, 0);
    this.emit(Op.SWAP, 2);
    for (const h of s.handlers) {
      const noMatch = this.newLabel();
      const next = this.newLabel();
      const raised = this.newLabel();
      this.expr(h.type!);
      this.setLoc(h);
      this.emit(Op.CHECK_EG_MATCH);
      this.emit(Op.COPY, 1);
      this.emitJump(Op.POP_JUMP_IF_NONE, noMatch);
      if (h.name) this.nameOp(h.name, 'store');
      else this.emit(Op.POP_TOP);
      this.emitJump(SETUP_CLEANUP, raised);
      this.pushFBlock({ type: 'handlerCleanup', start: null, exit: null, name: h.name });
      this.stmts(h.body);
      this.popFBlock();
      this.emit(POP_BLOCK);
      if (h.name) {
        this.loadConst(NONE);
        this.nameOp(h.name, 'store');
        this.nameOp(h.name, 'del');
      }
      this.emitJump(JUMP, next);
      // The body raised: the exception joins the list, then the next clause.
      this.bind(raised);
      if (h.name) {
        this.loadConst(NONE);
        this.nameOp(h.name, 'store');
        this.nameOp(h.name, 'del');
      }
      this.emit(Op.LIST_APPEND, 3);
      this.emit(Op.POP_TOP);
      this.emitJump(JUMP, next);
      this.bind(noMatch);
      this.emit(Op.POP_TOP);
      this.bind(next);
    }
    this.popFBlock();
    this.emit(Op.LIST_APPEND, 1);
    this.emit(Op.PREP_RERAISE_STAR);
    this.emit(Op.COPY, 1);
    this.emitJump(Op.POP_JUMP_IF_NOT_NONE, reraise);
    this.emit(Op.POP_TOP);
    this.emit(POP_BLOCK);
    this.emit(Op.POP_EXCEPT);
    this.emitJump(JUMP, end);
    this.bind(reraise);
    this.emit(Op.SWAP, 2);
    this.emit(POP_BLOCK);
    this.emit(Op.POP_EXCEPT);
    this.emit(Op.RERAISE, 0);
    this.bind(cleanup);
    this.popExceptAndReraise();
    this.bind(orelse);
    this.stmts(s.orelse);
    this.bind(end);
  }

  protected popExceptAndReraise(): void {
    this.emit(Op.COPY, 3);
    this.emit(Op.POP_EXCEPT);
    this.emit(Op.RERAISE, 1);
  }

  protected tryFinally(s: Extract<Stmt, { kind: 'Try' }>): void {
    const end = this.newLabel();
    const exit = this.newLabel();
    const cleanup = this.newLabel();
    this.emitJump(SETUP_FINALLY, end);
    this.pushFBlock({ type: 'finallyTry', start: null, exit: null, finalBody: s.finalbody });
    if (s.handlers[0]?.star === true) this.tryExceptStar(s);
    else if (s.handlers.length > 0) this.tryExcept(s);
    else this.stmts(s.body);
    this.popFBlock();
    this.emit(POP_BLOCK);
    this.stmts(s.finalbody);
    this.emitJump(JUMP, exit);
    // The exceptional path runs the finally body again, then re-raises.
    this.bind(end);
    this.emitJump(SETUP_CLEANUP, cleanup);
    this.emit(Op.PUSH_EXC_INFO);
    this.pushFBlock({ type: 'finallyEnd', start: null, exit: null });
    this.stmts(s.finalbody);
    this.popFBlock();
    this.emit(Op.RERAISE, 0);
    this.bind(cleanup);
    this.popExceptAndReraise();
    this.bind(exit);
  }

  /** A try body under a handler at `except` (both forms of try/except). */
  private tryBody(s: Extract<Stmt, { kind: 'Try' }>, except: Label): void {
    this.setLoc(s);
    this.emitJump(SETUP_FINALLY, except);
    this.pushFBlock({ type: 'tryExcept', start: null, exit: null });
    this.stmts(s.body);
    this.popFBlock();
    this.emit(POP_BLOCK);
  }

  protected tryExcept(s: Extract<Stmt, { kind: 'Try' }>): void {
    const except = this.newLabel();
    const end = this.newLabel();
    const cleanup = this.newLabel();
    this.tryBody(s, except);
    this.stmts(s.orelse);
    this.emitJump(JUMP, end);
    this.bind(except);
    this.emitJump(SETUP_CLEANUP, cleanup);
    this.emit(Op.PUSH_EXC_INFO);
    this.pushFBlock({ type: 'exceptionHandler', start: null, exit: null });
    const n = s.handlers.length;
    s.handlers.forEach((h, i) => {
      this.setLoc(h);
      if (!h.type && i < n - 1) throw this.error("default 'except:' must be last", h);
      const next = this.newLabel();
      if (h.type) {
        this.expr(h.type);
        this.setLoc(h);
        this.emit(Op.CHECK_EXC_MATCH);
        this.emitJump(Op.POP_JUMP_IF_FALSE, next);
      }
      if (h.name) {
        const cleanupEnd = this.newLabel();
        this.nameOp(h.name, 'store');
        this.emitJump(SETUP_CLEANUP, cleanupEnd);
        this.pushFBlock({ type: 'handlerCleanup', start: null, exit: null, name: h.name });
        this.stmts(h.body);
        this.popFBlock();
        this.emit(POP_BLOCK);
        this.emit(POP_BLOCK);
        this.emit(Op.POP_EXCEPT);
        this.loadConst(NONE);
        this.nameOp(h.name, 'store');
        this.nameOp(h.name, 'del');
        this.emitJump(JUMP, end);
        this.bind(cleanupEnd);
        this.loadConst(NONE);
        this.nameOp(h.name, 'store');
        this.nameOp(h.name, 'del');
        this.emit(Op.RERAISE, 1);
      } else {
        this.emit(Op.POP_TOP);
        this.pushFBlock({ type: 'handlerCleanup', start: null, exit: null, name: null });
        this.stmts(h.body);
        this.popFBlock();
        this.emit(POP_BLOCK);
        this.emit(Op.POP_EXCEPT);
        this.emitJump(JUMP, end);
      }
      this.bind(next);
    });
    this.popFBlock();
    this.emit(Op.RERAISE, 0);
    this.bind(cleanup);
    this.popExceptAndReraise();
    this.bind(end);
  }
}
