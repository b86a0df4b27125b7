/**
 * Arithmetic: the binary and unary operators on built-in values (CPython's exact int and float
 * arithmetic from ../runtime/), sequence concatenation and repetition, set and dict-view algebra,
 * and the dispatch to user `__op__`/`__rop__`/`__iop__` with the reflected-first rule.
 */
import { PyDict, PySet } from '../dict.js';
import { floatFloorDiv as rtFloatFloorDiv, floatMod as rtFloatMod, floatPow as rtFloatPow } from '../runtime/float-ops.js';
import * as R from '../runtime/int-ops.js';
import type { Vm } from '../vm/vm.js';
import { complexPow } from '../runtime/complex-ops.js';
import { PyBoxed, PyBuiltin, PyBytes, PyComplex, PyFloat, PyInstance, PyList, PyObject, PyTuple, type PyVal } from '../values.js';
import type { BytesParts } from './bytes.js';
import type { ComplexParts } from './complex.js';
import { dictUpdate } from './dict-ops.js';
import { PyView, type ViewParts } from './dict-views.js';
import { OP_DUNDER, OP_SYM, type Kit } from './kit.js';
import { listAssign, listExtend } from './list-ops.js';
import { setAddAll, setDiscardAll, setReplace, setReplaceWithSet } from './set-ops.js';
import type { SetParts } from './set-methods.js';
import type { TextFormat } from './text-format.js';
import type { TypeForms } from './type-forms.js';

export interface ArithDeps { bytes: BytesParts; views: ViewParts; sets: SetParts; text: TextFormat; typeForms: TypeForms; complex: ComplexParts }

export function makeArithProtocols(vm: Vm, kit: Kit, deps: ArithDeps) {
  const builtinBin = makeBuiltinBin(vm, kit, deps);
  return { builtinBin, ...makeOperatorDispatch(vm, kit, deps.typeForms, builtinBin) };
}

/** int and float arithmetic (op a BinOp without the in-place offset); NotImplemented for others. */
function makeNumberArith(vm: Vm, kit: Kit) {
  const { err, F } = kit;
  const intBin = (x: R.IntVal, y: R.IntVal, op: number): PyVal => {
    switch (op) {
      case 0: return R.intAdd(x, y);
      case 1: return R.intAnd(x, y);
      case 2: return R.intFloorDiv(x, y);
      case 3: return R.intLshift(x, y);
      case 5: return R.intMul(x, y);
      case 6: return R.intMod(x, y);
      case 7: return R.intOr(x, y);
      case 8:
        if (y < 0) {
          const fx = R.intToFloat(x);
          if (fx === 0) throw err('ZeroDivisionError', '0.0 cannot be raised to a negative power');
          return F(rtFloatPow(fx, R.intToFloat(y)));
        }
        return R.intPow(x, y);
      case 9: return R.intRshift(x, y);
      case 10: return R.intSub(x, y);
      case 11: return F(R.intTrueDiv(x, y));
      case 12: return R.intXor(x, y);
      default: return vm.NotImplemented;
    }
  };
  const floatBin = (x: number, y: number, op: number): PyVal => {
    switch (op) {
      case 0: return F(x + y);
      case 2: return F(rtFloatFloorDiv(x, y));
      case 5: return F(x * y);
      case 6: return F(rtFloatMod(x, y));
      case 8:
        // A negative base to a non-integral power is complex (float_pow hands it to complex_pow).
        if (x < 0 && Number.isFinite(x) && Number.isFinite(y) && y !== Math.floor(y)) {
          const z = complexPow({ re: x, im: 0 }, { re: y, im: 0 });
          return vm.placeComplex(vm.cur, z.re, z.im);
        }
        return F(rtFloatPow(x, y));
      case 10: return F(x - y);
      case 11:
        if (y === 0) throw err('ZeroDivisionError', 'float division by zero');
        return F(x / y);
      default: return vm.NotImplemented;
    }
  };
  return { intBin, floatBin };
}

/** The set operators |, &, -, ^ and their in-place forms (the in-place ones through ./set-ops.ts). */
function makeSetArith(vm: Vm, sets: SetParts) {
  const { setIntersection } = sets;
  const setBin = (a: PySet, b: PySet, op: number, inplace: boolean): PyVal => {
    const res = (items: PyVal[]): PySet => {
      const s = vm.placeSet(new PySet(vm.builtinBase(a.cls), vm.keyOps));
      for (const x of items) s.add(x);
      return s;
    };
    switch (op) {
      case 7: {
        if (inplace) {
          setAddAll(vm, vm.cur, a, b.items());
          return a;
        }
        const s = vm.placeSet(new PySet(vm.builtinBase(a.cls), vm.keyOps));
        s.mergeSet(a);
        for (const x of b.items()) s.add(x);
        return s;
      }
      case 1: {
        const r = setIntersection(a, b);
        if (inplace) {
          setReplace(vm, vm.cur, a, r);
          return a;
        }
        return res(r);
      }
      case 10: {
        const r = a.items().filter((x) => !b.has(x));
        if (inplace) {
          setDiscardAll(vm, vm.cur, a, [b]);
          return a;
        }
        return res(r);
      }
      case 12: {
        const s = vm.placeSet(new PySet(vm.builtinBase(a.cls), vm.keyOps));
        for (const x of a.items()) if (!b.has(x)) s.add(x);
        for (const x of b.items()) if (!a.has(x)) s.add(x);
        if (inplace) {
          setReplaceWithSet(vm, vm.cur, a, s);
          return a;
        }
        return s;
      }
    }
    return vm.NotImplemented;
  };
  return setBin;
}

/** A binary operator on built-in operands by the built-in types' own rules. */
function makeBuiltinBin(vm: Vm, kit: Kit, deps: ArithDeps) {
  const { T, isIntLike, intOf, isNum, fnum, repeatSeq } = kit;
  const { makeBytes, bytesExtend } = deps.bytes;
  const { viewSetOp, viewItems } = deps.views;
  const { strPercent, bytesPercent } = deps.text;
  const { intBin, floatBin } = makeNumberArith(vm, kit);
  const setBin = makeSetArith(vm, deps.sets);
  const builtinBin = (a: PyVal, b: PyVal, op: number, inplace: boolean): PyVal => {
    if (typeof a === 'boolean' && typeof b === 'boolean') {
      // bool's own &, |, ^ keep the bool type.
      if (op === 1) return a && b;
      if (op === 7) return a || b;
      if (op === 12) return a !== b;
    }
    if (isIntLike(a) && isIntLike(b)) return intBin(intOf(a), intOf(b), op);
    if (isNum(a) && isNum(b)) return floatBin(fnum(a), fnum(b), op);
    if ((a instanceof PyComplex && (isNum(b) || b instanceof PyComplex)) || (b instanceof PyComplex && isNum(a))) return deps.complex.complexBin(a, b, op);
    if (a instanceof PyView && a.kind !== 1 && (op === 1 || op === 7 || op === 10 || op === 12)) return viewSetOp(a, b, op);
    if (typeof a === 'string') {
      if (op === 0 && typeof b === 'string') {
        vm.tmp(vm.cur, 49 + a.length + b.length);
        return a + b;
      }
      if (op === 5 && isIntLike(b)) return repeatSeq([a], intOf(b)).join('');
      if (op === 6) return strPercent(a, b);
      return vm.NotImplemented;
    }
    if (op === 5 && typeof b === 'string' && isIntLike(a)) return repeatSeq([b], intOf(a)).join('');
    if (a instanceof PyList) {
      if (op === 0 && b instanceof PyList) {
        if (inplace) {
          listExtend(vm, vm.cur, a, b.items.slice());
          return a;
        }
        return vm.placeList(vm.newList(a.items.concat(b.items)));
      }
      if (op === 0 && inplace) {
        listExtend(vm, vm.cur, a, vm.toList(b));
        return a;
      }
      if (op === 5 && isIntLike(b)) {
        if (inplace) {
          listAssign(vm, vm.cur, a, repeatSeq(a.items, intOf(b)));
          return a;
        }
        return vm.placeList(vm.newList(repeatSeq(a.items, intOf(b))));
      }
      return vm.NotImplemented;
    }
    if (op === 5 && b instanceof PyList && isIntLike(a)) return vm.placeList(vm.newList(repeatSeq(b.items, intOf(a))));
    if (a instanceof PyTuple) {
      if (op === 0 && b instanceof PyTuple) return vm.newTuple(a.items.concat(b.items));
      if (op === 5 && isIntLike(b)) return vm.newTuple(repeatSeq(a.items, intOf(b)));
      return vm.NotImplemented;
    }
    if (op === 5 && b instanceof PyTuple && isIntLike(a)) return vm.newTuple(repeatSeq(b.items, intOf(a)));
    if (a instanceof PyBytes) {
      if (op === 0 && b instanceof PyBytes) {
        if (inplace && a.cls === T.bytearray) {
          bytesExtend(a, b.data.subarray(0, b.len));
          return a;
        }
        const d = new Uint8Array(a.len + b.len);
        d.set(a.data.subarray(0, a.len));
        d.set(b.data.subarray(0, b.len), a.len);
        return makeBytes(a.cls, d);
      }
      if (op === 5 && isIntLike(b)) {
        const k = Math.max(0, Number(intOf(b)));
        const d = new Uint8Array(a.len * k);
        for (let i = 0; i < k; i++) d.set(a.data.subarray(0, a.len), i * a.len);
        return makeBytes(a.cls, d);
      }
      if (op === 6) return makeBytes(a.cls, bytesPercent(a, b));
    }
    if (a instanceof PySet && b instanceof PySet) return setBin(a, b, op, inplace);
    if (a instanceof PyDict && b instanceof PyDict && op === 7) {
      if (inplace) {
        dictUpdate(vm, vm.cur, a, (store) => {
          for (const i of b.entries()) store(b.keys[i]!, b.vals[i]!);
        });
        return a;
      }
      const d = vm.placeDict(vm.newDict(), true);
      for (const i of a.entries()) d.set(a.keys[i]!, a.vals[i]!);
      for (const i of b.entries()) d.set(b.keys[i]!, b.vals[i]!);
      return d;
    }
    if (a instanceof PyView && b instanceof PyView && a.kind === 0) {
      const s = vm.place(vm.newSet(), 200);
      const bi = viewItems(b);
      const ai = viewItems(a);
      if (op === 1) for (const x of ai) { if (bi.some((y) => vm.eq(x, y))) s.add(x); }
      else if (op === 7) { for (const x of ai) s.add(x); for (const x of bi) s.add(x); }
      else if (op === 10) for (const x of ai) { if (!bi.some((y) => vm.eq(x, y))) s.add(x); }
      else return vm.NotImplemented;
      return s;
    }
    return vm.NotImplemented;
  };
  return builtinBin;
}

const unbox = (v: PyVal): PyVal => (v instanceof PyBoxed ? v.prim : v);

/** The operators' dispatch: built-in rules, then user `__op__`/`__rop__`/`__iop__` (reflected first for a subclass). */
function makeOperatorDispatch(vm: Vm, kit: Kit, typeForms: TypeForms, builtinBin: (a: PyVal, b: PyVal, op: number, inplace: boolean) => PyVal) {
  const { isIntLike, intOf, F, tn, callm } = kit;
  const binopProto = (a: PyVal, b: PyVal, opArg: number): PyVal => {
    const inplace = opArg >= 13;
    const op = inplace ? opArg - 13 : opArg;
    const ta = vm.typeOf(a), tb = vm.typeOf(b);
    const userA = a instanceof PyObject && !ta.builtin, userB = b instanceof PyObject && !tb.builtin;
    if (!userA && !userB) {
      const r = builtinBin(a, b, op, inplace);
      if (r !== vm.NotImplemented) return r;
    } else {
      const name = OP_DUNDER[op]!;
      if (inplace && userA) {
        const m = vm.lookup(ta, `__i${name}__`);
        if (m !== undefined) {
          const r = vm.callValue(m, [a, b], null);
          if (r !== vm.NotImplemented) return r;
        }
      }
      const reflectedFirst = userB && tb !== ta && vm.isSubtype(tb, ta);
      const tryR = (): PyVal | undefined => {
        const m = vm.lookup(tb, `__r${name}__`);
        if (m === undefined) return undefined;
        const r = vm.callValue(m, [b, a], null);
        return r === vm.NotImplemented ? undefined : r;
      };
      if (reflectedFirst) {
        const r = tryR();
        if (r !== undefined) return r;
      }
      if (userA) {
        const m = vm.lookup(ta, `__${name}__`);
        if (m instanceof PyBuiltin || (m === undefined && !(a instanceof PyInstance))) {
          // A subclass of a builtin type that does not override the operator: the builtin's own
          // (on the values a str/int/float subclass's instances stand for).
          const r = builtinBin(unbox(a), unbox(b), op, inplace);
          if (r !== vm.NotImplemented) return r;
        } else if (m !== undefined) {
          const r = vm.callValue(m, [a, b], null);
          if (r !== vm.NotImplemented) return r;
        }
      } else {
        const r = builtinBin(a, unbox(b), op, inplace);
        if (r !== vm.NotImplemented) return r;
      }
      if (!reflectedFirst && userB) {
        const r = tryR();
        if (r !== undefined) return r;
      }
    }
    if (op === 7) {
      const u = typeForms.or(a, b); // int | None
      if (u !== vm.NotImplemented) return u;
    }
    const sym = OP_SYM[op]! + (inplace ? '=' : '');
    if (op === 8 && !inplace) throw vm.typeErr(`unsupported operand type(s) for ** or pow(): '${ta.name}' and '${tb.name}'`);
    if (op === 6 && typeof a === 'string') throw vm.typeErr('not all arguments converted during string formatting');
    if (op === 0 && typeof a === 'string') throw vm.typeErr(`can only concatenate str (not "${tb.name}") to str`);
    if (op === 0 && a instanceof PyList) throw vm.typeErr(`can only concatenate list (not "${tb.name}") to list`);
    if (op === 0 && a instanceof PyTuple) throw vm.typeErr(`can only concatenate tuple (not "${tb.name}") to tuple`);
    // bytes/bytearray concatenate any buffer; anything else fails as CPython's buffer check does.
    if (op === 0 && a instanceof PyBytes) throw vm.typeErr(`can't concat ${tb.name} to ${ta.name}`);
    if (op === 5 && (typeof a === 'string' || a instanceof PyList || a instanceof PyTuple || typeof b === 'string' || b instanceof PyList || b instanceof PyTuple)) {
      throw vm.typeErr(`can't multiply sequence by non-int of type '${(typeof a === 'string' || a instanceof PyList || a instanceof PyTuple) ? tb.name : ta.name}'`);
    }
    throw vm.typeErr(`unsupported operand type(s) for ${sym}: '${ta.name}' and '${tb.name}'`);
  };
  const unaryProto = (v: PyVal, op: number): PyVal => {
    if (isIntLike(v)) {
      const x = intOf(v);
      return op === 0 ? R.intNeg(x) : op === 1 ? x : R.intInvert(x);
    }
    if (v instanceof PyFloat && op !== 2) return op === 0 ? F(-v.v) : v;
    if (v instanceof PyComplex && op !== 2) return op === 0 ? vm.placeComplex(vm.cur, -v.re, -v.im) : v;
    const name = ['__neg__', '__pos__', '__invert__'][op]!;
    const r = callm(v, name, []);
    if (r !== undefined) return r;
    throw vm.typeErr(`bad operand type for unary ${['-', '+', '~'][op]}: '${tn(v)}'`);
  };
  return { binopProto, unaryProto };
}
