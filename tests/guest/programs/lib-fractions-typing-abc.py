# fractions.Fraction (construction, normalization, mixed arithmetic, comparisons, hashing,
# rounding, limit_denominator, from_float, errors); typing (aliases and their reprs, TypeVar,
# Generic, NamedTuple, cast, overload, get_type_hints); abc and collections.abc.
from fractions import Fraction
import math

F = Fraction
print(F(6, -4), F(5), F('3/9'), F(' -1.25e1 '), F('7'), F(0.5), F(F(1, 3), F(2, 5)), F(), F(2.5).as_integer_ratio())
a, b = F(1, 3), F(3, 4)
print(a + b, a - b, a * b, a / b, a // b, b % a, divmod(b, a), -a, +a, abs(-b), a ** 2, a ** -2, F(-2, 3) ** -3, b ** 0.5)
print(a + 1, 1 - a, 2 * a, 1 / a, a + 0.5, 0.5 * a, a ** F(2), 2 ** F(1, 2), 4 ** F(2), 7 // a, 7 % b, 1.0 // b)
print(a < b, a <= 1, b > 0.7, a == F(2, 6), a == 1 / 3, F(1, 2) == 0.5, F(3) == 3, a != b, min(b, a, F(1, 4)), sorted([b, 0.5, a, 1]))
print(hash(F(3)) == hash(3), hash(F(1, 2)) == hash(0.5), hash(F(-7, 1)), hash(F(1, 3)), hash(F(-5, 7)), hash(F(10 ** 30, 7)))
print(len({F(1, 2), 0.5, F(2, 4)}), {F(2): 'two'}[F(4, 2)], bool(F(0)), bool(a), int(F(-7, 2)), math.floor(F(-7, 2)), math.ceil(F(-7, 2)), math.trunc(F(7, 2)))
print(round(F(5, 2)), round(F(7, 2)), round(F(-5, 2)), round(F(1, 3), 2), round(F(12345, 1), -2), float(F(1, 3)), str(F(-3, 1)), repr(F(-3, 1)))
print(F.from_float(0.1), F.from_float(0.1).limit_denominator(10), F(math.pi).limit_denominator(1000), F(1, 3).limit_denominator(2), F(3, 7).limit_denominator(100))
print(a.numerator, a.denominator, '%.3f' % a, '{}'.format(a), '{!r:>20}'.format(b), sum([F(1, n) for n in range(1, 6)]), F(1, 3) < float('inf'), F(1) > float('-inf'))
for call in (lambda: F(1, 0), lambda: F('x'), lambda: F('1/0'), lambda: F(1.5, 2), lambda: a / 0, lambda: F([]), lambda: F(0) ** -1, lambda: F.from_float('1'), lambda: a.limit_denominator(0), lambda: '{:.4f}'.format(b)):
    try:
        call()
    except (ZeroDivisionError, ValueError, TypeError) as e:
        print(type(e).__name__, e)

import typing
from typing import Any, Callable, Dict, Generic, List, NamedTuple, Optional, Set, Tuple, TypeVar, Union, cast, overload, get_type_hints
print(List[int], Dict[str, List[int]], Optional[str], Union[int, None], Union[int, str, int], Union[int], Tuple[int, ...], Tuple[()], Set[float])
print(Callable[[int, str], bool], Callable[..., Any], typing.Iterable[int], typing.Mapping[str, int], Any, Optional[List[int]], Union[None, int])
T = TypeVar('T')
K = TypeVar('K', bound=int)
V = TypeVar('V', int, str, covariant=True)
print(T, K, V, T.__name__, V.__constraints__, K.__bound__, List[T], Dict[T, int])


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, x: T) -> None:
        self.items.append(x)

    def pop(self) -> T:
        return self.items.pop()


s = Stack()
s.push(1)
s.push(2)
print(s.pop(), s.items, isinstance(s, Stack), cast(str, 5), cast('int', 'x'), typing.TYPE_CHECKING, List == List, List[int] == List[int])
Pair = NamedTuple('Pair', [('left', int), ('right', str)])
p = Pair(1, 'x')
print(p, p.left, p[1], Pair._fields, p._replace(left=5), tuple(p), Pair(right='r', left=0), Pair.__annotations__)
Emp = NamedTuple('Emp', name=str, id=int)
print(Emp('a', 1), Emp._fields)


@overload
def f(x: int) -> int: ...


@overload
def f(x: str) -> str: ...


def f(x):
    return x * 2


def g(a: int, b: 'str' = 'x') -> bool:
    return True


print(f(3), f('ab'), typing.get_origin(List[int]), typing.get_args(Dict[str, int]), typing.get_args(int))
print(isinstance([], List), isinstance({}, typing.Dict), issubclass(list, typing.Sequence), typing.Deque[int]([1, 2]), typing.DefaultDict[str, int](int))
for call in (lambda: isinstance([], List[int]), lambda: Any(), lambda: Dict[int], lambda: Callable[int, str], lambda: isinstance(1, Any), lambda: List[int]([1]), lambda: typing.Iterable()):
    try:
        call()
    except TypeError as e:
        print('TypeError', e)

from abc import ABC, ABCMeta, abstractmethod
from collections import abc as cabc
import collections.abc


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def name(self):
        ...


class Square(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s ** 2

    def name(self):
        return 'square'


class Half(Shape):
    def area(self):
        return 0


print(Square(3).area(), type(Shape) is ABCMeta, type(Square).__name__, isinstance(Square(1), Shape), sorted(Shape.__abstractmethods__), Square.__abstractmethods__)
for cls in (Shape, Half):
    try:
        cls()
    except TypeError as e:
        print('TypeError', e)


class Sink:
    pass


Shape.register(Sink)
print(isinstance(Sink(), Shape), issubclass(Sink, Shape), issubclass(int, Shape), collections.abc is cabc)
builtin_values = [[], (), {}, set(), frozenset(), 'ab', b'ab', bytearray(), range(3), 3, 2.5, None, len, iter([]), (x for x in ()), {}.keys(), {}.items(), {}.values()]
for name in ('Iterable', 'Iterator', 'Generator', 'Sized', 'Container', 'Collection', 'Hashable', 'Callable', 'Sequence',
             'MutableSequence', 'Mapping', 'MutableMapping', 'Set', 'MutableSet', 'Reversible', 'ByteString', 'KeysView', 'ItemsView', 'ValuesView'):
    abc_cls = getattr(cabc, name)
    print('%-16s' % name, ''.join('1' if isinstance(v, abc_cls) else '.' for v in builtin_values))


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n


class Bag(cabc.Sequence):
    def __init__(self, *items):
        self._items = list(items)

    def __getitem__(self, i):
        return self._items[i]

    def __len__(self):
        return len(self._items)


class Unhashable:
    __hash__ = None


bag = Bag(3, 1, 3)
print(isinstance(Countdown(2), cabc.Iterator), list(Countdown(3)), isinstance(Unhashable(), cabc.Hashable), isinstance(Countdown(1), cabc.Sized))
print(list(bag), 3 in bag, bag.index(1), bag.count(3), list(reversed(bag)), len(bag), isinstance(bag, cabc.Reversible), issubclass(Bag, cabc.Iterable))
