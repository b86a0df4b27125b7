/**
 * repr() and str() of every built-in value (CPython 3.11's forms), and a user subclass's own
 * `__repr__`/`__str__`.
 */
import { complexRepr } from '../runtime/complex-ops.js';
import { PyDict, PySet } from '../dict.js';
import { floatRepr as rtFloatRepr } from '../runtime/float-ops.js';
import * as R from '../runtime/int-ops.js';
import * as RS from '../runtime/str-methods.js';
import { PyGenerator } from '../thread.js';
import type { Vm } from '../vm/vm.js';
import {
  CodeHolder, PyBuiltin, PyBytes, PyCell, PyComplex, PyFloat, PyFunction, PyInstance, PyList, PyMethod, PyModule, PyObject, PyRange, PySlice,
  PyTuple, PyType, PyWrapper, type PyVal,
} from '../values.js';
import type { BytesParts } from './bytes.js';
import { PyView, type ViewParts } from './dict-views.js';
import type { Kit } from './kit.js';
import * as Rg from './range.js';

export function makeReprProtocols(vm: Vm, kit: Kit, bytes: BytesParts, views: ViewParts) {
  const { T, None, tn, hexAddr } = kit;
  const { bytesRepr } = bytes;
  const { viewItems } = views;
  const floatRepr = rtFloatRepr;
  /** `own`: the builtin type's own repr (list.__repr__(x) on a subclass instance), skipping its override. */
  const reprProto = (v: PyVal, own = false): string => {
    switch (typeof v) {
      case 'number': return String(v);
      case 'bigint': return R.intToStr(v);
      case 'boolean': return v ? 'True' : 'False';
      case 'string': return RS.strRepr(v);
    }
    if (v === None) return 'None';
    if (v instanceof PyFloat) return floatRepr(v.v);
    if (v instanceof PyComplex) return complexRepr(v);
    if (!own && !v.cls.builtin && !(v instanceof PyInstance)) {
      // A user subclass of a builtin container: its own __repr__ if it defines one.
      const m = vm.lookup(v.cls, '__repr__');
      if (m instanceof PyFunction) {
        const r = vm.callValue(m, [v], null);
        if (typeof r !== 'string') throw vm.typeErr(`__repr__ returned non-string (type ${tn(r)})`);
        return r;
      }
    }
    if (v instanceof PyList) return vm.reprGuard(v, () => '[' + v.items.map((x) => vm.repr(x)).join(', ') + ']', '[...]');
    if (v instanceof PyTuple) {
      if (!own && v.cls !== T.tuple && v.cls.builtin === false) {
        const m = vm.lookup(v.cls, '__repr__');
        if (m instanceof PyFunction) return vm.str(vm.callValue(m, [v], null));
      }
      if (v.items.length === 1) return '(' + vm.repr(v.items[0]!) + ',)';
      return vm.reprGuard(v, () => '(' + v.items.map((x) => vm.repr(x)).join(', ') + ')', '(...)');
    }
    if (v instanceof PyDict) {
      return vm.reprGuard(v, () => {
        const parts: string[] = [];
        for (const i of v.entries()) parts.push(vm.repr(v.keys[i]!) + ': ' + vm.repr(v.vals[i]!));
        return '{' + parts.join(', ') + '}';
      }, '{...}');
    }
    if (v instanceof PySet) {
      const items = v.items();
      const name = v.cls === T.frozenset ? 'frozenset' : v.cls === T.set ? 'set' : v.cls.name;
      if (items.length === 0) return name + '()';
      const body = vm.reprGuard(v, () => '{' + items.map((x) => vm.repr(x)).join(', ') + '}', '...');
      return v.cls === T.set ? body : `${name}(${body})`;
    }
    if (v instanceof PyInstance) {
      const m = vm.lookup(v.cls, '__repr__');
      if (m !== undefined && !(m instanceof PyBuiltin && m.ownerName === 'object')) {
        const r = vm.callValue(m, [v], null);
        if (typeof r !== 'string') throw vm.typeErr(`__repr__ returned non-string (type ${tn(r)})`);
        return r;
      }
      const mod = v.cls.module;
      return `<${mod === 'builtins' ? '' : mod + '.'}${v.cls.qualname} object at ${hexAddr(v)}>`;
    }
    if (v instanceof PyType) {
      return v.module === 'builtins' ? `<class '${v.qualname}'>` : `<class '${v.module}.${v.qualname}'>`;
    }
    if (v instanceof PyBytes) return bytesRepr(v);
    if (v instanceof PyRange) return Rg.rangeRepr(v, (x) => vm.repr(x));
    if (v instanceof PyFunction) return `<function ${v.qualname} at ${hexAddr(v)}>`;
    if (v instanceof PyBuiltin) {
      return v.isMethod ? `<method '${v.name}' of '${v.ownerName}' objects>` : `<built-in function ${v.name}>`;
    }
    if (v instanceof PyMethod) {
      const fq = v.func instanceof PyFunction ? v.func.qualname : v.func instanceof PyBuiltin ? v.func.name : '?';
      if (v.func instanceof PyBuiltin) return `<built-in method ${v.func.name} of ${tn(v.self)} object at ${hexAddr(v.self as PyObject)}>`;
      return `<bound method ${fq} of ${vm.repr(v.self)}>`;
    }
    if (v instanceof PyModule) return `<module '${v.name}' (built-in)>`;
    if (v instanceof PySlice) return `slice(${vm.repr(v.start)}, ${vm.repr(v.stop)}, ${vm.repr(v.step)})`;
    if (v instanceof PyGenerator) return `<${v.cls.name} object ${v.qualname} at ${hexAddr(v)}>`;
    if (v instanceof PyView) {
      const name = ['dict_keys', 'dict_values', 'dict_items'][v.kind];
      return `${name}(${vm.repr(vm.newList(viewItems(v)))})`;
    }
    if (v === vm.Ellipsis) return 'Ellipsis';
    if (v === vm.NotImplemented) return 'NotImplemented';
    if (v instanceof PyCell) return `<cell at ${hexAddr(v)}>`;
    if (v instanceof CodeHolder) return `<code object ${v.code.name} at ${hexAddr(v)}, file "${v.code.filename}", line ${v.code.firstLine}>`;
    if (v instanceof PyWrapper) return `<${v.cls.name} object at ${hexAddr(v)}>`;
    const m = vm.lookup(v.cls, '__repr__');
    if (m !== undefined && !(m instanceof PyBuiltin && m.ownerName === 'object')) return vm.str(vm.callValue(m, [v], null));
    return `<${v.cls.name} object at ${hexAddr(v)}>`;
  };
  const strProto = (v: PyVal): string => {
    if (typeof v === 'string') return v;
    if (v instanceof PyFloat) return floatRepr(v.v);
    if (v instanceof PyComplex) return complexRepr(v);
    if (v instanceof PyInstance || (v instanceof PyObject && !v.cls.builtin)) {
      const m = vm.lookup(v.cls, '__str__');
      if (m !== undefined && !(m instanceof PyBuiltin && m.ownerName === 'object')) {
        const r = vm.callValue(m, [v], null);
        if (typeof r !== 'string') throw vm.typeErr(`__str__ returned non-string (type ${tn(r)})`);
        return r;
      }
      return vm.repr(v);
    }
    return vm.repr(v);
  };
  // The containers' own __repr__, for super().__repr__() in a subclass that overrides it.
  for (const tp of [T.list, T.tuple, T.dict, T.set, T.frozenset]) vm.method(tp, '__repr__', (a) => reprProto(a[0]!, true));
  return { reprProto, strProto };
}
