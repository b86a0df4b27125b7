/**
 * `enum` in guest Python, written for htmsim: `Enum`, `IntEnum`, `StrEnum`, `Flag`, `IntFlag`,
 * `auto`, `unique`, the `EnumType` metaclass (`EnumMeta`), with 3.11's repr/str/format.
 * `IntEnum`/`IntFlag`/`StrEnum` members are not instances of `int`/`str` here (the VM's ints and
 * strs are host values without subclasses): they compare, hash, format and compute as their value.
 */
import { pythonModule } from './kit.js';

export const enumModule = pythonModule('enum', String.raw`
_auto_null = object()


class auto:
    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return 'auto(%r)' % (self.value,) if self.value is not _auto_null else 'auto()'


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == '__' and name[2] != '_' and name[-3] != '_'


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == '_' and name[1] != '_' and name[-2] != '_'


def _is_descriptor(obj):
    return (hasattr(obj, '__get__') or hasattr(obj, '__set__') or hasattr(obj, '__delete__')
            or isinstance(obj, (type(lambda: 0), staticmethod, classmethod, property)))


def _flag_bits(value):
    bits = []
    bit = 1
    while bit <= value:
        if value & bit:
            bits.append(bit)
        bit <<= 1
    return bits


_DATA_TYPES = (str, int, float)


def _find_data_type(bases):
    # A data type mixed into an enum (class Color(str, Enum), IntEnum): members are instances of it.
    for base in bases:
        for c in base.__mro__:
            if c in _DATA_TYPES:
                return c
    return object


class EnumType(type):
    def __new__(metacls, cls, bases, classdict, boundary=None, **kwds):
        member_type = _find_data_type(bases)
        members = []
        body = {}
        for key, value in classdict.items():
            if _is_dunder(key) or _is_sunder(key) or _is_descriptor(value) or key.startswith('_' + cls + '__'):
                body[key] = value
            else:
                members.append((key, value))
        for base in bases:
            if isinstance(base, EnumType) and base._member_names_:
                raise TypeError('%s: cannot extend %r' % (cls, base))
        enum_class = super().__new__(metacls, cls, bases, body, **kwds)
        type.__setattr__(enum_class, '_member_type_', member_type)
        if member_type is not object and 'Enum' in globals():
            _fix_mixin_methods(enum_class, bases, body, member_type)
        type.__setattr__(enum_class, '_member_names_', [])
        type.__setattr__(enum_class, '_member_map_', {})
        type.__setattr__(enum_class, '_value2member_map_', {})
        is_flag = any(issubclass(b, Flag) for b in bases if isinstance(b, EnumType)) if 'Flag' in globals() else False
        type.__setattr__(enum_class, '_is_flag_', is_flag)
        last_values = []
        for name, value in members:
            if isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = enum_class._generate_next_value_(name, 1, len(last_values), last_values[:])
                value = value.value
            last_values.append(value)
            enum_class._add_member_(name, value)
        if is_flag:
            all_bits = 0
            for m in enum_class._member_map_.values():
                all_bits |= m._value_
            type.__setattr__(enum_class, '_flag_mask_', all_bits)
        return enum_class

    def _new_plain_member_(cls, args):
        if cls._member_type_ is object:
            return object.__new__(cls)
        return cls._member_type_.__new__(cls, *args)

    def _add_member_(cls, name, value):
        args = value if isinstance(value, tuple) else (value,)
        new = cls.__dict__.get('__new__')
        if new is not None:
            member = new(cls, *args)
            if not hasattr(member, '_value_'):
                member._value_ = value
        else:
            member = cls._new_plain_member_(args)
            member._value_ = value if cls._member_type_ is object else cls._member_type_(*args)
        member._name_ = name
        init = getattr(cls, '__init__', None)
        if init is not None and init is not object.__init__ and '__init__' in _user_defined(cls):
            init(member, *args)
        value = member._value_
        canonical = cls._value2member_map_.get(value)
        if canonical is not None:
            member = canonical
        else:
            cls._value2member_map_[value] = member
            if not cls._is_flag_ or _is_single_bit(value):
                cls._member_names_.append(name)
        cls._member_map_[name] = member
        type.__setattr__(cls, name, member)

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1, boundary=None):
        if names is None:
            return cls.__new_member__(value)
        return cls._create_(value, names, module=module, start=start)

    def __new_member__(cls, value):
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is None:
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        raise TypeError('error in %s._missing_: returned %r instead of None or a valid member' % (cls.__name__, result))

    def _create_(cls, class_name, names, module=None, start=1):
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        items = []
        if isinstance(names, dict):
            items = list(names.items())
        else:
            last = []
            for i, item in enumerate(names):
                if isinstance(item, str):
                    v = cls._generate_next_value_(item, start, i, last[:])
                    items.append((item, v))
                    last.append(v)
                else:
                    items.append(tuple(item))
        ns = {'__module__': module if module is not None else '__main__', '__qualname__': class_name}
        for k, v in items:
            ns[k] = v
        return EnumType.__new__(EnumType, class_name, (cls,), ns)

    def __contains__(cls, member):
        if isinstance(member, Enum):
            return isinstance(member, cls) and member._name_ in cls._member_map_
        return member in cls._value2member_map_

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __bool__(cls):
        return True

    def __repr__(cls):
        if cls._is_flag_ or Flag in cls.__mro__ if 'Flag' in globals() else False:
            return "<flag '%s'>" % cls.__name__
        return "<enum '%s'>" % cls.__name__

    @property
    def __members__(cls):
        return dict(cls._member_map_)

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get('_member_map_', {}):
            raise AttributeError('cannot reassign member %r' % (name,))
        type.__setattr__(cls, name, value)

    def __delattr__(cls, name):
        if name in cls._member_map_:
            raise AttributeError('cannot delete member %r' % (name,))
        type.__delattr__(cls, name)


EnumMeta = EnumType


def _fix_mixin_methods(enum_class, bases, classdict, member_type):
    # As CPython's EnumType: the data type's repr/str/format must not hide the enum's, except that
    # a ReprEnum (IntEnum, StrEnum, IntFlag) shows str() and format() as its value does.
    first_enum = [b for b in bases if isinstance(b, EnumType)][-1]
    if ReprEnum in bases:
        if '__format__' not in classdict:
            type.__setattr__(enum_class, '__format__', member_type.__format__)
            classdict['__format__'] = member_type.__format__
        if '__str__' not in classdict:
            # int and float have no str() of their own (object's calls repr()).
            method = member_type.__str__ if member_type is str else member_type.__repr__
            type.__setattr__(enum_class, '__str__', method)
            classdict['__str__'] = method
    for name in ('__repr__', '__str__', '__format__', '__reduce_ex__'):
        if name not in classdict:
            found = getattr(enum_class, name)
            if found is getattr(member_type, name) or found is getattr(object, name):
                type.__setattr__(enum_class, name, getattr(first_enum, name))


def _user_defined(cls):
    names = set()
    for c in cls.__mro__:
        if c in _BUILTIN_ENUMS or c is object:
            break
        names.update(c.__dict__)
    return names


def _is_single_bit(v):
    return isinstance(v, int) and v > 0 and v & (v - 1) == 0


_BUILTIN_ENUMS = ()


class Enum(metaclass=EnumType):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        for v in reversed(last_values):
            try:
                return v + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        return '<%s.%s: %r>' % (type(self).__name__, self._name_, self._value_)

    def __str__(self):
        return '%s.%s' % (type(self).__name__, self._name_)

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return (type(self), (self._value_,))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __dir__(self):
        return ['__class__', '__doc__', '__module__', 'name', 'value']


class ReprEnum(Enum):
    """Members' str() and format() are their value's (IntEnum, StrEnum, IntFlag)."""

    def __str__(self):
        return str(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)


class IntEnum(int, ReprEnum):
    pass


class StrEnum(str, ReprEnum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()



class Flag(Enum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        high = max(last_values)
        return 1 << high.bit_length()

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            return None
        if value < 0:
            value = cls._flag_mask_ + 1 + value
        unknown = value & ~cls._flag_mask_
        if unknown and not issubclass(cls, int):
            return None
        # IntFlag keeps bits no member names (CPython's KEEP boundary), shown as a number.
        member = cls._new_plain_member_((value,))
        member._value_ = value
        names = [m._name_ for m in cls if m._value_ & value]
        if unknown:
            names.append(repr(unknown))
        member._name_ = '|'.join(names) if names else None
        return cls._value2member_map_.setdefault(value, member)

    def __iter__(self):
        return (m for m in type(self) if m._value_ & self._value_)

    def __len__(self):
        return len(_flag_bits(self._value_))

    def __contains__(self, other):
        if not isinstance(other, type(self)):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r" % (type(other).__qualname__, type(self).__qualname__))
        return other._value_ & self._value_ == other._value_

    def __bool__(self):
        return bool(self._value_)

    def _operand(self, other):
        # The other flag's value; a plain int only for IntFlag; None: NotImplemented.
        if isinstance(other, type(self)):
            return other._value_
        if isinstance(other, int) and issubclass(type(self), int):
            return other
        return None

    def __or__(self, other):
        v = self._operand(other)
        return NotImplemented if v is None else type(self)(self._value_ | v)

    def __and__(self, other):
        v = self._operand(other)
        return NotImplemented if v is None else type(self)(self._value_ & v)

    def __xor__(self, other):
        v = self._operand(other)
        return NotImplemented if v is None else type(self)(self._value_ ^ v)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        cls = type(self)
        if issubclass(cls, int):
            # KEEP boundary: inverted within all the bits up to the highest member's.
            return cls((2 ** cls._flag_mask_.bit_length() - 1) ^ self._value_)
        return cls(cls._flag_mask_ ^ self._value_)

    def __repr__(self):
        if self._name_ is None:
            return '<%s: %r>' % (type(self).__name__, self._value_)
        return '<%s.%s: %r>' % (type(self).__name__, self._name_, self._value_)

    def __str__(self):
        if self._name_ is None:
            return '%s(%r)' % (type(self).__name__, self._value_)
        return '%s.%s' % (type(self).__name__, self._name_)


class IntFlag(int, ReprEnum, Flag):
    def __str__(self):
        return str(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)

    __or__ = Flag.__or__
    __and__ = Flag.__and__
    __xor__ = Flag.__xor__
    __ror__ = Flag.__or__
    __rand__ = Flag.__and__
    __rxor__ = Flag.__xor__
    __invert__ = Flag.__invert__
    __repr__ = Flag.__repr__
    __iter__ = Flag.__iter__
    __contains__ = Flag.__contains__
    __len__ = Flag.__len__


_BUILTIN_ENUMS = (Enum, ReprEnum, IntEnum, StrEnum, Flag, IntFlag)


def unique(enumeration):
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ', '.join(['%s -> %s' % (alias, name) for (alias, name) in duplicates])
        raise ValueError('duplicate values found in %r: %s' % (enumeration, alias_details))
    return enumeration
`);
