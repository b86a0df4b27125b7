/**
 * The compiler's base: the unit stack, emission into the current unit, source positions, errors
 * and name resolution (LOAD_FAST / DEREF / NAME / GLOBAL by scope). The compiler is a chain of
 * classes, one concern a file, lowest first: this base, expressions (`compile-expressions.ts`),
 * functions, classes and comprehensions (`compile-functions.ts`), loops, `with` and `try`
 * (`compile-control-flow.ts`), statements (`compile-statements.ts`), and `Compiler` with the
 * entry `compileModule` (`compiler.ts`). A lower level that needs a higher one declares it
 * `abstract`.
 */
import type { ExprContext, Span } from './ast.js';
import type { CodeObject, ConstValue } from '../chunk.js';
import { Op } from '../opcodes.js';
import type { Block, SymbolTable } from './symtable.js';
import { GuestSyntaxError } from './syntax-error.js';
import { type Label, Unit } from './code-unit.js';
import { assemble } from './assembler.js';
export abstract class CompilerBase {
  protected readonly table: SymbolTable;
  protected readonly filename: string;
  protected readonly lines: string[];
  protected u!: Unit;
  protected readonly stack: Unit[] = [];
  /** PEP 563: annotations compile to their source text (`from __future__ import annotations`). */
  protected futureAnnotations = false;

  constructor(table: SymbolTable, filename: string, source: string) {
    this.table = table;
    this.filename = filename;
    this.lines = source.split('\n');
  }

  protected error(msg: string, s: Span): GuestSyntaxError {
    return new GuestSyntaxError(msg, this.filename, s.line, s.col, this.lines[s.line - 1] ?? '', 'SyntaxError', s.endLine, s.endCol);
  }

  // ---- emission ------------------------------------------------------------------------------

  protected emit(op: number, arg = 0): void {
    const u = this.u;
    u.instrs.push({ op, arg, target: null, line: u.line, col: u.col, endLine: u.endLine, endCol: u.endCol });
  }
  protected emitJump(op: number, target: Label): void {
    const u = this.u;
    u.instrs.push({ op, arg: 0, target, line: u.line, col: u.col, endLine: u.endLine, endCol: u.endCol });
  }
  protected newLabel(): Label {
    return { index: -1 };
  }
  protected bind(l: Label): void {
    l.index = this.u.instrs.length;
  }
  protected loadConst(c: ConstValue): void {
    this.emit(Op.LOAD_CONST, this.u.addConst(c));
  }
  protected setLoc(s: Span): void {
    const u = this.u;
    u.line = s.line;
    u.col = s.col;
    u.endLine = s.endLine;
    u.endCol = s.endCol;
  }

  // ---- units ---------------------------------------------------------------------------------

  /** CPython's compiler_set_qualname: `f.<locals>.g`, `C.m`, plain names at module level. */
  protected qualnameFor(name: string): string {
    const parent = this.u;
    if (parent.block.kind === 'module') return name;
    if (parent.block.kind === 'function') {
      if (parent.block.lookup(name) === 'globalExplicit') return name;
      return `${parent.qualname}.<locals>.${name}`;
    }
    return `${parent.qualname}.${name}`;
  }

  protected enterUnit(block: Block, name: string, firstLine: number): void {
    const unit = new Unit(block, name, this.qualnameFor(name), firstLine);
    this.stack.push(this.u);
    this.u = unit;
  }
  protected leaveUnit(): CodeObject {
    const co = assemble(this.u, this.filename);
    this.u = this.stack.pop()!;
    return co;
  }

  // ---- names ---------------------------------------------------------------------------------

  protected nameOp(name: string, ctx: ExprContext): void {
    const u = this.u;
    const b = u.block;
    const scope = b.lookup(name);
    const optimized = b.kind === 'function';
    switch (scope) {
      case 'free':
      case 'cell': {
        const i = u.derefIndex(name);
        if (ctx === 'load') this.emit(b.kind === 'class' ? Op.LOAD_CLASSDEREF : Op.LOAD_DEREF, i);
        else this.emit(ctx === 'store' ? Op.STORE_DEREF : Op.DELETE_DEREF, i);
        return;
      }
      case 'local':
        if (optimized) {
          const i = u.varIndex(name);
          this.emit(ctx === 'load' ? Op.LOAD_FAST : ctx === 'store' ? Op.STORE_FAST : Op.DELETE_FAST, i);
        } else {
          const i = u.nameIndex(name);
          this.emit(ctx === 'load' ? Op.LOAD_NAME : ctx === 'store' ? Op.STORE_NAME : Op.DELETE_NAME, i);
        }
        return;
      case 'globalImplicit':
        if (!optimized) {
          const i = u.nameIndex(name);
          this.emit(ctx === 'load' ? Op.LOAD_NAME : ctx === 'store' ? Op.STORE_NAME : Op.DELETE_NAME, i);
          return;
        }
        break;
      case 'globalExplicit':
        break;
      default: {
        const _never: never = scope;
        throw new Error(String(_never));
      }
    }
    const i = u.nameIndex(name);
    this.emit(ctx === 'load' ? Op.LOAD_GLOBAL : ctx === 'store' ? Op.STORE_GLOBAL : Op.DELETE_GLOBAL, i);
  }
}
