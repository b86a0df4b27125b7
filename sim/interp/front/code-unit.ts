/**
 * A code unit under construction (one per module, class body, function, lambda or comprehension):
 * its pseudo-instructions, constant/name/variable tables and frame-block stack; the constants the
 * code generator folds or emits. `assembler.ts` turns a finished unit into a `CodeObject`.
 */
import type { BinOperator, Constant, Expr, Span, Stmt } from './ast.js';
import type { ConstValue } from '../chunk.js';
import { BinOp } from '../opcodes.js';
import type { Block } from './symtable.js';

// Pseudo-instructions (resolved in assembly, never emitted).
export const SETUP_FINALLY = -1;
export const SETUP_CLEANUP = -2;
export const SETUP_WITH = -3;
export const POP_BLOCK = -4;
export const JUMP = -5;

export interface Label {
  index: number;
}

export interface Instr {
  op: number;
  arg: number;
  target: Label | null;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

export type FBlockType = 'while' | 'for' | 'tryExcept' | 'finallyTry' | 'finallyEnd' | 'with' | 'asyncWith' | 'handlerCleanup' | 'popValue' | 'exceptionHandler' | 'exceptionGroupHandler';

export interface FBlock {
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

export const BIN_OPS: Record<BinOperator, number> = {
  '+': BinOp.ADD, '&': BinOp.AND, '//': BinOp.FLOOR_DIVIDE, '<<': BinOp.LSHIFT, '@': BinOp.MATRIX_MULTIPLY,
  '*': BinOp.MULTIPLY, '%': BinOp.REMAINDER, '|': BinOp.OR, '**': BinOp.POWER, '>>': BinOp.RSHIFT,
  '-': BinOp.SUBTRACT, '/': BinOp.TRUE_DIVIDE, '^': BinOp.XOR,
};
export const INPLACE_OFFSET = BinOp.INPLACE_ADD - BinOp.ADD;

export class Unit {
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

export function constKey(c: ConstValue): string {
  switch (c.kind) {
    case 'none': return 'N';
    case 'ellipsis': return 'E';
    case 'bool': return `B${c.value}`;
    case 'int': return `I${c.value.toString()}`;
    case 'float': return Object.is(c.value, -0) ? 'F-0' : `F${c.value}`;
    case 'complex': return `C${Object.is(c.real, -0) ? '-0' : c.real},${Object.is(c.imag, -0) ? '-0' : c.imag}`;
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

export function astConst(c: Constant): ConstValue {
  switch (c.type) {
    case 'none': return { kind: 'none' };
    case 'ellipsis': return { kind: 'ellipsis' };
    case 'bool': return { kind: 'bool', value: c.value };
    case 'int': return { kind: 'int', value: c.value };
    case 'float': return { kind: 'float', value: c.value };
    case 'complex': return { kind: 'complex', real: c.real, imag: c.imag };
    case 'str': return { kind: 'str', value: c.value };
    case 'bytes': return { kind: 'bytes', value: c.value };
    default: {
      const _never: never = c;
      return _never;
    }
  }
}

export const NONE: ConstValue = { kind: 'none' };

/** Compile-time value of an expression, for constant folding as CPython's AST optimizer does. */
export function foldConst(e: Expr): ConstValue | null {
  if (e.kind === 'Constant') return astConst(e.value);
  if (e.kind === 'UnaryOp' && e.op === '-' && e.operand.kind === 'Constant') {
    const v = e.operand.value;
    if (v.type === 'float') return { kind: 'float', value: -v.value };
    if (v.type === 'complex') return { kind: 'complex', real: -v.real, imag: -v.imag };
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

export function constTruth(c: ConstValue): boolean | null {
  switch (c.kind) {
    case 'none': return false;
    case 'bool': return c.value;
    case 'int': return c.value !== 0 && c.value !== 0n;
    case 'float': return c.value !== 0;
    case 'complex': return c.real !== 0 || c.imag !== 0;
    case 'str': return c.value !== '';
    default: return null;
  }
}

export function docstring(body: Stmt[]): string | null {
  const s = body[0];
  if (s && s.kind === 'Expr' && s.value.kind === 'Constant' && s.value.value.type === 'str') return s.value.value.value;
  return null;
}
