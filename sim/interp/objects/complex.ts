/**
 * complex: the constructor (numbers, strings, `__complex__`/`__float__`/`__index__`, CPython's
 * errors), the arithmetic of mixed int/float/complex operands, equality (ordering is refused by
 * compare.ts's generic TypeError), format specs and the type's methods. The numeric kernels are
 * ../runtime/complex-ops.ts; a result is allocated as a float is (write-path.ts's placeComplex).
 */
import {
  type Cx, complexAbs, complexAdd, complexDiv, complexFromStr, complexMul, complexPow, complexRepr, complexSub,
} from '../runtime/complex-ops.js';
import { formatComplex } from '../runtime/format-spec.js';
import type { Vm } from '../vm/vm.js';
import { PyComplex, PyFloat, PyInstance, PyType, type PyVal } from '../values.js';
import { CMP_DUNDER, OP_DUNDER, type Kit, type Kw } from './kit.js';

export function makeComplexParts(vm: Vm, kit: Kit) {
  const { isIntLike, intOf, isNum, fnum } = kit;
  /** A number as a complex value (int and float with a zero imaginary part); null for others. */
  const toCx = (v: PyVal): Cx | null => {
    if (v instanceof PyComplex) return { re: v.re, im: v.im };
    if (isNum(v)) return { re: fnum(v), im: 0 };
    return null;
  };
  const C = (z: Cx): PyComplex => vm.placeComplex(vm.cur, z.re, z.im);
  /** The binary operators with a complex operand (op: a BinOp code); NotImplemented otherwise. */
  const complexBin = (a: PyVal, b: PyVal, op: number): PyVal => {
    if (!(a instanceof PyComplex) && !(b instanceof PyComplex)) return vm.NotImplemented;
    const x = toCx(a), y = toCx(b);
    if (x === null || y === null) return vm.NotImplemented;
    switch (op) {
      case 0: return C(complexAdd(x, y));
      case 5: return C(complexMul(x, y));
      case 8: return C(complexPow(x, y));
      case 10: return C(complexSub(x, y));
      case 11: return C(complexDiv(x, y));
      default: return vm.NotImplemented;
    }
  };
  /** == and != with a complex operand: exact against ints (as float == int is); undefined otherwise. */
  const complexEq = (a: PyVal, b: PyVal, op: number): PyVal | undefined => {
    if (!(a instanceof PyComplex) && !(b instanceof PyComplex)) return undefined;
    const [z, w] = a instanceof PyComplex ? [a, b] : [b as PyComplex, a];
    let same: boolean;
    if (w instanceof PyComplex) same = z.re === w.re && z.im === w.im;
    else if (w instanceof PyFloat) same = z.re === w.v && z.im === 0;
    else if (isIntLike(w)) same = z.im === 0 && vm.eq(new PyFloat(vm.T.float, z.re), intOf(w));
    else return op === 2 || op === 3 ? vm.NotImplemented : undefined;
    if (op === 2) return same;
    if (op === 3) return !same;
    return vm.NotImplemented;
  };
  const complexFormat = (z: PyComplex, spec: string): string => (spec === '' ? complexRepr(z) : formatComplex(z.re, z.im, spec));
  return { toCx, C, complexBin, complexEq, complexFormat };
}
export type ComplexParts = ReturnType<typeof makeComplexParts>;

/** complex(): the constructor, then the type's methods and explicit dunders. */
export function installComplexType(vm: Vm, kit: Kit, p: ComplexParts): void {
  const { T, F, isNum, fnum, tn, kwArg, ctor } = kit;
  const { toCx, C, complexBin } = p;
  /** A constructor argument as (value, is it complex): `__complex__` first, then the real-number conversions. */
  const arg = (v: PyVal, first: boolean): [Cx, boolean] => {
    if (v instanceof PyComplex) return [{ re: v.re, im: v.im }, true];
    if (v instanceof PyInstance) {
      const cm = vm.lookup(v.cls, '__complex__');
      if (cm !== undefined && first) {
        const r = vm.callValue(cm, [v], null);
        if (!(r instanceof PyComplex)) throw vm.typeErr(`__complex__ returned non-complex (type ${tn(r)})`);
        return [{ re: r.re, im: r.im }, true];
      }
      const fm = vm.lookup(v.cls, '__float__') ?? vm.lookup(v.cls, '__index__');
      if (fm !== undefined) return [{ re: fnum(vm.callValue(fm, [v], null)), im: 0 }, false];
    }
    if (isNum(v)) return [{ re: fnum(v), im: 0 }, false];
    throw vm.typeErr(first
      ? `complex() first argument must be a string or a number, not '${tn(v)}'`
      : `complex() second argument must be a number, not '${tn(v)}'`);
  };
  ctor(T.complex, (a, kw, tp) => {
    const z = construct(a, kw);
    if (!(tp instanceof PyType) || tp === T.complex) return z;
    // A user subclass: the same value in an object of the subclass.
    const o = C({ re: z.re, im: z.im });
    o.cls = tp;
    return o;
  });
  function construct(a: PyVal[], kw: Kw): PyComplex {
    if (a.length > 2) throw vm.typeErr(`complex() takes at most 2 arguments (${a.length} given)`);
    const r = a[0] ?? kwArg(kw, 'real');
    const i = a[1] ?? kwArg(kw, 'imag');
    if (r === undefined && i === undefined) return C({ re: 0, im: 0 });
    if (typeof r === 'string') {
      if (i !== undefined) throw vm.typeErr("complex() can't take second arg if first is a string");
      return C(complexFromStr(r));
    }
    if (typeof i === 'string') throw vm.typeErr("complex() second arg can't be a string");
    if (r instanceof PyComplex && i === undefined && r.cls === T.complex) return r;
    const [cr, crIsComplex] = r === undefined ? [{ re: 0, im: 0 }, false] : arg(r, true);
    let ci: Cx = { re: 0, im: 0 };
    let ciIsComplex = false;
    if (i === undefined) ci = { re: cr.im, im: 0 };
    else [ci, ciIsComplex] = arg(i, false);
    let re = cr.re, im = ci.re;
    if (ciIsComplex) re -= ci.im;
    if (crIsComplex && i !== undefined) im += cr.im;
    return C({ re, im });
  }
  const self = (v: PyVal): PyComplex => v as PyComplex;
  vm.method(T.complex, 'conjugate', (a) => C({ re: self(a[0]!).re, im: -self(a[0]!).im }));
  vm.method(T.complex, '__complex__', (a) => (a[0]!.constructor === PyComplex && self(a[0]!).cls === T.complex ? a[0]! : C(toCx(a[0]!)!)));
  vm.method(T.complex, '__getnewargs__', (a) => vm.newTuple([F(self(a[0]!).re), F(self(a[0]!).im)]));
  vm.method(T.complex, '__format__', (a) => {
    if (typeof a[1] !== 'string') throw vm.typeErr(`__format__() argument must be str, not ${tn(a[1]!)}`);
    return vm.format(a[0]!, a[1]);
  });
  OP_DUNDER.forEach((nm, op) => {
    if (![0, 5, 8, 10, 11].includes(op)) return;
    vm.method(T.complex, `__${nm}__`, (a) => complexBin(a[0]!, a[1]!, op));
    vm.method(T.complex, `__r${nm}__`, (a) => complexBin(a[1]!, a[0]!, op));
  });
  CMP_DUNDER.forEach((nm, op) => vm.method(T.complex, nm, (a) => p.complexEq(a[0]!, a[1]!, op) ?? vm.NotImplemented));
  vm.method(T.complex, '__neg__', (a) => vm.unary(a[0]!, 0));
  vm.method(T.complex, '__pos__', (a) => vm.unary(a[0]!, 1));
  vm.method(T.complex, '__abs__', (a) => F(complexAbs(self(a[0]!))));
  vm.method(T.complex, '__bool__', (a) => vm.truthy(a[0]!));
  vm.method(T.complex, '__hash__', (a) => vm.hash(a[0]!));
  vm.method(T.complex, '__repr__', (a) => vm.repr(a[0]!));
  vm.method(T.complex, '__str__', (a) => vm.repr(a[0]!));
}
