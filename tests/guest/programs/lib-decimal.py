import math
from decimal import Decimal, getcontext, localcontext, InvalidOperation, DivisionByZero, ROUND_HALF_UP, ROUND_DOWN
import decimal
a = Decimal('1.10')
b = Decimal('2.205')
print(a, b, repr(a), a + b, a - b, a * b, b / a, -a, +b, abs(Decimal('-3.5')))
print(Decimal(1) / Decimal(3), Decimal(2) / Decimal(3), Decimal(10) / Decimal(4), Decimal('1E+2') / Decimal(5), Decimal(1) / Decimal(8))
print(Decimal(0.1), Decimal(1.5), Decimal(-2), Decimal('  3.14  '), Decimal('1e-7'), Decimal('123E+3'), Decimal('-0'), Decimal('0.000001'), Decimal('0.0000001'))
print(Decimal('Infinity'), Decimal('-inf'), Decimal('NaN'), Decimal((0, (1, 4, 1), -2)), Decimal(10) ** 3, Decimal('1.5') ** 2, Decimal(2) ** -2)
print(b.quantize(Decimal('0.01')), b.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP), Decimal('7.325').quantize(Decimal('.01'), ROUND_DOWN), Decimal('2.5').quantize(Decimal('1')))
print(a == Decimal('1.1'), a < b, a > 1, a == 1.1, Decimal('0.5') == 0.5, Decimal(2) == 2, hash(Decimal(2)) == hash(2), hash(Decimal('0.5')) == hash(0.5), hash(Decimal('1.10')) == hash(Decimal('1.1')))
print(int(Decimal('7.9')), int(Decimal('-7.9')), float(Decimal('2.5')), round(Decimal('2.5')), round(Decimal('3.14159'), 2), Decimal('17') // 5, Decimal('17') % 5, divmod(Decimal('-17'), 5))
print(Decimal('1.200').normalize(), Decimal('100').normalize(), Decimal(2).sqrt(), Decimal(16).sqrt(), Decimal('0.25').sqrt(), a.as_tuple())
print(sum([Decimal('0.1')] * 10), Decimal('0.1') * 3 == Decimal('0.3'), sorted([Decimal('2.5'), Decimal('-1'), Decimal('0.3')]), max(Decimal(1), Decimal('1.5')))
print(getcontext().prec, getcontext().rounding)
with localcontext() as ctx:
    ctx.prec = 5
    print(Decimal(1) / Decimal(7), Decimal('123456789') + 0)
print(Decimal(1) / Decimal(7))
print(f'{Decimal("3.14159"):.2f}', '{:>10}'.format(Decimal('1.5')), str(Decimal('1.5') + 1), 1 + Decimal('1.5'), 3 * Decimal('0.1'))
def err(f):
    try:
        print('ok', f())
    except Exception as e:
        print(type(e).__name__, e)
err(lambda: Decimal('abc'))
err(lambda: Decimal(1) / 0)
err(lambda: Decimal(0) / 0)
err(lambda: Decimal([1]))
err(lambda: int(Decimal('NaN')))
print(issubclass(decimal.DivisionByZero, ZeroDivisionError), issubclass(decimal.InvalidOperation, ArithmeticError))
print(math.isqrt(2*10**60), math.isqrt(10**100+12345), math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(2**53+1))
