/**
 * Statements: the dispatch over every statement kind, `return`, augmented and annotated
 * assignment.
 */
import type { Stmt } from './ast.js';
import type { ConstValue } from '../chunk.js';
import { Op } from '../opcodes.js';
import { JUMP, BIN_OPS, INPLACE_OFFSET, NONE, foldConst } from './code-unit.js';
import { ControlFlowCompiler } from './compile-control-flow.js';
export abstract class StatementCompiler extends ControlFlowCompiler {
  // ---- statements ----------------------------------------------------------------------------

  protected stmts(ss: Stmt[]): void {
    for (const s of ss) this.stmt(s);
  }

  protected stmt(s: Stmt): void {
    this.setLoc(s);
    switch (s.kind) {
      case 'FunctionDef': this.functionDef(s); break;
      case 'ClassDef': this.classDef(s); break;
      case 'Return': this.returnStmt(s); break;
      case 'Delete': for (const t of s.targets) this.expr(t); break;
      case 'Assign': {
        this.expr(s.value);
        s.targets.forEach((t, i) => {
          if (i < s.targets.length - 1) this.emit(Op.COPY, 1);
          this.assignTarget(t);
        });
        break;
      }
      case 'AugAssign': this.augAssign(s); break;
      case 'AnnAssign': this.annAssign(s); break;
      case 'For': this.forStmt(s); break;
      case 'While': this.whileStmt(s); break;
      case 'If': {
        const end = this.newLabel();
        const next = s.orelse.length > 0 ? this.newLabel() : end;
        this.jumpIf(s.test, next, false);
        this.stmts(s.body);
        if (s.orelse.length > 0) {
          this.emitJump(JUMP, end);
          this.bind(next);
          this.stmts(s.orelse);
        }
        this.bind(end);
        break;
      }
      case 'With': this.withStmt(s, 0); break;
      case 'Raise': {
        let n = 0;
        if (s.exc) {
          this.expr(s.exc);
          n = 1;
          if (s.cause) { this.expr(s.cause); n = 2; }
        }
        this.setLoc(s);
        this.emit(Op.RAISE_VARARGS, n);
        break;
      }
      case 'Try':
        this.emit(Op.NOP); // the `try` line, outside every handler (as 3.11)
        if (s.finalbody.length > 0) this.tryFinally(s);
        else if (s.handlers[0]?.star === true) this.tryExceptStar(s);
        else this.tryExcept(s);
        break;
      case 'Assert': {
        const end = this.newLabel();
        this.jumpIf(s.test, end, true);
        this.setLoc(s.test);
        this.emit(Op.LOAD_ASSERTION_ERROR);
        if (s.msg) {
          this.expr(s.msg);
          this.emit(Op.CALL, 0);
        }
        this.emit(Op.RAISE_VARARGS, 1);
        this.bind(end);
        break;
      }
      case 'Import':
        for (const a of s.names) {
          this.loadConst({ kind: 'int', value: 0 });
          this.loadConst(NONE);
          this.emit(Op.IMPORT_NAME, this.u.nameIndex(a.name));
          if (a.asname) {
            const parts = a.name.split('.');
            if (parts.length > 1) {
              for (let k = 1; k < parts.length; k++) {
                this.emit(Op.IMPORT_FROM, this.u.nameIndex(parts[k]!));
                if (k < parts.length - 1) { this.emit(Op.SWAP, 2); this.emit(Op.POP_TOP); }
              }
              this.emit(Op.SWAP, 2);
              this.emit(Op.POP_TOP);
            }
            this.nameOp(a.asname, 'store');
          } else {
            this.nameOp(a.name.split('.')[0]!, 'store');
          }
        }
        break;
      case 'ImportFrom': {
        this.loadConst({ kind: 'int', value: s.level });
        this.loadConst({ kind: 'tuple', items: s.names.map((a) => ({ kind: 'str', value: a.name }) as ConstValue) });
        this.emit(Op.IMPORT_NAME, this.u.nameIndex(s.module ?? ''));
        if (s.names.length === 1 && s.names[0]!.name === '*') {
          this.emit(Op.IMPORT_STAR);
          break;
        }
        for (const a of s.names) {
          this.emit(Op.IMPORT_FROM, this.u.nameIndex(a.name));
          this.nameOp(a.asname ?? a.name, 'store');
        }
        this.emit(Op.POP_TOP);
        break;
      }
      case 'Global': case 'Nonlocal': break;
      case 'Expr': {
        const v = s.value;
        if (v.kind === 'Constant') { this.emit(Op.NOP); break; } // docstring-like: nothing to do
        this.expr(v);
        this.emit(Op.POP_TOP);
        break;
      }
      case 'Pass': this.emit(Op.NOP); break;
      case 'Break': {
        this.refuseInExceptStar(true, s);
        const loop = this.unwindFBlockStack(false, true);
        if (!loop) throw this.error("'break' outside loop", s);
        this.unwindFBlock(loop, false);
        this.setLoc(s);
        this.emitJump(JUMP, loop.exit!);
        break;
      }
      case 'Continue': {
        this.refuseInExceptStar(true, s);
        const loop = this.unwindFBlockStack(false, true);
        if (!loop) throw this.error("'continue' not properly in loop", s);
        this.setLoc(s);
        this.emitJump(JUMP, loop.start!);
        break;
      }
      default: {
        const _never: never = s;
        throw new Error(String(_never));
      }
    }
  }

  protected returnStmt(s: Extract<Stmt, { kind: 'Return' }>): void {
    if (this.u.block.kind !== 'function') throw this.error("'return' outside function", s);
    if (s.value && this.u.block.isCoroutine && this.u.block.isGenerator) throw this.error("'return' with value in async generator", s);
    this.refuseInExceptStar(false, s.value ?? s);
    const c = s.value ? foldConst(s.value) : NONE;
    const preserveTos = c === null;
    if (preserveTos) this.expr(s.value!);
    this.unwindFBlockStack(preserveTos, false);
    this.setLoc(s);
    if (!preserveTos) this.loadConst(c!);
    this.emit(Op.RETURN_VALUE);
  }

  protected augAssign(s: Extract<Stmt, { kind: 'AugAssign' }>): void {
    const t = s.target;
    const op = BIN_OPS[s.op] + INPLACE_OFFSET;
    if (t.kind === 'Name') {
      this.nameOp(t.id, 'load');
      this.expr(s.value);
      this.setLoc(s);
      this.emit(Op.BINARY_OP, op);
      this.nameOp(t.id, 'store');
    } else if (t.kind === 'Attribute') {
      this.expr(t.value);
      this.emit(Op.COPY, 1);
      this.emit(Op.LOAD_ATTR, this.u.nameIndex(t.attr));
      this.expr(s.value);
      this.setLoc(s);
      this.emit(Op.BINARY_OP, op);
      this.emit(Op.SWAP, 2);
      this.emit(Op.STORE_ATTR, this.u.nameIndex(t.attr));
    } else if (t.kind === 'Subscript') {
      this.expr(t.value);
      this.subscriptIndex(t.slice);
      this.emit(Op.COPY, 2);
      this.emit(Op.COPY, 2);
      this.emit(Op.BINARY_SUBSCR);
      this.expr(s.value);
      this.setLoc(s);
      this.emit(Op.BINARY_OP, op);
      this.emit(Op.SWAP, 3);
      this.emit(Op.SWAP, 2);
      this.emit(Op.STORE_SUBSCR);
    } else {
      throw this.error(`'${t.kind}' is an illegal expression for augmented assignment`, t);
    }
  }

  /** `x: T = v` (3.11): store v, then in a module or class `__annotations__['x'] = T`; a
   *  function evaluates no annotation of its locals. */
  protected annAssign(s: Extract<Stmt, { kind: 'AnnAssign' }>): void {
    if (s.value) {
      this.expr(s.value);
      this.assignTarget(s.target);
    }
    if (this.u.block.kind === 'function') return;
    if (s.simple && s.target.kind === 'Name') {
      this.setLoc(s);
      this.annotationValue(s.annotation);
      this.emit(Op.LOAD_NAME, this.u.nameIndex('__annotations__'));
      this.loadConst({ kind: 'str', value: s.target.id });
      this.emit(Op.STORE_SUBSCR);
    } else if (!this.futureAnnotations) {
      this.expr(s.annotation);
      this.emit(Op.POP_TOP);
    }
  }
}
