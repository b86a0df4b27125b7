# Subclasses of tuple (namedtuple's shape) and a class used as a decorator.
class Pair(tuple):
    __slots__ = ()

    def __new__(cls, a, b):
        return tuple.__new__(cls, (a, b))

    @property
    def first(self):
        return self[0]

    def __repr__(self):
        return 'Pair(%r, %r)' % self


p = Pair(1, 'b')
print(p, p.first, p[1], p[-1], len(p), type(p).__name__, isinstance(p, tuple), p == (1, 'b'))
a, b = p
print(a, b, p + (3,), type(p + (3,)).__name__, p * 2, p[::-1], list(p), 'b' in p, hash(p) == hash((1, 'b')))
print(sorted([Pair(2, 0), Pair(1, 5)]), {p: 1}[(1, 'b')], tuple.__new__(Pair, [7, 8]), tuple.__new__(tuple, 'ab'))


class Plain(tuple):
    pass


q = Plain([3, 4])
print(q, type(q).__name__, q[0], Plain(), type(Plain()).__name__, max(q))


class Tagged(tuple):
    def __init__(self, items):
        self.n = len(items)


try:
    Tagged([1])
except AttributeError as e:
    print('AttributeError', e)
try:
    tuple.__new__(int, ())
except TypeError as e:
    print('TypeError', e)


class Register:
    def __init__(self, func):
        self.func = func
        self.calls = 0

    def __call__(self, *args):
        self.calls += 1
        return self.func(*args)


@Register
def double(x):
    return 2 * x


class Host:
    @Register
    def method(x):
        return x + 1


print(double(4), double(5), double.calls, double.func.__name__, Host.method(1), Host.method.calls)
