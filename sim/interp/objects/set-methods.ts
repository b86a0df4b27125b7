/**
 * set and frozenset: constructors, methods and the set algebra the operators share; every change
 * of an existing set goes through ./set-ops.ts.
 */
import { PyDict, PySet } from '../dict.js';
import type { Vm } from '../vm/vm.js';
import type { BuiltinImpl, PyType, PyVal } from '../values.js';
import type { Kit } from './kit.js';
import { setAdd, setClear, setDiscard, setDiscardAll, setInit, setPop, setReplace, setToggleAll, setUpdate } from './set-ops.js';

/** A new set of class cls from an iterable, and the intersection the operators and methods share. */
export function makeSetParts(vm: Vm) {
  const setFrom = (cls: PyType, src: PyVal | undefined): PySet => {
    const s = vm.placeSet(new PySet(cls, vm.keyOps));
    if (src === undefined) return s;
    if (src instanceof PySet) s.mergeSet(src);
    else if (src instanceof PyDict) for (const k of src.keyList()) s.add(k);
    else for (const x of vm.toList(src)) s.add(x);
    return s;
  };
  const setIntersection = (a: PySet, b: PySet): PyVal[] => {
    // CPython iterates over the smaller set.
    if (a.used > b.used) return b.items().filter((x) => a.has(x));
    return a.items().filter((x) => b.has(x));
  };
  return { setFrom, setIntersection };
}
export type SetParts = ReturnType<typeof makeSetParts>;

/** set(), frozenset(), set.__init__ and both types' methods. */
export function installSetType(vm: Vm, kit: Kit, p: SetParts): void {
  const { T, None, err, keyError, ctor, nargs } = kit;
  const { setFrom, setIntersection } = p;
  ctor(T.set, (a) => setFrom(T.set, a[0]));
  vm.method(T.set, '__init__', (a) => {
    nargs(a, 1, 2, 'set');
    setInit(vm, a[0] as PySet, a[1]);
    return None;
  });
  ctor(T.frozenset, (a) => setFrom(T.frozenset, a[0]));
  const St = (a: PyVal[]): PySet => a[0] as PySet;
  const setm = (name: string, fn: BuiltinImpl, frozenToo = true): void => {
    vm.method(T.set, name, fn);
    if (frozenToo) vm.method(T.frozenset, name, fn);
  };
  /** A set method that changes the set and returns None. */
  const mutator = (name: string, fn: (s: PySet, a: PyVal[]) => void): void => setm(name, (a) => {
    fn(St(a), a);
    return None;
  }, false);
  const asSet = (v: PyVal): PySet => (v instanceof PySet ? v : setFrom(T.set, v));
  mutator('add', (s, a) => setAdd(vm, vm.cur, s, a[1]!));
  mutator('discard', (s, a) => setDiscard(vm, vm.cur, s, a[1]!));
  setm('remove', (a) => {
    if (!setDiscard(vm, vm.cur, St(a), a[1]!)) throw keyError(a[1]!);
    return None;
  }, false);
  setm('pop', (a) => {
    const v = setPop(vm, vm.cur, St(a));
    if (v === undefined) throw err('KeyError', 'pop from an empty set');
    return v;
  }, false);
  mutator('clear', (s) => setClear(vm, vm.cur, s));
  mutator('update', (s, a) => setUpdate(vm, vm.cur, s, a.slice(1)));
  setm('intersection_update', (a) => {
    const s = St(a);
    let r = s.items();
    for (const o of a.slice(1)) {
      const os = asSet(o);
      r = r.filter((x) => os.has(x));
    }
    setReplace(vm, vm.cur, s, r);
    return None;
  }, false);
  mutator('difference_update', (s, a) => setDiscardAll(vm, vm.cur, s, a.slice(1)));
  mutator('symmetric_difference_update', (s, a) => setToggleAll(vm, vm.cur, s, a[1]!));
  setm('copy', (a) => setFrom(St(a).cls, St(a)));
  // set.__reduce__ / frozenset.__reduce__: (type, (items,), __dict__ or None), what pickle and copy
  // rebuild a subclass instance from.
  setm('__reduce__', (a) => {
    const d = vm.getAttrOpt(a[0]!, '__dict__');
    return vm.newTuple([vm.typeOf(a[0]!), vm.newTuple([vm.placeList(vm.newList(St(a).items()))]), d instanceof PyDict && d.count > 0 ? d : None]);
  });
  setm('union', (a) => {
    const s = setFrom(St(a).cls, St(a));
    for (const o of a.slice(1)) {
      if (o instanceof PySet) for (const x of o.items()) s.add(x);
      else for (const x of vm.toList(o)) s.add(x);
    }
    return s;
  });
  setm('intersection', (a) => {
    let cur = St(a);
    for (const o of a.slice(1)) {
      const os = asSet(o);
      const r = vm.placeSet(new PySet(vm.builtinBase(St(a).cls), vm.keyOps));
      for (const x of setIntersection(cur, os)) r.add(x);
      cur = r;
    }
    return cur === St(a) ? setFrom(St(a).cls, cur) : cur;
  });
  setm('difference', (a) => {
    const others = a.slice(1).map(asSet);
    const r = vm.placeSet(new PySet(vm.builtinBase(St(a).cls), vm.keyOps));
    for (const x of St(a).items()) if (!others.some((o) => o.has(x))) r.add(x);
    return r;
  });
  setm('symmetric_difference', (a) => vm.binop(St(a), asSet(a[1]!), 12));
  setm('issubset', (a) => {
    const o = asSet(a[1]!);
    return St(a).items().every((x) => o.has(x));
  });
  setm('issuperset', (a) => {
    const s = St(a);
    return vm.toList(a[1]!).every((x) => s.has(x));
  });
  setm('isdisjoint', (a) => {
    const s = St(a);
    return !vm.toList(a[1]!).some((x) => s.has(x));
  });
  setm('__len__', (a) => St(a).used);
  setm('__contains__', (a) => vm.contains(a[0]!, a[1]!));
  setm('__iter__', (a) => vm.iter(a[0]!));
}
