"""Decorators: plain, with arguments, stacked, on classes and methods."""

calls = []


def trace(fn):
    def wrapper(*args, **kwargs):
        calls.append(fn.__name__)
        return fn(*args, **kwargs)
    wrapper.__name__ = "traced_" + fn.__name__
    return wrapper


def repeat(times, sep=" "):
    def deco(fn):
        def inner(*a):
            return sep.join(str(fn(*a)) for _ in range(times))
        return inner
    return deco


registry = {}


def register(name=None):
    def deco(obj):
        registry[name or obj.__name__] = obj
        return obj
    return deco


@trace
def add(a, b):
    return a + b


@repeat(3, sep="-")
@trace
def square(x):
    return x * x


@register()
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    @staticmethod
    def origin():
        return Point(0, 0)

    @classmethod
    def diag(cls, n):
        return cls(n, n)

    @property
    def norm1(self):
        return abs(self.x) + abs(self.y)

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


@register("vec")
class Vector(Point):
    pass


def add_method(cls):
    cls.describe = lambda self: f"<{type(self).__name__} {self.x},{self.y}>"
    return cls


@add_method
class Tagged(Point):
    pass


print(add(2, 3), add.__name__)
print(square(4))
print(calls)
print(sorted(registry))
print(registry["vec"].diag(3), Point.origin(), Point(3, -4).norm1)
print(Tagged(1, 2).describe())
decorators = [trace, trace]
@decorators[0]
def twice():
    return "x"
print(twice(), twice.__name__)
