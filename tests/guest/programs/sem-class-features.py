class Base:
    """Doc of base."""
    count = 0
    def __init_subclass__(cls, **kw):
        Base.count += 1
    def hello(self):
        return self.__class__.__name__
class Sub(Base):
    pass
print(Base.__doc__, Sub.__doc__, Base.count, Sub().hello(), Sub.__name__, Sub.__qualname__, Sub.__module__)
def deco(cls):
    cls.tag = "decorated"
    return cls
@deco
class T:
    x: int = 5
    def method(self):
        """m doc"""
        return 1
print(T.tag, T.x, T.method.__doc__, T.method.__name__, T().method.__name__, T.__dict__["x"] if False else "")
class Slots:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1
s = Slots()
print(s.a)
class Eq:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
print(Eq(1) == Eq(1), Eq(1) != Eq(2), Eq.__hash__ is None)
class Outer:
    class Inner:
        def who(self): return "inner"
    def make(self): return self.Inner()
print(Outer().make().who(), Outer.Inner.__qualname__)
x = 10
def f():
    global x
    x = 20
    def g():
        nonlocal_test = 1
        return nonlocal_test
    return g()
print(f(), x)
class P:
    def __init__(self): self._v = 0
    v = property(lambda self: self._v, lambda self, val: setattr(self, "_v", val * 2))
p = P(); p.v = 5
print(p.v)
print(str(object())[:8], type(object()).__name__, isinstance(object, type))
class Cmp:
    def __init__(self, k): self.k = k
    def __lt__(self, o): return self.k < o.k
    def __repr__(self): return f"C{self.k}"
print(sorted([Cmp(3), Cmp(1), Cmp(2)]), max(Cmp(1), Cmp(5)), Cmp(2) > Cmp(1))
