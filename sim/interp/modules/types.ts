/**
 * `types` in guest Python: the interpreter's own types by the names CPython gives them (each is
 * `type(x)` of an object of that kind, so `isinstance(f, types.FunctionType)` is the real test),
 * `SimpleNamespace`, `MappingProxyType`, `new_class`/`prepare_class`/`resolve_bases`,
 * `coroutine`, `DynamicClassAttribute`.
 *
 * Two constructors CPython's types have and the VM's lack are host code, registered when the VM
 * is built (as CPython has them whether or not `types` is imported): `MethodType(func, obj)` binds
 * a method, `ModuleType(name, doc=None)` makes an empty module.
 */
import type { PyDict } from '../dict.js';
import { PyBuiltin, PyFunction, PyMethod, PyObject, PyType, type PyVal } from '../values.js';
import type { Vm } from '../vm/vm.js';
import { CodeFlag } from '../chunk.js';
import { defineFn, hybridModule, newModule, type GuestModule } from './kit.js';

const TYPES_SRC = String.raw`
import sys as _sys


def _f():
    pass


async def _c():
    pass


def _g():
    yield 1


class _C:
    def _m(self):
        pass


FunctionType = type(_f)
LambdaType = type(lambda: None)
CodeType = type(_f.__code__)
_co = _c()
CoroutineType = type(_co)
_co.close()
del _co
GeneratorType = type(_g())
MethodType = type(_C()._m)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
ModuleType = type(_sys)
WrapperDescriptorType = type(object.__init__)
MethodWrapperType = type(object().__str__)
MethodDescriptorType = type(str.join)
GenericAlias = type(list[int])
UnionType = type(int | str)
NoneType = type(None)
EllipsisType = type(Ellipsis)
NotImplementedType = type(NotImplemented)
del _f, _c, _g, _C


class SimpleNamespace:
    def __init__(self, *args, **kwargs):
        if args:
            raise TypeError('no positional arguments expected')
        for k, v in kwargs.items():
            setattr(self, k, v)

    def __repr__(self):
        name = 'namespace' if type(self) is SimpleNamespace else type(self).__name__
        active = _repr_active
        key = id(self)
        if key in active:
            return name + '(...)'
        active.add(key)
        try:
            parts = ['%s=%r' % (k, v) for k, v in self.__dict__.items()]
        finally:
            active.discard(key)
        return '%s(%s)' % (name, ', '.join(parts))

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __hash__(self):
        # CPython names the type by its C name here.
        name = 'types.SimpleNamespace' if type(self) is SimpleNamespace else type(self).__name__
        raise TypeError("unhashable type: '%s'" % name)

    def __reduce__(self):
        return (type(self), (), dict(self.__dict__))


_repr_active = set()


class mappingproxy:
    __slots__ = ('_mapping',)

    def __init__(self, mapping):
        if not hasattr(mapping, '__getitem__') or not hasattr(mapping, 'keys') or isinstance(mapping, (list, tuple)):
            raise TypeError('mappingproxy() argument must be a mapping, not %s' % type(mapping).__name__)
        object.__setattr__(self, '_mapping', mapping)

    def __getitem__(self, key):
        return self._mapping[key]

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        return iter(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def copy(self):
        return self._mapping.copy()

    def __reversed__(self):
        return reversed(self._mapping)

    def __or__(self, other):
        if isinstance(other, mappingproxy):
            other = other._mapping
        return dict(self._mapping) | other

    def __ror__(self, other):
        return other | dict(self._mapping)

    def __eq__(self, other):
        if isinstance(other, mappingproxy):
            other = other._mapping
        return self._mapping == other

    def __repr__(self):
        return 'mappingproxy(%r)' % (self._mapping,)

    def __str__(self):
        return str(self._mapping)

    def __setitem__(self, key, value):
        raise TypeError("'mappingproxy' object does not support item assignment")

    def __delitem__(self, key):
        raise TypeError("'mappingproxy' object does not support item deletion")

    def __setattr__(self, name, value):
        raise AttributeError("'mappingproxy' object has no attribute '%s'" % name)


mappingproxy.__module__ = 'builtins'
MappingProxyType = mappingproxy


def resolve_bases(bases):
    new_bases = list(bases)
    changed = False
    shift = 0
    for i, base in enumerate(bases):
        if isinstance(base, type):
            continue
        if not hasattr(base, '__mro_entries__'):
            continue
        new_base = base.__mro_entries__(bases)
        changed = True
        if not isinstance(new_base, tuple):
            raise TypeError('__mro_entries__ must return a tuple')
        new_bases[i + shift:i + shift + 1] = new_base
        shift += len(new_base) - 1
    if not changed:
        return bases
    return tuple(new_bases)


def _calculate_meta(meta, bases):
    winner = meta
    for base in bases:
        base_meta = type(base)
        if issubclass(winner, base_meta):
            continue
        if issubclass(base_meta, winner):
            winner = base_meta
            continue
        raise TypeError('metaclass conflict: the metaclass of a derived class must be a '
                        '(non-strict) subclass of the metaclasses of all its bases')
    return winner


def prepare_class(name, bases=(), kwds=None):
    if kwds is None:
        kwds = {}
    else:
        kwds = dict(kwds)
    if 'metaclass' in kwds:
        meta = kwds.pop('metaclass')
    elif bases:
        meta = type(bases[0])
    else:
        meta = type
    if isinstance(meta, type):
        meta = _calculate_meta(meta, bases)
    if hasattr(meta, '__prepare__'):
        ns = meta.__prepare__(name, bases, **kwds)
    else:
        ns = {}
    return meta, ns, kwds


def new_class(name, bases=(), kwds=None, exec_body=None):
    resolved = resolve_bases(bases)
    meta, ns, kwds = prepare_class(name, resolved, kwds)
    if exec_body is not None:
        exec_body(ns)
    if resolved is not bases:
        ns['__orig_bases__'] = bases
    return meta(name, resolved, ns, **kwds)


def coroutine(func):
    if not callable(func):
        raise TypeError('types.coroutine() expects a callable')
    if _mark_iterable_coroutine(func):
        return func
    import functools

    @functools.wraps(func)
    def wrapped(*args, **kwargs):
        return func(*args, **kwargs)
    return wrapped


class DynamicClassAttribute(property):
    def __get__(self, instance, ownerclass=None):
        if instance is None:
            if getattr(self, '__isabstractmethod__', False):
                return self
            raise AttributeError()
        return property.__get__(self, instance, ownerclass)
`;

// types.coroutine on a generator function sets CO_ITERABLE_COROUTINE on its code, as CPython
// does: its generators can then be awaited (True: func is returned as it is, a coroutine function
// too). Other callables get a wrapper (CPython's also wraps a generator-like result it returns).
const typesPy = hybridModule('types', (vm, m) => {
  defineFn(vm, m, '_mark_iterable_coroutine', (a) => {
    const f = a[0];
    if (!(f instanceof PyFunction)) return false;
    if ((f.code.flags & (CodeFlag.COROUTINE | CodeFlag.ITERABLE_COROUTINE)) !== 0) return true;
    if ((f.code.flags & CodeFlag.GENERATOR) === 0) return false;
    f.code.flags |= CodeFlag.ITERABLE_COROUTINE;
    return true;
  });
}, TYPES_SRC);

export const types: GuestModule = {
  name: 'types',
  install(vm: Vm): void {
    vm.ctors.set(vm.T.method, (a) => {
      if (a.length !== 2) throw vm.typeErr(`method expected 2 arguments, got ${a.length}`);
      const [func, self] = a as [PyVal, PyVal];
      if (!isCallable(vm, func)) throw vm.typeErr('first argument must be callable');
      if (self === vm.None) throw vm.typeErr('instance must not be None');
      return vm.boundMethod(func, self);
    });
    vm.ctors.set(vm.T.module, (a, kw) => {
      const name = a[0] ?? kw?.get('name');
      if (typeof name !== 'string') {
        throw vm.typeErr(name === undefined ? "module.__init__() missing required argument 'name' (pos 1)"
          : `module.__init__() argument 'name' must be str, not ${vm.tn(name)}`);
      }
      const m = newModule(vm, name);
      (m.dict as PyDict).set('__doc__', a[1] ?? kw?.get('doc') ?? vm.None);
      return m;
    });
    typesPy.install(vm);
  },
};

function isCallable(vm: Vm, v: PyVal): boolean {
  return v instanceof PyFunction || v instanceof PyBuiltin || v instanceof PyMethod || v instanceof PyType ||
    (v instanceof PyObject && vm.lookup(v.cls, '__call__') !== undefined);
}
