/**
 * Expression → source text, as CPython's `ast.unparse` writes it: the strings PEP 563
 * (`from __future__ import annotations`) stores in `__annotations__` instead of the values.
 * Operands are parenthesized by precedence, so `Optional[ 'x' ]` reads `Optional['x']`.
 */
import type { Constant, Expr } from './ast.js';
import { complexRepr } from '../runtime/complex-ops.js';
import { strRepr } from '../runtime/str-repr.js';

/** Binding strength, lowest first (ast.unparse's _Precedence). */
const PREC = {
  tuple: 0, yield: 1, test: 2, or: 3, and: 4, not: 5, cmp: 6, bor: 7, bxor: 8, band: 9, shift: 10,
  arith: 11, term: 12, factor: 13, power: 14, await: 15, atom: 16,
} as const;

const BIN_PREC: Record<string, number> = {
  '|': PREC.bor, '^': PREC.bxor, '&': PREC.band, '<<': PREC.shift, '>>': PREC.shift, '+': PREC.arith, '-': PREC.arith,
  '*': PREC.term, '/': PREC.term, '//': PREC.term, '%': PREC.term, '@': PREC.term, '**': PREC.power,
};

function constant(c: Constant): string {
  switch (c.type) {
    case 'none': return 'None';
    case 'ellipsis': return '...';
    case 'bool': return c.value ? 'True' : 'False';
    case 'int': return String(c.value);
    case 'float': return Number.isInteger(c.value) ? `${c.value}.0` : String(c.value);
    case 'complex': return complexRepr({ re: c.real, im: c.imag });
    case 'str': return strRepr(c.value);
    case 'bytes': return 'b' + strRepr(String.fromCharCode(...c.value));
  }
}

function paren(text: string, own: number, ctx: number): string {
  return own < ctx ? `(${text})` : text;
}

/** The source text of `e` where an operand of strength `ctx` is expected. */
export function unparse(e: Expr, ctx: number = PREC.test): string {
  switch (e.kind) {
    case 'Constant': return constant(e.value);
    case 'Name': return e.id;
    case 'Attribute': return `${unparse(e.value, PREC.atom)}.${e.attr}`;
    case 'Subscript': {
      const s = e.slice.kind === 'Tuple' && e.slice.elts.length > 0 ? e.slice.elts.map((x) => unparse(x)).join(', ') : unparse(e.slice, PREC.tuple);
      return `${unparse(e.value, PREC.atom)}[${s}]`;
    }
    case 'BinOp': {
      const p = BIN_PREC[e.op]!;
      const right = e.op === '**' ? p : p + 1;
      const left = e.op === '**' ? p + 1 : p;
      return paren(`${unparse(e.left, left)} ${e.op} ${unparse(e.right, right)}`, p, ctx);
    }
    case 'UnaryOp': {
      const p = e.op === 'not' ? PREC.not : PREC.factor;
      return paren(`${e.op === 'not' ? 'not ' : e.op}${unparse(e.operand, p)}`, p, ctx);
    }
    case 'BoolOp': {
      const p = e.op === 'or' ? PREC.or : PREC.and;
      return paren(e.values.map((v) => unparse(v, p + 1)).join(` ${e.op} `), p, ctx);
    }
    case 'Compare': {
      const parts = [unparse(e.left, PREC.cmp + 1)];
      e.ops.forEach((op, i) => parts.push(op, unparse(e.comparators[i]!, PREC.cmp + 1)));
      return paren(parts.join(' '), PREC.cmp, ctx);
    }
    case 'Tuple': {
      if (e.elts.length === 1) return `(${unparse(e.elts[0]!)},)`;
      return `(${e.elts.map((x) => unparse(x)).join(', ')})`;
    }
    case 'List': return `[${e.elts.map((x) => unparse(x)).join(', ')}]`;
    case 'Set': return `{${e.elts.map((x) => unparse(x)).join(', ')}}`;
    case 'Dict': return `{${e.keys.map((k, i) => (k === null ? `**${unparse(e.values[i]!)}` : `${unparse(k)}: ${unparse(e.values[i]!)}`)).join(', ')}}`;
    case 'Call': {
      const args = e.args.map((a) => unparse(a));
      for (const k of e.keywords) args.push(k.arg === null ? `**${unparse(k.value)}` : `${k.arg}=${unparse(k.value)}`);
      return `${unparse(e.func, PREC.atom)}(${args.join(', ')})`;
    }
    case 'Starred': return `*${unparse(e.value, PREC.bor)}`;
    case 'IfExp': return paren(`${unparse(e.body, PREC.test + 1)} if ${unparse(e.test, PREC.test + 1)} else ${unparse(e.orelse, PREC.test)}`, PREC.test, ctx);
    case 'Slice': {
      let s = (e.lower ? unparse(e.lower) : '') + ':' + (e.upper ? unparse(e.upper) : '');
      if (e.step) s += ':' + unparse(e.step);
      return s;
    }
    case 'Lambda': case 'NamedExpr': case 'ListComp': case 'SetComp': case 'DictComp': case 'GeneratorExp':
    case 'Yield': case 'YieldFrom': case 'FormattedValue': case 'JoinedStr': case 'Await':
      // Rare in annotations; the node's kind stands in for text htmsim does not reproduce.
      return `<${e.kind}>`;
  }
}
