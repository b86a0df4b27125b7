import numbers
from fractions import Fraction

for v in [1, True, 2.5, Fraction(1, 3), 'x', None]:
    print(repr(v), [cls.__name__ for cls in (numbers.Number, numbers.Complex, numbers.Real,
                                             numbers.Rational, numbers.Integral) if isinstance(v, cls)])
print(issubclass(int, numbers.Number), issubclass(float, numbers.Integral), issubclass(bool, numbers.Integral))
print(numbers.Integral.__mro__[1].__name__, [c.__name__ for c in numbers.Integral.__mro__])

class Money(numbers.Real):
    pass

try:
    Money()
except TypeError as e:
    print('TypeError:', str(e)[:60])


class Tiny(numbers.Integral):
    def __init__(self, v):
        self.v = v
    def __int__(self):
        return self.v
    def __repr__(self):
        return 'Tiny(%d)' % self.v
    __abs__ = __add__ = __and__ = __ceil__ = __eq__ = __floor__ = __floordiv__ = None
    __invert__ = __le__ = __lshift__ = __lt__ = __mod__ = __mul__ = __neg__ = __or__ = None
    __pos__ = __pow__ = __radd__ = __rand__ = __rfloordiv__ = __rlshift__ = __rmod__ = None
    __rmul__ = __ror__ = __round__ = __rpow__ = __rrshift__ = __rshift__ = __rtruediv__ = None
    __rxor__ = __truediv__ = __trunc__ = __xor__ = None
    __hash__ = None

t = Tiny(5)
print(t, int(t), float(t), t.__index__(), t.denominator, isinstance(t, numbers.Rational))
print(list(range(10))[Tiny(3)])

def describe(x):
    if isinstance(x, numbers.Integral):
        return 'integral'
    if isinstance(x, numbers.Rational):
        return 'rational'
    if isinstance(x, numbers.Real):
        return 'real'
    return 'other'

print([describe(x) for x in (3, Fraction(3, 4), 0.75, 'q')])
