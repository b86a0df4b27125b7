/**
 * `dataclasses` in guest Python, written for htmsim: `dataclass` (init, repr, eq, order, frozen,
 * unsafe_hash, kw_only), `field`, `fields`, `asdict`, `astuple`, `replace`, `is_dataclass`,
 * `FrozenInstanceError`, `MISSING`, `InitVar`/`ClassVar` by annotation. The generated methods are
 * closures over the field list (CPython compiles source text with exec; the behaviour and the
 * messages are the same).
 */
import { pythonModule } from './kit.js';

export const dataclasses = pythonModule('dataclasses', String.raw`
import copy as _copy


class _MissingType:
    def __repr__(self):
        return 'MISSING'


MISSING = _MissingType()


class _KwOnlyType:
    pass


KW_ONLY = _KwOnlyType()


class FrozenInstanceError(AttributeError):
    pass


class InitVar:
    def __init__(self, type):
        self.type = type

    def __class_getitem__(cls, type):
        return InitVar(type)


_FIELD = 'field'
_FIELD_CLASSVAR = 'classvar'
_FIELD_INITVAR = 'initvar'


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field(name=%r,type=%r,default=%r,default_factory=%r,init=%r,repr=%r,hash=%r,'
                'compare=%r,metadata=%r,kw_only=%r,_field_type=%s)' % (
                    self.name, self.type, self.default, self.default_factory, self.init, self.repr,
                    self.hash, self.compare, self.metadata, self.kw_only, self._field_type))


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True,
          metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(tp):
    if isinstance(tp, str):
        return tp.startswith('ClassVar') or tp.startswith('typing.ClassVar')
    return getattr(tp, '_name', None) == 'ClassVar' or repr(tp).startswith('typing.ClassVar')


def _is_initvar(tp):
    if isinstance(tp, str):
        return tp.startswith('InitVar') or tp.startswith('dataclasses.InitVar')
    return tp is InitVar or isinstance(tp, InitVar)


def _is_kw_only(tp):
    return tp is KW_ONLY or (isinstance(tp, str) and tp in ('KW_ONLY', 'dataclasses.KW_ONLY'))


def _get_field(cls, name, tp, kw_only):
    default = cls.__dict__.get(name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = name
    f.type = tp
    f._field_type = _FIELD
    if _is_classvar(tp):
        f._field_type = _FIELD_CLASSVAR
    elif _is_initvar(tp):
        f._field_type = _FIELD_INITVAR
    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR) and f.default_factory is not MISSING:
        raise TypeError('field %s cannot have a default factory' % (name,))
    if f._field_type == _FIELD:
        if f.kw_only is MISSING:
            f.kw_only = kw_only
        if f.default is not MISSING and type(f.default) in (list, dict, set):
            raise ValueError('mutable default %s for field %s is not allowed: use default_factory'
                             % (type(f.default), name))
    elif f.kw_only is MISSING:
        f.kw_only = False
    return f


def _tuple_of(obj, flds):
    return tuple(getattr(obj, f.name) for f in flds)


def _check_missing(qual, flds, values, kind):
    missing = ["'%s'" % f.name for f in flds if f.name not in values
               and f.default is MISSING and f.default_factory is MISSING]
    if missing:
        q = missing
        text = q[0] if len(q) == 1 else (' and '.join(q) if len(q) == 2 else ', '.join(q[:-1]) + ', and ' + q[-1])
        raise TypeError('%s() missing %d required %s argument%s: %s'
                        % (qual, len(q), kind, '' if len(q) == 1 else 's', text))


def _make_init(cls, flds, frozen, has_post_init):
    init_fields = [f for f in flds if f.init and f._field_type in (_FIELD, _FIELD_INITVAR)]
    pos = [f for f in init_fields if not f.kw_only]
    kwo = [f for f in init_fields if f.kw_only]
    seen_default = False
    for f in pos:
        if f.default is not MISSING or f.default_factory is not MISSING:
            seen_default = True
        elif seen_default:
            raise TypeError('non-default argument %r follows default argument' % (f.name,))
    names = [f.name for f in pos]
    qual = cls.__qualname__ + '.__init__'

    def __init__(self, *args, **kwargs):
        if len(args) > len(pos):
            raise TypeError('%s() takes %d positional argument%s but %d were given'
                            % (qual, len(pos) + 1, '' if len(pos) == 0 else 's', len(args) + 1))
        values = {}
        for f, a in zip(pos, args):
            values[f.name] = a
        for k, v in kwargs.items():
            if k in values:
                raise TypeError("%s() got multiple values for argument '%s'" % (qual, k))
            if not any(f.name == k for f in init_fields):
                raise TypeError("%s() got an unexpected keyword argument '%s'" % (qual, k))
            values[k] = v
        _check_missing(qual, pos, values, 'positional')
        _check_missing(qual, kwo, values, 'keyword-only')
        initvars = []
        for f in flds:
            if f._field_type == _FIELD:
                if f.name in values:
                    v = values[f.name]
                elif f.default_factory is not MISSING:
                    v = f.default_factory()
                elif f.default is not MISSING and f.init:
                    v = f.default
                elif not f.init and f.default is not MISSING:
                    v = f.default
                else:
                    continue
                if frozen:
                    object.__setattr__(self, f.name, v)
                else:
                    setattr(self, f.name, v)
            elif f._field_type == _FIELD_INITVAR:
                initvars.append(values[f.name] if f.name in values else f.default)
        if has_post_init:
            self.__post_init__(*initvars)

    __init__.__qualname__ = qual
    return __init__


def _make_repr(cls, flds):
    shown = [f for f in flds if f._field_type == _FIELD and f.repr]
    active = set()

    def __repr__(self):
        key = id(self)
        if key in active:
            return '...'
        active.add(key)
        try:
            body = ', '.join('%s=%r' % (f.name, getattr(self, f.name)) for f in shown)
        finally:
            active.discard(key)
        return '%s(%s)' % (type(self).__qualname__, body)

    __repr__.__qualname__ = cls.__qualname__ + '.__repr__'
    return __repr__


def _cmp_fields(flds):
    return [f for f in flds if f._field_type == _FIELD and f.compare]


def _make_eq(cls, flds):
    cf = _cmp_fields(flds)

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return _tuple_of(self, cf) == _tuple_of(other, cf)
        return NotImplemented

    return __eq__


def _make_order(cls, flds, op):
    cf = _cmp_fields(flds)

    def compare(self, other):
        if other.__class__ is self.__class__:
            a, b = _tuple_of(self, cf), _tuple_of(other, cf)
            if op == '<':
                return a < b
            if op == '<=':
                return a <= b
            if op == '>':
                return a > b
            return a >= b
        return NotImplemented

    return compare


def _make_hash(flds):
    hf = [f for f in flds if f._field_type == _FIELD and (f.compare if f.hash is None else f.hash)]

    def __hash__(self):
        return hash(_tuple_of(self, hf))

    return __hash__


def _frozen_setattr(cls, names):
    def __setattr__(self, name, value):
        if type(self) is cls or name in names:
            raise FrozenInstanceError("cannot assign to field '%s'" % (name,))
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in names:
            raise FrozenInstanceError("cannot delete field '%s'" % (name,))
        super(cls, self).__delattr__(name)

    return __setattr__, __delattr__


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots):
    flds = {}
    for b in cls.__mro__[-1:0:-1]:
        base_fields = b.__dict__.get('__dataclass_fields__')
        if base_fields is not None:
            for f in base_fields.values():
                flds[f.name] = f
    ann = cls.__dict__.get('__annotations__', {})
    own = []
    kw = kw_only
    for name, tp in ann.items():
        if _is_kw_only(tp):
            kw = True
            continue
        own.append(_get_field(cls, name, tp, kw))
    for f in own:
        flds[f.name] = f
        if isinstance(cls.__dict__.get(f.name), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in ann:
            raise TypeError('%r is a field but has no type annotation' % (name,))
    cls.__dataclass_fields__ = flds
    cls.__dataclass_params__ = (init, repr, eq, order, unsafe_hash, frozen)
    all_fields = list(flds.values())
    fl = [f for f in all_fields if f._field_type == _FIELD]
    if init:
        cls.__init__ = _make_init(cls, all_fields, frozen, hasattr(cls, '__post_init__'))
    if repr and '__repr__' not in cls.__dict__:
        cls.__repr__ = _make_repr(cls, all_fields)
    if eq and '__eq__' not in cls.__dict__:
        cls.__eq__ = _make_eq(cls, all_fields)
    if order:
        for name, op in (('__lt__', '<'), ('__le__', '<='), ('__gt__', '>'), ('__ge__', '>=')):
            if name in cls.__dict__:
                raise TypeError('Cannot overwrite attribute %s in class %s. Consider using functools.total_ordering'
                                % (name, cls.__name__))
            setattr(cls, name, _make_order(cls, all_fields, op))
    if frozen:
        for name in ('__setattr__', '__delattr__'):
            if name in cls.__dict__:
                raise TypeError('Cannot overwrite attribute %s in class %s' % (name, cls.__name__))
        sa, da = _frozen_setattr(cls, {f.name for f in fl})
        cls.__setattr__ = sa
        cls.__delattr__ = da
    has_own_hash = '__hash__' in cls.__dict__ and cls.__dict__['__hash__'] is not None
    if unsafe_hash:
        if has_own_hash:
            raise TypeError('Cannot overwrite attribute __hash__ in class %s' % (cls.__name__,))
        cls.__hash__ = _make_hash(all_fields)
    elif eq and frozen:
        cls.__hash__ = _make_hash(all_fields)
    elif eq and not has_own_hash:
        cls.__hash__ = None
    if match_args and '__match_args__' not in cls.__dict__:
        cls.__match_args__ = tuple(f.name for f in all_fields if f.init and f._field_type == _FIELD and not f.kw_only)
    if slots:
        cls = _add_slots(cls)
    return cls


def _add_slots(cls):
    # slots=True: the class made again with __slots__ for its fields (a class's slots are fixed
    # when it is created), without the class-level defaults that would shadow them.
    ns = dict(cls.__dict__)
    names = tuple(f.name for f in cls.__dataclass_fields__.values() if f._field_type == _FIELD)
    inherited = set()
    for b in cls.__mro__[1:-1]:
        inherited.update(b.__dict__.get('__slots__', ()))
    ns['__slots__'] = tuple(n for n in names if n not in inherited)
    for n in names:
        ns.pop(n, None)
    ns.pop('__dict__', None)
    ns.pop('__weakref__', None)
    qualname = getattr(cls, '__qualname__', None)
    new = type(cls)(cls.__name__, cls.__bases__, ns)
    if qualname is not None:
        new.__qualname__ = qualname
    return new


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False,
              match_args=True, kw_only=False, slots=False, weakref_slot=False):
    def wrap(cls):
        if order and not eq:
            raise ValueError('eq must be true if order is true')
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots)

    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    try:
        flds = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in flds.values() if f._field_type == _FIELD)


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields__')


def _is_dataclass_instance(obj):
    return hasattr(type(obj), '__dataclass_fields__')


def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory)) for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory)) for k, v in obj.items())
    return _copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory) for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory)) for k, v in obj.items())
    return _copy.deepcopy(obj)


def replace(obj, /, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in obj.__dataclass_fields__.values():
        if f._field_type == _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError('field %s is declared with init=False, it cannot be specified with replace()' % (f.name,))
            continue
        if f.name not in changes:
            if f._field_type == _FIELD_INITVAR and f.default is MISSING:
                raise ValueError("InitVar %r must be specified with replace()" % (f.name,))
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
`);
