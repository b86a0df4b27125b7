/**
 * `collections` in guest Python: deque (a ring buffer in a guest list, with maxlen), defaultdict, OrderedDict (move_to_end,
 * popitem(last)), Counter (most_common, arithmetic), namedtuple (a tuple subclass built with
 * type()), ChainMap.
 */
import { pythonModule } from './kit.js';

export const collections = pythonModule('collections', String.raw`
import sys as _sys
from operator import itemgetter as _itemgetter

_KEYWORDS = frozenset([
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class',
    'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global',
    'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
    'return', 'try', 'while', 'with', 'yield'])


################################################################ deque

class deque:
    """A ring buffer: _buf holds _len items from _head (wrapping), its length a power of two."""

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError('an integer is required')
            if maxlen < 0:
                raise ValueError('maxlen must be non-negative')
        self._maxlen = maxlen
        self._buf = [None] * 8
        self._head = 0
        self._len = 0
        self._state = 0
        if iterable is not ():
            self.extend(iterable)

    @property
    def maxlen(self):
        return self._maxlen

    def __reduce__(self):
        # As CPython's deque: no items in the arguments (they follow as list items), the
        # attributes of a subclass instance as its state.
        state = {k: v for k, v in vars(self).items() if k not in ('_maxlen', '_buf', '_head', '_len', '_state')}
        args = () if self._maxlen is None else ((), self._maxlen)
        return type(self), args, state or None, iter(self)

    def _grow(self):
        buf = self._buf
        n = len(buf)
        h = self._head
        self._buf = buf[h:] + buf[:h] + [None] * n
        self._head = 0

    def _room(self, evict):
        # Room for one more item: a full bounded deque drops one from the other end first.
        # False when maxlen is 0 (the item is dropped).
        self._state += 1
        if self._maxlen is not None and self._len >= self._maxlen:
            if self._maxlen == 0:
                return False
            evict()
        if self._len == len(self._buf):
            self._grow()
        return True

    def append(self, x):
        if not self._room(self.popleft):
            return
        self._buf[(self._head + self._len) & (len(self._buf) - 1)] = x
        self._len += 1

    def appendleft(self, x):
        if not self._room(self.pop):
            return
        self._head = (self._head - 1) & (len(self._buf) - 1)
        self._buf[self._head] = x
        self._len += 1

    def pop(self):
        if not self._len:
            raise IndexError('pop from an empty deque')
        self._state += 1
        self._len -= 1
        i = (self._head + self._len) & (len(self._buf) - 1)
        x = self._buf[i]
        self._buf[i] = None
        return x

    def popleft(self):
        if not self._len:
            raise IndexError('pop from an empty deque')
        self._state += 1
        x = self._buf[self._head]
        self._buf[self._head] = None
        self._head = (self._head + 1) & (len(self._buf) - 1)
        self._len -= 1
        return x

    def extend(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.appendleft(x)

    def clear(self):
        self._state += 1
        self._buf = [None] * 8
        self._head = 0
        self._len = 0

    def copy(self):
        return type(self)(self, self._maxlen)

    __copy__ = copy

    def count(self, x):
        return sum([1 for y in self if y is x or y == x])

    def _index(self, i):
        if not isinstance(i, int):
            raise TypeError('sequence index must be integer, not ' + repr(type(i).__name__))
        if i < 0:
            i += self._len
        if i < 0 or i >= self._len:
            raise IndexError('deque index out of range')
        return (self._head + i) & (len(self._buf) - 1)

    def __getitem__(self, i):
        return self._buf[self._index(i)]

    def __setitem__(self, i, x):
        self._buf[self._index(i)] = x

    def __delitem__(self, i):
        self._index(i)
        if i < 0:
            i += self._len
        self.rotate(-i)
        self.popleft()
        self.rotate(i)

    def index(self, x, start=0, stop=None):
        n = self._len
        if stop is None or stop > n:
            stop = n
        if start < 0:
            start = max(0, start + n)
        if stop < 0:
            stop += n
        for i in range(start, stop):
            y = self[i]
            if y is x or y == x:
                return i
        raise ValueError(repr(x) + ' is not in deque')

    def insert(self, i, x):
        n = self._len
        if self._maxlen is not None and n >= self._maxlen:
            raise IndexError('deque already at its maximum size')
        if i < 0:
            i = max(0, i + n)
        if i > n:
            i = n
        self.rotate(-i)
        self.appendleft(x)
        self.rotate(i)

    def remove(self, x):
        for i in range(self._len):
            y = self[i]
            if y is x or y == x:
                del self[i]
                return
        raise ValueError(repr(x) + ' is not in deque')

    def reverse(self):
        items = list(self)
        self.clear()
        for x in reversed(items):
            self.append(x)

    def rotate(self, n=1):
        k = self._len
        if k <= 1:
            return
        n %= k
        for _ in range(n):
            self.appendleft(self.pop())

    def __len__(self):
        return self._len

    def __bool__(self):
        return self._len > 0

    def __iter__(self):
        state = self._state
        buf = self._buf
        mask = len(buf) - 1
        head = self._head
        for i in range(self._len):
            if self._state != state:
                raise RuntimeError('deque mutated during iteration')
            yield buf[(head + i) & mask]
        if self._state != state:
            raise RuntimeError('deque mutated during iteration')

    def __reversed__(self):
        for i in range(self._len - 1, -1, -1):
            yield self[i]

    def __contains__(self, x):
        for y in self:
            if y is x or y == x:
                return True
        return False

    def __eq__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return list(self) == list(other)

    def __ne__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return list(self) != list(other)

    def __lt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return list(self) < list(other)

    def __le__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return list(self) <= list(other)

    def __gt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return list(self) > list(other)

    def __ge__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return list(self) >= list(other)

    def __hash__(self):
        raise TypeError("unhashable type: 'collections.deque'")

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "%s") to deque' % type(other).__name__)
        r = type(self)(self, self._maxlen)
        r.extend(other)
        return r

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        r = type(self)((), self._maxlen)
        items = list(self)
        for _ in range(n):
            r.extend(items)
        return r

    def __repr__(self):
        name = type(self).__name__
        if self._maxlen is None:
            return '%s(%r)' % (name, list(self))
        return '%s(%r, maxlen=%d)' % (name, list(self), self._maxlen)


################################################################ defaultdict

def _fromkeys(cls, iterable, value=None):
    # dict.fromkeys for the subclasses here: an instance of the subclass, filled through __setitem__.
    self = cls()
    for key in iterable:
        self[key] = value
    return self


class defaultdict(dict):
    def __reduce__(self):
        args = () if self.default_factory is None else (self.default_factory,)
        return type(self), args, None, None, iter(self.items())

    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        dict.__init__(self, *args, **kwargs)
        self.default_factory = default_factory

    fromkeys = classmethod(_fromkeys)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __repr__(self):
        f = self.default_factory
        return '%s(%s, %s)' % (type(self).__name__, repr(f), repr(dict(self)))


################################################################ OrderedDict

class OrderedDict(dict):
    def __reduce__(self):
        # As CPython's: the class, no arguments, the instance's own attributes, the items.
        return self.__class__, (), dict(vars(self)) or None, None, iter(self.items())

    fromkeys = classmethod(_fromkeys)

    def popitem(self, last=True):
        if not self:
            raise KeyError('dictionary is empty')
        keys = list(self)
        key = keys[-1] if last else keys[0]
        value = dict.pop(self, key)
        return key, value

    def move_to_end(self, key, last=True):
        value = dict.pop(self, key)
        if last:
            dict.__setitem__(self, key, value)
        else:
            rest = list(self.items())
            dict.clear(self)
            dict.__setitem__(self, key, value)
            for k, v in rest:
                dict.__setitem__(self, k, v)

    def copy(self):
        return type(self)(self)

    __copy__ = copy

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict(self) == dict(other) and list(self) == list(other)
        if isinstance(other, dict):
            return dict(self) == other
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __repr__(self):
        if not self:
            return '%s()' % (type(self).__name__,)
        return '%s(%r)' % (type(self).__name__, list(self.items()))


################################################################ Counter

class Counter(dict):
    def __reduce__(self):
        return self.__class__, (dict(self),)

    def __init__(self, iterable=None, /, **kwds):
        dict.__init__(self)
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        items = sorted(self.items(), key=_itemgetter(1), reverse=True)
        return items if n is None else items[:n] if n > 0 else []

    def elements(self):
        for elem, count in self.items():
            for _ in range(count):
                yield elem

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError('Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, /, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                if self:
                    for elem, count in iterable.items():
                        self[elem] = count + self.get(elem, 0)
                else:
                    dict.update(self, iterable)
            else:
                for elem in iterable:
                    self[elem] = self.get(elem, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for elem, count in iterable.items():
                    self[elem] = self.get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = self.get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return type(self)(self)

    __copy__ = copy

    def __delitem__(self, elem):
        if elem in self:
            dict.__delitem__(self, elem)

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        for e in self:
            if self[e] != other[e]:
                return False
        for e in other:
            if self[e] != other[e]:
                return False
        return True

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __repr__(self):
        if not self:
            return '%s()' % type(self).__name__
        return '%s(%r)' % (type(self).__name__, dict(self.most_common()))

    def _merged(self, other, op):
        # Counter arithmetic: op of both counts (0 where one side lacks the element), kept if
        # positive; this side's elements first, then the other's, in their insertion order.
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            n = op(count, other[elem])
            if n > 0:
                result[elem] = n
        for elem, count in other.items():
            if elem not in self:
                n = op(0, count)
                if n > 0:
                    result[elem] = n
        return result

    def __add__(self, other):
        return self._merged(other, lambda a, b: a + b)

    def __sub__(self, other):
        return self._merged(other, lambda a, b: a - b)

    def __or__(self, other):
        return self._merged(other, lambda a, b: b if a < b else a)

    def __and__(self, other):
        return self._merged(other, lambda a, b: a if a < b else b)

    def __pos__(self):
        return Counter()._merged(self, lambda a, b: b)

    def __neg__(self):
        return Counter()._merged(self, lambda a, b: 0 - b)

    def _keep_positive(self):
        for elem in [e for e, c in self.items() if not c > 0]:
            dict.__delitem__(self, elem)
        return self

    def __iadd__(self, other):
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for elem, count in other.items():
            if count > self[elem]:
                self[elem] = count
        return self._keep_positive()

    def __iand__(self, other):
        for elem, count in self.items():
            o = other[elem]
            if o < count:
                self[elem] = o
        return self._keep_positive()


################################################################ namedtuple

def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = list(map(str, field_names))
    typename = _sys.intern(str(typename))
    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not name.isidentifier() or name in _KEYWORDS
                    or name.startswith('_') or name in seen):
                field_names[index] = '_%d' % index
            seen.add(name)
    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError('Type names and field names must be valid identifiers: %r' % name)
        if name in _KEYWORDS:
            raise ValueError('Type names and field names cannot be a keyword: %r' % name)
    seen = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: %r' % name)
        if name in seen:
            raise ValueError('Encountered duplicate field name: %r' % name)
        seen.add(name)

    fields = tuple(field_names)
    n = len(fields)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > n:
            raise TypeError('Got more default values than field names')
        field_defaults = dict(reversed(list(zip(reversed(fields), reversed(defaults)))))

    def __new__(_cls, *args, **kwargs):
        if len(args) > n:
            raise TypeError('%s.__new__() takes %d positional argument%s but %d were given'
                            % (typename, n + 1, '' if n == 0 else 's', len(args) + 1))
        values = list(args)
        missing = []
        for name in fields[len(args):]:
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif name in field_defaults:
                values.append(field_defaults[name])
            else:
                missing.append(name)
        for name in kwargs:
            if name in fields:
                raise TypeError("%s.__new__() got multiple values for argument '%s'" % (typename, name))
            raise TypeError("%s.__new__() got an unexpected keyword argument '%s'" % (typename, name))
        if missing:
            quoted = ["'%s'" % m for m in missing]
            if len(quoted) == 1:
                names = quoted[0]
            elif len(quoted) == 2:
                names = quoted[0] + ' and ' + quoted[1]
            else:
                names = ', '.join(quoted[:-1]) + ', and ' + quoted[-1]
            raise TypeError('%s.__new__() missing %d required positional argument%s: %s'
                            % (typename, len(missing), '' if len(missing) == 1 else 's', names))
        return tuple.__new__(_cls, values)

    def _make(cls, iterable):
        result = tuple.__new__(cls, iterable)
        if len(result) != n:
            raise TypeError('Expected %d arguments, got %d' % (n, len(result)))
        return result

    def _replace(self, /, **kwds):
        result = self._make([kwds.pop(name) if name in kwds else self[i] for i, name in enumerate(fields)])
        if kwds:
            raise ValueError('Got unexpected field names: %r' % list(kwds))
        return result

    def __repr__(self):
        return self.__class__.__name__ + '(' + ', '.join(
            ['%s=%r' % (fields[i], self[i]) for i in range(n)]) + ')'

    def _asdict(self):
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        return tuple(self)

    ns = {
        '__doc__': '%s(%s)' % (typename, ', '.join(fields)),
        '__slots__': (),
        '_fields': fields,
        '_field_defaults': field_defaults,
        '__new__': __new__,
        '_make': classmethod(_make),
        '_replace': _replace,
        '__repr__': __repr__,
        '_asdict': _asdict,
        '__getnewargs__': __getnewargs__,
        '__match_args__': fields,
    }
    for index, name in enumerate(fields):
        ns[name] = property(_itemgetter(index), doc='Alias for field number %d' % index)
    result = type(typename, (tuple,), ns)
    if module is None:
        try:
            module = _sys._getframe(1).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            module = '__main__'
    result.__module__ = module
    return result


################################################################ ChainMap

class ChainMap:
    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            if key in mapping:
                return mapping[key]
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        d = {}
        for mapping in reversed(self.maps):
            for k in mapping:
                d[k] = None
        return iter(d)

    def __contains__(self, key):
        for m in self.maps:
            if key in m:
                return True
        return False

    def __bool__(self):
        return any(self.maps)

    def keys(self):
        return list(self)

    def items(self):
        return [(k, self[k]) for k in self]

    def values(self):
        return [self[k] for k in self]

    def __repr__(self):
        return '%s(%s)' % (type(self).__name__, ', '.join(map(repr, self.maps)))

    def new_child(self, m=None):
        if m is None:
            m = {}
        return type(self)(m, *self.maps)

    @property
    def parents(self):
        return type(self)(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError('Key not found in the first mapping: %r' % (key,)) from None

    def pop(self, key, *args):
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError('Key not found in the first mapping: %r' % (key,)) from None


def __getattr__(name):
    # UserDict, UserList and UserString live in _collections_user, loaded on first use.
    if name in ('UserDict', 'UserList', 'UserString'):
        import _collections_user
        value = getattr(_collections_user, name)
        globals()[name] = value
        return value
    raise AttributeError("module 'collections' has no attribute '%s'" % name)
`);