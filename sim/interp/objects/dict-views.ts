/**
 * dict views (keys/values/items): the view object, its items, its set operations and its
 * methods, and the dict iterators (which read the dict's table through the write path's reads).
 */
import { PyDict, PySet } from '../dict.js';
import type { Vm } from '../vm/vm.js';
import { PyIter, PyObject, PyType, type PyVal } from '../values.js';
import type { Kit } from './kit.js';

/** A dict view (keys/values/items). */
export class PyView extends PyObject {
  d: PyDict;
  kind: 0 | 1 | 2;
  constructor(cls: PyType, d: PyDict, kind: 0 | 1 | 2) {
    super(cls);
    this.d = d;
    this.kind = kind;
  }
}

export function makeViewParts(vm: Vm, kit: Kit) {
  const { err, viewTypes, iterT, dictKeyIterT, mkIter, setPos } = kit;
  const viewItems = (v: PyView): PyVal[] => {
    const d = v.d;
    const out: PyVal[] = [];
    for (const i of d.entries()) {
      if (v.kind === 0) out.push(d.keys[i]!);
      else if (v.kind === 1) out.push(d.vals[i]!);
      else out.push(vm.newTuple([d.keys[i]!, d.vals[i]!]));
    }
    return out;
  };
  /** keys()/items() views with &, |, -, ^ (CPython's dictviews_*: a new set; & iterates the smaller side). */
  const viewSetOp = (a: PyView, b: PyVal, op: number): PyVal => {
    const other = vm.toList(b);
    const r = vm.place(vm.newSet(), 200);
    if (op === 1) {
      const mine = vm.toList(a);
      const bSized = b instanceof PySet || b instanceof PyView;
      if (bSized && other.length > mine.length) {
        const os = vm.newSet();
        for (const x of other) os.add(x);
        for (const x of mine) if (os.has(x)) r.add(x);
      } else {
        const ms = vm.newSet();
        for (const x of mine) ms.add(x);
        for (const x of other) if (ms.has(x)) r.add(x);
      }
      return r;
    }
    for (const x of vm.toList(a)) r.add(x);
    if (op === 7) for (const x of other) r.add(x);
    else if (op === 10) for (const x of other) r.discard(x);
    else for (const x of other) if (!r.discard(x)) r.add(x);
    return r;
  };
  const dictIter = (d: PyDict, kind: 0 | 1 | 2): PyIter => {
    const size0 = d.count;
    const it: PyIter = mkIter(kind === 0 ? dictKeyIterT : iterT(kind === 1 ? 'dict_valueiterator' : 'dict_itemiterator'), () => {
      const t = vm.cur;
      vm.readObj(t, d);
      if (d.count !== size0) throw err('RuntimeError', 'dictionary changed size during iteration');
      let i = it.i;
      while (i < d.keys.length && d.keys[i] === undefined) i++;
      if (i >= d.keys.length) return undefined;
      const k = d.keys[i]!, v = d.vals[i]!;
      setPos(it, i + 1);
      return kind === 0 ? k : kind === 1 ? v : vm.newTuple([k, v]);
    });
    return it;
  };
  const view = (d: PyDict, kind: 0 | 1 | 2): PyView => {
    vm.readObj(vm.cur, d);
    return new PyView(viewTypes[kind]!, d, kind);
  };
  return { viewItems, viewSetOp, dictIter, view };
}
export type ViewParts = ReturnType<typeof makeViewParts>;

/** The view types' methods. */
export function installViewMethods(vm: Vm, kit: Kit): void {
  const { viewTypes } = kit;
  for (const vt of viewTypes) {
    vm.method(vt, '__len__', (a) => (a[0] as PyView).d.count);
    vm.method(vt, '__iter__', (a) => vm.iter(a[0]!));
    vm.method(vt, '__contains__', (a) => vm.contains(a[0]!, a[1]!));
  }
}
