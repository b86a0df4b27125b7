/**
 * `abc` in guest Python: `ABCMeta` (registration, `__subclasshook__`, `isinstance`/`issubclass`
 * through `__instancecheck__`/`__subclasscheck__`), `ABC`, `abstractmethod` and the abstract
 * instantiation check (CPython's TypeError). Until `class C(metaclass=M)` compiles, the ABCs are
 * given their metaclass by the host primitive `_set_metaclass` (abstract classes made here and in
 * `collections.abc`); a user subclass of an ABC keeps `type` as its metaclass, which changes
 * nothing `isinstance` sees (the ABC's own check finds it by its MRO).
 */
import type { PyModule } from '../values.js';
import { PyType } from '../values.js';
import type { Vm } from '../vm/vm.js';
import { defineFn, hybridModule } from './kit.js';

function setupAbc(vm: Vm, m: PyModule): void {
  defineFn(vm, m, '_set_metaclass', (a) => {
    const cls = a[0]!, meta = a[1]!;
    if (!(cls instanceof PyType) || !(meta instanceof PyType) || !vm.isSubtype(meta, vm.T.type)) throw vm.typeErr('_set_metaclass(cls, meta) takes two classes');
    cls.cls = meta;
    return cls;
  });
}

export const abc = hybridModule('abc', setupAbc, String.raw`
def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractproperty(property):
    __isabstractmethod__ = True


def _abstracts(cls):
    names = set()
    for name, value in cls.__dict__.items():
        if getattr(value, '__isabstractmethod__', False):
            names.add(name)
    for base in cls.__bases__:
        for name in getattr(base, '__abstractmethods__', ()):
            value = getattr(cls, name, None)
            if getattr(value, '__isabstractmethod__', False):
                names.add(name)
    return frozenset(names)


class ABCMeta(type):
    def register(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError('Can only register classes')
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError('Refusing to create an inheritance cycle')
        cls.__dict__['_abc_registry'].append(subclass)
        for c in _all_abcs:
            c.__dict__['_abc_cache'].clear()
        return subclass

    def __instancecheck__(cls, instance):
        return cls.__subclasscheck__(type(instance))

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        if cls in subclass.__mro__:
            return True
        cache = cls.__dict__['_abc_cache']
        hit = cache.get(subclass)
        if hit is not None:
            return hit
        ok = cls.__subclasshook__(subclass)
        if ok is NotImplemented:
            ok = False
            for reg in cls.__dict__['_abc_registry']:
                if issubclass(subclass, reg):
                    ok = True
                    break
            if not ok:
                for sub in cls.__dict__.get('_abc_children', ()):
                    if sub.__subclasscheck__(subclass):
                        ok = True
                        break
        ok = bool(ok)
        cache[subclass] = ok
        return ok


_all_abcs = []


def _abc_init(cls):
    _set_metaclass(cls, ABCMeta)
    setattr(cls, '_abc_registry', [])
    setattr(cls, '_abc_cache', {})
    setattr(cls, '_abc_children', [])
    _all_abcs.append(cls)
    for base in cls.__bases__:
        children = base.__dict__.get('_abc_children')
        if children is not None:
            children.append(cls)
    setattr(cls, '__abstractmethods__', _abstracts(cls))
    return cls


class ABC:
    __slots__ = ()

    @classmethod
    def __subclasshook__(cls, subclass):
        return NotImplemented

    @classmethod
    def register(cls, subclass):
        return ABCMeta.register(cls, subclass)

    def __init_subclass__(cls, **kwargs):
        _abc_init(cls)

    def __new__(cls, *args, **kwargs):
        missing = cls.__dict__.get('__abstractmethods__')
        if missing is None:
            missing = _abstracts(cls)
        if missing:
            names = sorted(missing)
            raise TypeError("Can't instantiate abstract class %s with abstract method%s %s" % (
                cls.__name__, '' if len(names) == 1 else 's', ', '.join(names)))
        return object.__new__(cls)


_abc_init(ABC)


def get_cache_token():
    return 0
`);
