/**
 * Subscripts and membership: o[k], o[k] = v, del o[k] and `k in o` on every built-in container
 * (changes through each type's mutation API), a user subclass's own `__getitem__`/`__missing__`,
 * and `list[int]`-style aliases of built-in classes.
 */
import { PyDict, PySet } from '../dict.js';
import * as R from '../runtime/int-ops.js';
import type { Vm } from '../vm/vm.js';
import { PyBoxed, PyBytes, PyExc, PyFunction, PyInstance, PyList, PyObject, PyRange, PySlice, PyTuple, PyType, PyWrapper, type PyVal } from '../values.js';
import type { BytesParts } from './bytes.js';
import { dictDelItem, dictSetItem } from './dict-ops.js';
import { PyView, type ViewParts } from './dict-views.js';
import type { Kit } from './kit.js';
import { listAssign, listDeleteAt, listSetItem } from './list-ops.js';
import * as Rg from './range.js';
import type { RangeParts } from './range-type.js';
import type { TypeForms } from './type-forms.js';

export interface SubscriptDeps { bytes: BytesParts; views: ViewParts; ranges: RangeParts; typeForms: TypeForms }

export function makeSubscriptProtocols(vm: Vm, kit: Kit, deps: SubscriptDeps) {
  return { ...makeGetItem(vm, kit, deps), ...makeSetDelItem(vm, kit, deps.bytes), containsProto: makeContains(vm, kit, deps) };
}
export type SubscriptProtocols = ReturnType<typeof makeSubscriptProtocols>;

/** A user subclass of a builtin container that overrides `name` (e.g. __getitem__). */
function subclassOverride(vm: Vm, o: PyVal, name: string): PyFunction | undefined {
  if (!(o instanceof PyObject) || o.cls.builtin || o instanceof PyInstance) return undefined;
  const m = vm.lookup(o.cls, name);
  return m instanceof PyFunction ? m : undefined;
}

/** o[k]: a user subclass's own __getitem__/__missing__, else the built-in type's rule. */
function makeGetItem(vm: Vm, kit: Kit, deps: SubscriptDeps) {
  const { T, None, isIntLike, tn, index, sliceOf, seqIndex, keyError } = kit;
  const { makeBytes } = deps.bytes;
  const typeForms = deps.typeForms;
  const getItemProto = (o: PyVal, k: PyVal): PyVal => {
    if (o instanceof PyObject && !o.cls.builtin && !(o instanceof PyInstance)) {
      const m = subclassOverride(vm, o, '__getitem__');
      if (m !== undefined) return vm.callValue(m, [o, k], null);
      if (o instanceof PyDict) {
        const hit = vm.dictGet(vm.cur, o, k);
        if (hit !== undefined) return hit;
        const miss = subclassOverride(vm, o, '__missing__');
        if (miss !== undefined) return vm.callValue(miss, [o, k], null);
      }
    }
    return getItemRaw(o, k);
  };
  /** o[k] by the builtin type's own rule (what list.__getitem__ / dict.__getitem__ run). */
  const getItemRaw = (o: PyVal, k: PyVal): PyVal => {
    const t = vm.cur;
    if (o instanceof PyList) {
      if (k instanceof PySlice) {
        vm.readObj(t, o);
        return vm.placeList(vm.newList(sliceOf(o.items, k)));
      }
      return vm.listGet(t, o, seqIndex(k, o.items.length, 'list index out of range', 'list'));
    }
    if (o instanceof PyDict) {
      const v = vm.dictGet(t, o, k);
      if (v !== undefined) return v;
      if (o.cls !== T.dict) {
        const mm = vm.lookup(o.cls, '__missing__');
        if (mm !== undefined) return vm.callValue(mm, [o, k], null);
      }
      throw keyError(k);
    }
    if (o instanceof PyTuple) {
      if (k instanceof PySlice) return vm.newTuple(sliceOf(o.items, k));
      return o.items[seqIndex(k, o.items.length, 'tuple index out of range', 'tuple')]!;
    }
    if (typeof o === 'string') {
      if (k instanceof PySlice) {
        const chars = o.length === Array.from(o).length ? o : Array.from(o);
        return sliceOf(chars as ArrayLike<string>, k).join('');
      }
      const chars = Array.from(o);
      return chars[seqIndex(k, chars.length, 'string index out of range', 'string')]!;
    }
    if (o instanceof PyRange) {
      if (k instanceof PySlice) {
        // CPython maps the clamped slice indices through the range (not start + n * step).
        const si = (x: PyVal): R.IntVal | null => (x === None ? null : index(x, 'slice indices must be integers or None or have an __index__ method'));
        const [start, stop, step] = Rg.rangeSlice(o, si(k.start), si(k.stop), si(k.step));
        return new PyRange(T.range, start, stop, step);
      }
      if (!isIntLike(k) && !(k instanceof PyInstance && vm.lookup(k.cls, '__index__'))) {
        throw vm.typeErr(`range indices must be integers or slices, not ${tn(k)}`);
      }
      return Rg.rangeItem(o, index(k));
    }
    if (o instanceof PyBytes) {
      if (k instanceof PySlice) return makeBytes(o.cls, Uint8Array.from(sliceOf(o.data.subarray(0, o.len), k)));
      const i = seqIndex(k, o.len, o.cls === T.bytearray ? 'bytearray index out of range' : 'index out of range', o.cls.name);
      return vm.byteGet(t, o, i);
    }
    if (o instanceof PyObject) {
      const m = vm.lookup(o.cls, '__getitem__');
      if (m !== undefined) return vm.callValue(m, [o, k], null);
      if (o instanceof PyType) {
        const cg = vm.lookup(o, '__class_getitem__');
        if (cg !== undefined) return vm.callValue(cg instanceof PyWrapper ? cg.fget : cg, [o, k], null);
        if (o.builtin) return typeForms.alias(o, k);
        throw vm.typeErr(`type '${o.name}' is not subscriptable`);
      }
    }
    throw vm.typeErr(`'${tn(o)}' object is not subscriptable`);
  };
  return { getItemProto, getItemRaw };
}

/** o[k] = v and del o[k], through each container's mutation API. */
function makeSetDelItem(vm: Vm, kit: Kit, bytes: BytesParts) {
  const { T, err, tn, sliceIdx, seqIndex, keyError } = kit;
  const { bytearraySetItem, bytearrayDelItem } = bytes;
  const setItemProto = (o: PyVal, k: PyVal, v: PyVal): void => {
    const so = subclassOverride(vm, o, '__setitem__');
    if (so !== undefined) {
      vm.callValue(so, [o, k, v], null);
      return;
    }
    setItemRaw(o, k, v);
  };
  const setItemRaw = (o: PyVal, k: PyVal, v: PyVal): void => {
    const t = vm.cur;
    if (o instanceof PyList) {
      if (k instanceof PySlice) {
        const items = vm.toList(v);
        const [start, stop, step, n] = sliceIdx(k, o.items.length);
        if (step === 1) {
          const next = o.items.slice(0, start).concat(items, o.items.slice(Math.max(start, stop)));
          listAssign(vm, t, o, next);
        } else {
          if (items.length !== n) throw err('ValueError', `attempt to assign sequence of size ${items.length} to extended slice of size ${n}`);
          for (let i = 0, j = start; i < n; i++, j += step) listSetItem(vm, t, o, j, items[i]!);
        }
        return;
      }
      listSetItem(vm, t, o, seqIndex(k, o.items.length, 'list assignment index out of range', 'list'), v);
      return;
    }
    if (o instanceof PyDict) {
      dictSetItem(vm, t, o, k, v);
      return;
    }
    if (o instanceof PyBytes && o.cls === T.bytearray) {
      bytearraySetItem(o, k, v);
      return;
    }
    if (o instanceof PyObject) {
      const m = vm.lookup(o.cls, '__setitem__');
      if (m !== undefined) {
        vm.callValue(m, [o, k, v], null);
        return;
      }
    }
    throw vm.typeErr(`'${tn(o)}' object does not support item assignment`);
  };
  const delItemProto = (o: PyVal, k: PyVal): void => {
    const so = subclassOverride(vm, o, '__delitem__');
    if (so !== undefined) {
      vm.callValue(so, [o, k], null);
      return;
    }
    delItemRaw(o, k);
  };
  const delItemRaw = (o: PyVal, k: PyVal): void => {
    const t = vm.cur;
    if (o instanceof PyList) {
      if (k instanceof PySlice) {
        const [start, , step, n] = sliceIdx(k, o.items.length);
        const del = new Set<number>();
        for (let i = 0, j = start; i < n; i++, j += step) del.add(j);
        listAssign(vm, t, o, o.items.filter((_, i) => !del.has(i)));
        return;
      }
      const i = seqIndex(k, o.items.length, 'list assignment index out of range', 'list');
      listDeleteAt(vm, t, o, i);
      return;
    }
    if (o instanceof PyDict) {
      if (dictDelItem(vm, t, o, k) === undefined) throw keyError(k);
      return;
    }
    if (o instanceof PyBytes && o.cls === T.bytearray) {
      bytearrayDelItem(o, k);
      return;
    }
    if (o instanceof PyObject) {
      const m = vm.lookup(o.cls, '__delitem__');
      if (m !== undefined) {
        vm.callValue(m, [o, k], null);
        return;
      }
    }
    throw vm.typeErr(`'${tn(o)}' object does not support item deletion`);
  };
  return { setItemProto, setItemRaw, delItemProto, delItemRaw };
}

/** `k in o`. */
function makeContains(vm: Vm, kit: Kit, deps: SubscriptDeps) {
  const { isIntLike, intOf, tn, bytesStr } = kit;
  const { viewItems } = deps.views;
  const { rangeItems, rangeListable } = deps.ranges;
  const containsProto = (o: PyVal, k: PyVal): boolean => {
    const t = vm.cur;
    if (o instanceof PyDict) return vm.dictGet(t, o, k) !== undefined;
    if (o instanceof PySet) {
      vm.readObj(t, o);
      const found = o.has(k);
      vm.setSlot(t, o, false);
      return found;
    }
    if (typeof o === 'string') {
      if (typeof k !== 'string') {
        if (k instanceof PyBoxed && typeof k.prim === 'string') return o.includes(k.prim);
        throw vm.typeErr(`'in <string>' requires string as left operand, not ${tn(k)}`);
      }
      return o.includes(k);
    }
    if (o instanceof PyList || o instanceof PyTuple) {
      if (o instanceof PyList) vm.readObj(t, o);
      const items = o.items;
      for (let i = 0; i < items.length; i++) if (items[i] === k || vm.eq(items[i]!, k)) return true;
      return false;
    }
    if (o instanceof PyRange) {
      if (isIntLike(k)) return Rg.rangeContains(o, intOf(k));
      if (rangeListable(o)) return rangeItems(o).some((x) => vm.eq(x, k));
      const n = Rg.rangeLen(o);
      for (let i = 0; R.intLt(i, n); i++) if (vm.eq(Rg.rangeAt(o, i), k)) return true;
      return false;
    }
    if (o instanceof PyBytes) {
      let sub: PyVal = k;
      const asIndex = sub instanceof PyObject ? vm.lookup(sub.cls, '__index__') : undefined;
      if (asIndex !== undefined) sub = vm.callValue(asIndex, [sub], null);
      if (isIntLike(sub)) {
        const n = intOf(sub);
        if (typeof n === 'bigint' || n < 0 || n > 255) throw vm.err('ValueError', 'byte must be in range(0, 256)');
        return o.data.subarray(0, o.len).includes(n);
      }
      // __bytes__ stands for the buffer protocol (memoryview, array.array), as in bytesOf.
      const asBytes = sub instanceof PyObject && !(sub instanceof PyBytes) ? vm.lookup(sub.cls, '__bytes__') : undefined;
      if (asBytes !== undefined) sub = vm.callValue(asBytes, [sub], null);
      if (!(sub instanceof PyBytes)) throw vm.typeErr(`a bytes-like object is required, not '${tn(k)}'`);
      return bytesStr(o).includes(bytesStr(sub));
    }
    if (o instanceof PyView) return viewItems(o).some((x) => vm.eq(x, k));
    if (o instanceof PyObject) {
      const m = vm.lookup(o.cls, '__contains__');
      if (m !== undefined) return vm.truthy(vm.callValue(m, [o, k], null));
    }
    let it: PyVal;
    try {
      it = vm.iter(o);
    } catch (e) {
      // CPython words a container that is not one differently for `in`.
      if (e instanceof PyExc && e.cls === vm.exc.get('TypeError') && e.args[0] === `'${tn(o)}' object is not iterable`) {
        throw vm.typeErr(`argument of type '${tn(o)}' is not iterable`);
      }
      throw e;
    }
    for (;;) {
      const x = vm.next(it);
      if (x === undefined) return false;
      if (x === k || vm.eq(x, k)) return true;
    }
  };
  return containsProto;
}
