/**
 * `typing` in guest Python: what annotations in real programs import. Special forms and generic
 * aliases subscript (`List[int]`, `Optional[str]`, `Callable[[int], str]`) into alias objects with
 * CPython's reprs that call and `isinstance`-check as their origin; `TypeVar`, `Generic`,
 * `Protocol` (minimal: a base class), `NamedTuple` (functional form, and the class form once
 * class bodies record `__annotations__`), `cast`, `overload`, `TYPE_CHECKING`, `get_type_hints`.
 */
import { pythonModule } from './kit.js';

export const typing = pythonModule('typing', String.raw`
import collections as _collections
import collections.abc as _abc
import sys as _sys

TYPE_CHECKING = False


def _type_repr(t):
    if isinstance(t, type):
        if t.__module__ == 'builtins':
            return t.__qualname__
        return '%s.%s' % (t.__module__, t.__qualname__)
    if t is ...:
        return '...'
    if t is None or t is type(None):
        return 'None'
    if isinstance(t, list):
        return '[' + ', '.join([_type_repr(a) for a in t]) + ']'
    return repr(t)


def _tuple_args(params):
    if not isinstance(params, tuple):
        params = (params,)
    return tuple([type(None) if p is None else p for p in params])


class _Alias:
    def __init__(self, name, origin, args, nparams=-1):
        self._name = name
        self.__origin__ = origin
        self.__args__ = args
        self._nparams = nparams

    def __repr__(self):
        if self.__args__ is None:
            return 'typing.' + self._name
        if self._name == 'Optional':
            a, b = self.__args__
            return 'typing.Optional[%s]' % _type_repr(b if a is type(None) else a)
        if self._name == 'Tuple' and self.__args__ == ():
            return 'typing.Tuple[()]'
        return 'typing.%s[%s]' % (self._name, ', '.join([_type_repr(a) for a in self.__args__]))

    def __getitem__(self, params):
        if self.__args__ is not None:
            return _Alias(self._name, self.__origin__, _tuple_args(params))
        params = _tuple_args(params)
        if self._nparams >= 0 and len(params) != self._nparams:
            raise TypeError('Too %s arguments for typing.%s; actual %d, expected %d' % (
                'many' if len(params) > self._nparams else 'few', self._name, len(params), self._nparams))
        return _Alias(self._name, self.__origin__, params)

    def __call__(self, *args, **kwargs):
        if self.__origin__ is None or not isinstance(self.__origin__, type):
            raise TypeError('Type %s cannot be instantiated' % self._name)
        if self.__origin__.__module__ == 'builtins':
            raise TypeError('Type %s cannot be instantiated; use %s() instead' % (self._name, self.__origin__.__name__))
        return self.__origin__(*args, **kwargs)

    def __instancecheck__(self, obj):
        if self.__args__ is not None:
            raise TypeError('Subscripted generics cannot be used with class and instance checks')
        return isinstance(obj, self.__origin__)

    def __subclasscheck__(self, cls):
        if self.__args__ is not None:
            raise TypeError('Subscripted generics cannot be used with class and instance checks')
        return issubclass(cls, self.__origin__)

    def __eq__(self, other):
        if not isinstance(other, _Alias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self._name, self.__args__))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _SpecialForm:
    def __init__(self, name, getitem=None):
        self._name = name
        self._getitem = getitem

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        if self._getitem is None:
            raise TypeError('%s is not subscriptable' % self._name)
        return self._getitem(params)

    def __call__(self, *args, **kwargs):
        if self._name == 'Any':
            raise TypeError('Any cannot be instantiated')
        raise TypeError('Cannot instantiate %r' % self)

    def __instancecheck__(self, obj):
        raise TypeError('typing.%s cannot be used with isinstance()' % self._name)


def _union(params):
    params = _tuple_args(params)
    flat = []
    for p in params:
        if isinstance(p, _Alias) and p._name in ('Union', 'Optional') and p.__args__ is not None:
            items = p.__args__
        else:
            items = (p,)
        for q in items:
            if q not in flat:
                flat.append(q)
    if len(flat) == 1:
        return flat[0]
    if len(flat) == 2 and type(None) in flat:
        return _Alias('Optional', None, tuple(flat))
    return _Alias('Union', None, tuple(flat))


def _optional(param):
    return _union((param, type(None)))


def _literal(params):
    return _Alias('Literal', None, params if isinstance(params, tuple) else (params,))


def _passthrough(name):
    def get(param):
        return _Alias(name, None, (param,))
    return get


Any = _SpecialForm('Any')
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
Union = _SpecialForm('Union', _union)
Optional = _SpecialForm('Optional', _optional)
Literal = _SpecialForm('Literal', _literal)
ClassVar = _SpecialForm('ClassVar', _passthrough('ClassVar'))
Final = _SpecialForm('Final', _passthrough('Final'))
Annotated = _SpecialForm('Annotated', lambda params: params[0])
TypeAlias = _SpecialForm('TypeAlias')

List = _Alias('List', list, None, 1)
Dict = _Alias('Dict', dict, None, 2)
Set = _Alias('Set', set, None, 1)
FrozenSet = _Alias('FrozenSet', frozenset, None, 1)
Tuple = _Alias('Tuple', tuple, None)
Type = _Alias('Type', type, None, 1)
Deque = _Alias('Deque', _collections.deque, None, 1)
DefaultDict = _Alias('DefaultDict', _collections.defaultdict, None, 2)
OrderedDict = _Alias('OrderedDict', _collections.OrderedDict, None, 2)
Counter = _Alias('Counter', _collections.Counter, None, 1)
ChainMap = _Alias('ChainMap', _collections.ChainMap, None, 2)
Callable = _Alias('Callable', _abc.Callable, None)
Iterable = _Alias('Iterable', _abc.Iterable, None, 1)
Iterator = _Alias('Iterator', _abc.Iterator, None, 1)
Generator = _Alias('Generator', _abc.Generator, None, 3)
Sequence = _Alias('Sequence', _abc.Sequence, None, 1)
MutableSequence = _Alias('MutableSequence', _abc.MutableSequence, None, 1)
Mapping = _Alias('Mapping', _abc.Mapping, None, 2)
MutableMapping = _Alias('MutableMapping', _abc.MutableMapping, None, 2)
AbstractSet = _Alias('AbstractSet', _abc.Set, None, 1)
MutableSet = _Alias('MutableSet', _abc.MutableSet, None, 1)
Collection = _Alias('Collection', _abc.Collection, None, 1)
Container = _Alias('Container', _abc.Container, None, 1)
Hashable = _Alias('Hashable', _abc.Hashable, None, 0)
Sized = _Alias('Sized', _abc.Sized, None, 0)
Reversible = _Alias('Reversible', _abc.Reversible, None, 1)
KeysView = _Alias('KeysView', _abc.KeysView, None, 1)
ValuesView = _Alias('ValuesView', _abc.ValuesView, None, 1)
ItemsView = _Alias('ItemsView', _abc.ItemsView, None, 2)
Text = str
AnyStr = None


def _callable_repr(self):
    if self.__args__ is None:
        return 'typing.Callable'
    args, result = self.__args__[:-1], self.__args__[-1]
    if len(args) == 1 and args[0] is ...:
        return 'typing.Callable[..., %s]' % _type_repr(result)
    return 'typing.Callable[[%s], %s]' % (', '.join([_type_repr(a) for a in args]), _type_repr(result))


class _CallableAlias(_Alias):
    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError('Callable must be used as Callable[[arg, ...], result].')
        args, result = params
        if args is ...:
            return _CallableAlias('Callable', self.__origin__, (..., result))
        if not isinstance(args, list):
            args = [args]
        return _CallableAlias('Callable', self.__origin__, tuple(args) + (result,))

    __repr__ = _callable_repr


Callable = _CallableAlias('Callable', _abc.Callable, None)


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        if self.__covariant__:
            return '+' + self.__name__
        if self.__contravariant__:
            return '-' + self.__name__
        return '~' + self.__name__

    def __or__(self, other):
        return Union[self, other]


AnyStr = TypeVar('AnyStr', bytes, str)


class Generic:
    __slots__ = ()

    def __class_getitem__(cls, params):
        if cls is Generic or cls is Protocol:
            return cls
        return _Alias(cls.__qualname__, cls, _tuple_args(params))


class Protocol(Generic):
    __slots__ = ()


def runtime_checkable(cls):
    return cls


def cast(typ, val):
    return val


def overload(func):
    def _overload_dummy(*args, **kwds):
        raise NotImplementedError('You should not call an overloaded function. A series of @overload-decorated functions outside a stub module should always be followed by an implementation that is not @overload-ed.')
    return _overload_dummy


def final(f):
    return f


def no_type_check(f):
    return f


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            hints.update(getattr(base, '__annotations__', None) or {})
        return hints
    return dict(getattr(obj, '__annotations__', None) or {})


def get_origin(tp):
    return getattr(tp, '__origin__', None)


def get_args(tp):
    args = getattr(tp, '__args__', None)
    return tuple(args) if args else ()


def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    new_type.__supertype__ = tp
    return new_type


def _make_namedtuple(name, fields, defaults, module):
    names = [f for f, _ in fields]
    nt = _collections.namedtuple(name, names, defaults=defaults, module=module)
    nt.__annotations__ = dict(fields)
    return nt


class NamedTuple(tuple):
    def __new__(cls, typename=None, fields=None, /, **kwargs):
        if cls is not NamedTuple:
            return tuple.__new__(cls, ())
        if fields is None:
            fields = list(kwargs.items())
        try:
            module = _sys._getframe(1).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            module = '__main__'
        return _make_namedtuple(typename, list(fields), None, module)

    def __init_subclass__(cls, **kwargs):
        ann = cls.__dict__.get('__annotations__', {})
        names = list(ann)
        defaults = []
        for n in names:
            if n in cls.__dict__:
                defaults.append(cls.__dict__[n])
            elif defaults:
                raise TypeError('Non-default namedtuple field %s cannot follow default field%s %s' % (
                    n, 's' if len(defaults) > 1 else '', ', '.join(names[:len(defaults)])))
        nt = _collections.namedtuple(cls.__name__, names, defaults=defaults, module=cls.__module__)
        for key in ('_fields', '_field_defaults', '__new__', '_make', '_replace', '__repr__', '_asdict',
                    '__getnewargs__', '__match_args__') + tuple(names):
            setattr(cls, key, nt.__dict__[key])


class _TypedDictMeta(type):
    # A TypedDict class is a dict subclass that records its keys; calling it makes a plain dict.
    def __new__(cls, name, bases, ns, total=True):
        tp = type.__new__(_TypedDictMeta, name, (dict,), ns)
        annotations = {}
        required = set()
        optional = set()
        for base in bases:
            if isinstance(base, _TypedDictMeta):
                annotations.update(base.__dict__.get('__annotations__', {}))
                required.update(base.__dict__.get('__required_keys__', ()))
                optional.update(base.__dict__.get('__optional_keys__', ()))
        own = ns.get('__annotations__', {})
        annotations.update(own)
        (required if total else optional).update(own)
        tp.__annotations__ = annotations
        tp.__required_keys__ = frozenset(required)
        tp.__optional_keys__ = frozenset(optional)
        if '__total__' not in ns:
            tp.__total__ = total
        return tp

    def __call__(cls, *args, **kwargs):
        return dict(*args, **kwargs)

    def __subclasscheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class checks')

    __instancecheck__ = __subclasscheck__


def TypedDict(typename, fields=None, /, *, total=True, **kwargs):
    if fields is None:
        fields = kwargs
    return _TypedDictMeta(typename, (), {'__annotations__': dict(fields)}, total=total)


_TypedDict = type.__new__(_TypedDictMeta, 'TypedDict', (), {})
TypedDict.__mro_entries__ = lambda bases: (_TypedDict,)
`);
