/**
 * `abc` in guest Python: `ABCMeta` (a real metaclass: registration, `__subclasshook__`,
 * `isinstance`/`issubclass` through `__instancecheck__`/`__subclasscheck__`), `ABC`,
 * `abstractmethod` and the abstract instantiation check with CPython's TypeError. CPython makes
 * that check in `object.__new__` from a type flag; here `ABCMeta.__call__` makes it, so every
 * class whose metaclass is ABCMeta (by `metaclass=` or by deriving from an ABC) gets it.
 */
import { pythonModule } from './kit.js';

export const abc = pythonModule('abc', String.raw`
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


def _abc_init(cls):
    type.__setattr__(cls, '_abc_registry', [])
    type.__setattr__(cls, '_abc_cache', {})
    type.__setattr__(cls, '_abc_children', [])
    for base in cls.__bases__:
        children = base.__dict__.get('_abc_children')
        if children is not None:
            children.append(cls)
    type.__setattr__(cls, '__abstractmethods__', _abstracts(cls))


_all_abcs = []


class ABCMeta(type):
    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        _abc_init(cls)
        _all_abcs.append(cls)
        return cls

    def __call__(cls, *args, **kwargs):
        missing = cls.__abstractmethods__
        if missing:
            names = sorted(missing)
            raise TypeError("Can't instantiate abstract class %s with abstract method%s %s" % (
                cls.__name__, '' if len(names) == 1 else 's', ', '.join(names)))
        return super().__call__(*args, **kwargs)

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
                for sub in cls.__dict__['_abc_children']:
                    if sub.__subclasscheck__(subclass):
                        ok = True
                        break
        ok = bool(ok)
        cache[subclass] = ok
        return ok

    # object.__subclasshook__ in CPython; found here through the metaclass when no class in the
    # MRO defines one.
    @classmethod
    def __subclasshook__(cls, subclass):
        return NotImplemented


class ABC(metaclass=ABCMeta):
    __slots__ = ()


def get_cache_token():
    return 0
`);
