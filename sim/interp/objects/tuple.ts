/** tuple's constructor, `tuple.__new__` (how a tuple subclass makes its object) and methods. */
import type { Vm } from '../vm/vm.js';
import { PyTuple, PyType } from '../values.js';
import type { Kit } from './kit.js';

export function installTupleType(vm: Vm, kit: Kit): void {
  const { T, err, tn, clampRange, ctor } = kit;
  ctor(T.tuple, (a) => (a.length === 0 ? vm.newTuple([]) : a[0] instanceof PyTuple && a[0].cls === T.tuple ? a[0] : vm.newTuple(vm.toList(a[0]!))));
  // tuple.__new__(cls[, iterable]): how a tuple subclass's own __new__ (namedtuple's) makes its object.
  vm.method(T.tuple, '__new__', (a) => {
    const tp = a[0];
    if (!(tp instanceof PyType)) throw vm.typeErr(`tuple.__new__(X): X is not a type object (${tn(tp!)})`);
    if (!vm.isSubtype(tp, T.tuple)) throw vm.typeErr(`tuple.__new__(${tp.name}): ${tp.name} is not a subtype of tuple`);
    if (a.length > 2) throw vm.typeErr(`tuple expected at most 1 argument, got ${a.length - 1}`);
    return vm.tupleOfType(tp, a.length === 1 ? [] : vm.toList(a[1]!));
  });
  vm.method(T.tuple, 'index', (a) => {
    const items = (a[0] as PyTuple).items;
    const [st, en] = clampRange(items.length, a[2], a[3]);
    for (let i = st; i < en; i++) if (items[i] === a[1] || vm.eq(items[i]!, a[1]!)) return i;
    throw err('ValueError', 'tuple.index(x): x not in tuple');
  });
  vm.method(T.tuple, 'count', (a) => (a[0] as PyTuple).items.filter((x) => x === a[1] || vm.eq(x, a[1]!)).length);
  vm.method(T.tuple, '__len__', (a) => (a[0] as PyTuple).items.length);
  vm.method(T.tuple, '__getitem__', (a) => vm.getItem(a[0]!, a[1]!));
  vm.method(T.tuple, '__iter__', (a) => vm.iter(a[0]!));
  vm.method(T.tuple, '__contains__', (a) => vm.contains(a[0]!, a[1]!));
  vm.method(T.tuple, '__eq__', (a) => vm.compare(a[0]!, a[1]!, 2));
  vm.method(T.tuple, '__hash__', (a) => vm.hash(a[0]!));
  vm.method(T.tuple, '__add__', (a) => vm.binop(a[0]!, a[1]!, 0));
}
