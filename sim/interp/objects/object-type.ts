/**
 * The core types: object and type (constructors, `type(name, bases, ns)`, their methods, pickle
 * protocol 2's reduction), property/staticmethod/classmethod, super() and slice.
 */
import { PyDict } from '../dict.js';
import type { Frame } from '../thread.js';
import type { Vm } from '../vm/vm.js';
import { PyFunction, PyInstance, PyList, PyObject, PySlice, PySuper, PyTuple, PyType, PyWrapper, type PyVal } from '../values.js';
import type { Kit, Kw } from './kit.js';

/** slice.indices and slice(). */
export function installSliceType(vm: Vm, kit: Kit): void {
  const { T, None, err, index, nargs, sliceIdx, ctor } = kit;
  vm.method(T.slice, 'indices', (a) => {
    nargs(a, 2, 2, 'indices');
    const len = Number(index(a[1]!));
    if (len < 0) throw err('ValueError', 'length should not be negative');
    const [start, stop, step] = sliceIdx(a[0] as PySlice, len);
    return vm.newTuple([start, stop, step]);
  });
  ctor(T.slice, (a) => {
    if (a.length === 1) return new PySlice(T.slice, None, a[0]!, None);
    return new PySlice(T.slice, a[0]!, a[1]!, a[2] ?? None);
  });
}

/** object(), type(...) and type's own methods. */
export function installTypeType(vm: Vm, kit: Kit): void {
  const { T, None, tn, ctor } = kit;
  ctor(T.object, () => vm.instantiate(T.object));
  // type(name, bases, ns) and type.__new__(meta, name, bases, ns, **kwds): vm.newClass.
  const typeNew = (meta: PyType, a: PyVal[], kw: Kw): PyVal => {
    if (a.length !== 3) throw vm.typeErr('type() takes 1 or 3 arguments');
    if (typeof a[0] !== 'string') throw vm.typeErr(`type.__new__() argument 1 must be str, not ${tn(a[0]!)}`);
    if (!(a[1] instanceof PyTuple)) throw vm.typeErr(`type.__new__() argument 2 must be tuple, not ${tn(a[1]!)}`);
    if (!(a[2] instanceof PyDict)) throw vm.typeErr(`type.__new__() argument 3 must be dict, not ${tn(a[2]!)}`);
    const bases = a[1].items.map((b) => {
      if (!(b instanceof PyType)) throw vm.typeErr('bases must be types');
      return b;
    });
    const ns = a[2];
    if (ns.getStr('__module__') === undefined) {
      const g = vm.cur.frames[vm.cur.frames.length - 1]?.globals.getStr('__name__');
      ns.set('__module__', g ?? '__main__');
    }
    const winner = vm.winnerMeta(meta, bases);
    const wnew = winner === meta ? undefined : vm.lookupUser(winner, '__new__');
    if (wnew !== undefined) return vm.callValue(wnew, [winner, ...a], kw);
    return vm.newClass(winner, a[0], bases, ns, kw !== null && kw.size > 0 ? kw : null);
  };
  ctor(T.type, (a, kw, self) => {
    if (a.length === 1 && self === T.type) return vm.typeOf(a[0]!);
    return typeNew(self instanceof PyType ? self : T.type, a, kw);
  });
  vm.method(T.type, '__new__', (a, kw) => {
    if (!(a[0] instanceof PyType)) throw vm.typeErr(`type.__new__(X): X is not a type object (${tn(a[0]!)})`);
    if (a.length === 2 && a[0] === T.type) return vm.typeOf(a[1]!);
    return typeNew(a[0], a.slice(1), kw);
  });
  vm.method(T.type, '__init__', () => None);
  vm.method(T.type, '__call__', (a, kw) => vm.typeCall(a[0] as PyType, a.slice(1), kw));
  vm.method(T.type, '__setattr__', (a) => {
    vm.setTypeAttr(a[0] as PyType, a[1] as string, a[2]!);
    return None;
  });
}

/** property, staticmethod, classmethod and super(). */
export function installDescriptorTypes(vm: Vm, kit: Kit): void {
  const { T, None, err, kwArg, ctor } = kit;
  const wrapperCtor = (tp: PyType) => (a: PyVal[], kw: Kw): PyVal => {
    const g = a[0] ?? kwArg(kw, 'fget') ?? None;
    const s = a[1] ?? kwArg(kw, 'fset') ?? None;
    const d = a[2] ?? kwArg(kw, 'fdel') ?? None;
    let doc = a[3] ?? kwArg(kw, 'doc') ?? None;
    if (doc === None && g instanceof PyFunction) doc = g.doc;
    return new PyWrapper(tp, g, s, d, doc);
  };
  ctor(T.property, wrapperCtor(T.property));
  ctor(T.staticmethod, wrapperCtor(T.staticmethod));
  ctor(T.classmethod, wrapperCtor(T.classmethod));
  vm.method(T.property, 'getter', (a) => new PyWrapper(T.property, a[1]!, (a[0] as PyWrapper).fset, (a[0] as PyWrapper).fdel, (a[0] as PyWrapper).doc));
  vm.method(T.property, 'setter', (a) => new PyWrapper(T.property, (a[0] as PyWrapper).fget, a[1]!, (a[0] as PyWrapper).fdel, (a[0] as PyWrapper).doc));
  vm.method(T.property, 'deleter', (a) => new PyWrapper(T.property, (a[0] as PyWrapper).fget, (a[0] as PyWrapper).fset, a[1]!, (a[0] as PyWrapper).doc));
  vm.method(T.property, '__get__', (a) => vm.callValue((a[0] as PyWrapper).fget, [a[1]!], null));
  // A data descriptor, as CPython's property: __set__/__delete__ call the setter/deleter. The name in
  // the error is the getter's (CPython's is the one __set_name__ recorded; they agree for @property).
  const propAccessor = (which: 'fset' | 'fdel', what: string) => (a: PyVal[]): PyVal => {
    const p = a[0] as PyWrapper;
    const fn = p[which];
    if (fn === None) {
      const name = p.fget instanceof PyFunction ? `'${p.fget.name}' ` : '';
      throw vm.err('AttributeError', `property ${name}of '${vm.typeOf(a[1]!).name}' object has no ${what}`);
    }
    vm.callValue(fn, which === 'fset' ? [a[1]!, a[2]!] : [a[1]!], null);
    return None;
  };
  vm.method(T.property, '__set__', propAccessor('fset', 'setter'));
  vm.method(T.property, '__delete__', propAccessor('fdel', 'deleter'));
  // The descriptor protocol spelled out (functools.singledispatchmethod, hand-written proxies):
  // a function binds to an instance, a staticmethod gives its function, a classmethod binds to
  // the class (the instance's own when none is given).
  vm.method(T.function, '__get__', (a) => (a[1] === undefined || a[1] === None ? a[0]! : vm.boundMethod(a[0]!, a[1])));
  vm.method(T.staticmethod, '__get__', (a) => (a[0] as PyWrapper).fget);
  vm.method(T.classmethod, '__get__', (a) => vm.boundMethod((a[0] as PyWrapper).fget,
    a[2] !== undefined && a[2] !== None ? a[2] : vm.typeOf(a[1]!)));

  // super()
  ctor(T.super, (a) => {
    const t = vm.cur;
    let thisType: PyType, obj: PyVal;
    if (a.length >= 1) {
      thisType = a[0] as PyType;
      obj = a[1] ?? None;
    } else {
      const f: Frame | undefined = t.frames[t.frames.length - 1];
      if (f === undefined) throw err('RuntimeError', 'super(): no arguments');
      const ci = f.code.freevars.indexOf('__class__');
      if (ci < 0) throw err('RuntimeError', 'super(): __class__ cell not found');
      const cell = f.cells[f.code.cellvars.length + ci]!;
      if (cell.value === undefined) throw err('RuntimeError', 'super(): empty __class__ cell');
      thisType = cell.value as PyType;
      if (f.code.argcount === 0) throw err('RuntimeError', 'super(): no arguments');
      let first = f.fast[0];
      if (first === undefined) {
        const c2 = Array.from(f.code.cell2arg).indexOf(0);
        if (c2 >= 0) first = f.cells[c2]!.value;
      }
      if (first === undefined || first === null) throw err('RuntimeError', 'super(): arg[0] deleted');
      obj = first;
    }
    const objType = obj instanceof PyType && vm.isSubtype(obj, thisType) ? obj : vm.typeOf(obj);
    return new PySuper(T.super, thisType, obj, objType);
  });
}

/** object's methods (the defaults every class inherits), and type.mro / type.__subclasses__. */
export function installObjectMethods(vm: Vm, kit: Kit): void {
  const { T, None, hexAddr } = kit;
  vm.method(T.object, '__init__', () => None);
  vm.method(T.object, '__new__', (a) => {
    const tp = a[0] as PyType;
    // `cls.__new__(cls)` on a list/dict/set subclass (copy's reconstruction): an empty container
    // of the subclass, as list.__new__ makes; a bare instance would have no storage.
    const base = vm.builtinBase(tp);
    if (base === T.list || base === T.dict || base === T.set) {
      const o = vm.ctors.get(base)!([], null, tp) as PyObject;
      o.cls = tp;
      return o;
    }
    // `str.__new__(S, v)` for a subclass of str, int or float: an instance of S standing for the
    // value; for bytes, the value itself (htmsim's bytes cannot carry a subclass yet).
    if (base === T.str || base === T.int || base === T.float) {
      const v = vm.ctors.get(base)!(a.slice(1), null, base);
      return tp === base ? v : vm.boxed(tp, v);
    }
    if (base === T.bytes) return vm.ctors.get(base)!(a.slice(1), null, base);
    return vm.instantiate(tp);
  });
  vm.method(T.object, '__repr__', (a) => {
    const v = a[0]!;
    const tp = vm.typeOf(v);
    return `<${tp.module === 'builtins' ? '' : tp.module + '.'}${tp.qualname} object at ${hexAddr(v as PyObject)}>`;
  });
  vm.method(T.object, '__str__', (a) => vm.str(a[0]!));
  vm.method(T.object, '__eq__', (a) => (a[0] === a[1] ? true : vm.NotImplemented));
  vm.method(T.object, '__ne__', (a) => {
    const r = vm.compare(a[0]!, a[1]!, 2);
    return r === vm.NotImplemented ? r : !vm.truthy(r);
  });
  vm.method(T.object, '__hash__', (a) => vm.hash(a[0]!));
  vm.method(T.object, '__setattr__', (a) => {
    vm.checkSlot(a[0] as PyInstance, a[1] as string);
    vm.setAttrRaw(vm.cur, a[0] as PyInstance, a[1] as string, a[2]!);
    return None;
  });
  vm.method(T.object, '__getattribute__', (a) => {
    if (typeof a[1] !== 'string') throw vm.typeErr(`attribute name must be string, not '${vm.typeOf(a[1]!).name}'`);
    return vm.genericGetAttr(a[0]!, a[1]);
  });
  vm.method(T.object, '__delattr__', (a) => {
    vm.delAttr(a[0]!, a[1] as string);
    return None;
  });
  vm.method(T.object, '__format__', (a) => vm.format(a[0]!, a[1] as string));
  vm.method(T.object, '__init_subclass__', () => None);
  // Protocol 2's reduction of a plain object: (copyreg.__newobj__, (cls,), its __dict__ or None, None, None).
  const newobj = vm.builtin('__newobj__', (a) => vm.callValue(vm.getAttr(a[0]!, '__new__'), a, null));
  // CPython's reduce_newobj: __getnewargs__ (str/int/float subclasses: their value) supplies the
  // arguments to __new__; the state is the class's own __getstate__(), else the __dict__ (None
  // when empty) or, with slots filled,
  // (__dict__ or None, {slot: value}); list and dict subclasses add their items.
  const reduceEx = (a: PyVal[]): PyVal => {
    const o = a[0]!;
    const tp = vm.typeOf(o);
    const d = vm.getAttrOpt(o, '__dict__');
    let state: PyVal = d instanceof PyDict && d.count > 0 ? d : None;
    const gna = vm.lookup(tp, '__getnewargs__');
    const extra = gna === undefined ? [] : vm.toList(vm.callValue(gna, [o], null));
    const getstate = vm.lookupUser(tp, '__getstate__');
    if (getstate !== undefined) {
      state = vm.callValue(getstate, [o], null);
    } else if (tp.mro.some((c) => !c.builtin && c.dict.has('__slots__'))) {
      const names = vm.toList(vm.callValue(vm.getAttr(vm.moduleOf('copyreg'), '_slotnames'), [tp], null));
      const slots = vm.placeDict(vm.newDict());
      for (const n of names) {
        const v = typeof n === 'string' ? vm.getAttrOpt(o, n) : undefined;
        if (v !== undefined) slots.set(n, v);
      }
      if (slots.count > 0) state = vm.newTuple([state, slots]);
    }
    const listItems = o instanceof PyList ? vm.iter(o) : None;
    const dictItems = o instanceof PyDict ? vm.iter(vm.callValue(vm.getAttr(o, 'items'), [], null)) : None;
    return vm.newTuple([newobj, vm.newTuple([tp, ...extra]), state, listItems, dictItems]);
  };
  // Protocols 0 and 1 (and __reduce__, which is protocol 0) reduce through copyreg._reduce_ex, as CPython's do.
  const reduceOld = (self: PyVal, proto: PyVal): PyVal =>
    vm.callValue(vm.getAttr(vm.moduleOf('copyreg'), '_reduce_ex'), [self, proto], null);
  vm.method(T.object, '__reduce_ex__', (a) => {
    // A class's own __reduce__ wins over the default reduction (object.__reduce_ex__ calls it).
    const own = vm.lookup(vm.typeOf(a[0]!), '__reduce__');
    if (own !== undefined && own !== T.object.dict.get('__reduce__')) return vm.callValue(own, [a[0]!], null);
    const p = a[1]!;
    if ((typeof p === 'number' || typeof p === 'bigint' || typeof p === 'boolean') && Number(p) < 2) return reduceOld(a[0]!, p);
    return reduceEx(a);
  });
  vm.method(T.object, '__reduce__', (a) => reduceOld(a[0]!, 0));
  vm.method(T.type, 'mro', (a) => vm.placeList(vm.newList((a[0] as PyType).mro)));
  vm.method(T.type, '__subclasses__', () => vm.placeList(vm.newList([])));
}
