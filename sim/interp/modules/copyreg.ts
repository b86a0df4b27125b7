/**
 * `copyreg`: the reducer registry `pickle` and `copy` consult (`dispatch_table`, `pickle`,
 * `constructor`), the reconstruction helpers object reductions name (`__newobj__`,
 * `__newobj_ex__`, `_reconstructor`, `_reduce_ex` for protocols 0 and 1, `_slotnames`) and the
 * extension-code registry (`add_extension`, `remove_extension`, `clear_extension_cache`).
 * Guest Python; one host helper tells built-in types from classes made by `class` statements,
 * which CPython reads from `__flags__` (Py_TPFLAGS_HEAPTYPE) and htmsim's types do not carry.
 */
import { defineFn, hybridModule } from './kit.js';
import { PyType } from '../values.js';

export const copyreg = hybridModule('copyreg', (vm, m) => {
  defineFn(vm, m, '_is_heap_type', (a) => a[0] instanceof PyType && !a[0].builtin);
}, String.raw`
__all__ = ['pickle', 'constructor', 'add_extension', 'remove_extension', 'clear_extension_cache']

dispatch_table = {}


def pickle(ob_type, pickle_function, constructor_ob=None):
    if not callable(pickle_function):
        raise TypeError('reduction functions must be callable')
    dispatch_table[ob_type] = pickle_function
    if constructor_ob is not None:
        constructor(constructor_ob)


def constructor(object):
    if not callable(object):
        raise TypeError('constructors must be callable')


def pickle_complex(c):
    return complex, (c.real, c.imag)


pickle(complex, pickle_complex, complex)


def pickle_union(obj):
    import functools, operator
    return functools.reduce, (operator.or_, obj.__args__)


try:
    pickle(type(int | str), pickle_union)
except TypeError:
    pass


def _reconstructor(cls, base, state):
    # Protocols 0 and 1 rebuild an instance from its nearest built-in base and that base's value.
    if base is object:
        obj = object.__new__(cls)
    else:
        obj = base.__new__(cls, state)
        if base.__init__ != object.__init__:
            base.__init__(obj, state)
    return obj


def _reduce_ex(self, proto):
    # object.__reduce_ex__ for protocols 0 and 1.
    assert proto < 2
    cls = self.__class__
    base = object
    for c in cls.__mro__:
        if not _is_heap_type(c):
            base = c
            break
    if base is object:
        state = None
    else:
        if base is cls:
            raise TypeError(f'cannot pickle {cls.__name__!r} object')
        state = base(self)
    args = (cls, base, state)
    # The state is __getstate__()'s when the class defines one; else the instance __dict__ (what
    # object.__getstate__ gives, which a class with __slots__ must not fall back on).
    getstate = getattr(type(self), '__getstate__', None)
    if getstate is None or getstate is getattr(object, '__getstate__', None):
        if getattr(self, '__slots__', None):
            raise TypeError('a class that defines __slots__ without defining __getstate__ cannot be pickled')
        dict = getattr(self, '__dict__', None)
    else:
        dict = self.__getstate__()
    if dict:
        return _reconstructor, args, dict
    return _reconstructor, args


def __newobj__(cls, *args):
    return cls.__new__(cls, *args)


def __newobj_ex__(cls, args, kwargs):
    return cls.__new__(cls, *args, **kwargs)


def _slotnames(cls):
    # The instance slots of cls and its bases (private names mangled), cached on the class.
    names = cls.__dict__.get('__slotnames__')
    if names is not None:
        return names
    names = []
    if hasattr(cls, '__slots__'):
        for c in cls.__mro__:
            if '__slots__' not in c.__dict__:
                continue
            slots = c.__dict__['__slots__']
            if isinstance(slots, str):
                slots = (slots,)
            for name in slots:
                if name in ('__dict__', '__weakref__'):
                    continue
                if name.startswith('__') and not name.endswith('__'):
                    stripped = c.__name__.lstrip('_')
                    if stripped:
                        name = '_%s%s' % (stripped, name)
                names.append(name)
    try:
        cls.__slotnames__ = names
    except Exception:
        pass
    return names


# Extension codes (pickle's EXT1/EXT2/EXT4): (module, name) <-> code, and code -> object once loaded.
_extension_registry = {}
_inverted_registry = {}
_extension_cache = {}


def add_extension(module, name, code):
    code = int(code)
    if not 1 <= code <= 0x7fffffff:
        raise ValueError('code out of range')
    key = (module, name)
    if _extension_registry.get(key) == code and _inverted_registry.get(code) == key:
        return
    if key in _extension_registry:
        raise ValueError('key %s is already registered with code %s' % (key, _extension_registry[key]))
    if code in _inverted_registry:
        raise ValueError('code %s is already in use for key %s' % (code, _inverted_registry[code]))
    _extension_registry[key] = code
    _inverted_registry[code] = key


def remove_extension(module, name, code):
    key = (module, name)
    if _extension_registry.get(key) != code or _inverted_registry.get(code) != key:
        raise ValueError('key %s is not registered with code %s' % (key, code))
    del _extension_registry[key]
    del _inverted_registry[code]
    if code in _extension_cache:
        del _extension_cache[code]


def clear_extension_cache():
    _extension_cache.clear()
`);
