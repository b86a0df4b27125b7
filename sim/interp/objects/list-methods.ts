/**
 * list's constructor and methods (mutations through ./list-ops.ts), and the stable sort that
 * list.sort and sorted() share.
 */
import type { Vm } from '../vm/vm.js';
import { PyList, type BuiltinImpl, type PyVal } from '../values.js';
import type { Kit } from './kit.js';
import { listAppend, listAssign, listClear, listDeleteAt, listExtend, listInsert, listPop } from './list-ops.js';

/** CPython's list.sort: reverse, stable ascending sort, reverse (equal keys keep their order). */
export function sortList(vm: Vm, items: PyVal[], key: PyVal, reverse: boolean): PyVal[] {
  const keys = key === vm.None ? items : items.map((x) => vm.callValue(key, [x], null));
  // As CPython: reverse, stable ascending sort, reverse (keeps equal keys in original order).
  const idx = items.map((_, i) => i);
  if (reverse) idx.reverse();
  idx.sort((i, j) => {
    const a = keys[i]!, b = keys[j]!;
    return vm.lt(a, b) ? -1 : vm.lt(b, a) ? 1 : 0;
  });
  if (reverse) idx.reverse();
  return idx.map((i) => items[i]!);
}

/** Subscript access by list's own rule (list.__getitem__/__setitem__ run it). */
export interface ListSubscripts {
  getItemRaw(o: PyVal, k: PyVal): PyVal;
  setItemRaw(o: PyVal, k: PyVal, v: PyVal): void;
}

/** list(), list.__init__ and list's methods. */
export function installListType(vm: Vm, kit: Kit, sub: ListSubscripts): void {
  const { T, None, err, index, nargs, kwArg, clampRange, ctor } = kit;
  const { getItemRaw, setItemRaw } = sub;
  ctor(T.list, (a) => vm.placeList(vm.newList(a.length === 0 ? [] : vm.toList(a[0]!))));
  vm.method(T.list, '__init__', (a) => {
    nargs(a, 1, 2, 'list');
    const l = a[0] as PyList;
    listAssign(vm, vm.cur, l, a.length > 1 ? vm.toList(a[1]!) : []);
    return None;
  });
  const L = (a: PyVal[]): PyList => a[0] as PyList;
  const lm = (name: string, fn: BuiltinImpl): void => {
    vm.method(T.list, name, fn);
  };
  lm('append', (a) => {
    nargs(a, 2, 2, 'list.append');
    listAppend(vm, vm.cur, L(a), a[1]!);
    return None;
  });
  lm('extend', (a) => {
    listExtend(vm, vm.cur, L(a), vm.toList(a[1]!));
    return None;
  });
  lm('insert', (a) => {
    const l = L(a);
    let i = Number(index(a[1]!));
    const n = l.items.length;
    if (i < 0) i = Math.max(0, i + n);
    if (i > n) i = n;
    listInsert(vm, vm.cur, l, i, a[2]!);
    return None;
  });
  lm('pop', (a) => {
    const l = L(a);
    const n = l.items.length;
    if (n === 0) throw err('IndexError', 'pop from empty list');
    let i = a[1] === undefined ? n - 1 : Number(index(a[1]));
    if (i < 0) i += n;
    if (i < 0 || i >= n) throw err('IndexError', 'pop index out of range');
    return listPop(vm, vm.cur, l, i);
  });
  lm('remove', (a) => {
    const l = L(a);
    vm.readObj(vm.cur, l);
    const i = l.items.findIndex((x) => x === a[1] || vm.eq(x, a[1]!));
    if (i < 0) throw err('ValueError', 'list.remove(x): x not in list');
    listDeleteAt(vm, vm.cur, l, i);
    return None;
  });
  lm('index', (a) => {
    const l = L(a);
    vm.readObj(vm.cur, l);
    const [st, en] = clampRange(l.items.length, a[2], a[3]);
    for (let i = st; i < en; i++) if (l.items[i] === a[1] || vm.eq(l.items[i]!, a[1]!)) return i;
    throw err('ValueError', `${vm.repr(a[1]!)} is not in list`);
  });
  lm('count', (a) => {
    const l = L(a);
    vm.readObj(vm.cur, l);
    return l.items.filter((x) => x === a[1] || vm.eq(x, a[1]!)).length;
  });
  lm('sort', (a, kw) => {
    const l = L(a);
    if (a.length > 1) throw vm.typeErr('sort() takes no positional arguments');
    const key = kwArg(kw, 'key') ?? None;
    const rev = vm.truthy(kwArg(kw, 'reverse') ?? false);
    vm.readObj(vm.cur, l);
    const sorted = sortList(vm, l.items.slice(), key, rev);
    listAssign(vm, vm.cur, l, sorted);
    return None;
  });
  lm('reverse', (a) => {
    const l = L(a);
    listAssign(vm, vm.cur, l, l.items.slice().reverse());
    return None;
  });
  lm('clear', (a) => {
    listClear(vm, vm.cur, L(a));
    return None;
  });
  lm('copy', (a) => {
    vm.readObj(vm.cur, L(a));
    return vm.placeList(vm.newList(L(a).items.slice()));
  });
  lm('__len__', (a) => L(a).items.length);
  lm('__getitem__', (a) => getItemRaw(a[0]!, a[1]!));
  lm('__setitem__', (a) => {
    setItemRaw(a[0]!, a[1]!, a[2]!);
    return None;
  });
  lm('__contains__', (a) => vm.contains(a[0]!, a[1]!));
  lm('__iter__', (a) => vm.iter(a[0]!));
  lm('__eq__', (a) => vm.compare(a[0]!, a[1]!, 2));
  lm('__add__', (a) => vm.binop(a[0]!, a[1]!, 0));
}
