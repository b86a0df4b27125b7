/**
 * `decimal` in guest Python: `Decimal` (from int, str, float — exactly — and tuples) under the
 * default context (28 digits, ROUND_HALF_EVEN) with `getcontext`/`localcontext` changing precision
 * and rounding: + - * / // % divmod ** (integer powers), comparisons and hashes equal to the
 * equal int's/float's, `quantize` and the rounding modes, `str`/`repr` (CPython's
 * to-sci-string), `normalize`, `sqrt`, `as_tuple`, and the signals as exceptions with C
 * decimal's messages (`[<class 'decimal.DivisionByZero'>]`).
 */
import { pythonModule } from './kit.js';

export const decimal = pythonModule('decimal', String.raw`
import math as _math

__all__ = ['Decimal', 'Context', 'getcontext', 'setcontext', 'localcontext', 'DecimalException', 'InvalidOperation',
           'DivisionByZero', 'Inexact', 'Rounded', 'Overflow', 'Underflow', 'FloatOperation', 'ConversionSyntax',
           'DivisionImpossible', 'DivisionUndefined', 'ROUND_DOWN', 'ROUND_HALF_UP', 'ROUND_HALF_EVEN',
           'ROUND_CEILING', 'ROUND_FLOOR', 'ROUND_UP', 'ROUND_HALF_DOWN', 'ROUND_05UP']

ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'


class DecimalException(ArithmeticError):
    pass


class InvalidOperation(DecimalException):
    pass


class ConversionSyntax(InvalidOperation):
    pass


class DivisionByZero(DecimalException, ZeroDivisionError):
    pass


class DivisionImpossible(InvalidOperation):
    pass


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    pass


class Inexact(DecimalException):
    pass


class Rounded(DecimalException):
    pass


class Overflow(Inexact, Rounded):
    pass


class Underflow(Inexact, Rounded):
    pass


class FloatOperation(DecimalException, TypeError):
    pass


for _c in (DecimalException, InvalidOperation, ConversionSyntax, DivisionByZero, DivisionImpossible,
           DivisionUndefined, Inexact, Rounded, Overflow, Underflow, FloatOperation):
    _c.__module__ = 'decimal'


def _signal(cls):
    # What C's decimal raises: the signal's class, or InvalidOperation for its conditions.
    raised = InvalidOperation if cls in (ConversionSyntax, DivisionUndefined, DivisionImpossible) else cls
    return raised('[%r]' % (cls,))


class Context:
    def __init__(self, prec=28, rounding=ROUND_HALF_EVEN, Emin=-999999, Emax=999999, capitals=1, clamp=0):
        self.prec = prec
        self.rounding = rounding
        self.Emin = Emin
        self.Emax = Emax
        self.capitals = capitals
        self.clamp = clamp

    def __repr__(self):
        return ('Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, clamp=%d, flags=[], '
                'traps=[InvalidOperation, DivisionByZero, Overflow])' % (
                    self.prec, self.rounding, self.Emin, self.Emax, self.capitals, self.clamp))

    def copy(self):
        return Context(self.prec, self.rounding, self.Emin, self.Emax, self.capitals, self.clamp)


_context = [Context()]


def getcontext():
    return _context[0]


def setcontext(ctx):
    _context[0] = ctx


class _LocalContext:
    def __init__(self, ctx):
        self._new = ctx

    def __enter__(self):
        self._saved = getcontext()
        setcontext(self._new)
        return self._new

    def __exit__(self, *exc):
        setcontext(self._saved)


def localcontext(ctx=None, **kwargs):
    new = (ctx or getcontext()).copy()
    for k, v in kwargs.items():
        setattr(new, k, v)
    return _LocalContext(new)


def _round_coef(sign, coef, drop, rounding):
    # coef with its last drop digits removed, rounded by the rule.
    p = 10 ** drop
    q, r = divmod(coef, p)
    if r == 0:
        return q
    half = p // 2 if p > 1 else 0
    if rounding == ROUND_HALF_EVEN:
        up = r > half or (r == half and p % 2 == 0 and q % 2 == 1)
    elif rounding == ROUND_HALF_UP:
        up = r >= half and p > 1
    elif rounding == ROUND_HALF_DOWN:
        up = r > half
    elif rounding == ROUND_DOWN:
        up = False
    elif rounding == ROUND_UP:
        up = True
    elif rounding == ROUND_CEILING:
        up = sign == 0
    elif rounding == ROUND_FLOOR:
        up = sign == 1
    else:
        up = q % 10 in (0, 5)
    return q + 1 if up else q


class Decimal:
    __slots__ = ('_sign', '_int', '_exp', '_special')

    def __new__(cls, value='0', context=None):
        self = object.__new__(cls)
        self._special = ''
        if isinstance(value, Decimal):
            self._sign, self._int, self._exp, self._special = value._sign, value._int, value._exp, value._special
            return self
        if isinstance(value, bool) or isinstance(value, int):
            value = int(value)
            self._sign = 1 if value < 0 else 0
            self._int = abs(value)
            self._exp = 0
            return self
        if isinstance(value, float):
            if value != value:
                self._sign, self._int, self._exp, self._special = 1 if _math.copysign(1.0, value) < 0 else 0, 0, 0, 'n'
                return self
            self._sign = 1 if _math.copysign(1.0, value) < 0 else 0
            if value in (float('inf'), float('-inf')):
                self._int, self._exp, self._special = 0, 0, 'F'
                return self
            n, d = abs(value).as_integer_ratio()
            k = d.bit_length() - 1
            self._int = n * 5 ** k
            self._exp = -k
            return self
        if isinstance(value, str):
            return _parse(cls, value.strip().replace('_', ''), value)
        if isinstance(value, (tuple, list)):
            if len(value) != 3:
                raise ValueError('argument must be a sequence of length 3')
            sign, digits, exp = value
            self._sign = sign
            self._int = int(''.join(str(d) for d in digits)) if digits else 0
            if exp == 'F':
                self._special, self._exp = 'F', 0
            elif exp == 'n':
                self._special, self._exp = 'n', 0
            else:
                self._exp = exp
            return self
        raise TypeError('conversion from %s to Decimal is not supported' % type(value).__name__)

    @classmethod
    def from_float(cls, f):
        return cls(f)

    def _new(self, sign, coef, exp):
        r = object.__new__(Decimal)
        r._sign, r._int, r._exp, r._special = sign, coef, exp, ''
        return r

    def _fix(self, ctx=None):
        ctx = ctx or getcontext()
        if self._special:
            return self
        digits = len(str(self._int))
        if digits > ctx.prec:
            drop = digits - ctx.prec
            coef = _round_coef(self._sign, self._int, drop, ctx.rounding)
            exp = self._exp + drop
            if len(str(coef)) > ctx.prec:
                coef //= 10
                exp += 1
            return self._new(self._sign, coef, exp)
        return self

    def is_nan(self):
        return self._special in ('n', 'N')

    def is_infinite(self):
        return self._special == 'F'

    def is_finite(self):
        return not self._special

    def is_zero(self):
        return not self._special and self._int == 0

    def is_signed(self):
        return self._sign == 1

    def as_tuple(self):
        digits = tuple(int(c) for c in str(self._int)) if not self._special else ((0,) if self._special == 'F' else ())
        return DecimalTuple(self._sign, digits, self._exp if not self._special else self._special)

    def __str__(self):
        sign = '-' if self._sign else ''
        if self._special == 'F':
            return sign + 'Infinity'
        if self._special == 'n':
            return sign + 'NaN'
        if self._special == 'N':
            return sign + 'sNaN'
        digits = str(self._int)
        left = self._exp + len(digits)
        if self._exp <= 0 and left > -6:
            dot = left
        else:
            dot = 1
        if dot <= 0:
            ip, fp = '0', '.' + '0' * (-dot) + digits
        elif dot >= len(digits):
            ip, fp = digits + '0' * (dot - len(digits)), ''
        else:
            ip, fp = digits[:dot], '.' + digits[dot:]
        exp = '' if left == dot else 'E%+d' % (left - dot)
        return sign + ip + fp + exp

    def __repr__(self):
        return "Decimal('%s')" % self

    def __format__(self, spec):
        if not spec:
            return str(self)
        return format(float(self), spec) if spec[-1:] in 'eEgG%' else _format_fixed(self, spec)

    def _ratio(self):
        if self._exp >= 0:
            return (-1) ** self._sign * self._int * 10 ** self._exp, 1
        return (-1) ** self._sign * self._int, 10 ** (-self._exp)

    def __float__(self):
        if self._special == 'F':
            return float('-inf') if self._sign else float('inf')
        if self._special:
            return float('nan')
        return float(str(self))

    def __int__(self):
        if self._special:
            raise (ValueError('cannot convert NaN to integer') if self._special != 'F'
                   else OverflowError('cannot convert Infinity to integer'))
        n, d = self._ratio()
        q = abs(n) // d
        return -q if n < 0 else q

    __trunc__ = __int__

    def __bool__(self):
        return bool(self._special) or self._int != 0

    def __neg__(self):
        if self._special:
            r = Decimal(self)
            r._sign = 1 - r._sign
            return r
        return self._new(0 if self._int == 0 else 1 - self._sign, self._int, self._exp)._fix()

    def __pos__(self):
        if not self._special and self._int == 0:
            return self._new(0, 0, self._exp)
        return self._fix()

    def __abs__(self):
        return self._new(0, self._int, self._exp)._fix() if not self._special else Decimal((0, (), self._special))

    def __add__(self, other, negate=False):
        other = _convert(other)
        if other is NotImplemented:
            return other
        if self._special or other._special:
            return _special_add(self, other, negate)
        osign = 1 - other._sign if negate else other._sign
        exp = min(self._exp, other._exp)
        a = self._int * 10 ** (self._exp - exp) * (-1 if self._sign else 1)
        b = other._int * 10 ** (other._exp - exp) * (-1 if osign else 1)
        s = a + b
        if s == 0:
            sign = 1 if (self._sign and osign) or (getcontext().rounding == ROUND_FLOOR and self._sign != osign) else 0
        else:
            sign = 1 if s < 0 else 0
        return self._new(sign, abs(s), exp)._fix()

    def __radd__(self, other):
        other = _convert(other)
        return other if other is NotImplemented else other.__add__(self)

    def __sub__(self, other):
        return self.__add__(other, True)

    def __rsub__(self, other):
        other = _convert(other)
        return other if other is NotImplemented else other.__add__(self, True)

    def __mul__(self, other):
        other = _convert(other)
        if other is NotImplemented:
            return other
        sign = self._sign ^ other._sign
        if self._special or other._special:
            if self.is_nan() or other.is_nan():
                return Decimal('NaN')
            if self.is_zero() or other.is_zero():
                raise _signal(InvalidOperation)
            return Decimal((sign, (), 'F'))
        return self._new(sign, self._int * other._int, self._exp + other._exp)._fix()

    __rmul__ = __mul__

    def __truediv__(self, other):
        other = _convert(other)
        if other is NotImplemented:
            return other
        sign = self._sign ^ other._sign
        if self._special or other._special:
            if self.is_nan() or other.is_nan():
                return Decimal('NaN')
            if self.is_infinite() and other.is_infinite():
                raise _signal(InvalidOperation)
            if self.is_infinite():
                return Decimal((sign, (), 'F'))
            return self._new(sign, 0, -1000000 - 27)
        if other._int == 0:
            if self._int == 0:
                raise _signal(DivisionUndefined)
            raise _signal(DivisionByZero)
        ideal = self._exp - other._exp
        if self._int == 0:
            return self._new(sign, 0, ideal)
        prec = getcontext().prec
        shift = len(str(other._int)) - len(str(self._int)) + prec + 1
        exp = self._exp - other._exp - shift
        if shift >= 0:
            q, r = divmod(self._int * 10 ** shift, other._int)
        else:
            q, r = divmod(self._int, other._int * 10 ** -shift)
        if r:
            if q % 5 == 0:
                q += 1
        else:
            while exp < ideal and q % 10 == 0:
                q //= 10
                exp += 1
        return self._new(sign, q, exp)._fix()

    def __rtruediv__(self, other):
        other = _convert(other)
        return other if other is NotImplemented else other.__truediv__(self)

    def _divmod(self, other):
        if other._int == 0:
            if self._int == 0:
                raise _signal(DivisionUndefined)
            raise _signal(DivisionByZero)
        a, b = self._ratio()
        c, d = other._ratio()
        num, den = a * d, b * c
        q = abs(num) // abs(den)
        if (num < 0) != (den < 0):
            q = -q
        exp = min(self._exp, other._exp)
        rem = self - Decimal(q) * other
        return Decimal(q), rem

    def __floordiv__(self, other):
        other = _convert(other)
        return other if other is NotImplemented else self._divmod(other)[0]

    def __mod__(self, other):
        other = _convert(other)
        return other if other is NotImplemented else self._divmod(other)[1]

    def __divmod__(self, other):
        other = _convert(other)
        return other if other is NotImplemented else self._divmod(other)

    def __pow__(self, other, mod=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        if other._exp < 0 and other._int % 10 ** (-other._exp) != 0:
            return Decimal(float(self) ** float(other))._fix()
        n = int(other)
        if n >= 0:
            return self._new(self._sign if n % 2 else 0, self._int ** n, self._exp * n)._fix()
        return Decimal(1) / self._new(self._sign if n % 2 else 0, self._int ** -n, self._exp * -n)._fix()

    def _cmp(self, other):
        if self.is_nan() or other.is_nan():
            return None
        if self._special == 'F' or other._special == 'F':
            a = 0 if self._special != 'F' else (-1 if self._sign else 1)
            b = 0 if other._special != 'F' else (-1 if other._sign else 1)
            if a == b and a == 0:
                pass
            else:
                return (a > b) - (a < b)
        a, b = self._ratio()
        c, d = other._ratio()
        x, y = a * d, c * b
        return (x > y) - (x < y)

    def _rich(self, other, op):
        if isinstance(other, float):
            other = Decimal(other)
        other = _convert(other)
        if other is NotImplemented:
            return other
        c = self._cmp(other)
        if c is None:
            if op in ('eq', 'ne'):
                return op == 'ne'
            raise _signal(InvalidOperation)
        return {'eq': c == 0, 'ne': c != 0, 'lt': c < 0, 'le': c <= 0, 'gt': c > 0, 'ge': c >= 0}[op]

    def __eq__(self, other):
        return self._rich(other, 'eq')

    def __ne__(self, other):
        return self._rich(other, 'ne')

    def __lt__(self, other):
        return self._rich(other, 'lt')

    def __le__(self, other):
        return self._rich(other, 'le')

    def __gt__(self, other):
        return self._rich(other, 'gt')

    def __ge__(self, other):
        return self._rich(other, 'ge')

    def __hash__(self):
        if self._special:
            if self.is_nan():
                return object.__hash__(self)
            return -314159 if self._sign else 314159
        P = 2305843009213693951
        if self._exp >= 0:
            h = self._int * pow(10, self._exp, P) % P
        else:
            h = self._int * pow(pow(10, P - 2, P), -self._exp, P) % P
        h = -h if self._sign else h
        return -2 if h == -1 else h

    def quantize(self, exp, rounding=None):
        exp = _convert(exp)
        rounding = rounding or getcontext().rounding
        e = exp._exp
        if e >= self._exp:
            coef = _round_coef(self._sign, self._int, e - self._exp, rounding)
        else:
            coef = self._int * 10 ** (self._exp - e)
        if len(str(coef)) > getcontext().prec:
            raise _signal(InvalidOperation)
        return self._new(self._sign, coef, e)

    def to_integral_value(self, rounding=None):
        if self._special or self._exp >= 0:
            return self
        return self.quantize(Decimal(1), rounding)

    to_integral = to_integral_value

    def normalize(self, context=None):
        if self._special:
            return self
        r = self._fix()
        if r._int == 0:
            return self._new(r._sign, 0, 0)
        coef, exp = r._int, r._exp
        while coef % 10 == 0:
            coef //= 10
            exp += 1
        return self._new(r._sign, coef, exp)

    def sqrt(self, context=None):
        if self._sign and self._int:
            raise _signal(InvalidOperation)
        prec = getcontext().prec
        a, b = self._ratio()
        shift = prec + 2
        n = a * 10 ** (2 * shift) // b
        r = _isqrt(n)
        exact = r * r == n and a * 10 ** (2 * shift) % b == 0
        res = self._new(0, r if exact else r * 10 + 1, -shift if exact else -shift - 1)._fix()
        return res.normalize() if exact and res._exp < self._exp // 2 else res

    def __round__(self, n=None):
        if n is None:
            return int(self.quantize(Decimal(1), ROUND_HALF_EVEN))
        return self.quantize(Decimal((0, (1,), -n)))

    def __floor__(self):
        return int(self.quantize(Decimal(1), ROUND_FLOOR))

    def __ceil__(self):
        return int(self.quantize(Decimal(1), ROUND_CEILING))

    def adjusted(self):
        return self._exp + len(str(self._int)) - 1 if not self._special else 0

    def copy_abs(self):
        return abs(self) if not self._special else Decimal((0, (), self._special))

    def copy_negate(self):
        return -self

    def max(self, other):
        return self if self >= other else other

    def min(self, other):
        return self if self <= other else other

    def compare(self, other):
        c = self._cmp(_convert(other))
        return Decimal(c)


Decimal.__module__ = 'decimal'


def _format_fixed(d, spec):
    prec = None
    body = spec
    if '.' in spec:
        body, _, p = spec.rpartition('.')
        if p.endswith('f'):
            p = p[:-1]
        prec = int(p)
    elif spec.endswith('f'):
        body = spec[:-1]
        prec = 6
    v = d.quantize(Decimal((0, (1,), -prec))) if prec is not None else d
    s = str(abs(v)) if v._exp <= 0 else '{:d}'.format(int(abs(v)))
    sign = '-' if v._sign else ''
    return format(sign + s, '>' + body if body and body[0].isdigit() else body or '')


class DecimalTuple(tuple):
    def __new__(cls, sign, digits, exponent):
        return tuple.__new__(cls, (sign, digits, exponent))

    sign = property(lambda self: self[0])
    digits = property(lambda self: self[1])
    exponent = property(lambda self: self[2])

    def __repr__(self):
        return 'DecimalTuple(sign=%r, digits=%r, exponent=%r)' % tuple(self)


def _isqrt(n):
    if n == 0:
        return 0
    x = 1 << ((n.bit_length() + 1) // 2)
    while True:
        y = (x + n // x) // 2
        if y >= x:
            return x
        x = y


def _convert(v):
    if isinstance(v, Decimal):
        return v
    if isinstance(v, int):
        return Decimal(v)
    return NotImplemented


def _special_add(a, b, negate):
    if a.is_nan() or b.is_nan():
        return Decimal('NaN')
    bs = 1 - b._sign if negate else b._sign
    if a.is_infinite() and b.is_infinite() and a._sign != bs:
        raise _signal(InvalidOperation)
    if a.is_infinite():
        return a
    return Decimal((bs, (), 'F'))


def _parse(cls, s, original):
    self = object.__new__(cls)
    self._special = ''
    t = s
    sign = 0
    if t[:1] in '+-':
        sign = 1 if t[0] == '-' else 0
        t = t[1:]
    low = t.lower()
    if low in ('inf', 'infinity'):
        self._sign, self._int, self._exp, self._special = sign, 0, 0, 'F'
        return self
    if low == 'nan' or low == 'snan':
        self._sign, self._int, self._exp, self._special = sign, 0, 0, 'n' if low == 'nan' else 'N'
        return self
    exp = 0
    if 'e' in low:
        low, _, e = low.partition('e')
        if not e or not (e.lstrip('+-').isdigit() and e.lstrip('+-') == e[1:] if e[0] in '+-' else e.isdigit()):
            raise _signal(ConversionSyntax)
        exp = int(e)
    ip, dot, fp = low.partition('.')
    if (not ip and not fp) or (ip and not ip.isdigit()) or (fp and not fp.isdigit()):
        raise _signal(ConversionSyntax)
    self._sign = sign
    self._int = int(ip + fp) if ip + fp else 0
    self._exp = exp - len(fp)
    return self
`);
