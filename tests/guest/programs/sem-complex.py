import math
print(1j, 1.5J, 1e3j, 1_0j, 01j, .5j, 1.j)
a = 1 + 2j
b = 3 - 4j
print(a, b, a + b, a - b, a * b, a / b, -a, +a, abs(b))
print(a + 1, 1 + a, a * 2.5, 2.5 * a, a - 1, 1 - a, 1 / a, a / 2, True + a)
print(a ** 2, a ** 0, a ** -1, a ** 0.5, 2 ** a, a ** b, 0j ** 0, 1j ** 101, (1+1j) ** 200 if False else 0)
print(complex(), complex(1), complex(1, 2), complex('1+2j'), complex(' (3-4J) '), complex('j'), complex('-j'), complex('1e3'), complex(1.5, -0.0))
print(complex(1j, 1j), complex(1+2j, 3), complex(2, 1j), complex(real=3, imag=4), complex(True), complex('inf'), complex('-nanj'))
print(repr(-0j), repr(0j), repr(complex(-0.0, 0.0)), repr(complex(0.0, -0.0)), complex(float('nan'), float('inf')), complex(1e300, -1e-300))
print(a.real, a.imag, a.conjugate(), type(a.real), (5j).real)
print(bool(0j), bool(1j), bool(complex(0.0, -0.0)), bool(1+0j))
print(a == a, a == 1 + 2j, a != b, 1 + 0j == 1, 1 == 1 + 0j, 1.0 + 0j == 1.0, 1j == 1, a == 'x', [1j] == [1j])
print(hash(1 + 0j) == hash(1), hash(1.5 + 0j) == hash(1.5), hash(1j), hash(a), hash(b), hash(complex(-1, 0)), hash(-2 + 3j))
d = {1: 'one', 2j: 'two j'}
print(d[1 + 0j], d[2j], d.get(complex(0, 2)), 1.0 + 0j in d, len({1, 1 + 0j, 1.0, 2j, complex(0, 2)}))
print(str(a), repr(a), f'{a}', '%s %r' % (a, b), str([a, b]))
for spec in ['', '>12', '+', '.3f', '.2e', 'g', '^20', '*<15', ',', '#', 'z.1f', '.0']:
    print(repr(format(a, spec)), repr(format(complex(-1234.5, 0.25), spec)))
for bad in ['010', '=10', '%', 'd']:
    try:
        format(a, bad)
    except ValueError as e:
        print('ValueError', e)
def err(f):
    try:
        r = f()
        print('ok', r)
    except Exception as e:
        print(type(e).__name__ + ':', e)
err(lambda: a < b)
err(lambda: a >= 1)
err(lambda: 1 <= a)
err(lambda: a / 0)
err(lambda: a / 0j)
err(lambda: 1 / 0j)
err(lambda: 0j ** -1)
err(lambda: 0j ** 1j)
err(lambda: a // 2)
err(lambda: a % 2)
err(lambda: divmod(a, 2))
err(lambda: int(a))
err(lambda: float(a))
err(lambda: round(a))
err(lambda: math.sqrt(a))
err(lambda: complex('1+2'))
err(lambda: complex('1+2j', 3))
err(lambda: complex(1, '2'))
err(lambda: complex([]))
err(lambda: complex(1, []))
err(lambda: complex('x'))
err(lambda: complex(''))
err(lambda: 1e308j * 1e308j)
err(lambda: (1e200+1e200j) ** 5)
err(lambda: abs(complex(1e308, 1e308)))
err(lambda: a & 1)
err(lambda: ~a)
err(lambda: 10 ** 400 * 1j)
print((-8) ** (1/3), (-2.0) ** 0.5, (-1) ** 0.5, pow(-4, 0.5))
print(isinstance(a, complex), type(a), type(a).__name__, complex.__name__)
print(a.__add__(1), a.__radd__(1), a.__mul__('x'), (1j).__eq__(1j), a.__abs__())
print(sum([1j, 2, 3.5]), max([abs(1j), abs(2+0j)]))
print(1j * 1j, 1e-320j, 1e16j, 1.23456789012345678j, complex(1e16, 1e-7))
class C:
    def __complex__(self):
        return 2 + 3j
class F:
    def __float__(self):
        return 1.5
print(complex(C()), complex(F()), complex(F(), F()))
x = 0j
x += 1
x *= 2j
x -= 1
x /= 2
print(x)
print(-1j, (-1j).real, [-(0j)])
for v in [1+2j, 2j, -1-1j, 3, 1.5-0.5j]:
    match v:
        case 1+2j: print('a')
        case 2j: print('b')
        case -1-1j: print('c')
        case 1.5-0.5j: print('e')
        case _: print('d')
class MyC(complex):
    def hello(self):
        return 'hi'
m = MyC(1, 2)
print(m, type(m).__name__, m + 1, m.hello(), isinstance(m, complex), m == 1+2j, m.real)
def err(f):
    try:
        print('ok', f())
    except Exception as e:
        print(type(e).__name__ + ':', e)
err(lambda: pow(1j, 2, 3))
err(lambda: '%f' % 1j)
err(lambda: '%d' % 1j)
err(lambda: '{:.2f}'.format(1j))
err(lambda: sorted([1j, 2j]))
err(lambda: complex('1e500j'))
err(lambda: complex('1+2j)'))
err(lambda: 1j.__class__)
err(lambda: (1j).imag.__class__)
err(lambda: hash(complex(-1, 0)))
err(lambda: [x * 1j for x in range(3)])
err(lambda: {1j: 1}[complex(0, 1)])
err(lambda: list(map(abs, [3+4j, -5j])))
err(lambda: complex.conjugate(1+2j))
err(lambda: (1+2j).conjugate())
err(lambda: divmod(1j, 1j))
err(lambda: 1j % 1j)
err(lambda: complex(None))
err(lambda: complex(1, None))
err(lambda: 2 ** 1j)
err(lambda: 0 ** 1j)
err(lambda: 0.0 ** -1j)
err(lambda: (-1) ** 0.5)
err(lambda: -1 ** 0.5)
err(lambda: (1j).__round__)
err(lambda: max(1j, 2j))
