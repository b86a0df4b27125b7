# The math module's float functions on a grid of arguments: every value must be CPython's (on
# glibc) to the last bit, errors included. gamma/lgamma are CPython's own Lanczos code; erf, erfc
# and cbrt are glibc's algorithms (not correctly rounded: cbrt(27.0) is 3.0000000000000004).
import math

names = ['sqrt', 'exp', 'exp2', 'expm1', 'log', 'log2', 'log10', 'log1p', 'sin', 'cos', 'tan',
         'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'cbrt',
         'gamma', 'lgamma', 'erf', 'erfc', 'fabs', 'degrees', 'radians']
grid = [-30.5, -7.25, -2.5, -1.0, -0.75, -0.1, -0.0, 0.0, 1e-300, 0.1, 0.3, 0.5, 0.9, 1.0, 1.5, 2.0,
        2.75, 3.0, 5.5, 8.0, 10.0, 27.0, 64.0, 100.0, 171.5, 710.0, float('inf'), float('-inf'), float('nan')]
for name in names:
    f = getattr(math, name)
    row = []
    for x in grid:
        try:
            row.append(repr(f(x)))
        except (ValueError, OverflowError) as e:
            row.append(type(e).__name__)
    print(name, ' '.join(row))

for n in (0, 1, 10, 10 ** 20, 2 ** 1100):
    print('int log', n, [repr(g(n)) if n else 'err' for g in (math.log, math.log2, math.log10)] if n else '-')
print(math.log(8, 2), math.log(100, 10), math.log(2 ** 1000, 2), math.pow(2, 0.5), math.pow(-8, 1 / 3) if False else math.pow(-2, 3))
print(math.atan2(1, 1), math.atan2(-0.0, -1), math.fmod(7.5, 2), math.fmod(-7.5, 2), math.modf(-3.25), math.frexp(1e-310), math.ldexp(0.75, 1030 - 1000))
print(math.copysign(3, -0.0), math.hypot(3e200, 4e200), math.cbrt(-27.0), math.gamma(0.5) ** 2, math.lgamma(0.5))
for bad in (lambda: math.pow(0.0, -1), lambda: math.pow(-8, 1 / 3), lambda: math.ldexp(1.0, 2000), lambda: math.exp(1000),
            lambda: math.gamma(-3), lambda: math.lgamma(0), lambda: math.gamma(180), lambda: math.log(0), lambda: math.ldexp(1.0, 2.0)):
    try:
        print(bad())
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
print(round(7), round(1234, -2), round(15, -1), round(25, -1), math.floor(7), math.ceil(-7), math.trunc(3), math.floor(2.5), math.ceil(-2.5), math.trunc(-2.7))
print(sorted(n for n in ('__round__', '__trunc__', '__floor__', '__ceil__') if n in int.__dict__), sorted(n for n in ('__round__', '__trunc__', '__floor__', '__ceil__') if n in float.__dict__))
