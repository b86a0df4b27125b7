# PEP 560 __mro_entries__ (a base that is not a class names its stand-ins; __orig_bases__ keeps
# the bases as written), typing.TypedDict in class and functional form, dataclass(slots=True),
# a dict subclass answering attributes through __getattr__, and a function's __closure__.
import dataclasses
import typing


class Marker:
    def __mro_entries__(self, bases):
        return (Base,)


class Base:
    def hello(self):
        return "hello from " + type(self).__name__


class Derived(Marker(), object):
    pass


print(Derived.__mro__[1].__name__, Derived().hello(), len(Derived.__orig_bases__), "__orig_bases__" in Base.__dict__)


class Movie(typing.TypedDict, total=False):
    title: str
    year: int


class Rated(Movie):
    stars: float


m = Movie(title="Blade Runner", year=1982)
print(type(m).__name__, m, sorted(Movie.__optional_keys__), sorted(Rated.__required_keys__), Movie.__total__, list(Rated.__annotations__))
Point = typing.TypedDict("Point", {"x": int, "y": int})
print(Point(x=1, y=2), sorted(Point.__required_keys__))
try:
    isinstance(m, Movie)
except TypeError as e:
    print("TypeError:", e)


@dataclasses.dataclass(slots=True)
class Slotted:
    x: int
    y: int = 0


s = Slotted(1)
print(s, Slotted.__slots__, hasattr(s, "__dict__"))
try:
    s.z = 3
except AttributeError as e:
    print("AttributeError")


class Config(dict):
    def __getattr__(self, key):
        try:
            return self[key]
        except KeyError:
            raise AttributeError(key) from None


c = Config(depth=3)
print(c.depth, getattr(c, "missing", "none"), hasattr(c, "items"))


def counter():
    count = [0]
    step = 2

    def bump():
        count[0] += step
        return count[0]
    return bump


b = counter()
b()
print(b(), [cell.cell_contents for cell in b.__closure__], b.__code__.co_freevars, counter.__closure__)
