/**
 * A `dis.dis`-style listing of a CodeObject and, recursively, every code object in its constants:
 * line number at the first instruction of each line, `>>` on jump targets, the opcode name, the
 * argument, and the argument resolved in parentheses. Followed by the exception table.
 */
import type { CodeObject, ConstValue } from '../chunk.js';
import { complexRepr } from '../runtime/complex-ops.js';
import { BinOp, JUMP_OPS, Op, OP_NAMES } from '../opcodes.js';

const BINOP_SYMBOLS: Record<number, string> = {
  [BinOp.ADD]: '+', [BinOp.AND]: '&', [BinOp.FLOOR_DIVIDE]: '//', [BinOp.LSHIFT]: '<<',
  [BinOp.MATRIX_MULTIPLY]: '@', [BinOp.MULTIPLY]: '*', [BinOp.REMAINDER]: '%', [BinOp.OR]: '|',
  [BinOp.POWER]: '**', [BinOp.RSHIFT]: '>>', [BinOp.SUBTRACT]: '-', [BinOp.TRUE_DIVIDE]: '/',
  [BinOp.XOR]: '^',
};
/** Indexed by CmpOp code (Py_LT..Py_GE). */
const CMP_SYMBOLS = ['<', '<=', '==', '!=', '>', '>='];

/** Python-style repr of a constant (strings with quotes, code objects by name and line). */
export function constRepr(c: ConstValue): string {
  switch (c.kind) {
    case 'none': return 'None';
    case 'ellipsis': return 'Ellipsis';
    case 'bool': return c.value ? 'True' : 'False';
    case 'int': return c.value.toString();
    case 'float': {
      const v = c.value;
      if (Number.isNaN(v)) return 'nan';
      if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
      if (Number.isInteger(v) && Math.abs(v) < 1e16) return (Object.is(v, -0) ? '-0' : String(v)) + '.0';
      return String(v).replace(/e\+?/, 'e+').replace('e+-', 'e-');
    }
    case 'complex': return complexRepr({ re: c.real, im: c.imag });
    case 'str': return strRepr(c.value);
    case 'bytes': return 'b' + strRepr(String.fromCharCode(...c.value));
    case 'frozenset': return `frozenset({${c.items.map(constRepr).join(', ')}})`;
    case 'tuple': return c.items.length === 1 ? `(${constRepr(c.items[0]!)},)` : `(${c.items.map(constRepr).join(', ')})`;
    case 'code': return `<code object ${c.code.name}, file "${c.code.filename}", line ${c.code.firstLine}>`;
    default: {
      const _never: never = c;
      return String(_never);
    }
  }
}

function strRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of s) {
    if (ch === q || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127) out += '\\x' + ch.charCodeAt(0).toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + q;
}

function argRepr(co: CodeObject, op: number, arg: number): string {
  const deref = (i: number): string => (i < co.cellvars.length ? co.cellvars[i] : co.freevars[i - co.cellvars.length]) ?? '?';
  switch (op) {
    case Op.LOAD_CONST: return constRepr(co.consts[arg]!);
    case Op.LOAD_FAST: case Op.STORE_FAST: case Op.DELETE_FAST: return co.varnames[arg] ?? '?';
    case Op.LOAD_DEREF: case Op.STORE_DEREF: case Op.DELETE_DEREF: case Op.LOAD_CLOSURE: case Op.LOAD_CLASSDEREF:
      return deref(arg);
    case Op.LOAD_GLOBAL: case Op.STORE_GLOBAL: case Op.DELETE_GLOBAL: case Op.LOAD_NAME: case Op.STORE_NAME:
    case Op.DELETE_NAME: case Op.LOAD_ATTR: case Op.STORE_ATTR: case Op.DELETE_ATTR: case Op.LOAD_METHOD:
    case Op.IMPORT_NAME: case Op.IMPORT_FROM:
      return co.names[arg] ?? '?';
    case Op.BINARY_OP: {
      const base = arg >= BinOp.INPLACE_ADD ? arg - BinOp.INPLACE_ADD : arg;
      return (BINOP_SYMBOLS[base] ?? '?') + (arg >= BinOp.INPLACE_ADD ? '=' : '');
    }
    case Op.COMPARE_OP: return CMP_SYMBOLS[arg] ?? '?';
    case Op.IS_OP: return arg ? 'is not' : 'is';
    case Op.CONTAINS_OP: return arg ? 'not in' : 'in';
    case Op.FORMAT_VALUE: {
      const conv = ['', 'str', 'repr', 'ascii'][arg & 3]!;
      return [conv, arg & 4 ? 'with format' : ''].filter((x) => x).join(', ');
    }
    case Op.MAKE_FUNCTION: {
      const names = ['defaults', 'kwdefaults', 'annotations', 'closure'].filter((_, i) => arg & (1 << i));
      return names.join(', ');
    }
    case Op.UNPACK_EX: return `${arg & 0xff} before, ${arg >> 8} after`;
    default:
      if (JUMP_OPS.has(op)) return `to ${arg}`;
      return '';
  }
}

/** Operations whose argument means nothing (printed without one, as dis does). */
const NO_ARG = new Set<number>([
  Op.NOP, Op.POP_TOP, Op.LOAD_BUILD_CLASS, Op.SETUP_ANNOTATIONS, Op.LOAD_ASSERTION_ERROR, Op.UNARY_NEGATIVE, Op.UNARY_POSITIVE,
  Op.UNARY_NOT, Op.UNARY_INVERT, Op.BINARY_SUBSCR, Op.STORE_SUBSCR, Op.DELETE_SUBSCR, Op.LIST_TO_TUPLE,
  Op.GET_ITER, Op.PUSH_NULL, Op.RETURN_VALUE, Op.RETURN_GENERATOR, Op.YIELD_VALUE, Op.GET_YIELD_FROM_ITER,
  Op.PUSH_EXC_INFO, Op.POP_EXCEPT, Op.CHECK_EXC_MATCH, Op.CHECK_EG_MATCH, Op.PREP_RERAISE_STAR, Op.BEFORE_WITH, Op.WITH_EXCEPT_START, Op.IMPORT_STAR,
  Op.GET_AITER, Op.GET_ANEXT, Op.END_ASYNC_FOR, Op.ASYNC_GEN_WRAP, Op.BEFORE_ASYNC_WITH,
]);

function disOne(co: CodeObject): string {
  const n = co.code.length >> 1;
  const targets = new Set<number>();
  for (let i = 0; i < n; i++) if (JUMP_OPS.has(co.code[2 * i]!)) targets.add(co.code[2 * i + 1]!);
  for (const e of co.exceptionTable) targets.add(e.target);
  const out: string[] = [];
  let lastLine = -1;
  for (let i = 0; i < n; i++) {
    const op = co.code[2 * i]!;
    const arg = co.code[2 * i + 1]!;
    const line = co.lines[i]!;
    let prefix = '      ';
    if (line !== lastLine) {
      if (i > 0) out.push('');
      prefix = String(line).padStart(4) + '  ';
      lastLine = line;
    }
    const mark = targets.has(i) ? '>>' : '  ';
    const name = OP_NAMES[op] ?? `<${op}>`;
    let text = `${prefix}${mark} ${String(i).padStart(4)} ${name}`;
    if (!NO_ARG.has(op)) {
      text = `${text.padEnd(38)} ${String(arg).padStart(3)}`;
      const r = argRepr(co, op, arg);
      if (r !== '') text += ` (${r})`;
    }
    out.push(text.trimEnd());
  }
  if (co.exceptionTable.length > 0) {
    out.push('ExceptionTable:');
    for (const e of co.exceptionTable) out.push(`  ${e.start} to ${e.end - 1} -> ${e.target} [${e.depth}]${e.lasti ? ' lasti' : ''}`);
  }
  return out.join('\n') + '\n';
}

/** Disassembles `co` and every nested code object, depth first, as `dis.dis` does. */
export function disassemble(co: CodeObject): string {
  let text = disOne(co);
  for (const c of co.consts) {
    if (c.kind === 'code') text += `\nDisassembly of ${constRepr(c)}:\n` + disassemble(c.code);
  }
  return text;
}
