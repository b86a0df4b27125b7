# typing.Protocol: structural isinstance/issubclass for @runtime_checkable protocols, the errors
# for the others, and the Supports* protocols (the shape of pyperformance's typing_runtime_protocols).
from typing import Protocol, runtime_checkable, SupportsInt, SupportsFloat, SupportsIndex, SupportsAbs, SupportsRound, Iterable


class Drawable(Protocol):
    def draw(self) -> str: ...


class Square:
    def draw(self):
        return "square"


for call in (lambda: isinstance(Square(), Drawable), lambda: Drawable(), lambda: issubclass(Square, Drawable)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)


@runtime_checkable
class Closer(Protocol):
    def close(self): ...


class File:
    def close(self):
        pass


class Blocked:
    close = None


class Impl(Closer):
    def __init__(self, v):
        self.v = v


print(isinstance(File(), Closer), isinstance(Blocked(), Closer), isinstance(3, Closer))
print(issubclass(File, Closer), issubclass(Blocked, Closer), issubclass(int, Closer))
print(Impl(3).v, isinstance(Impl(1), Closer), Closer._is_protocol, Impl._is_protocol)


@runtime_checkable
class Named(Protocol):
    name: str

    def greet(self) -> str: ...


class Person:
    def __init__(self, name):
        self.name = name

    def greet(self):
        return "hi " + self.name


class Robot:
    def greet(self):
        return "beep"


print(isinstance(Person("ann"), Named), isinstance(Robot(), Named))
try:
    issubclass(Person, Named)
except TypeError as e:
    print("TypeError:", e)


@runtime_checkable
class Sized2(Closer, Protocol):
    def size(self) -> int: ...


class Both(File):
    def size(self):
        return 2


print(isinstance(Both(), Sized2), isinstance(File(), Sized2), sorted(a for a in ('close', 'size') if hasattr(Sized2, a)))

values = [3, 2.5, "7", True, 4 + 1j, b"x", [1], -7, Person("x")]
for proto in (SupportsInt, SupportsFloat, SupportsIndex, SupportsAbs, SupportsRound, Iterable):
    print(proto.__name__, [isinstance(v, proto) for v in values])

for bad in (int, Square):
    try:
        runtime_checkable(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    class Mixed(int, Protocol):
        pass
except TypeError as e:
    print("TypeError:", e)


# A hot loop of protocol checks, as the benchmark does.
count = 0
for i in range(300):
    v = values[i % len(values)]
    if isinstance(v, SupportsInt):
        count += 1
    if isinstance(v, Closer):
        count += 100
print(count)
