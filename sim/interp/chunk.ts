/**
 * Compiled code objects (the "chunk"): what the compiler produces and the VM executes.
 * Pure data: no runtime objects, so the compiler never depends on the VM.
 */

/** A compile-time constant. The VM turns each into a runtime value once per code object. */
export type ConstValue =
  | { kind: 'none' }
  | { kind: 'ellipsis' }
  | { kind: 'bool'; value: boolean }
  /** `number` when it is a safe integer, `bigint` otherwise. */
  | { kind: 'int'; value: number | bigint }
  | { kind: 'float'; value: number }
  | { kind: 'complex'; real: number; imag: number }
  | { kind: 'str'; value: string }
  | { kind: 'bytes'; value: Uint8Array }
  | { kind: 'tuple'; items: ConstValue[] }
  /** A constant set display of 3+ items, folded as CPython's compiler does (BUILD_SET 0 + SET_UPDATE). */
  | { kind: 'frozenset'; items: ConstValue[] }
  | { kind: 'code'; code: CodeObject };

/** CO_* flags (CPython numbering). */
export const CodeFlag = {
  OPTIMIZED: 0x1,
  NEWLOCALS: 0x2,
  VARARGS: 0x4,
  VARKEYWORDS: 0x8,
  NESTED: 0x10,
  GENERATOR: 0x20,
  /** `async def` (set together with GENERATOR: a coroutine runs as a generator of type coroutine). */
  COROUTINE: 0x80,
  /** A generator function decorated with types.coroutine: its generators can be awaited. */
  ITERABLE_COROUTINE: 0x100,
  /** An async generator (`async def` with `yield`, an async generator expression): set together
   *  with GENERATOR, without COROUTINE (CPython sets CO_ASYNC_GENERATOR alone). */
  ASYNC_GENERATOR: 0x200,
} as const;

/** One row of the exception table (CPython 3.11): instructions [start, end) are covered. */
export interface ExceptionTableEntry {
  start: number;
  end: number;
  /** Handler instruction index. */
  target: number;
  /** Pop the value stack to this depth before pushing the exception. */
  depth: number;
  /** Push the index of the raising instruction first (for RERAISE / finally). */
  lasti: boolean;
}

export interface CodeObject {
  name: string;
  qualname: string;
  filename: string;
  firstLine: number;
  argcount: number;
  posonlyargcount: number;
  kwonlyargcount: number;
  flags: number;
  /** Local variable names; the first argcount + kwonlyargcount (+ *args, **kwargs) are parameters. */
  varnames: string[];
  cellvars: string[];
  freevars: string[];
  names: string[];
  consts: ConstValue[];
  /** Two entries per instruction: code[2*i] opcode, code[2*i+1] argument. */
  code: Int32Array;
  /** Source line and column (1-based) of each instruction, for tracebacks and the trace. */
  lines: Int32Array;
  columns: Int32Array;
  /** End of each instruction's source range (line, exclusive 1-based column), as CPython 3.11's
   *  co_positions(): tracebacks underline columns[i]..endColumns[i] with carets (and omit them
   *  when the range covers the whole stripped line). */
  endLines: Int32Array;
  endColumns: Int32Array;
  exceptionTable: ExceptionTableEntry[];
  /** Maximum value-stack depth, so frames can size their stack in simulated memory. */
  stacksize: number;
  /** For cells that are also arguments: cellvars[i] is argument cell2arg[i] (-1 if not). */
  cell2arg: Int32Array;
}

export const instructionCount = (co: CodeObject): number => co.code.length >> 1;
