/**
 * `typing` in guest Python: what annotations in real programs import. Special forms and generic
 * aliases subscript (`List[int]`, `Optional[str]`, `Callable[[int], str]`) into alias objects with
 * CPython's reprs that call and `isinstance`-check as their origin; `TypeVar`, `Generic`,
 * `Protocol` (runtime-checkable structural checks as CPython's `_ProtocolMeta`), the `Supports*` protocols, `NamedTuple` (functional form, and the class form once
 * class bodies record `__annotations__`), `cast`, `overload`, `TYPE_CHECKING`, `get_type_hints`.
 */
import { pythonModule } from './kit.js';

export const typing = pythonModule('typing', String.raw`
import abc as _abcmod
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

    def __getattr__(self, attr):
        # As CPython's generic aliases: the alias's name, and the origin's non-dunder attributes.
        if attr in ('__name__', '__qualname__'):
            return self._name or self.__origin__.__name__
        origin = self.__dict__.get('__origin__')
        if origin is not None and not (attr.startswith('__') and attr.endswith('__')):
            return getattr(origin, attr)
        raise AttributeError(attr)


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


_PROTO_EXCLUDED = frozenset([
    '__parameters__', '__orig_bases__', '__orig_class__', '_is_protocol', '_is_runtime_protocol',
    '__abstractmethods__', '__annotations__', '__dict__', '__doc__', '__init__', '__module__',
    '__new__', '__slots__', '__subclasshook__', '__weakref__', '__class_getitem__', '__qualname__',
    '__init_subclass__'])


def _get_protocol_attrs(cls):
    attrs = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ in ('Protocol', 'Generic'):
            continue
        annotations = base.__dict__.get('__annotations__', {})
        for attr in list(base.__dict__.keys()) + list(annotations.keys()):
            if not attr.startswith('_abc_') and attr not in _PROTO_EXCLUDED:
                attrs.add(attr)
    return attrs


def _is_callable_members_only(cls):
    return all(callable(getattr(cls, attr, None)) for attr in _get_protocol_attrs(cls))


def _reckless(depth):
    # CPython lets abc and functools probe any protocol (their walks over subclasses must not raise).
    try:
        return _sys._getframe(depth).f_globals.get('__name__') in ('abc', 'functools')
    except (AttributeError, ValueError):
        return True


def _no_init_or_replace_init(self, *args, **kwargs):
    cls = type(self)
    if cls._is_protocol:
        raise TypeError('Protocols cannot be instantiated')
    if cls.__init__ is not _no_init_or_replace_init:
        return
    for base in cls.__mro__:
        init = base.__dict__.get('__init__', _no_init_or_replace_init)
        if init is not _no_init_or_replace_init:
            cls.__init__ = init
            break
    else:
        cls.__init__ = object.__init__
    cls.__init__(self, *args, **kwargs)


class _ProtocolMeta(_abcmod.ABCMeta):
    def __instancecheck__(cls, instance):
        if (getattr(cls, '_is_protocol', False) and not getattr(cls, '_is_runtime_protocol', False)
                and not _reckless(2)):
            raise TypeError('Instance and class checks can only be used with @runtime_checkable protocols')
        if ((not getattr(cls, '_is_protocol', False) or _is_callable_members_only(cls))
                and issubclass(instance.__class__, cls)):
            return True
        if cls._is_protocol:
            if all(hasattr(instance, attr) and
                   (not callable(getattr(cls, attr, None)) or getattr(instance, attr) is not None)
                   for attr in _get_protocol_attrs(cls)):
                return True
        return super().__instancecheck__(instance)


class Protocol(Generic, metaclass=_ProtocolMeta):
    __slots__ = ()
    _is_protocol = True
    _is_runtime_protocol = False

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get('_is_protocol', False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)

        def _proto_hook(other):
            if not cls.__dict__.get('_is_protocol', False):
                return NotImplemented
            if not getattr(cls, '_is_runtime_protocol', False):
                if _reckless(3):
                    return NotImplemented
                raise TypeError('Instance and class checks can only be used with @runtime_checkable protocols')
            if not _is_callable_members_only(cls):
                if _reckless(3):
                    return NotImplemented
                raise TypeError("Protocols with non-method members don't support issubclass()")
            if not isinstance(other, type):
                raise TypeError('issubclass() arg 1 must be a class')
            for attr in _get_protocol_attrs(cls):
                for base in other.__mro__:
                    if attr in base.__dict__:
                        if base.__dict__[attr] is None:
                            return NotImplemented
                        break
                    annotations = getattr(base, '__annotations__', {})
                    if (isinstance(annotations, _abc.Mapping) and attr in annotations
                            and issubclass(other, Generic) and getattr(other, '_is_protocol', False)):
                        break
                else:
                    return NotImplemented
            return True

        if '__subclasshook__' not in cls.__dict__:
            cls.__subclasshook__ = _proto_hook
        if not cls._is_protocol:
            return
        for base in cls.__bases__:
            if not (base in (object, Generic) or base.__module__ == 'collections.abc'
                    or issubclass(base, Generic) and getattr(base, '_is_protocol', False)):
                raise TypeError('Protocols can only inherit from other protocols, got %r' % base)
        if cls.__init__ is Protocol.__init__:
            cls.__init__ = _no_init_or_replace_init


def runtime_checkable(cls):
    if not issubclass(cls, Generic) or not getattr(cls, '_is_protocol', False):
        raise TypeError('@runtime_checkable can be only applied to protocol classes, got %r' % cls)
    cls._is_runtime_protocol = True
    return cls


T_co = TypeVar('T_co', covariant=True)


@runtime_checkable
class SupportsInt(Protocol):
    __slots__ = ()

    @_abcmod.abstractmethod
    def __int__(self) -> int:
        pass


@runtime_checkable
class SupportsFloat(Protocol):
    __slots__ = ()

    @_abcmod.abstractmethod
    def __float__(self) -> float:
        pass


@runtime_checkable
class SupportsComplex(Protocol):
    __slots__ = ()

    @_abcmod.abstractmethod
    def __complex__(self) -> complex:
        pass


@runtime_checkable
class SupportsBytes(Protocol):
    __slots__ = ()

    @_abcmod.abstractmethod
    def __bytes__(self) -> bytes:
        pass


@runtime_checkable
class SupportsIndex(Protocol):
    __slots__ = ()

    @_abcmod.abstractmethod
    def __index__(self) -> int:
        pass


@runtime_checkable
class SupportsAbs(Protocol[T_co]):
    __slots__ = ()

    @_abcmod.abstractmethod
    def __abs__(self):
        pass


@runtime_checkable
class SupportsRound(Protocol[T_co]):
    __slots__ = ()

    @_abcmod.abstractmethod
    def __round__(self, ndigits=0):
        pass


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
