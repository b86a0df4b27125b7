/**
 * `weakref`: `ref` (`ReferenceType`), `proxy`, `getweakrefcount`, `getweakrefs`,
 * `WeakValueDictionary`, `WeakKeyDictionary`, `WeakSet`, `finalize` — guest Python over four host
 * functions that reach the VM's weak-reference table (vm/object-model.ts): a reference does not
 * hold its referent (no counted reference), and when the object-lifetime model frees the referent
 * (lifetimes.ts: under `refcount: cpython`/`biased`, at the safe point after the last reference
 * goes, where CPython's refcounting frees it at once) the reference returns None and its callback
 * runs at that safe point. Known differences: under `refcount: none` nothing is ever freed, so a
 * reference never dies; `finalize` objects still alive at exit are not called (no atexit).
 */
import { PyDict } from '../dict.js';
import { PyBytes, PyComplex, PyFloat, PyList, PyObject, PyTuple, type PyModule, type PyVal } from '../values.js';
import type { Vm } from '../vm/vm.js';
import { defineFn, hybridModule } from './kit.js';

/** What CPython lets a weak reference point to: not the built-in values without a weakref slot. */
function weakrefable(vm: Vm, v: PyVal): v is PyObject {
  if (!(v instanceof PyObject) || v === vm.None) return false;
  if (!v.cls.builtin) return true; // instances of user classes, user subclasses of list/dict/...
  return !(v instanceof PyList || v instanceof PyDict || v instanceof PyTuple || v instanceof PyFloat
    || v instanceof PyComplex || v instanceof PyBytes) && v !== vm.Ellipsis && v !== vm.NotImplemented;
}

function setup(vm: Vm, m: PyModule): void {
  const live = (refs: PyObject[] | undefined): PyObject[] => (refs ?? []).filter((r) => r.rid > 0 || vm.life === null);
  defineFn(vm, m, '_register', (a) => {
    const [ref, obj, callback] = a as [PyObject, PyVal, PyVal];
    if (!weakrefable(vm, obj)) throw vm.typeErr(`cannot create weak reference to '${vm.tn(obj)}' object`);
    let refs = vm.weakRefs.get(obj);
    if (refs === undefined) vm.weakRefs.set(obj, (refs = []));
    refs.push(ref);
    vm.weakTarget.set(ref, obj);
    if (callback !== vm.None) vm.weakCallback.set(ref, callback);
    return vm.None;
  });
  defineFn(vm, m, '_target', (a) => vm.weakTarget.get(a[0] as PyObject) ?? vm.None);
  defineFn(vm, m, 'getweakrefcount', (a) => (a[0] instanceof PyObject ? live(vm.weakRefs.get(a[0])).length : 0));
  defineFn(vm, m, 'getweakrefs', (a) => vm.placeList(vm.newList(a[0] instanceof PyObject ? live(vm.weakRefs.get(a[0])) : [])));
}

export const weakref = hybridModule('weakref', setup, String.raw`
import sys as _sys

__all__ = ['ref', 'proxy', 'getweakrefcount', 'getweakrefs', 'WeakKeyDictionary', 'ReferenceType',
           'ProxyType', 'CallableProxyType', 'ProxyTypes', 'WeakValueDictionary', 'WeakSet',
           'WeakMethod', 'finalize']


class ReferenceType:
    __slots__ = ('__callback__', '_hash', '__weakref__')

    def __init__(self, ob, callback=None):
        _register(self, ob, callback)
        self.__callback__ = callback
        self._hash = None

    def __call__(self):
        return _target(self)

    def __hash__(self):
        if self._hash is None:
            ob = _target(self)
            if ob is None:
                raise TypeError('weak object has gone away')
            self._hash = hash(ob)
        return self._hash

    def __eq__(self, other):
        if not isinstance(other, ReferenceType):
            return NotImplemented
        a, b = _target(self), _target(other)
        if a is None or b is None:
            return self is other
        return a == b

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __repr__(self):
        ob = _target(self)
        if ob is None:
            return '<weakref at %#x; dead>' % id(self)
        return "<weakref at %#x; to '%s' at %#x>" % (id(self), type(ob).__name__, id(ob))


ReferenceType.__module__ = 'weakref'
ref = ReferenceType


class WeakMethod(ReferenceType):
    __slots__ = ('_func_ref', '_meth_type')

    def __init__(self, meth, callback=None):
        obj = meth.__self__
        func = meth.__func__
        ReferenceType.__init__(self, obj, callback)
        self._func_ref = ref(func)
        self._meth_type = type(meth)

    def __call__(self):
        obj = _target(self)
        func = self._func_ref()
        if obj is None or func is None:
            return None
        return self._meth_type(func, obj)


def _dead():
    raise ReferenceError('weakly-referenced object no longer exists')


class ProxyType:
    __slots__ = ('_ref',)

    def __init__(self, ob, callback=None):
        object.__setattr__(self, '_ref', ref(ob, callback))

    def _get(self):
        ob = object.__getattribute__(self, '_ref')()
        if ob is None:
            _dead()
        return ob

    def __getattr__(self, name):
        return getattr(ProxyType._get(self), name)

    def __setattr__(self, name, value):
        setattr(ProxyType._get(self), name, value)

    def __delattr__(self, name):
        delattr(ProxyType._get(self), name)

    def __repr__(self):
        ob = object.__getattribute__(self, '_ref')()
        return '<weakproxy at %#x; to %r at %#x>' % (id(self), type(ob).__name__ if ob is not None else 'NoneType', id(ob))

    def __str__(self):
        return str(ProxyType._get(self))

    def __bool__(self):
        return bool(ProxyType._get(self))

    def __len__(self):
        return len(ProxyType._get(self))

    def __iter__(self):
        return iter(ProxyType._get(self))

    def __contains__(self, item):
        return item in ProxyType._get(self)

    def __getitem__(self, key):
        return ProxyType._get(self)[key]

    def __setitem__(self, key, value):
        ProxyType._get(self)[key] = value

    def __delitem__(self, key):
        del ProxyType._get(self)[key]

    def __eq__(self, other):
        return ProxyType._get(self) == other

    def __ne__(self, other):
        return ProxyType._get(self) != other

    def __lt__(self, other):
        return ProxyType._get(self) < other

    def __add__(self, other):
        return ProxyType._get(self) + other

    def __sub__(self, other):
        return ProxyType._get(self) - other

    def __mul__(self, other):
        return ProxyType._get(self) * other

    __hash__ = None


class CallableProxyType(ProxyType):
    __slots__ = ()

    def __call__(self, *args, **kwargs):
        return ProxyType._get(self)(*args, **kwargs)


ProxyType.__module__ = CallableProxyType.__module__ = 'weakref'
ProxyType.__name__ = ProxyType.__qualname__ = 'ProxyType'
ProxyTypes = (ProxyType, CallableProxyType)


def proxy(ob, callback=None):
    if callable(ob):
        return CallableProxyType(ob, callback)
    return ProxyType(ob, callback)


class WeakValueDictionary:
    def __init__(self, other=(), /, **kw):
        def remove(wr, selfref=ref(self)):
            self = selfref()
            if self is not None:
                d = self.data
                if wr.key in d and d[wr.key] is wr:
                    del d[wr.key]
        self._remove = remove
        self.data = {}
        self.update(other, **kw)

    def _ref(self, key, value):
        wr = KeyedRef(value, self._remove, key)
        return wr

    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __setitem__(self, key, value):
        self.data[key] = self._ref(key, value)

    def __delitem__(self, key):
        del self.data[key]

    def __contains__(self, key):
        try:
            o = self.data[key]()
        except KeyError:
            return False
        return o is not None

    def __len__(self):
        return sum(1 for wr in self.data.values() if wr() is not None)

    def __iter__(self):
        for k, wr in list(self.data.items()):
            if wr() is not None:
                yield k

    def __repr__(self):
        return '<%s at %#x>' % (type(self).__name__, id(self))

    def keys(self):
        return list(iter(self))

    def values(self):
        return [o for o in (wr() for wr in list(self.data.values())) if o is not None]

    def items(self):
        out = []
        for k, wr in list(self.data.items()):
            o = wr()
            if o is not None:
                out.append((k, o))
        return out

    def get(self, key, default=None):
        try:
            wr = self.data[key]
        except KeyError:
            return default
        o = wr()
        return default if o is None else o

    def pop(self, key, *args):
        try:
            o = self.data.pop(key)()
        except KeyError:
            o = None
        if o is None:
            if args:
                return args[0]
            raise KeyError(key)
        return o

    def setdefault(self, key, default=None):
        o = self.get(key)
        if o is None:
            self[key] = default
            return default
        return o

    def update(self, other=(), /, **kw):
        if hasattr(other, 'items'):
            other = other.items()
        for k, v in other:
            self[k] = v
        for k, v in kw.items():
            self[k] = v

    def copy(self):
        return WeakValueDictionary(self.items())

    def valuerefs(self):
        return list(self.data.values())

    def itervaluerefs(self):
        return iter(list(self.data.values()))


class KeyedRef(ReferenceType):
    __slots__ = ('key',)

    def __init__(self, ob, callback, key):
        ReferenceType.__init__(self, ob, callback)
        self.key = key


class WeakKeyDictionary:
    def __init__(self, dict=None):
        self.data = {}

        def remove(k, selfref=ref(self)):
            self = selfref()
            if self is not None:
                for key in [key for key in self.data if key is k]:
                    del self.data[key]
        self._remove = remove
        if dict is not None:
            self.update(dict)

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def __len__(self):
        return sum(1 for wr in self.data if wr() is not None)

    def __iter__(self):
        for wr in list(self.data):
            o = wr()
            if o is not None:
                yield o

    def __repr__(self):
        return '<%s at %#x>' % (type(self).__name__, id(self))

    def keys(self):
        return list(iter(self))

    def values(self):
        return [v for wr, v in list(self.data.items()) if wr() is not None]

    def items(self):
        out = []
        for wr, v in list(self.data.items()):
            o = wr()
            if o is not None:
                out.append((o, v))
        return out

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def pop(self, key, *args):
        return self.data.pop(ref(key), *args)

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def update(self, dict=None, /, **kw):
        if dict is not None:
            if hasattr(dict, 'items'):
                dict = dict.items()
            for k, v in dict:
                self[k] = v

    def copy(self):
        return WeakKeyDictionary(self.items())

    def keyrefs(self):
        return list(self.data)


class WeakSet:
    def __init__(self, data=None):
        self.data = set()

        def remove(item, selfref=ref(self)):
            self = selfref()
            if self is not None:
                self.data.discard(item)
        self._remove = remove
        if data is not None:
            for x in data:
                self.add(x)

    def add(self, item):
        self.data.add(ref(item, self._remove))

    def discard(self, item):
        self.data.discard(ref(item))

    def remove(self, item):
        self.data.remove(ref(item))

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def __iter__(self):
        for wr in list(self.data):
            o = wr()
            if o is not None:
                yield o

    def __len__(self):
        return sum(1 for wr in self.data if wr() is not None)

    def __repr__(self):
        return '{}({!r})'.format(type(self).__name__, self.data)


class finalize:
    __slots__ = ('_ref', '_func', '_args', '_kwargs', '_done', 'atexit', '__weakref__')

    def __init__(self, obj, func, /, *args, **kwargs):
        self._func = func
        self._args = args
        self._kwargs = kwargs or {}
        self._done = False
        self.atexit = True
        self._ref = ref(obj, lambda wr, f=ref(self): _finalize_dead(f))

    def __call__(self, _=None):
        if not self._done:
            self._done = True
            return self._func(*self._args, **self._kwargs)

    def detach(self):
        obj = self._ref()
        if obj is not None and not self._done:
            self._done = True
            return (obj, self._func, self._args, self._kwargs)

    def peek(self):
        obj = self._ref()
        if obj is not None and not self._done:
            return (obj, self._func, self._args, self._kwargs)

    @property
    def alive(self):
        return not self._done and self._ref() is not None

    def __repr__(self):
        obj = self._ref()
        if obj is None:
            return '<finalize object at %#x; dead>' % id(self)
        return '<finalize object at %#x; for %r at %#x>' % (id(self), type(obj).__name__, id(obj))


_live_finalizers = set()


def _finalize_dead(fref):
    f = fref()
    if f is not None:
        _live_finalizers.discard(f)
        f()


_finalize_init = finalize.__init__


def _finalize_init_keep(self, obj, func, /, *args, **kwargs):
    _finalize_init(self, obj, func, *args, **kwargs)
    _live_finalizers.add(self)


finalize.__init__ = _finalize_init_keep
`);
