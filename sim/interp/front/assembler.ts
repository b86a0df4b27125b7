/**
 * Assembly: a finished code unit's pseudo-instructions → `CodeObject` (stack depths, exception
 * table, line and column tables); `stackEffect` of every real instruction.
 */
import { type CodeObject, type ExceptionTableEntry, CodeFlag } from '../chunk.js';
import { JUMP_OPS, Op } from '../opcodes.js';
import { SETUP_FINALLY, SETUP_CLEANUP, SETUP_WITH, POP_BLOCK, JUMP, type Label, Unit } from './code-unit.js';

/** Stack effect of a real instruction; `jump` selects the branch-taken effect. */
export function stackEffect(op: number, arg: number, jump: boolean): number {
  switch (op) {
    case Op.NOP: case Op.SWAP: case Op.RESUME: case Op.SETUP_ANNOTATIONS: case Op.LOAD_ATTR: case Op.UNARY_NEGATIVE:
    case Op.UNARY_POSITIVE: case Op.UNARY_NOT: case Op.UNARY_INVERT: case Op.GET_ITER:
    case Op.LIST_TO_TUPLE: case Op.JUMP_FORWARD: case Op.JUMP_BACKWARD: case Op.YIELD_VALUE:
    case Op.GET_YIELD_FROM_ITER: case Op.GET_AWAITABLE: case Op.CHECK_EXC_MATCH: case Op.DELETE_FAST: case Op.DELETE_DEREF:
    case Op.DELETE_GLOBAL: case Op.DELETE_NAME: case Op.CHECK_EG_MATCH: case Op.GET_AITER: case Op.ASYNC_GEN_WRAP:
      return 0;
    case Op.POP_TOP: case Op.STORE_FAST: case Op.STORE_DEREF: case Op.STORE_GLOBAL: case Op.STORE_NAME:
    case Op.DELETE_ATTR: case Op.BINARY_OP: case Op.COMPARE_OP: case Op.IS_OP: case Op.CONTAINS_OP:
    case Op.BINARY_SUBSCR: case Op.LIST_APPEND: case Op.SET_ADD: case Op.LIST_EXTEND: case Op.SET_UPDATE:
    case Op.DICT_UPDATE: case Op.DICT_MERGE: case Op.RETURN_VALUE: case Op.POP_EXCEPT: case Op.RERAISE:
    case Op.IMPORT_NAME: case Op.IMPORT_STAR: case Op.POP_JUMP_IF_FALSE: case Op.POP_JUMP_IF_TRUE:
    case Op.POP_JUMP_IF_NONE: case Op.POP_JUMP_IF_NOT_NONE: case Op.PREP_RERAISE_STAR:
      return -1;
    case Op.COPY: case Op.LOAD_CONST: case Op.LOAD_FAST: case Op.LOAD_DEREF: case Op.LOAD_CLOSURE:
    case Op.LOAD_CLASSDEREF: case Op.LOAD_GLOBAL: case Op.LOAD_NAME: case Op.LOAD_METHOD:
    case Op.LOAD_BUILD_CLASS: case Op.LOAD_ASSERTION_ERROR: case Op.PUSH_NULL: case Op.PUSH_EXC_INFO:
    case Op.BEFORE_WITH: case Op.WITH_EXCEPT_START: case Op.IMPORT_FROM: case Op.RETURN_GENERATOR:
    case Op.GET_ANEXT: case Op.BEFORE_ASYNC_WITH:
      return 1;
    case Op.STORE_ATTR: case Op.DELETE_SUBSCR: case Op.MAP_ADD: case Op.END_ASYNC_FOR: return -2;
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

export const TERMINATORS = new Set<number>([Op.RETURN_VALUE, Op.RAISE_VARARGS, Op.RERAISE, JUMP]);

export interface Handler {
  label: Label;
  depth: number;
  lasti: boolean;
}

/**
 * Flow analysis over the pseudo-instruction list (CPython's stackdepth + label_exception_targets):
 * the stack depth at every reachable instruction, and the handler covering it. Unreachable code
 * is dropped; pseudo-instructions vanish; jumps become absolute indices.
 */
export function assemble(u: Unit, filename: string): CodeObject {
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
