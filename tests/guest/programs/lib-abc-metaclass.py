from abc import ABC, ABCMeta, abstractmethod
import collections.abc as cabc
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def name(self): ...
class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
    def name(self): return "sq"
print(type(Shape), type(Sq), type(ABC))
try:
    Shape()
except TypeError as e:
    print(e)
class Half(Shape):
    def area(self): return 1
try:
    Half()
except TypeError as e:
    print(e)
print(Sq(3).area(), isinstance(Sq(2), Shape))
class M(metaclass=ABCMeta):
    @abstractmethod
    def f(self): pass
try:
    M()
except TypeError as e:
    print(e)
class Reg: pass
M.register(Reg)
print(isinstance(Reg(), M), issubclass(Reg, M), M.__abstractmethods__)
print(isinstance([], cabc.Sequence), isinstance({}, cabc.Mapping), issubclass(int, cabc.Hashable), isinstance(iter([]), cabc.Iterator))
class MySeq(cabc.Sequence):
    def __len__(self): return 3
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
s = MySeq()
print(list(s), 20 in s, s.index(20), list(reversed(s)), type(MySeq))
class Sized2:
    def __len__(self): return 0
print(isinstance(Sized2(), cabc.Sized), issubclass(type(Sq), type))
