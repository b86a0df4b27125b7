# functools.singledispatch and singledispatchmethod: registration by argument, by annotation (also
# a string annotation), dispatch along the MRO and to ABCs, the registry, and the errors.
import collections.abc
from functools import singledispatch, singledispatchmethod
from numbers import Integral


@singledispatch
def describe(x):
    return "object " + type(x).__name__


@describe.register(int)
def _(x):
    return "int %d" % x


@describe.register
def _(x: list):
    return "list of %d" % len(x)


@describe.register
def _(x: "dict"):
    return "dict with " + ", ".join(sorted(x))


@describe.register(collections.abc.Set)
def _(x):
    return "a set-like of %d" % len(x)


class MyInt(int):
    pass


print(describe(3), describe(True), describe(MyInt(7)), describe([1, 2]), describe({"b": 1, "a": 2}))
print(describe(frozenset({1})), describe({1, 2, 3}), describe("s"), describe(2.5), describe(None))
print(describe.dispatch(bool).__name__, describe.dispatch(float) is describe.registry[object], sorted(t.__name__ for t in describe.registry if t is not object))
print(describe.__name__, describe.__wrapped__.__name__)


@singledispatch
def num(x):
    return "not a number"


num.register(Integral, lambda x: "integral %s" % x)
num.register(float, lambda x: "float %r" % x)
print(num(5), num(1.5), num("x"))
try:
    describe()
except TypeError as e:
    print("TypeError:", e)
try:
    @describe.register
    def _(x):
        return "no annotation"
except TypeError as e:
    print("TypeError:", str(e).split(":")[0])


class Shape:
    @singledispatchmethod
    def scale(self, factor):
        raise NotImplementedError("cannot scale by %r" % (factor,))

    @scale.register
    def _(self, factor: int):
        return "scaled by integer %d" % factor

    @scale.register(float)
    def _(self, factor):
        return "scaled by float %.1f" % factor


sh = Shape()
print(sh.scale(2), sh.scale(0.5))
try:
    sh.scale("big")
except NotImplementedError as e:
    print("NotImplementedError:", e)


def plain(self, k=1):
    return (self, k)


class K:
    @staticmethod
    def st(x):
        return x * 2

    @classmethod
    def cm(cls):
        return cls.__name__


print(plain.__get__(5)(), plain.__get__(None, int) is plain, K.__dict__["st"].__get__(None, K)(4), K.__dict__["cm"].__get__(K())(), K.__dict__["cm"].__get__(None, K)())
