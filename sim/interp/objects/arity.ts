/**
 * Built-in methods' arity, declared as CPython declares it (slot wrappers, METH_O, Argument
 * Clinic, PyArg_ParseTuple): a call with too few or too many positional arguments raises
 * CPython's TypeError, in its wording, before the implementation reads a missing argument.
 */
import type { Vm } from '../vm/vm.js';
import { PyBuiltin, PyType, PyWrapper } from '../values.js';
import type { Kit } from './kit.js';

/** Wraps the built-in methods that the table names (after every installer has run). */
export function installArity(vm: Vm, kit: Kit): void {
  const { T, viewTypes } = kit;
  declareArity(vm, [
    // Slot wrappers (CPython: "expected 1 argument, got 0").
    [T.object, 'slot', 1, 1, ['__eq__', '__ne__']],
    [T.object, 'slot', 0, 0, ['__repr__', '__str__']],
    [T.str, 'slot', 1, 1, ['__add__', '__contains__', '__getitem__', '__mod__', '__mul__', '__eq__', '__ne__']],
    [T.list, 'slot', 1, 1, ['__add__', '__contains__', '__getitem__', '__eq__']],
    [T.list, 'slot', 2, 2, ['__setitem__']],
    [T.tuple, 'slot', 1, 1, ['__add__', '__getitem__', '__eq__']],
    [T.dict, 'slot', 1, 1, ['__contains__', '__getitem__', '__delitem__', '__eq__']],
    [T.dict, 'slot', 2, 2, ['__setitem__']],
    ...viewTypes.map((vt): [PyType, ArityStyle, number, number, string[]] => [vt, 'slot', 1, 1, ['__contains__']]),
    // METH_O ("str.join() takes exactly one argument (0 given)").
    [T.object, 'o', 1, 1, ['__format__']],
    [T.str, 'o', 1, 1, ['__format__', 'join', 'format_map', 'translate']],
    [T.bytes, 'o', 1, 1, ['join', 'fromhex']],
    [T.bytearray, 'o', 1, 1, ['join', 'append', 'extend', 'remove']],
    [T.list, 'o', 1, 1, ['extend', 'append', 'remove']],
    [T.set, 'o', 1, 1, ['isdisjoint', 'issuperset', 'issubset', 'symmetric_difference_update', 'add', 'remove', 'discard']],
    [T.frozenset, 'o', 1, 1, ['isdisjoint', 'issuperset', 'issubset']],
    [T.range, 'o', 1, 1, ['index', 'count']],
    [T.type, 'o', 0, 0, ['mro']],
    [T.type, 'slot', 0, Infinity, ['__call__']],
    // property's descriptor slots (__set__ unpacks its pair under an empty name: " expected ...").
    [T.property, 'unpack', 2, 2, ['__set__']],
    [T.property, 'slot', 1, 1, ['__delete__']],
    [T.float, 'o', 0, 0, ['hex']],
    [T.float, 'o', 1, 1, ['fromhex']],
    [T.object, 'o', 1, 1, ['__reduce_ex__']],
    [T.object, 'o', 0, 0, ['__reduce__']],
    // Argument clinic positional ranges ("center expected at least 1 argument, got 0").
    [T.str, 'clinic', 1, 2, ['center', 'ljust', 'rjust']],
    [T.list, 'clinic', 2, 2, ['insert']],
    [T.list, 'clinic', 1, 3, ['index']],
    [T.tuple, 'clinic', 1, 3, ['index']],
    [T.dict, 'clinic', 1, 2, ['get', 'pop', 'setdefault', 'fromkeys']],
    // PyArg_ParseTuple ("startswith() takes at least 1 argument (0 given)").
    [T.str, 'tuple', 1, 3, ['startswith', 'endswith', 'index', 'rindex', 'find', 'rfind', 'count']],
    [T.bytes, 'tuple', 1, 3, ['startswith', 'endswith', 'index', 'find', 'count']],
    [T.bytearray, 'tuple', 1, 3, ['startswith', 'endswith']],
    ...memoryviewArity(vm),
  ]);
}

/** memoryview's methods (objects/memoryview.ts; its type is made there, not in the kit). */
function memoryviewArity(vm: Vm): [PyType, ArityStyle, number, number, string[]][] {
  const mv = vm.builtins.getStr('memoryview') as PyType;
  return [
    [mv, 'o', 0, 0, ['release', 'tolist', 'toreadonly', '__enter__', '__bytes__']],
    [mv, 'slot', 0, 0, ['__len__', '__repr__', '__hash__', '__iter__']],
    [mv, 'slot', 1, 1, ['__getitem__', '__eq__']],
    [mv, 'slot', 2, 2, ['__setitem__']],
    [mv, 'slot', 0, Infinity, ['__exit__']],
    // cast's missing format has Argument Clinic's wording, given by the method itself.
    [mv, 'tuple', 0, 2, ['hex', 'cast']],
    [mv, 'tuple', 0, 1, ['tobytes']],
  ];
}

type ArityStyle = 'slot' | 'unpack' | 'o' | 'clinic' | 'tuple';

/** CPython's wording when a built-in method gets `n` positional arguments outside lo..hi. */
function arityMessage(style: ArityStyle, owner: string, name: string, lo: number, hi: number, n: number): string {
  const args = (k: number): string => `${k} argument${k === 1 ? '' : 's'}`;
  switch (style) {
    case 'slot':
      return `expected ${args(lo)}, got ${n}`;
    case 'unpack':
      return ` expected ${args(lo)}, got ${n}`;
    case 'o':
      return hi === 0 ? `${owner}.${name}() takes no arguments (${n} given)` : `${owner}.${name}() takes exactly one argument (${n} given)`;
    case 'clinic':
      if (lo === hi) return `${name} expected ${args(lo)}, got ${n}`;
      return n < lo ? `${name} expected at least ${args(lo)}, got ${n}` : `${name} expected at most ${args(hi)}, got ${n}`;
    case 'tuple':
      return n < lo ? `${name}() takes at least ${args(lo)} (${n} given)` : `${name}() takes at most ${args(hi)} (${n} given)`;
  }
}

/**
 * Wraps each named method of a built-in type (a method or a classmethod) so a call with too few
 * or too many positional arguments raises CPython's TypeError before the implementation reads an
 * argument that is not there. The receiver (or class) is a[0].
 */
function declareArity(vm: Vm, table: [PyType, ArityStyle, number, number, string[]][]): void {
  for (const [tp, style, lo, hi, names] of table) {
    for (const name of names) {
      const d = tp.dict.get(name);
      const b = d instanceof PyWrapper ? d.fget : d;
      if (!(b instanceof PyBuiltin)) throw new Error(`htmsim builtins: no built-in method ${tp.name}.${name} to declare the arity of`);
      const inner = b.fn;
      const method = !(d instanceof PyWrapper) && tp !== vm.T.object;
      b.fn = (a, kw, self) => {
        if (a.length === 0) throw vm.typeErr(`descriptor '${name}' of '${tp.name}' object needs an argument`);
        if (method && !vm.isInstance(a[0]!, tp)) {
          throw vm.typeErr(`descriptor '${name}' for '${tp.name}' objects doesn't apply to a '${vm.typeOf(a[0]!).name}' object`);
        }
        const n = a.length - 1;
        if (n < lo || n > hi) throw vm.typeErr(arityMessage(style, tp.name, name, lo, hi, n));
        return inner(a, kw, self);
      };
    }
  }
}
