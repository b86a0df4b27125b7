/**
 * `array` in guest Python: `array.array` keeps its items in a guest list, converted on the way in
 * as CPython's C storage would (integer range checks with CPython's OverflowError messages; 'f'
 * rounded to single precision) and packed by `struct` for `tobytes`/`frombytes`/`bytes(a)`.
 * Item sizes are x86-64 Linux's (`l` = 8).
 */
import { pythonModule } from './kit.js';

export const array = pythonModule('array', String.raw`
import struct as _struct
from operator import index as _index

typecodes = 'bBuhHiIlLqQfd'
_SIZES = {'b': 1, 'B': 1, 'u': 4, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'l': 8, 'L': 8, 'q': 8, 'Q': 8, 'f': 4, 'd': 8}
_LONG_MIN = -9223372036854775808
_LONG_MAX = 9223372036854775807
_ULONG_MAX = 18446744073709551615


def _range_error(lo, hi, name, x):
    if x < lo:
        raise OverflowError(name + ' is less than minimum')
    if x > hi:
        raise OverflowError(name + ' is greater than maximum')


def _conv_int(tc, v):
    x = _index(v)
    if tc in 'IL':
        if x < 0:
            raise OverflowError("can't convert negative value to unsigned int")
        if x > _ULONG_MAX:
            raise OverflowError('Python int too large to convert to C unsigned long')
        if tc == 'I':
            _range_error(0, 4294967295, 'unsigned int', x)
        return x
    if tc == 'Q':
        if x < 0:
            raise OverflowError("can't convert negative int to unsigned")
        if x > _ULONG_MAX:
            raise OverflowError('int too big to convert')
        return x
    if x < _LONG_MIN or x > _LONG_MAX:
        raise OverflowError('int too big to convert' if tc == 'q' else 'Python int too large to convert to C long')
    if tc == 'b':
        _range_error(-32768, 32767, 'signed short integer', x)
        _range_error(-128, 127, 'signed char', x)
    elif tc == 'B':
        _range_error(0, 255, 'unsigned byte integer', x)
    elif tc == 'h':
        _range_error(-32768, 32767, 'signed short integer', x)
    elif tc == 'H':
        _range_error(-2147483648, 2147483647, 'signed integer', x)
        _range_error(0, 65535, 'unsigned short', x)
    elif tc == 'i':
        _range_error(-2147483648, 2147483647, 'signed integer', x)
    return x


def _conv_float(tc, v):
    if not isinstance(v, (int, float)) and not hasattr(type(v), '__float__'):
        raise TypeError('must be real number, not %s' % type(v).__name__)
    x = float(v)
    if tc == 'f':
        return _struct.unpack('f', _struct.pack('f', x))[0]
    return x


def _conv_char(tc, v):
    if not isinstance(v, str) or len(v) != 1:
        raise TypeError('array item must be unicode character')
    return v


def _converter(tc):
    if tc in 'fd':
        return _conv_float
    if tc == 'u':
        return _conv_char
    return _conv_int


class array:
    __slots__ = ('_tc', '_items', '_conv')

    def __new__(cls, typecode, initializer=None):
        if not isinstance(typecode, str) or len(typecode) != 1:
            raise TypeError('array() argument 1 must be a unicode character, not %s' % type(typecode).__name__)
        if typecode not in _SIZES:
            raise ValueError('bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)')
        self = object.__new__(cls)
        self._tc = typecode
        self._items = []
        self._conv = _converter(typecode)
        if initializer is not None:
            if isinstance(initializer, (bytes, bytearray)):
                self.frombytes(initializer)
            elif isinstance(initializer, str):
                if typecode != 'u':
                    raise TypeError('cannot use a str to initialize an array with typecode %r' % typecode)
                self._items = list(initializer)
            else:
                self.extend(initializer)
        return self

    def __init__(self, typecode, initializer=None):
        pass

    @property
    def typecode(self):
        return self._tc

    @property
    def itemsize(self):
        return _SIZES[self._tc]

    def _new(self, items):
        a = array(self._tc)
        a._items = items
        return a

    def append(self, v):
        self._items.append(self._conv(self._tc, v))

    def extend(self, iterable):
        if isinstance(iterable, array):
            if iterable._tc != self._tc:
                raise TypeError('can only extend with array of same kind')
            self._items.extend(iterable._items)
            return
        conv = self._conv
        tc = self._tc
        self._items.extend([conv(tc, v) for v in iterable])

    def fromlist(self, lst):
        if not isinstance(lst, list):
            raise TypeError('arg must be list')
        conv = self._conv
        tc = self._tc
        self._items.extend([conv(tc, v) for v in lst])

    def insert(self, i, v):
        self._items.insert(i, self._conv(self._tc, v))

    def pop(self, i=-1):
        if not self._items:
            raise IndexError('pop from empty array')
        try:
            return self._items.pop(i)
        except IndexError:
            raise IndexError('pop index out of range') from None

    def remove(self, v):
        try:
            self._items.remove(v)
        except ValueError:
            raise ValueError('array.remove(x): x not in array') from None

    def index(self, v, start=0, stop=9223372036854775807):
        try:
            return self._items.index(v, start, stop)
        except ValueError:
            raise ValueError('array.index(x): x not in array') from None

    def count(self, v):
        return self._items.count(v)

    def reverse(self):
        self._items.reverse()

    def tolist(self):
        return list(self._items)

    def tobytes(self):
        if self._tc == 'u':
            return ''.join(self._items).encode('utf-32-le')
        return _struct.pack('%d%s' % (len(self._items), self._tc), *self._items)

    def __bytes__(self):
        return self.tobytes()

    def frombytes(self, data):
        size = _SIZES[self._tc]
        if len(data) % size:
            raise ValueError('bytes length not a multiple of item size')
        self._items.extend(_struct.unpack('%d%s' % (len(data) // size, self._tc), bytes(data)))

    def byteswap(self):
        size = _SIZES[self._tc]
        if size == 1:
            return
        data = self.tobytes()
        swapped = b''.join([data[i:i + size][::-1] for i in range(0, len(data), size)])
        self._items = list(_struct.unpack('%d%s' % (len(self._items), self._tc), swapped))

    def buffer_info(self):
        return (0, len(self._items))

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __contains__(self, v):
        return v in self._items

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self._new(self._items[i])
        try:
            return self._items[i]
        except IndexError:
            raise IndexError('array index out of range') from None

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            if not isinstance(v, array):
                raise TypeError('can only assign array (not "%s") to array slice' % type(v).__name__)
            if v._tc != self._tc:
                raise TypeError('bad argument type for built-in operation')
            self._items[i] = v._items
            return
        v = self._conv(self._tc, v)
        try:
            self._items[i] = v
        except IndexError:
            raise IndexError('array assignment index out of range') from None

    def __delitem__(self, i):
        try:
            del self._items[i]
        except IndexError:
            raise IndexError('array assignment index out of range') from None

    def __add__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only append array (not "%s") to array' % type(other).__name__)
        if other._tc != self._tc:
            raise TypeError('bad argument type for built-in operation')
        return self._new(self._items + other._items)

    def __iadd__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only extend array with array (not "%s")' % type(other).__name__)
        self.extend(other)
        return self

    def __mul__(self, n):
        return self._new(self._items * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        self._items *= n
        return self

    def __eq__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items == other._items

    def __ne__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items != other._items

    def __lt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items < other._items

    def __le__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items <= other._items

    def __gt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items > other._items

    def __ge__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items >= other._items

    __hash__ = None

    def __repr__(self):
        if not self._items:
            return 'array(%r)' % self._tc
        if self._tc == 'u':
            return 'array(%r, %r)' % (self._tc, ''.join(self._items))
        return 'array(%r, %r)' % (self._tc, self._items)

    def __copy__(self):
        return self._new(list(self._items))

    def __deepcopy__(self, memo):
        return self._new(list(self._items))

    def __reduce__(self):
        return (array, (self._tc, list(self._items)))


ArrayType = array
`);
