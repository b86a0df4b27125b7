# reprlib: Repr's limits and defaults per type (tuple, list, array, set, frozenset, deque, dict, str,
# int, other), levels, fillvalue, repr_<typename> dispatch (names with spaces), sorted sets/dict keys
# and the unsortable fallback, failing __repr__, the module-level repr/aRepr, recursive_repr.
import reprlib, array, collections, threading

print(sorted(reprlib.__all__))
r = reprlib.Repr()
print(r.fillvalue, r.maxlevel, r.maxtuple, r.maxlist, r.maxarray, r.maxdict, r.maxset, r.maxfrozenset, r.maxdeque,
      r.maxstring, r.maxlong, r.maxother)
print(reprlib.repr is not None, isinstance(reprlib.aRepr, reprlib.Repr))
samples = [
    (), (1,), (1, 2), tuple(range(6)), tuple(range(7)),
    [], [1], list(range(6)), list(range(7)), [[[[[[[1]]]]]]], [[[[[[[]]]]]]],
    array.array('i'), array.array('i', [1]), array.array('d', range(5)), array.array('b', range(6)),
    set(), {3, 1, 2}, set(range(10)), {1, 'a', 2.5}, frozenset(), frozenset({5, 4}), frozenset(range(9)),
    collections.deque(), collections.deque(range(3)), collections.deque(range(10)),
    {}, {'b': 1, 'a': 2}, {i: i * i for i in range(6)}, {1: 'x', 'y': 2}, {'k': {'k': {'k': {'k': {'k': {'k': {'k': 1}}}}}}},
    '', 'abc', 'x' * 30, 'x' * 31, 'abcdefghijklmnopqrstuvwxyz0123456789', "it's" * 10, 'é\n' * 20,
    0, -5, 10 ** 39, 10 ** 40, -10 ** 45, 2 ** 200,
    1.5, None, True, b'bytes' * 10, range(100), len, object,
]
for x in samples:
    print(reprlib.repr(x))
r.maxlist = 2
r.maxlevel = 2
r.maxstring = 10
r.maxlong = 8
r.maxother = 12
r.maxdict = 1
r.fillvalue = '<+>'
for x in ([1, 2, 3], [[1, [2, [3]]]], {'a': [1, 2, 3], 'b': 2}, 'abcdefghijklmnop', 12345678901234, 2 ** 100,
          (1, 2, 3, 4, 5, 6, 7), {1, 2, 3, 4, 5, 6, 7}, [[]], [(), {}], range(1000000), 'short'):
    print(r.repr(x))
for m in (0, 1, 2, 3, 4, 5):
    r.maxstring = m
    r.maxlong = m
    r.maxother = m
    print(m, r.repr('abcdefghij'), r.repr(123456789012), r.repr(object))


class Bad:
    def __repr__(self):
        raise ValueError('no')


s = reprlib.repr(Bad())
print(s.startswith('<Bad instance at 0x'), s.endswith('>'))


class Long:
    def __repr__(self):
        return 'L' * 100


print(reprlib.repr(Long()))


class MyRepr(reprlib.Repr):
    def repr_int(self, x, level):
        return 'INT(%d)' % x

    def repr_builtin_function_or_method(self, x, level):
        return 'BUILTIN ' + x.__name__

    def repr_Point(self, x, level):
        return 'P' + self.repr1(x.xy, level - 1)


class Point:
    def __init__(self, *xy):
        self.xy = xy


m = MyRepr()
print(m.repr([1, 2, len, Point(1, 2, 3, 4, 5, 6, 7)]), m.repr1(5, 3))
print(m.repr({'a': [1, 2, 3]}))
m.maxlevel = 1
print(m.repr([[1], {2: 3}, (4,), {5}, frozenset({6}), collections.deque([7]), array.array('i', [8])]))
print(m.repr([[], {}, (), set(), frozenset(), collections.deque(), array.array('i')]))
m.maxlevel = 0
print(m.repr([1]), m.repr([]), m.repr({1: 2}), m.repr(5))


class Node:
    def __init__(self, name):
        self.name = name
        self.children = []

    @reprlib.recursive_repr()
    def __repr__(self):
        return 'Node(%s, %r)' % (self.name, self.children)


class Box:
    def __init__(self):
        self.items = [self]

    @reprlib.recursive_repr('<self>')
    def __repr__(self):
        """Box's repr."""
        return 'Box(%r)' % (self.items,)


a = Node('a')
b = Node('b')
a.children.append(b)
b.children.append(a)
a.children.append(a)
print(repr(a))
print(repr(Box()), Box.__repr__.__name__, Box.__repr__.__qualname__, Box.__repr__.__doc__, Box.__repr__.__module__)
out = []
t = threading.Thread(target=lambda: out.append(repr(a)))
t.start()
t.join()
print(out)
try:
    reprlib.Repr(maxlist=3)
except TypeError as e:
    print('TypeError', e)
