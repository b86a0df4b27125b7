/**
 * The compiler: syntax tree + symbol table → CodeObjects (chunk.ts), following CPython 3.11's code
 * generation (compile.c) instruction for instruction where the opcode set allows.
 *
 * Deviations from CPython 3.11 the VM must know:
 * - No CACHE, PRECALL, KW_NAMES, EXTENDED_ARG, MAKE_CELL, COPY_FREE_VARS or specialised opcodes.
 *   Jump arguments are absolute instruction indices. Every jump that goes backwards is
 *   JUMP_BACKWARD (loops, comprehension loops, and the `yield from` SEND loop — where 3.11 uses
 *   JUMP_BACKWARD_NO_INTERRUPT — so every back-edge is a yield point). Conditional jumps only go
 *   forwards: loops test at the top and jump back unconditionally (3.11 duplicates the test).
 * - The VM creates cells at frame creation: one per cellvar (initialised from the argument when
 *   cell2arg[i] >= 0), and copies the function's closure tuple into the free slots. DEREF indices
 *   are cellvars then freevars (chunk.ts).
 * - LOAD_GLOBAL's argument is a plain name index (no NULL bit): plain calls emit PUSH_NULL before
 *   loading the callable.
 * - CALL n keeps 3.11's rule: the stack is [A, B, arg1..argn]; if A is not NULL, A is the callable
 *   and B its first argument (n + 1 arguments), else B is the callable. The compiler uses the
 *   non-NULL form where 3.11 does: after LOAD_METHOD, for decorators ([decorator, function],
 *   CALL 0), for comprehensions ([function, iterator], CALL 0), for `with` exits ([__exit__,
 *   None, None, None], CALL 2) and assert messages ([AssertionError, msg], CALL 0).
 *   CALL_KW n: as CALL n with a const tuple of keyword names pushed last (it is not counted in n).
 *   CALL_FUNCTION_EX: [NULL, callable, args tuple, kwargs dict if flags & 1]; the args are always a
 *   real tuple (built with BUILD_LIST/LIST_EXTEND/LIST_TO_TUPLE), the kwargs always a fresh dict.
 * - FOR_ITER target: pushes the next item; when exhausted pops the iterator and jumps to target.
 * - Exception handling is 3.11's: the table (chunk.ts) maps instruction ranges to a handler; on an
 *   exception the VM pops the value stack to `depth`, pushes the index of the raising instruction
 *   if `lasti`, pushes the exception and jumps to the handler. PUSH_EXC_INFO: [exc] → [prev, exc]
 *   and sets the current exception; POP_EXCEPT pops `prev` and restores it; RERAISE n pops the
 *   exception and, when n > 0, first sets the frame's lasti from the value n items below it.
 *   `with`: BEFORE_WITH [mgr] → [bound __exit__, result of __enter__]; the handler sees
 *   [__exit__, lasti, prev, exc] and WITH_EXCEPT_START calls __exit__(type, exc, tb) pushing the
 *   result; a true result suppresses the exception (POP_TOP, POP_EXCEPT, POP_TOP, POP_TOP).
 *   A named `except E as e:` stores into e, deletes it afterwards (e = None; del e) as CPython.
 * - Generators: the code starts RETURN_GENERATOR, POP_TOP, RESUME 0. RETURN_GENERATOR creates the
 *   generator from the frame and returns it; the first resumption pushes the sent value (None),
 *   which the POP_TOP drops — so RETURN_GENERATOR counts +1 in stack depth. YIELD_VALUE pops the
 *   value to yield; resumption pushes the sent value, followed by RESUME 1 (RESUME 2 in yield from).
 *   `yield from x`: x, GET_YIELD_FROM_ITER, LOAD_CONST None, then SEND exit; YIELD_VALUE;
 *   RESUME 2; JUMP_BACKWARD to the SEND. SEND: [iter, v] → [iter, yielded] or, when the
 *   sub-iterator returns, [result] and jump. A StopIteration escaping a generator body is the VM's
 *   job to turn into RuntimeError (3.11 does it in the generator object, not in bytecode).
 * - Class bodies: code with flags 0 run with a fresh namespace as locals; they start
 *   LOAD_NAME __name__ / STORE_NAME __module__, LOAD_CONST qualname / STORE_NAME __qualname__, and
 *   end returning the `__class__` cell (after STORE_NAME __classcell__) or None. __build_class__
 *   must set the cell to the new class. Zero-argument super() finds `__class__` in the calling
 *   function's freevars (present whenever the function mentions `super` or `__class__`) and the
 *   first argument in local 0 (or in its cell, cell2arg).
 * - Annotations are 3.11's: a module or class body that annotates a name starts SETUP_ANNOTATIONS
 *   and stores each annotation in `__annotations__` after the value; a function evaluates no
 *   annotation of its locals; a def's parameter and return annotations go to MAKE_FUNCTION (flag
 *   4) as a tuple of (name, value) pairs. Under `from __future__ import annotations` the values
 *   are their source text (unparse.ts). Private-name mangling (`__x` in classes) is not done.
 * - `async def` code has flags GENERATOR | COROUTINE and starts as a generator's; `await x` is x,
 *   GET_AWAITABLE 0, then `yield from`'s SEND loop with RESUME 3. `async for`/`async with`, async
 *   generators and async comprehensions are refused (GuestSyntaxError naming htmsim).
 * - Functions (not lambdas, comprehensions, modules) have consts[0] = docstring or None, as 3.11.
 *   Module and class docstrings are stored in `__doc__`.
 * - Imports: LOAD_CONST level, LOAD_CONST fromlist (None or a tuple of str), IMPORT_NAME name;
 *   `import a.b as c` then IMPORT_FROM b, SWAP 2, POP_TOP, as 3.11.
 */
import { hasFutureAnnotations, type Arguments, type BinOperator, type Comprehension, type Constant, type Expr, type ExprContext, type Keyword, type Module, type Span, type Stmt } from './ast.js';
import { type CodeObject, type ConstValue, type ExceptionTableEntry, CodeFlag } from '../chunk.js';
import { BinOp, CmpOp, JUMP_OPS, Op } from '../opcodes.js';
import { type Block, type SymbolTable } from './symtable.js';
import { GuestSyntaxError } from './syntax-error.js';
import { unparse } from './unparse.js';

// Pseudo-instructions (resolved in assembly, never emitted).
const SETUP_FINALLY = -1;
const SETUP_CLEANUP = -2;
const SETUP_WITH = -3;
const POP_BLOCK = -4;
const JUMP = -5;

interface Label {
  index: number;
}

interface Instr {
  op: number;
  arg: number;
  target: Label | null;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

type FBlockType = 'while' | 'for' | 'tryExcept' | 'finallyTry' | 'finallyEnd' | 'with' | 'handlerCleanup' | 'popValue' | 'exceptionHandler';

interface FBlock {
  type: FBlockType;
  /** Loops: continue target; */
  start: Label | null;
  /** Loops: break target. */
  exit: Label | null;
  /** finallyTry: the finally body; handlerCleanup: the bound name; with: the statement. */
  finalBody?: Stmt[];
  name?: string | null;
  node?: Span;
}

const BIN_OPS: Record<BinOperator, number> = {
  '+': BinOp.ADD, '&': BinOp.AND, '//': BinOp.FLOOR_DIVIDE, '<<': BinOp.LSHIFT, '@': BinOp.MATRIX_MULTIPLY,
  '*': BinOp.MULTIPLY, '%': BinOp.REMAINDER, '|': BinOp.OR, '**': BinOp.POWER, '>>': BinOp.RSHIFT,
  '-': BinOp.SUBTRACT, '/': BinOp.TRUE_DIVIDE, '^': BinOp.XOR,
};
const INPLACE_OFFSET = BinOp.INPLACE_ADD - BinOp.ADD;

class Unit {
  readonly block: Block;
  readonly name: string;
  readonly qualname: string;
  readonly firstLine: number;
  readonly instrs: Instr[] = [];
  readonly consts: ConstValue[] = [];
  private readonly constKeys = new Map<string, number>();
  readonly names: string[] = [];
  private readonly nameIdx = new Map<string, number>();
  readonly varnames: string[] = [];
  private readonly varIdx = new Map<string, number>();
  readonly fblocks: FBlock[] = [];
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  argcount = 0;
  posonlyargcount = 0;
  kwonlyargcount = 0;
  flags = 0;

  constructor(block: Block, name: string, qualname: string, firstLine: number) {
    this.block = block;
    this.name = name;
    this.qualname = qualname;
    this.firstLine = firstLine;
    this.line = firstLine;
    this.col = 1;
    this.endLine = firstLine;
    this.endCol = 1;
    for (const p of block.params) this.varIndex(p);
  }

  addConst(c: ConstValue): number {
    const key = c.kind === 'code' ? null : constKey(c);
    if (key !== null) {
      const hit = this.constKeys.get(key);
      if (hit !== undefined) return hit;
      this.constKeys.set(key, this.consts.length);
    }
    this.consts.push(c);
    return this.consts.length - 1;
  }
  nameIndex(n: string): number {
    let i = this.nameIdx.get(n);
    if (i === undefined) { i = this.names.length; this.names.push(n); this.nameIdx.set(n, i); }
    return i;
  }
  varIndex(n: string): number {
    let i = this.varIdx.get(n);
    if (i === undefined) { i = this.varnames.length; this.varnames.push(n); this.varIdx.set(n, i); }
    return i;
  }
  derefIndex(n: string): number {
    const c = this.block.cellvars.indexOf(n);
    if (c >= 0) return c;
    const f = this.block.freevars.indexOf(n);
    if (f < 0) throw new Error(`internal: '${n}' is neither cell nor free in ${this.qualname}`);
    return this.block.cellvars.length + f;
  }
}

function constKey(c: ConstValue): string {
  switch (c.kind) {
    case 'none': return 'N';
    case 'ellipsis': return 'E';
    case 'bool': return `B${c.value}`;
    case 'int': return `I${c.value.toString()}`;
    case 'float': return Object.is(c.value, -0) ? 'F-0' : `F${c.value}`;
    case 'str': return `S${JSON.stringify(c.value)}`;
    case 'bytes': return `Y${Array.from(c.value).join(',')}`;
    case 'tuple': return `T(${c.items.map(constKey).join(';')})`;
    case 'frozenset': return `F(${c.items.map(constKey).join(';')})`;
    case 'code': throw new Error('internal: code constants are never shared');
    default: {
      const _never: never = c;
      return String(_never);
    }
  }
}

function astConst(c: Constant): ConstValue {
  switch (c.type) {
    case 'none': return { kind: 'none' };
    case 'ellipsis': return { kind: 'ellipsis' };
    case 'bool': return { kind: 'bool', value: c.value };
    case 'int': return { kind: 'int', value: c.value };
    case 'float': return { kind: 'float', value: c.value };
    case 'str': return { kind: 'str', value: c.value };
    case 'bytes': return { kind: 'bytes', value: c.value };
    default: {
      const _never: never = c;
      return _never;
    }
  }
}

const NONE: ConstValue = { kind: 'none' };

/** Compile-time value of an expression, for constant folding as CPython's AST optimizer does. */
function foldConst(e: Expr): ConstValue | null {
  if (e.kind === 'Constant') return astConst(e.value);
  if (e.kind === 'UnaryOp' && e.op === '-' && e.operand.kind === 'Constant') {
    const v = e.operand.value;
    if (v.type === 'float') return { kind: 'float', value: -v.value };
    if (v.type === 'int') {
      if (typeof v.value === 'number') return { kind: 'int', value: v.value === 0 ? 0 : -v.value };
      const n = -v.value;
      return { kind: 'int', value: n >= -BigInt(Number.MAX_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n };
    }
  }
  if (e.kind === 'Tuple' && e.ctx === 'load') {
    const items: ConstValue[] = [];
    for (const x of e.elts) {
      const c = foldConst(x);
      if (!c) return null;
      items.push(c);
    }
    return { kind: 'tuple', items };
  }
  return null;
}

export class Compiler {
  private readonly table: SymbolTable;
  private readonly filename: string;
  private readonly lines: string[];
  private u!: Unit;
  private readonly stack: Unit[] = [];
  /** PEP 563: annotations compile to their source text (`from __future__ import annotations`). */
  private futureAnnotations = false;

  constructor(table: SymbolTable, filename: string, source: string) {
    this.table = table;
    this.filename = filename;
    this.lines = source.split('\n');
  }

  private error(msg: string, s: Span): GuestSyntaxError {
    return new GuestSyntaxError(msg, this.filename, s.line, s.col, this.lines[s.line - 1] ?? '', 'SyntaxError', s.endLine, s.endCol);
  }

  // ---- emission ------------------------------------------------------------------------------

  private emit(op: number, arg = 0): void {
    const u = this.u;
    u.instrs.push({ op, arg, target: null, line: u.line, col: u.col, endLine: u.endLine, endCol: u.endCol });
  }
  private emitJump(op: number, target: Label): void {
    const u = this.u;
    u.instrs.push({ op, arg: 0, target, line: u.line, col: u.col, endLine: u.endLine, endCol: u.endCol });
  }
  private newLabel(): Label {
    return { index: -1 };
  }
  private bind(l: Label): void {
    l.index = this.u.instrs.length;
  }
  private loadConst(c: ConstValue): void {
    this.emit(Op.LOAD_CONST, this.u.addConst(c));
  }
  private setLoc(s: Span): void {
    const u = this.u;
    u.line = s.line;
    u.col = s.col;
    u.endLine = s.endLine;
    u.endCol = s.endCol;
  }

  // ---- units ---------------------------------------------------------------------------------

  /** CPython's compiler_set_qualname: `f.<locals>.g`, `C.m`, plain names at module level. */
  private qualnameFor(name: string): string {
    const parent = this.u;
    if (parent.block.kind === 'module') return name;
    if (parent.block.kind === 'function') {
      if (parent.block.lookup(name) === 'globalExplicit') return name;
      return `${parent.qualname}.<locals>.${name}`;
    }
    return `${parent.qualname}.${name}`;
  }

  private enterUnit(block: Block, name: string, firstLine: number): void {
    const unit = new Unit(block, name, this.qualnameFor(name), firstLine);
    this.stack.push(this.u);
    this.u = unit;
  }
  private leaveUnit(): CodeObject {
    const co = assemble(this.u, this.filename);
    this.u = this.stack.pop()!;
    return co;
  }

  compileModule(mod: Module): CodeObject {
    const block = this.table.top;
    this.u = new Unit(block, '<module>', '<module>', 1);
    this.futureAnnotations = hasFutureAnnotations(mod);
    this.emit(Op.RESUME, 0);
    let body = mod.body;
    this.setupAnnotations(body);
    const doc = docstring(body);
    if (doc !== null) {
      this.setLoc(body[0]!);
      this.loadConst({ kind: 'str', value: doc });
      this.emit(Op.STORE_NAME, this.u.nameIndex('__doc__'));
      body = body.slice(1);
    }
    for (const s of body) this.stmt(s);
    this.loadConst(NONE);
    this.emit(Op.RETURN_VALUE);
    return assemble(this.u, this.filename);
  }

  // ---- names ---------------------------------------------------------------------------------

  private nameOp(name: string, ctx: ExprContext): void {
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

  // ---- statements ----------------------------------------------------------------------------

  private stmts(ss: Stmt[]): void {
    for (const s of ss) this.stmt(s);
  }

  private stmt(s: Stmt): void {
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
        const loop = this.unwindFBlockStack(false, true);
        if (!loop) throw this.error("'break' outside loop", s);
        this.unwindFBlock(loop, false);
        this.setLoc(s);
        this.emitJump(JUMP, loop.exit!);
        break;
      }
      case 'Continue': {
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

  private returnStmt(s: Extract<Stmt, { kind: 'Return' }>): void {
    if (this.u.block.kind !== 'function') throw this.error("'return' outside function", s);
    const c = s.value ? foldConst(s.value) : NONE;
    const preserveTos = c === null;
    if (preserveTos) this.expr(s.value!);
    this.unwindFBlockStack(preserveTos, false);
    this.setLoc(s);
    if (!preserveTos) this.loadConst(c!);
    this.emit(Op.RETURN_VALUE);
  }

  private pushFBlock(f: FBlock): void {
    this.u.fblocks.push(f);
  }
  private popFBlock(): void {
    this.u.fblocks.pop();
  }

  /** CPython's compiler_unwind_fblock: the code that leaving one block early must run. */
  private unwindFBlock(f: FBlock, preserveTos: boolean): void {
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
      case 'with':
        this.setLoc(f.node!);
        this.emit(POP_BLOCK);
        if (preserveTos) this.emit(Op.SWAP, 2);
        this.callExitWithNones();
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
      default: {
        const _never: never = f.type;
        throw new Error(String(_never));
      }
    }
  }

  /** Unwinds every block (return) or up to the innermost loop (break/continue), which it returns. */
  private unwindFBlockStack(preserveTos: boolean, toLoop: boolean): FBlock | null {
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

  private callExitWithNones(): void {
    this.loadConst(NONE);
    this.loadConst(NONE);
    this.loadConst(NONE);
    this.emit(Op.CALL, 2);
  }

  private forStmt(s: Extract<Stmt, { kind: 'For' }>): void {
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

  private whileStmt(s: Extract<Stmt, { kind: 'While' }>): void {
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

  private withStmt(s: Extract<Stmt, { kind: 'With' }>, pos: number): void {
    const item = s.items[pos]!;
    const final = this.newLabel();
    const exit = this.newLabel();
    const cleanup = this.newLabel();
    this.expr(item.contextExpr);
    this.setLoc(s);
    this.emit(Op.BEFORE_WITH);
    this.emitJump(SETUP_WITH, final);
    this.pushFBlock({ type: 'with', start: null, exit: null, node: s });
    if (item.optionalVars) this.assignTarget(item.optionalVars);
    else this.emit(Op.POP_TOP);
    if (pos + 1 === s.items.length) this.stmts(s.body);
    else this.withStmt(s, pos + 1);
    this.popFBlock();
    this.setLoc(s);
    this.emit(POP_BLOCK);
    this.callExitWithNones();
    this.emit(Op.POP_TOP);
    this.emitJump(JUMP, exit);
    // Exceptional outcome.
    this.bind(final);
    this.emitJump(SETUP_CLEANUP, cleanup);
    this.emit(Op.PUSH_EXC_INFO);
    this.emit(Op.WITH_EXCEPT_START);
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

  private popExceptAndReraise(): void {
    this.emit(Op.COPY, 3);
    this.emit(Op.POP_EXCEPT);
    this.emit(Op.RERAISE, 1);
  }

  private tryFinally(s: Extract<Stmt, { kind: 'Try' }>): void {
    const end = this.newLabel();
    const exit = this.newLabel();
    const cleanup = this.newLabel();
    this.emitJump(SETUP_FINALLY, end);
    this.pushFBlock({ type: 'finallyTry', start: null, exit: null, finalBody: s.finalbody });
    if (s.handlers.length > 0) this.tryExcept(s);
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

  private tryExcept(s: Extract<Stmt, { kind: 'Try' }>): void {
    const except = this.newLabel();
    const end = this.newLabel();
    const cleanup = this.newLabel();
    this.setLoc(s);
    this.emitJump(SETUP_FINALLY, except);
    this.pushFBlock({ type: 'tryExcept', start: null, exit: null });
    this.stmts(s.body);
    this.popFBlock();
    this.emit(POP_BLOCK);
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

  private augAssign(s: Extract<Stmt, { kind: 'AugAssign' }>): void {
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

  /** Stores TOS into a target (Name/Attribute/Subscript/Tuple/List/Starred-in-sequence). */
  private assignTarget(t: Expr): void {
    this.expr({ ...t, ctx: 'store' } as Expr);
  }

  /** The SEND loop of `yield from` (RESUME 2) and `await` (RESUME 3) over the iterator on top. */
  private delegate(resume: number): void {
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

  /** SETUP_ANNOTATIONS first in a module or class body that annotates a name (find_ann). */
  private setupAnnotations(body: Stmt[]): void {
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
  private annotationValue(e: Expr): void {
    if (this.futureAnnotations) this.loadConst({ kind: 'str', value: unparse(e) });
    else this.expr(e);
  }

  /** `x: T = v` (3.11): store v, then in a module or class `__annotations__['x'] = T`; a
   *  function evaluates no annotation of its locals. */
  private annAssign(s: Extract<Stmt, { kind: 'AnnAssign' }>): void {
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

  /** Pushes a def's annotations as the (name, value, ...) tuple MAKE_FUNCTION takes (flag 4). */
  private functionAnnotations(a: Arguments, returns: Expr | null): number {
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

  // ---- functions and classes -----------------------------------------------------------------

  /** Pushes defaults/kwdefaults; returns the MAKE_FUNCTION flags they need. */
  private defaultsFor(a: Arguments): number {
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
  private makeClosure(co: CodeObject, flags: number): void {
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

  private setArgCounts(a: Arguments, u: Unit): void {
    u.argcount = a.posonlyargs.length + a.args.length;
    u.posonlyargcount = a.posonlyargs.length;
    u.kwonlyargcount = a.kwonlyargs.length;
    u.flags = CodeFlag.OPTIMIZED | CodeFlag.NEWLOCALS;
    if (a.vararg) u.flags |= CodeFlag.VARARGS;
    if (a.kwarg) u.flags |= CodeFlag.VARKEYWORDS;
  }

  private functionFlags(u: Unit, parent: Unit): void {
    if (u.block.isGenerator) u.flags |= CodeFlag.GENERATOR;
    if (u.block.isCoroutine) u.flags |= CodeFlag.GENERATOR | CodeFlag.COROUTINE;
    if (parent.block.kind === 'function') u.flags |= CodeFlag.NESTED;
  }

  private prologue(block: Block): void {
    if (block.isGenerator || block.isCoroutine) {
      this.emit(Op.RETURN_GENERATOR);
      this.emit(Op.POP_TOP);
    }
    this.emit(Op.RESUME, 0);
  }

  private functionDef(s: Extract<Stmt, { kind: 'FunctionDef' }>): void {
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
  private implicitReturn(): void {
    this.loadConst(NONE);
    this.emit(Op.RETURN_VALUE);
  }

  private classDef(s: Extract<Stmt, { kind: 'ClassDef' }>): void {
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
    let body = s.body;
    this.setupAnnotations(body);
    const doc = docstring(body);
    if (doc !== null) {
      this.setLoc(body[0]!);
      this.loadConst({ kind: 'str', value: doc });
      this.emit(Op.STORE_NAME, u.nameIndex('__doc__'));
      body = body.slice(1);
    }
    this.stmts(body);
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

  private lambda(e: Extract<Expr, { kind: 'Lambda' }>): void {
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

  private comprehension(e: Expr, generators: Comprehension[], kind: 'list' | 'set' | 'dict' | 'gen', elt: Expr, value: Expr | null): void {
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
    this.emit(Op.GET_ITER);
    this.emit(Op.CALL, 0);
  }

  private compGenerator(gens: Comprehension[], idx: number, depth: number, kind: 'list' | 'set' | 'dict' | 'gen', elt: Expr, value: Expr | null, node: Expr): void {
    const g = gens[idx]!;
    const start = this.newLabel();
    const ifCleanup = this.newLabel();
    const anchor = this.newLabel();
    if (idx === 0) {
      this.emit(Op.LOAD_FAST, this.u.varIndex('.0'));
    } else {
      this.expr(g.iter);
      this.emit(Op.GET_ITER);
    }
    depth++;
    this.bind(start);
    this.emitJump(Op.FOR_ITER, anchor);
    this.assignTarget(g.target);
    for (const cond of g.ifs) this.jumpIf(cond, ifCleanup, false);
    if (idx + 1 < gens.length) {
      this.compGenerator(gens, idx + 1, depth, kind, elt, value, node);
    } else {
      switch (kind) {
        case 'gen':
          this.expr(elt);
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
  }

  // ---- expressions ---------------------------------------------------------------------------

  /** Conditional jump on the truth of `e` (CPython's compiler_jump_if). */
  private jumpIf(e: Expr, target: Label, cond: boolean): void {
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

  private exprInner(e: Expr): void {
    switch (e.kind) {
      case 'Constant':
        this.loadConst(astConst(e.value));
        return;
      case 'Name':
        this.nameOp(e.id, e.ctx);
        return;
      case 'BoolOp': {
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
        return;
      }
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
      case 'Lambda':
        this.lambda(e);
        return;
      case 'IfExp': {
        const next = this.newLabel();
        const end = this.newLabel();
        this.jumpIf(e.test, next, false);
        this.expr(e.body);
        this.emitJump(JUMP, end);
        this.bind(next);
        this.expr(e.orelse);
        this.bind(end);
        return;
      }
      case 'Dict':
        this.dict(e);
        return;
      case 'Set':
        this.starUnpack(e.elts, 'set');
        return;
      case 'ListComp': this.comprehension(e, e.generators, 'list', e.elt, null); return;
      case 'SetComp': this.comprehension(e, e.generators, 'set', e.elt, null); return;
      case 'DictComp': this.comprehension(e, e.generators, 'dict', e.key, e.value); return;
      case 'GeneratorExp': this.comprehension(e, e.generators, 'gen', e.elt, null); return;
      case 'Yield':
        if (this.u.block.kind !== 'function') throw this.error("'yield' outside function", e);
        if (e.value) this.expr(e.value);
        else this.loadConst(NONE);
        this.setLoc(e);
        this.emit(Op.YIELD_VALUE);
        this.emit(Op.RESUME, 1);
        return;
      case 'YieldFrom': {
        if (this.u.block.kind !== 'function') throw this.error("'yield' outside function", e);
        this.expr(e.value);
        this.setLoc(e);
        this.emit(Op.GET_YIELD_FROM_ITER);
        this.delegate(2);
        return;
      }
      case 'Await':
        this.expr(e.value);
        this.setLoc(e);
        this.emit(Op.GET_AWAITABLE, 0);
        this.delegate(3);
        return;
      case 'Compare':
        this.compare(e);
        return;
      case 'Call':
        this.call(e);
        return;
      case 'FormattedValue': {
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
        return;
      }
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
      case 'Subscript':
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
        return;
      case 'Starred':
        if (e.ctx === 'store') throw this.error('starred assignment target must be in a list or tuple', e);
        throw this.error("can't use starred expression here", e);
      case 'List':
      case 'Tuple':
        if (e.ctx === 'store') { this.unpackTargets(e.elts, e); return; }
        if (e.ctx === 'del') { for (const x of e.elts) this.expr(x); return; }
        if (e.kind === 'Tuple') {
          const c = foldConst(e);
          if (c) { this.loadConst(c); return; }
        }
        this.starUnpack(e.elts, e.kind === 'List' ? 'list' : 'tuple');
        return;
      case 'Slice':
        this.sliceParts(e);
        return;
      default: {
        const _never: never = e;
        throw new Error(String(_never));
      }
    }
  }

  private sliceParts(e: Extract<Expr, { kind: 'Slice' }>): void {
    if (e.lower) this.expr(e.lower); else this.loadConst(NONE);
    if (e.upper) this.expr(e.upper); else this.loadConst(NONE);
    if (e.step) { this.expr(e.step); this.emit(Op.BUILD_SLICE, 3); }
    else this.emit(Op.BUILD_SLICE, 2);
  }

  private subscriptIndex(s: Expr): void {
    this.expr(s);
  }

  private unpackTargets(elts: Expr[], node: Expr): void {
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
  private starUnpack(elts: Expr[], kind: 'list' | 'tuple' | 'set'): void {
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

  private dict(e: Extract<Expr, { kind: 'Dict' }>): void {
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

  private dictGroup(keys: Expr[], values: Expr[]): void {
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

  private compare(e: Extract<Expr, { kind: 'Compare' }>): void {
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

  private compareOp(op: string): void {
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

  private call(e: Extract<Expr, { kind: 'Call' }>): void {
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

  private finishCall(nargs: number, keywords: Keyword[]): void {
    if (keywords.length > 0) {
      this.loadConst({ kind: 'tuple', items: keywords.map((k) => ({ kind: 'str', value: k.arg! }) as ConstValue) });
      this.emit(Op.CALL_KW, nargs + keywords.length);
    } else {
      this.emit(Op.CALL, nargs);
    }
  }

  /** Arguments after the callable (and `n` already-pushed positional args). */
  private callHelper(n: number, args: Expr[], keywords: Keyword[], node: Span): void {
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
}

function constTruth(c: ConstValue): boolean | null {
  switch (c.kind) {
    case 'none': return false;
    case 'bool': return c.value;
    case 'int': return c.value !== 0 && c.value !== 0n;
    case 'float': return c.value !== 0;
    case 'str': return c.value !== '';
    default: return null;
  }
}

function docstring(body: Stmt[]): string | null {
  const s = body[0];
  if (s && s.kind === 'Expr' && s.value.kind === 'Constant' && s.value.value.type === 'str') return s.value.value.value;
  return null;
}

// ---- assembly ----------------------------------------------------------------------------------

/** Stack effect of a real instruction; `jump` selects the branch-taken effect. */
export function stackEffect(op: number, arg: number, jump: boolean): number {
  switch (op) {
    case Op.NOP: case Op.SWAP: case Op.RESUME: case Op.SETUP_ANNOTATIONS: case Op.LOAD_ATTR: case Op.UNARY_NEGATIVE:
    case Op.UNARY_POSITIVE: case Op.UNARY_NOT: case Op.UNARY_INVERT: case Op.GET_ITER:
    case Op.LIST_TO_TUPLE: case Op.JUMP_FORWARD: case Op.JUMP_BACKWARD: case Op.YIELD_VALUE:
    case Op.GET_YIELD_FROM_ITER: case Op.GET_AWAITABLE: case Op.CHECK_EXC_MATCH: case Op.DELETE_FAST: case Op.DELETE_DEREF:
    case Op.DELETE_GLOBAL: case Op.DELETE_NAME:
      return 0;
    case Op.POP_TOP: case Op.STORE_FAST: case Op.STORE_DEREF: case Op.STORE_GLOBAL: case Op.STORE_NAME:
    case Op.DELETE_ATTR: case Op.BINARY_OP: case Op.COMPARE_OP: case Op.IS_OP: case Op.CONTAINS_OP:
    case Op.BINARY_SUBSCR: case Op.LIST_APPEND: case Op.SET_ADD: case Op.LIST_EXTEND: case Op.SET_UPDATE:
    case Op.DICT_UPDATE: case Op.DICT_MERGE: case Op.RETURN_VALUE: case Op.POP_EXCEPT: case Op.RERAISE:
    case Op.IMPORT_NAME: case Op.IMPORT_STAR: case Op.POP_JUMP_IF_FALSE: case Op.POP_JUMP_IF_TRUE:
    case Op.POP_JUMP_IF_NONE: case Op.POP_JUMP_IF_NOT_NONE:
      return -1;
    case Op.COPY: case Op.LOAD_CONST: case Op.LOAD_FAST: case Op.LOAD_DEREF: case Op.LOAD_CLOSURE:
    case Op.LOAD_CLASSDEREF: case Op.LOAD_GLOBAL: case Op.LOAD_NAME: case Op.LOAD_METHOD:
    case Op.LOAD_BUILD_CLASS: case Op.LOAD_ASSERTION_ERROR: case Op.PUSH_NULL: case Op.PUSH_EXC_INFO:
    case Op.BEFORE_WITH: case Op.WITH_EXCEPT_START: case Op.IMPORT_FROM: case Op.RETURN_GENERATOR:
      return 1;
    case Op.STORE_ATTR: case Op.DELETE_SUBSCR: case Op.MAP_ADD: return -2;
    case Op.STORE_SUBSCR: return -3;
    case Op.BUILD_SLICE: return 1 - arg;
    case Op.BUILD_TUPLE: case Op.BUILD_LIST: case Op.BUILD_SET: case Op.BUILD_STRING: return 1 - arg;
    case Op.BUILD_MAP: return 1 - 2 * arg;
    case Op.BUILD_CONST_KEY_MAP: return -arg;
    case Op.UNPACK_SEQUENCE: return arg - 1;
    case Op.UNPACK_EX: return (arg & 0xff) + (arg >> 8);
    case Op.FORMAT_VALUE: return (arg & 4) ? -1 : 0;
    case Op.JUMP_IF_FALSE_OR_POP: case Op.JUMP_IF_TRUE_OR_POP: return jump ? 0 : -1;
    case Op.FOR_ITER: return jump ? -1 : 1;
    case Op.SEND: return jump ? -1 : 0;
    case Op.MAKE_FUNCTION: return -((arg & 1) + ((arg >> 1) & 1) + ((arg >> 2) & 1) + ((arg >> 3) & 1));
    case Op.CALL: return -(arg + 1);
    case Op.CALL_KW: return -(arg + 2);
    case Op.CALL_FUNCTION_EX: return -2 - (arg & 1);
    case Op.RAISE_VARARGS: return -arg;
    default: throw new Error(`internal: no stack effect for opcode ${op}`);
  }
}

const TERMINATORS = new Set<number>([Op.RETURN_VALUE, Op.RAISE_VARARGS, Op.RERAISE, JUMP]);

interface Handler {
  label: Label;
  depth: number;
  lasti: boolean;
}

/**
 * Flow analysis over the pseudo-instruction list (CPython's stackdepth + label_exception_targets):
 * the stack depth at every reachable instruction, and the handler covering it. Unreachable code
 * is dropped; pseudo-instructions vanish; jumps become absolute indices.
 */
function assemble(u: Unit, filename: string): CodeObject {
  const ins = u.instrs;
  const n = ins.length;
  const depthAt = new Int32Array(n + 1).fill(-1);
  const excAt: (Handler[] | null)[] = new Array<Handler[] | null>(n + 1).fill(null);
  let maxDepth = 0;
  const work: number[] = [];
  const visit = (i: number, d: number, stk: Handler[]): void => {
    if (i > n) throw new Error('internal: jump past end');
    if (depthAt[i]! >= 0) {
      if (depthAt[i] !== d) throw new Error(`internal: inconsistent stack depth at ${i} in ${u.qualname}: ${depthAt[i]} vs ${d}`);
      return;
    }
    depthAt[i] = d;
    excAt[i] = stk;
    if (d > maxDepth) maxDepth = d;
    work.push(i);
  };
  visit(0, 0, []);
  while (work.length > 0) {
    const i = work.pop()!;
    if (i >= n) throw new Error(`internal: control falls off the end of ${u.qualname}`);
    const x = ins[i]!;
    const d = depthAt[i]!;
    const stk = excAt[i]!;
    if (x.op === SETUP_FINALLY || x.op === SETUP_CLEANUP || x.op === SETUP_WITH) {
      const tableDepth = x.op === SETUP_WITH ? d - 1 : d;
      const lasti = x.op !== SETUP_FINALLY;
      visit(x.target!.index, tableDepth + (lasti ? 2 : 1), stk);
      visit(i + 1, d, [...stk, { label: x.target!, depth: tableDepth, lasti }]);
      continue;
    }
    if (x.op === POP_BLOCK) {
      visit(i + 1, d, stk.slice(0, -1));
      continue;
    }
    if (x.op === JUMP) {
      visit(x.target!.index, d, stk);
      continue;
    }
    const after = d + stackEffect(x.op, x.arg, false);
    if (after < 0) throw new Error(`internal: stack underflow at ${i} in ${u.qualname}`);
    if (after > maxDepth) maxDepth = after;
    if (JUMP_OPS.has(x.op)) {
      const jd = d + stackEffect(x.op, x.arg, true);
      if (jd > maxDepth) maxDepth = jd;
      visit(x.target!.index, jd, stk);
    }
    if (!TERMINATORS.has(x.op) && x.op !== Op.JUMP_FORWARD && x.op !== Op.JUMP_BACKWARD) visit(i + 1, after, stk);
  }
  // Final numbering: reachable real instructions only.
  const finalIndex = new Int32Array(n + 1);
  let count = 0;
  for (let i = 0; i < n; i++) {
    finalIndex[i] = count;
    if ((ins[i]!.op >= 0 || ins[i]!.op === JUMP) && depthAt[i]! >= 0) count++;
  }
  finalIndex[n] = count;
  const code = new Int32Array(count * 2);
  const lines = new Int32Array(count);
  const columns = new Int32Array(count);
  const endLines = new Int32Array(count);
  const endColumns = new Int32Array(count);
  const handlers: (Handler | null)[] = [];
  let k = 0;
  for (let i = 0; i < n; i++) {
    const x = ins[i]!;
    if (depthAt[i]! < 0) continue;
    let op = x.op;
    if (op < 0 && op !== JUMP) continue;
    let arg = x.arg;
    if (x.target) {
      arg = finalIndex[x.target.index]!;
      if (op === JUMP) op = arg <= k ? Op.JUMP_BACKWARD : Op.JUMP_FORWARD;
    }
    code[2 * k] = op;
    code[2 * k + 1] = arg;
    lines[k] = x.line;
    columns[k] = x.col;
    endLines[k] = x.endLine;
    endColumns[k] = x.endCol;
    const stk = excAt[i]!;
    handlers.push(stk.length > 0 ? stk[stk.length - 1]! : null);
    k++;
  }
  const table: ExceptionTableEntry[] = [];
  for (let i = 0; i < count; i++) {
    const h = handlers[i];
    if (!h) continue;
    const target = finalIndex[h.label.index]!;
    const last = table[table.length - 1];
    if (last && last.end === i && last.target === target && last.depth === h.depth && last.lasti === h.lasti) last.end = i + 1;
    else table.push({ start: i, end: i + 1, target, depth: h.depth, lasti: h.lasti });
  }
  const b = u.block;
  const cell2arg = new Int32Array(b.cellvars.length).fill(-1);
  const nparams = u.argcount + u.kwonlyargcount + ((u.flags & CodeFlag.VARARGS) ? 1 : 0) + ((u.flags & CodeFlag.VARKEYWORDS) ? 1 : 0);
  b.cellvars.forEach((c, i) => {
    const a = u.varnames.indexOf(c);
    if (a >= 0 && a < nparams) cell2arg[i] = a;
  });
  return {
    name: u.name,
    qualname: u.qualname,
    filename,
    firstLine: u.firstLine,
    argcount: u.argcount,
    posonlyargcount: u.posonlyargcount,
    kwonlyargcount: u.kwonlyargcount,
    flags: u.flags,
    varnames: u.varnames,
    cellvars: b.cellvars,
    freevars: b.freevars,
    names: u.names,
    consts: u.consts,
    code,
    lines,
    columns,
    endLines,
    endColumns,
    exceptionTable: table,
    stacksize: maxDepth,
    cell2arg,
  };
}
