/**
 * The two objects type expressions make, now that annotations are evaluated: `list[int]`
 * (`types.GenericAlias`) and `int | None` (`types.UnionType`), with CPython 3.11's reprs,
 * `__origin__`/`__args__`, equality, calling an alias (its origin) and `isinstance(x, A | B)`.
 */
import { PyInstance, PyTuple, PyType, type PyVal } from '../values.js';
import type { Vm } from '../vm/vm.js';

export interface TypeForms {
  /** `origin[args]` for a built-in class without `__class_getitem__`. */
  alias(origin: PyType, args: PyVal): PyInstance;
  /** The classes an `isinstance` second argument that is `A | B` stands for, or null. */
  unionArgs(v: PyVal): PyVal[] | null;
  /** `a | b` of two type forms (classes, None, aliases, unions); NotImplemented otherwise. */
  or(a: PyVal, b: PyVal): PyVal;
}

export function installTypeForms(vm: Vm): TypeForms {
  const T = vm.T;
  const aliasT = vm.makeType('GenericAlias', [T.object], 'object', false, 'types');
  const unionT = vm.makeType('UnionType', [T.object], 'object', false, 'types');
  const attr = (o: PyVal, name: string): PyVal => (o as PyInstance).attrs.get(name)!;
  const argsOf = (o: PyVal): PyVal[] => (attr(o, '__args__') as PyTuple).items;

  /** A type argument's text in a repr (typing's _type_repr). */
  const typeRepr = (v: PyVal): string => {
    if (v === vm.Ellipsis) return '...';
    if (v === T.NoneType || v === vm.None) return 'None';
    if (v instanceof PyType) return v.module === 'builtins' ? v.qualname : `${v.module}.${v.qualname}`;
    return vm.repr(v);
  };
  const make = (tp: PyType, fields: [string, PyVal][]): PyInstance => {
    const o = vm.instantiate(tp);
    for (const [k, x] of fields) o.attrs.set(k, x);
    return o;
  };
  const alias = (origin: PyType, args: PyVal): PyInstance => {
    const items = args instanceof PyTuple ? args.items : [args];
    return make(aliasT, [['__origin__', origin], ['__args__', vm.newTuple(items)]]);
  };
  const union = (a: PyVal, b: PyVal): PyVal => {
    const flat: PyVal[] = [];
    for (const x of [a, b]) {
      const items = x instanceof PyInstance && x.cls === unionT ? argsOf(x) : [x === vm.None ? T.NoneType : x];
      for (const y of items) if (!flat.includes(y)) flat.push(y);
    }
    return flat.length === 1 ? flat[0]! : make(unionT, [['__args__', vm.newTuple(flat)]]);
  };
  const isTypeForm = (v: PyVal): boolean => v === vm.None || v instanceof PyType || (v instanceof PyInstance && (v.cls === unionT || v.cls === aliasT));
  const orOp = (a: PyVal, b: PyVal): PyVal => (isTypeForm(a) && isTypeForm(b) ? union(a, b) : vm.NotImplemented);

  // types.GenericAlias(origin, args), which a class's __class_getitem__ returns (collections.abc).
  vm.method(aliasT, '__init__', (a) => {
    if (a.length !== 3) throw vm.typeErr(`GenericAlias expected 2 arguments, got ${a.length - 1}`);
    const self = a[0] as PyInstance;
    self.attrs.set('__origin__', a[1]!);
    self.attrs.set('__args__', a[2] instanceof PyTuple ? a[2] : vm.newTuple([a[2]!]));
    return vm.None;
  });
  vm.method(aliasT, '__repr__', (a) => `${typeRepr(attr(a[0]!, '__origin__'))}[${argsOf(a[0]!).map(typeRepr).join(', ')}]`);
  vm.method(aliasT, '__call__', (a, kw) => vm.callValue(attr(a[0]!, '__origin__'), a.slice(1), kw));
  vm.method(aliasT, '__eq__', (a) => {
    const o = a[1]!;
    if (!(o instanceof PyInstance && o.cls === aliasT)) return vm.NotImplemented;
    return attr(a[0]!, '__origin__') === attr(o, '__origin__') && vm.eq(attr(a[0]!, '__args__'), attr(o, '__args__'));
  });
  vm.method(aliasT, '__hash__', (a) => {
    const h = vm.hash(attr(a[0]!, '__origin__'));
    return typeof h === 'number' ? h ^ Number(vm.hash(attr(a[0]!, '__args__'))) : h;
  });
  vm.method(unionT, '__repr__', (a) => argsOf(a[0]!).map(typeRepr).join(' | '));
  vm.method(unionT, '__eq__', (a) => {
    const o = a[1]!;
    if (!(o instanceof PyInstance && o.cls === unionT)) return vm.NotImplemented;
    const x = argsOf(a[0]!), y = argsOf(o);
    return x.length === y.length && x.every((v) => y.includes(v));
  });
  vm.method(unionT, '__hash__', (a) => argsOf(a[0]!).length);
  for (const tp of [aliasT, unionT]) {
    vm.method(tp, '__or__', (a) => orOp(a[0]!, a[1]!));
    vm.method(tp, '__ror__', (a) => orOp(a[1]!, a[0]!));
  }
  return {
    alias,
    or: orOp,
    unionArgs: (v) => (v instanceof PyInstance && v.cls === unionT ? argsOf(v) : null),
  };
}
