/**
 * The bytecode instruction set: the contract between the compiler and the VM.
 *
 * Semantics follow CPython 3.11's instruction of the same name unless a comment says otherwise,
 * with these simplifications: no CACHE entries and no specialization; every instruction is one
 * (op, arg) pair; jump arguments are absolute instruction indices; calls are CALL argc,
 * CALL_KW argc (a tuple of keyword names on top of the stack, as 3.11's KW_NAMES) and
 * CALL_FUNCTION_EX flags; exceptions use a zero-cost exception table (see chunk.ts), as 3.11.
 *
 * Opcodes are a closed set: the VM's dispatch switch and the disassembler are exhaustive over it.
 * How the compiler uses them (stack layouts of CALL, FOR_ITER, handlers, `with`, generators, and
 * every deviation from 3.11) is documented in the comment block at the top of compiler.ts.
 */
export const Op = {
  NOP: 0,
  POP_TOP: 1,
  /** COPY i: push a copy of the i-th item (1 = top). */
  COPY: 2,
  /** SWAP i: swap top with the i-th item (i ≥ 2). */
  SWAP: 3,

  LOAD_CONST: 10,
  LOAD_FAST: 11,
  STORE_FAST: 12,
  DELETE_FAST: 13,
  /** Cells and free variables share one index space: cellvars then freevars. */
  LOAD_DEREF: 14,
  STORE_DEREF: 15,
  DELETE_DEREF: 16,
  /** Push the cell object itself (for building closures). */
  LOAD_CLOSURE: 17,
  /** Class bodies: look in the class namespace first, then the cell. */
  LOAD_CLASSDEREF: 18,
  LOAD_GLOBAL: 19,
  STORE_GLOBAL: 20,
  DELETE_GLOBAL: 21,
  /** Module and class bodies: locals mapping, then globals, then builtins. */
  LOAD_NAME: 22,
  STORE_NAME: 23,
  DELETE_NAME: 24,
  LOAD_ATTR: 25,
  STORE_ATTR: 26,
  DELETE_ATTR: 27,
  /** LOAD_METHOD name: push (method, self) or (NULL, bound/plain callable), as 3.11. */
  LOAD_METHOD: 28,
  LOAD_BUILD_CLASS: 29,
  LOAD_ASSERTION_ERROR: 30,
  /** Module and class bodies that annotate a name: `__annotations__ = {}` unless it exists. */
  SETUP_ANNOTATIONS: 31,

  /** BINARY_OP arg: a BinOp code below (the INPLACE_ variants try __i*__ first). */
  BINARY_OP: 40,
  UNARY_NEGATIVE: 41,
  UNARY_POSITIVE: 42,
  UNARY_NOT: 43,
  UNARY_INVERT: 44,
  /** COMPARE_OP arg: a CmpOp code below. */
  COMPARE_OP: 45,
  /** IS_OP invert, CONTAINS_OP invert. */
  IS_OP: 46,
  CONTAINS_OP: 47,
  BINARY_SUBSCR: 48,
  STORE_SUBSCR: 49,
  DELETE_SUBSCR: 50,
  /** BUILD_SLICE 2|3. */
  BUILD_SLICE: 51,

  BUILD_TUPLE: 60,
  BUILD_LIST: 61,
  BUILD_SET: 62,
  /** BUILD_MAP n: 2n items, key value pairs. */
  BUILD_MAP: 63,
  /** BUILD_CONST_KEY_MAP n: n values then a tuple of keys. */
  BUILD_CONST_KEY_MAP: 64,
  BUILD_STRING: 65,
  LIST_APPEND: 66,
  SET_ADD: 67,
  MAP_ADD: 68,
  LIST_EXTEND: 69,
  SET_UPDATE: 70,
  DICT_UPDATE: 71,
  /** Like DICT_UPDATE but raises on duplicate keys (f(**a, **b)). */
  DICT_MERGE: 72,
  LIST_TO_TUPLE: 73,
  UNPACK_SEQUENCE: 74,
  /** UNPACK_EX before | (after << 8). */
  UNPACK_EX: 75,
  /** FORMAT_VALUE flags: (flags & 3) conversion 0 none,1 str,2 repr,3 ascii; (flags & 4) spec on TOS. */
  FORMAT_VALUE: 76,

  JUMP_FORWARD: 80,
  /** A loop back-edge: a yield point (GIL switch / transaction boundary may happen here). */
  JUMP_BACKWARD: 81,
  POP_JUMP_IF_FALSE: 82,
  POP_JUMP_IF_TRUE: 83,
  POP_JUMP_IF_NONE: 84,
  POP_JUMP_IF_NOT_NONE: 85,
  JUMP_IF_FALSE_OR_POP: 86,
  JUMP_IF_TRUE_OR_POP: 87,
  GET_ITER: 88,
  /** FOR_ITER target: push next item, or pop the iterator and jump to target when exhausted. */
  FOR_ITER: 89,

  /** MAKE_FUNCTION flags: 1 defaults tuple, 2 kw-defaults dict, 4 annotations (a tuple of name, value pairs), 8 closure tuple. */
  MAKE_FUNCTION: 90,
  /** CALL argc: stack is [callable-or-NULL, self-or-callable, args...] as 3.11 after LOAD_METHOD;
   *  when no LOAD_METHOD was used the compiler emits PUSH_NULL first. */
  CALL: 91,
  /** CALL_KW argc: as CALL, with a tuple of the last len(names) arguments' keyword names on top. */
  CALL_KW: 92,
  /** CALL_FUNCTION_EX flags: stack [NULL, callable, args tuple, (kwargs dict if flags & 1)]. */
  CALL_FUNCTION_EX: 93,
  PUSH_NULL: 94,
  RETURN_VALUE: 95,
  /** Function entry: a yield point; also where a generator's frame starts (3.11 RESUME).
   *  RESUME 0 at entry, 1 after a yield, 2 after a yield inside `yield from`. */
  RESUME: 96,

  /** First instruction of a generator's code: returns the new generator; the first resumption
   *  pushes the sent value (None), which the following POP_TOP drops. */
  RETURN_GENERATOR: 100,
  /** Pops the value to yield; on resumption pushes the sent value. */
  YIELD_VALUE: 101,
  /** SEND target: delegate to a sub-iterator for `yield from` (3.11). */
  SEND: 102,
  GET_YIELD_FROM_ITER: 103,
  /** GET_AWAITABLE where: the iterator `await` delegates to (a coroutine, or `__await__()`'s result). */
  GET_AWAITABLE: 104,
  /** `async for`: [aiterable] → [aiter] (`__aiter__()`, CPython's checks). */
  GET_AITER: 105,
  /** `async for`: [aiter] → [aiter, awaitable of `__anext__()`] (the SEND loop awaits it). */
  GET_ANEXT: 106,
  /** `async for`'s handler: [aiter, exc] → [] when exc is StopAsyncIteration, else re-raises exc. */
  END_ASYNC_FOR: 107,
  /** `yield` in an async generator: wraps the value so the generator's awaitable tells a yield
   *  (StopIteration(value) to the awaiter) from an inner `await`'s value (passed through). */
  ASYNC_GEN_WRAP: 108,

  /** RAISE_VARARGS 0 (re-raise), 1 (raise exc), 2 (raise exc from cause). */
  RAISE_VARARGS: 110,
  /** RERAISE lasti-flag. */
  RERAISE: 111,
  PUSH_EXC_INFO: 112,
  POP_EXCEPT: 113,
  CHECK_EXC_MATCH: 114,
  BEFORE_WITH: 115,
  WITH_EXCEPT_START: 116,
  /** `async with`: [mgr] → [bound __aexit__, the awaitable of __aenter__()] (GET_AWAITABLE 1 follows). */
  BEFORE_ASYNC_WITH: 117,

  /** CHECK_EG_MATCH: [exc, type] → [rest, match] for an `except*` clause (None where empty; a
   *  naked exception that matches comes back wrapped in a group). */
  CHECK_EG_MATCH: 130,
  /** PREP_RERAISE_STAR: [orig, list of what the clauses raised + the rest] → what to raise, or None. */
  PREP_RERAISE_STAR: 131,

  IMPORT_NAME: 120,
  IMPORT_FROM: 121,
  IMPORT_STAR: 122,
} as const;

export type OpName = keyof typeof Op;
export type OpCode = (typeof Op)[OpName];

export const OP_NAMES: Record<number, OpName> = Object.fromEntries(
  Object.entries(Op).map(([k, v]) => [v, k as OpName]),
);

/** Instructions whose argument is a jump target (for the disassembler and the compiler's patching). */
export const JUMP_OPS: ReadonlySet<number> = new Set<number>([
  Op.JUMP_FORWARD, Op.JUMP_BACKWARD, Op.POP_JUMP_IF_FALSE, Op.POP_JUMP_IF_TRUE,
  Op.POP_JUMP_IF_NONE, Op.POP_JUMP_IF_NOT_NONE, Op.JUMP_IF_FALSE_OR_POP, Op.JUMP_IF_TRUE_OR_POP,
  Op.FOR_ITER, Op.SEND,
]);

/** BINARY_OP arguments (CPython 3.11's NB_* numbering). */
export const BinOp = {
  ADD: 0, AND: 1, FLOOR_DIVIDE: 2, LSHIFT: 3, MATRIX_MULTIPLY: 4, MULTIPLY: 5, REMAINDER: 6,
  OR: 7, POWER: 8, RSHIFT: 9, SUBTRACT: 10, TRUE_DIVIDE: 11, XOR: 12,
  INPLACE_ADD: 13, INPLACE_AND: 14, INPLACE_FLOOR_DIVIDE: 15, INPLACE_LSHIFT: 16,
  INPLACE_MATRIX_MULTIPLY: 17, INPLACE_MULTIPLY: 18, INPLACE_REMAINDER: 19, INPLACE_OR: 20,
  INPLACE_POWER: 21, INPLACE_RSHIFT: 22, INPLACE_SUBTRACT: 23, INPLACE_TRUE_DIVIDE: 24,
  INPLACE_XOR: 25,
} as const;
export type BinOpCode = (typeof BinOp)[keyof typeof BinOp];

/** COMPARE_OP arguments (CPython's Py_LT..Py_GE). */
export const CmpOp = { LT: 0, LE: 1, EQ: 2, NE: 3, GT: 4, GE: 5 } as const;
export type CmpOpCode = (typeof CmpOp)[keyof typeof CmpOp];
