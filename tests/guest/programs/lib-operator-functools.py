# operator and functools as real programs use them.
import functools
import operator
from functools import lru_cache, partial, reduce, total_ordering, wraps, cmp_to_key

print(operator.add(1, 2), operator.sub(5, 7), operator.mul('ab', 3), operator.truediv(7, 2))
print(operator.floordiv(7, 2), operator.mod(-7, 3), operator.pow(2, 10), operator.neg(4), operator.pos(-4))
print(operator.abs(-3.5), operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10), operator.invert(5))
print(operator.lshift(1, 5), operator.rshift(256, 3), operator.not_(0), operator.truth([]))
print(operator.eq(1, 1.0), operator.ne(1, 2), operator.lt(1, 2), operator.le(2, 2), operator.gt(1, 2), operator.ge(3, 2))
print(operator.is_(None, None), operator.is_not(1, None), operator.contains([1, 2], 2), operator.countOf([1, 2, 1], 1))
print(operator.indexOf('abc', 'c'), operator.getitem({'k': 'v'}, 'k'), operator.concat([1], [2]), operator.index(7))
l = [1, 2, 3]
operator.setitem(l, 0, 9)
operator.delitem(l, 1)
print(l, operator.iadd(l, [4]), l)
getter = operator.itemgetter(1)
pair = operator.itemgetter(2, 0)
print(getter('xyz'), pair('xyz'), getter({1: 'one'}), repr(pair))
rows = [('b', 2), ('a', 3), ('c', 1)]
print(sorted(rows, key=operator.itemgetter(1)), max(rows, key=operator.itemgetter(0)))


class Pt:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.inner = self if x > 100 else None

    def scale(self, k, dy=0):
        return (self.x * k, self.y * k + dy)


pts = [Pt(3, 1), Pt(1, 2), Pt(2, 0)]
print([p.x for p in sorted(pts, key=operator.attrgetter('y'))], operator.attrgetter('x', 'y')(pts[0]))
print(operator.attrgetter('inner.x')(Pt(200, 5)), repr(operator.attrgetter('x', 'inner.y')))
mc = operator.methodcaller('scale', 2, dy=1)
print(mc(pts[0]), repr(mc), operator.methodcaller('split', ',')('a,b'))
for thunk in (lambda: getter(5), lambda: operator.attrgetter('z')(pts[0]), lambda: operator.indexOf([1], 2),
              lambda: operator.add(1, 'a'), lambda: operator.index(1.5), lambda: operator.itemgetter(9)([1])):
    try:
        thunk()
    except Exception as e:
        print(type(e).__name__, e)

print(reduce(operator.add, [1, 2, 3, 4]), reduce(lambda a, b: a * b, [5], 2), reduce(operator.add, [], 'init'))
print(reduce(lambda acc, w: acc + len(w), ['ab', 'cde'], 0))
try:
    reduce(operator.add, [])
except TypeError as e:
    print('TypeError', e)


def power(base, exp, mod=None):
    return pow(base, exp, mod)


square = partial(power, exp=2)
cube_mod = partial(power, exp=3, mod=10)
print(square(9), cube_mod(7), square.func is power, square.args, square.keywords)
p2 = partial(partial(power, 2), exp=5)
print(p2(), p2.args, p2.keywords, p2(exp=3))
try:
    partial(5)
except TypeError as e:
    print('TypeError', e)


def trace(fn):
    @wraps(fn)
    def wrapper(*args, **kw):
        print('call', fn.__name__, args)
        return fn(*args, **kw)
    return wrapper


@trace
def area(w, h):
    """Area of a rectangle."""
    return w * h


print(area(3, 4), area.__name__, area.__doc__, area.__wrapped__(2, 2))


@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info())
fib.cache_clear()
print(fib.cache_info(), fib(10), fib.cache_info())
calls = []


@lru_cache(maxsize=2)
def sq(x):
    calls.append(x)
    return x * x


for x in [1, 2, 1, 3, 2, 1, 1]:
    sq(x)
print(calls, sq.cache_info())
info = sq.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize, info[0], type(info).__name__)


@lru_cache
def plain(a, b=1):
    return a + b


print(plain(1), plain(1, b=1), plain(1, 1), plain(a=1), plain.cache_info())
try:
    plain([1])
except TypeError as e:
    print('TypeError', e)


@functools.cache
def ways(n):
    return 1 if n <= 1 else ways(n - 1) + ways(n - 2)


print(ways(50), ways.cache_info().currsize)


@total_ordering
class Version:
    def __init__(self, *parts):
        self.parts = parts

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return 'V' + '.'.join(map(str, self.parts))


v1, v2, v3 = Version(1, 2), Version(1, 10), Version(1, 2)
print(v1 < v2, v1 <= v3, v2 > v1, v2 >= v1, v1 >= v2, v1 > v3, sorted([v2, v1, Version(0, 9)]))


@total_ordering
class Size:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return self.n == other.n

    def __ge__(self, other):
        return self.n >= other.n


print(Size(1) < Size(2), Size(2) <= Size(2), Size(3) > Size(2))
try:
    @total_ordering
    class Nothing:
        pass
except ValueError as e:
    print('ValueError', e)


def by_len_then_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a > b) - (a < b)


print(sorted(['pear', 'fig', 'apple', 'kiwi', 'date'], key=cmp_to_key(by_len_then_alpha)))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))

