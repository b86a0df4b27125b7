/**
 * Equality and rich comparison: numbers compared exactly across int/float, sequences
 * lexicographically, dicts/sets/views by contents, and user `__eq__`/`__lt__`... with CPython's
 * reflected-first rule for subclasses.
 */
import { PyDict, PySet } from '../dict.js';
import type { Vm } from '../vm/vm.js';
import { PyBoxed, PyBuiltin, PyBytes, PyComplex, PyFloat, PyFunction, PyInstance, PyList, PyObject, PyRange, PyTuple, type PyVal } from '../values.js';
import type { ComplexParts } from './complex.js';
import { PyMemoryView } from './memoryview.js';
import { PyView, type ViewParts } from './dict-views.js';
import { CMP_DUNDER, CMP_SWAP, CMP_SYM, type Kit } from './kit.js';
import * as Rg from './range.js';

export function makeCompareProtocols(vm: Vm, kit: Kit, views: ViewParts, complex: ComplexParts) {
  const { isIntLike, intOf, isNum, bytesStr } = kit;
  const { viewItems } = views;
  const eqProto = (a: PyVal, b: PyVal): boolean => {
    if (a === b) return !(a instanceof PyFloat && Number.isNaN(a.v)) && !(a instanceof PyComplex && (Number.isNaN(a.re) || Number.isNaN(a.im)));
    const ta = typeof a, tb = typeof b;
    if (ta !== 'object' && tb !== 'object') {
      if (ta === 'string' || tb === 'string') return false;
      // int/bool/bigint mix
      return intOf(a as number) == intOf(b as number);
    }
    const r = vm.compare(a, b, 2);
    return r === true || (r !== false && vm.truthy(r));
  };
  const numCmp = (a: PyVal, b: PyVal): number => {
    if (isIntLike(a) && isIntLike(b)) {
      const x = intOf(a), y = intOf(b);
      return x < y ? -1 : x > y ? 1 : 0;
    }
    const x = a instanceof PyFloat ? a.v : intOf(a as number);
    const y = b instanceof PyFloat ? b.v : intOf(b as number);
    if (typeof x === 'number' && typeof y === 'number') {
      if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
      return x < y ? -1 : x > y ? 1 : 0;
    }
    // float vs bigint: compare exactly
    const xf = typeof x === 'number' ? x : null;
    const yf = typeof y === 'number' ? y : null;
    if (xf !== null && !Number.isFinite(xf)) return Number.isNaN(xf) ? NaN : xf > 0 ? 1 : -1;
    if (yf !== null && !Number.isFinite(yf)) return Number.isNaN(yf) ? NaN : yf > 0 ? -1 : 1;
    const toBig = (v: number | bigint): bigint => (typeof v === 'bigint' ? v : BigInt(Math.trunc(v)));
    const X = toBig(x), Y = toBig(y);
    if (X !== Y) return X < Y ? -1 : 1;
    const fx = typeof x === 'number' ? x - Math.trunc(x) : 0;
    const fy = typeof y === 'number' ? y - Math.trunc(y) : 0;
    return fx < fy ? -1 : fx > fy ? 1 : 0;
  };
  const cmpResult = (c: number, op: number): boolean => {
    if (Number.isNaN(c)) return op === 3;
    switch (op) {
      case 0: return c < 0;
      case 1: return c <= 0;
      case 2: return c === 0;
      case 3: return c !== 0;
      case 4: return c > 0;
      default: return c >= 0;
    }
  };
  const seqCmp = (a: PyVal[], b: PyVal[], op: number): PyVal => {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (a[i] === b[i] || vm.eq(a[i]!, b[i]!)) continue;
      if (op === 2) return false;
      if (op === 3) return true;
      return vm.compare(a[i]!, b[i]!, op);
    }
    return cmpResult(a.length - b.length, op);
  };
  const compareProto = (a: PyVal, b: PyVal, op: number): PyVal => {
    if (isNum(a) && isNum(b)) return cmpResult(numCmp(a, b), op);
    if (typeof a === 'string' && typeof b === 'string') return cmpResult(a < b ? -1 : a > b ? 1 : 0, op);
    if ((a instanceof PyComplex && !(b instanceof PyInstance)) || (b instanceof PyComplex && !(a instanceof PyInstance))) {
      const r = complex.complexEq(a, b, op);
      if (r !== undefined && r !== vm.NotImplemented) return r;
    }
    const ta = vm.typeOf(a), tb = vm.typeOf(b);
    // User-defined rich comparison (reflected first when b's type is a subclass of a's).
    const ua = a instanceof PyObject && !ta.builtin, ub = b instanceof PyObject && !tb.builtin;
    if (ua || ub) {
      const tryOne = (x: PyVal, y: PyVal, o: number): PyVal | undefined => {
        const m = vm.lookup(vm.typeOf(x), CMP_DUNDER[o]!);
        if (m === undefined || (m instanceof PyBuiltin && m.ownerName === 'object')) return undefined;
        // A subclass of a builtin container that does not override: compared as the builtin below.
        if (m instanceof PyBuiltin && !(x instanceof PyInstance)) return undefined;
        const r = vm.callValue(m, [x, y], null);
        return r === vm.NotImplemented ? undefined : r;
      };
      const reflectedFirst = ub && tb !== ta && vm.isSubtype(tb, ta);
      let r: PyVal | undefined;
      if (reflectedFirst) r = tryOne(b, a, CMP_SWAP[op]!);
      if (r === undefined && ua) r = tryOne(a, b, op);
      if (r === undefined && !reflectedFirst && ub) r = tryOne(b, a, CMP_SWAP[op]!);
      if (r !== undefined) return r;
      if (op === 3 && ua) {
        const eqm = vm.lookup(ta, '__eq__');
        if (eqm instanceof PyFunction) {
          const r2 = vm.callValue(eqm, [a, b], null);
          if (r2 !== vm.NotImplemented) return !vm.truthy(r2);
        }
      }
    }
    if (a instanceof PyBoxed || b instanceof PyBoxed) {
      // A str/int/float subclass that does not define the comparison: the base's, on the values.
      const pa = a instanceof PyBoxed ? a.prim : a, pb = b instanceof PyBoxed ? b.prim : b;
      if ((isNum(pa) && isNum(pb)) || (typeof pa === 'string' && typeof pb === 'string')) return compareProto(pa, pb, op);
    }
    if ((!ua && !ub && (ta === tb || (a instanceof PyObject && b instanceof PyObject && ta.layout === tb.layout))) ||
        ((ua || ub) && !(a instanceof PyInstance) && !(b instanceof PyInstance) && a instanceof PyObject && b instanceof PyObject && vm.builtinBase(ta) === vm.builtinBase(tb))) {
      if (a instanceof PyList && b instanceof PyList) return seqCmp(a.items, b.items, op);
      if (a instanceof PyTuple && b instanceof PyTuple) return seqCmp(a.items, b.items, op);
      if (a instanceof PyDict && b instanceof PyDict && (op === 2 || op === 3)) {
        let same = a.count === b.count;
        if (same) {
          for (const i of a.entries()) {
            const bv = b.get(a.keys[i]!);
            if (bv === undefined || !vm.eq(a.vals[i]!, bv)) {
              same = false;
              break;
            }
          }
        }
        return op === 2 ? same : !same;
      }
      if (a instanceof PyBytes && b instanceof PyBytes) {
        const x = bytesStr(a), y = bytesStr(b);
        return cmpResult(x < y ? -1 : x > y ? 1 : 0, op);
      }
      if (a instanceof PyRange && b instanceof PyRange && (op === 2 || op === 3)) {
        const s = Rg.rangeEquals(a, b);
        return op === 2 ? s : !s;
      }
    }
    if (a instanceof PySet && b instanceof PySet) {
      const sub = (x: PySet, y: PySet): boolean => x.items().every((k) => y.has(k));
      switch (op) {
        case 2: return a.used === b.used && sub(a, b);
        case 3: return !(a.used === b.used && sub(a, b));
        case 0: return a.used < b.used && sub(a, b);
        case 1: return sub(a, b);
        case 4: return a.used > b.used && sub(b, a);
        default: return sub(b, a);
      }
    }
    if (a instanceof PyBytes && b instanceof PyBytes) {
      const x = bytesStr(a), y = bytesStr(b);
      return cmpResult(x < y ? -1 : x > y ? 1 : 0, op);
    }
    if (a instanceof PyView && b instanceof PyView && a.kind !== 1 && (op === 2 || op === 3)) {
      const x = viewItems(a), y = viewItems(b);
      const s = x.length === y.length && x.every((k) => y.some((j) => vm.eq(k, j)));
      return op === 2 ? s : !s;
    }
    if ((op === 2 || op === 3) && (a instanceof PyMemoryView || b instanceof PyMemoryView)) {
      // memoryview's own __eq__ (equal items), tried from either side.
      const x = (a instanceof PyMemoryView ? a : b) as PyMemoryView, y = a instanceof PyMemoryView ? b : a;
      const r = vm.callValue(vm.lookup(x.cls, '__eq__')!, [x, y], null);
      if (r !== vm.NotImplemented) return op === 2 ? r : !vm.truthy(r);
    }
    if (op === 2) return a === b;
    if (op === 3) return a !== b;
    throw vm.typeErr(`'${CMP_SYM[op]}' not supported between instances of '${ta.name}' and '${tb.name}'`);
  };
  const ltProto = (a: PyVal, b: PyVal): boolean => {
    if (typeof a === 'number' && typeof b === 'number') return a < b;
    if (typeof a === 'string' && typeof b === 'string') return a < b;
    const r = vm.compare(a, b, 0);
    return r === true || (r !== false && vm.truthy(r));
  };
  return { eqProto, compareProto, ltProto };
}
