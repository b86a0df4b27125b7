/**
 * `fractions` in guest Python: `Fraction` (normalized numerator/denominator on guest ints, mixed
 * arithmetic with int and float, comparisons, `limit_denominator`, `from_float`, string parsing)
 * with CPython's numeric hash (so `hash(Fraction(n)) == hash(n)` and equal values hash equal).
 */
import { pythonModule } from './kit.js';

export const fractions = pythonModule('fractions', String.raw`
import math as _math

_P = 2305843009213693951
_INF_HASH = 314159


def _parse(s):
    t = s.strip().replace('_', '')
    bad = ValueError('Invalid literal for Fraction: %r' % s)
    if not t:
        raise bad
    sign = 1
    if t[0] in '+-':
        if t[0] == '-':
            sign = -1
        t = t[1:]
    if '/' in t:
        n, _, d = t.partition('/')
        if not n.isdigit() or not d.strip().isdigit():
            raise bad
        return sign * int(n), int(d)
    exp = 0
    k = t.lower().find('e')
    if k >= 0:
        e = t[k + 1:]
        t = t[:k]
        if e[:1] in ('+', '-'):
            digits = e[1:]
        else:
            digits = e
        if not digits.isdigit():
            raise bad
        exp = int(e)
    whole, dot, frac = t.partition('.')
    if (whole and not whole.isdigit()) or (frac and not frac.isdigit()) or not (whole or frac):
        raise bad
    n = int(whole + frac) if whole + frac else 0
    exp -= len(frac)
    if exp >= 0:
        return sign * n * 10 ** exp, 1
    return sign * n, 10 ** -exp


class Fraction:
    __slots__ = ('_numerator', '_denominator')

    def __new__(cls, numerator=0, denominator=None):
        self = object.__new__(cls)
        if denominator is None:
            if type(numerator) is int or isinstance(numerator, int):
                self._numerator = int(numerator)
                self._denominator = 1
                return self
            if isinstance(numerator, Fraction):
                self._numerator = numerator._numerator
                self._denominator = numerator._denominator
                return self
            if isinstance(numerator, float):
                n, d = numerator.as_integer_ratio()
                self._numerator = n
                self._denominator = d
                return self
            if isinstance(numerator, str):
                n, d = _parse(numerator)
            else:
                raise TypeError('argument should be a string or a Rational instance')
        elif isinstance(numerator, (int, Fraction)) and isinstance(denominator, (int, Fraction)):
            if isinstance(numerator, Fraction) or isinstance(denominator, Fraction):
                a = Fraction(numerator)
                b = Fraction(denominator)
                n = a._numerator * b._denominator
                d = a._denominator * b._numerator
            else:
                n = int(numerator)
                d = int(denominator)
        else:
            raise TypeError('both arguments should be Rational instances')
        if d == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % n)
        g = _math.gcd(n, d)
        if d < 0:
            g = -g
        self._numerator = n // g
        self._denominator = d // g
        return self

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError('%s.from_float() only takes floats, not %r (%s)' % (cls.__name__, f, type(f).__name__))
        return cls(*f.as_integer_ratio())

    @classmethod
    def _raw(cls, n, d):
        self = object.__new__(cls)
        self._numerator = n
        self._denominator = d
        return self

    @property
    def numerator(self):
        return self._numerator

    @property
    def denominator(self):
        return self._denominator

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        if max_denominator < 1:
            raise ValueError('max_denominator should be at least 1')
        if self._denominator <= max_denominator:
            return Fraction(self)
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        if 2 * d * (q0 + k * q1) <= self._denominator:
            return Fraction._raw(p1, q1)
        return Fraction._raw(p0 + k * p1, q0 + k * q1)

    def __repr__(self):
        return '%s(%s, %s)' % (type(self).__name__, self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return '%s/%s' % (self._numerator, self._denominator)

    def _coerce(self, other):
        if isinstance(other, Fraction):
            return other
        if isinstance(other, int):
            return Fraction._raw(int(other), 1)
        return None

    def __add__(self, other):
        o = self._coerce(other)
        if o is not None:
            return Fraction(self._numerator * o._denominator + o._numerator * self._denominator, self._denominator * o._denominator)
        if isinstance(other, float):
            return float(self) + other
        return NotImplemented

    def __radd__(self, other):
        return self.__add__(other)

    def __sub__(self, other):
        o = self._coerce(other)
        if o is not None:
            return Fraction(self._numerator * o._denominator - o._numerator * self._denominator, self._denominator * o._denominator)
        if isinstance(other, float):
            return float(self) - other
        return NotImplemented

    def __rsub__(self, other):
        o = self._coerce(other)
        if o is not None:
            return o - self
        if isinstance(other, float):
            return other - float(self)
        return NotImplemented

    def __mul__(self, other):
        o = self._coerce(other)
        if o is not None:
            return Fraction(self._numerator * o._numerator, self._denominator * o._denominator)
        if isinstance(other, float):
            return float(self) * other
        return NotImplemented

    def __rmul__(self, other):
        return self.__mul__(other)

    def __truediv__(self, other):
        o = self._coerce(other)
        if o is not None:
            if o._numerator == 0:
                raise ZeroDivisionError('Fraction(%s, 0)' % (self._numerator * o._denominator))
            return Fraction(self._numerator * o._denominator, self._denominator * o._numerator)
        if isinstance(other, float):
            return float(self) / other
        return NotImplemented

    def __rtruediv__(self, other):
        o = self._coerce(other)
        if o is not None:
            return o / self
        if isinstance(other, float):
            return other / float(self)
        return NotImplemented

    def __floordiv__(self, other):
        o = self._coerce(other)
        if o is not None:
            return (self._numerator * o._denominator) // (self._denominator * o._numerator)
        if isinstance(other, float):
            return float(self) // other
        return NotImplemented

    def __rfloordiv__(self, other):
        o = self._coerce(other)
        if o is not None:
            return o // self
        if isinstance(other, float):
            return other // float(self)
        return NotImplemented

    def __mod__(self, other):
        o = self._coerce(other)
        if o is not None:
            d = self._denominator * o._denominator
            return Fraction((self._numerator * o._denominator) % (o._numerator * self._denominator), d)
        if isinstance(other, float):
            return float(self) % other
        return NotImplemented

    def __rmod__(self, other):
        o = self._coerce(other)
        if o is not None:
            return o % self
        if isinstance(other, float):
            return other % float(self)
        return NotImplemented

    def __divmod__(self, other):
        o = self._coerce(other)
        if o is not None:
            return (self // o, self % o)
        if isinstance(other, float):
            return divmod(float(self), other)
        return NotImplemented

    def __rdivmod__(self, other):
        o = self._coerce(other)
        if o is not None:
            return divmod(o, self)
        if isinstance(other, float):
            return divmod(other, float(self))
        return NotImplemented

    def __pow__(self, other):
        if isinstance(other, int) or (isinstance(other, Fraction) and other._denominator == 1):
            p = int(other)
            if p >= 0:
                return Fraction._raw(self._numerator ** p, self._denominator ** p)
            if self._numerator == 0:
                raise ZeroDivisionError('Fraction(%s, 0)' % (self._denominator ** -p))
            if self._numerator > 0:
                return Fraction._raw(self._denominator ** -p, self._numerator ** -p)
            return Fraction._raw((-self._denominator) ** -p, (-self._numerator) ** -p)
        if isinstance(other, (float, Fraction)):
            return float(self) ** float(other)
        return NotImplemented

    def __rpow__(self, other):
        if self._denominator == 1 and self._numerator >= 0:
            return other ** self._numerator
        if isinstance(other, int):
            return Fraction(other) ** self
        return other ** float(self)

    def __pos__(self):
        return Fraction._raw(self._numerator, self._denominator)

    def __neg__(self):
        return Fraction._raw(-self._numerator, self._denominator)

    def __abs__(self):
        return Fraction._raw(abs(self._numerator), self._denominator)

    def __int__(self):
        if self._numerator < 0:
            return -(-self._numerator // self._denominator)
        return self._numerator // self._denominator

    __trunc__ = __int__

    def __floor__(self):
        return self._numerator // self._denominator

    def __ceil__(self):
        return -(-self._numerator // self._denominator)

    def __round__(self, ndigits=None):
        if ndigits is None:
            floor, rem = divmod(self._numerator, self._denominator)
            if rem * 2 < self._denominator:
                return floor
            if rem * 2 > self._denominator:
                return floor + 1
            return floor if floor % 2 == 0 else floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __float__(self):
        return self._numerator / self._denominator

    def __bool__(self):
        return self._numerator != 0

    def __hash__(self):
        dinv = pow(self._denominator, _P - 2, _P)
        if not dinv:
            h = _INF_HASH
        else:
            h = hash(hash(abs(self._numerator)) * dinv)
        r = h if self._numerator >= 0 else -h
        return -2 if r == -1 else r

    def _cmp_value(self, other):
        o = self._coerce(other)
        if o is not None:
            return self._numerator * o._denominator, o._numerator * self._denominator
        if isinstance(other, float):
            if other != other or other in (float('inf'), float('-inf')):
                return 0.0, other
            o = Fraction.from_float(other)
            return self._numerator * o._denominator, o._numerator * self._denominator
        return None

    def __eq__(self, other):
        c = self._cmp_value(other)
        if c is None:
            return NotImplemented
        return c[0] == c[1]

    def __lt__(self, other):
        c = self._cmp_value(other)
        if c is None:
            return NotImplemented
        return c[0] < c[1]

    def __le__(self, other):
        c = self._cmp_value(other)
        if c is None:
            return NotImplemented
        return c[0] <= c[1]

    def __gt__(self, other):
        c = self._cmp_value(other)
        if c is None:
            return NotImplemented
        return c[0] > c[1]

    def __ge__(self, other):
        c = self._cmp_value(other)
        if c is None:
            return NotImplemented
        return c[0] >= c[1]

    def __reduce__(self):
        return (type(self), (str(self),))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self
`);
