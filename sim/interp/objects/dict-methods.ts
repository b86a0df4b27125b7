/**
 * dict's constructor and methods; every change of an existing dict goes through ./dict-ops.ts.
 */
import { PyDict } from '../dict.js';
import type { Vm } from '../vm/vm.js';
import { PyExc, PyInstance, PyWrapper, type BuiltinImpl, type PyVal } from '../values.js';
import { dictClear, dictDelItem, dictInit, dictRemoveAt, dictSetItem, dictUpdate, type DictStore } from './dict-ops.js';
import type { ViewParts } from './dict-views.js';
import type { Kit, Kw } from './kit.js';

/** Subscript access by dict's own rule (dict.__getitem__/__setitem__/__delitem__ run it). */
export interface DictSubscripts {
  getItemRaw(o: PyVal, k: PyVal): PyVal;
  setItemRaw(o: PyVal, k: PyVal, v: PyVal): void;
  delItemRaw(o: PyVal, k: PyVal): void;
}

/** dict(**kw) / dict(mapping) / dict(pairs) and d.update(...): stores the entries in CPython's order. */
export function makeDictFromArgs(vm: Vm, kit: Kit) {
  const { err } = kit;
  const dictFromArgs = (store: DictStore, a: PyVal[], kw: Kw): void => {
    if (a.length > 1) throw vm.typeErr(`dict expected at most 1 argument, got ${a.length}`);
    if (a.length === 1) {
      const src = a[0]!;
      if (src instanceof PyDict) for (const i of src.entries()) store(src.keys[i]!, src.vals[i]!);
      else if (src instanceof PyInstance && vm.lookup(src.cls, 'keys') !== undefined) {
        for (const k of vm.toList(vm.callValue(vm.getAttr(src, 'keys'), [], null))) store(k, vm.getItem(src, k));
      } else {
        let n = 0;
        for (const item of vm.toList(src)) {
          let kv: PyVal[];
          try {
            kv = vm.toList(item);
          } catch (e) {
            if (e instanceof PyExc && e.cls === vm.exc.get('TypeError')) throw vm.typeErr(`cannot convert dictionary update sequence element #${n} to a sequence`);
            throw e;
          }
          if (kv.length !== 2) throw err('ValueError', `dictionary update sequence element #${n} has length ${kv.length}; 2 is required`);
          store(kv[0]!, kv[1]!);
          n++;
        }
      }
    }
    if (kw !== null) for (const [k, v] of kw) store(k, v);
  };
  return dictFromArgs;
}

/** dict(), dict.__init__ and dict's methods. */
export function installDictType(vm: Vm, kit: Kit, views: ViewParts, sub: DictSubscripts): void {
  const { T, None, err, keyError, ctor } = kit;
  const { view } = views;
  const { getItemRaw, setItemRaw, delItemRaw } = sub;
  const dictFromArgs = makeDictFromArgs(vm, kit);
  ctor(T.dict, (a, kw) => {
    const d = vm.placeDict(vm.newDict(), true);
    dictFromArgs((k, v) => void d.set(k, v), a, kw);
    return d;
  });
  vm.method(T.dict, '__init__', (a, kw) => {
    dictInit(a[0] as PyDict, (store) => dictFromArgs(store, a.slice(1), kw));
    return None;
  });
  const D = (a: PyVal[]): PyDict => a[0] as PyDict;
  const dm = (name: string, fn: BuiltinImpl): void => {
    vm.method(T.dict, name, fn);
  };
  dm('get', (a) => {
    const v = vm.dictGet(vm.cur, D(a), a[1]!);
    return v === undefined ? (a[2] ?? None) : v;
  });
  dm('setdefault', (a) => {
    const d = D(a);
    const v = vm.dictGet(vm.cur, d, a[1]!);
    if (v !== undefined) return v;
    const def = a[2] ?? None;
    dictSetItem(vm, vm.cur, d, a[1]!, def);
    return def;
  });
  dm('pop', (a) => {
    const d = D(a);
    if (!d.has(a[1]!)) {
      vm.readObj(vm.cur, d);
      if (a[2] !== undefined) return a[2];
      throw keyError(a[1]!);
    }
    return dictDelItem(vm, vm.cur, d, a[1]!)!;
  });
  dm('popitem', (a) => {
    const d = D(a);
    if (d.count === 0) throw err('KeyError', 'popitem(): dictionary is empty');
    let i = d.keys.length - 1;
    while (d.keys[i] === undefined) i--;
    const k = d.keys[i]!, v = d.vals[i]!;
    dictRemoveAt(vm, vm.cur, d, i);
    return vm.newTuple([k, v]);
  });
  dm('keys', (a) => view(D(a), 0));
  dm('values', (a) => view(D(a), 1));
  dm('items', (a) => view(D(a), 2));
  dm('update', (a, kw) => {
    const d = D(a);
    dictUpdate(vm, vm.cur, d, (store) => dictFromArgs(store, a.slice(1), kw));
    return None;
  });
  dm('clear', (a) => {
    dictClear(vm, vm.cur, D(a));
    return None;
  });
  dm('copy', (a) => {
    const d = D(a);
    vm.readObj(vm.cur, d);
    const n = vm.placeDict(vm.newDict(), true);
    for (const i of d.entries()) n.set(d.keys[i]!, d.vals[i]!);
    return n;
  });
  dm('__len__', (a) => D(a).count);
  dm('__getitem__', (a) => getItemRaw(a[0]!, a[1]!));
  dm('__setitem__', (a) => {
    setItemRaw(a[0]!, a[1]!, a[2]!);
    return None;
  });
  dm('__delitem__', (a) => {
    delItemRaw(a[0]!, a[1]!);
    return None;
  });
  dm('__contains__', (a) => vm.contains(a[0]!, a[1]!));
  dm('__iter__', (a) => vm.iter(a[0]!));
  dm('__eq__', (a) => vm.compare(a[0]!, a[1]!, 2));
  T.dict.dict.set('fromkeys', new PyWrapper(T.classmethod, vm.builtin('fromkeys', (a) => {
    const d = vm.placeDict(vm.newDict(), true);
    for (const k of vm.toList(a[1]!)) d.set(k, a[2] ?? None);
    return d;
  }), None, None, None));
}
