# classes: __init__, methods, attributes, class variables, __repr__/__str__.
class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __str__(self):
        return f"({self.x}, {self.y})"
    def dist2(self, other):
        return (self.x - other.x) ** 2 + (self.y - other.y) ** 2
    def moved(self, dx=0, dy=0):
        return Point(self.x + dx, self.y + dy)
p = Point(1, 2)
q = p.moved(dx=3, dy=4)
print(p, q, repr(p), [p, q], str(q), p.dist2(q), Point.dims, p.dims)
p.x = 10
print(p, p.__class__.__name__, type(p).__name__, isinstance(p, Point))
print(hasattr(p, "x"), hasattr(p, "z"), getattr(p, "y"), getattr(p, "z", "none"))
setattr(p, "z", 99)
print(p.z)
class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
        self.n = 0
    def tick(self):
        self.n += 1
        return self
for _ in range(3):
    c = Counter()
print(Counter.instances, c.tick().tick().n)
class Temp:
    def __init__(self, c):
        self._c = c
    @property
    def f(self):
        return self._c * 9 / 5 + 32
    @staticmethod
    def unit():
        return "C"
    @classmethod
    def zero(cls):
        return cls(0)
t = Temp(100)
print(t.f, Temp.unit(), Temp.zero().f, t.unit())
class Plain:
    pass
pl = Plain()
pl.attr = [1]
print(pl.attr, type(pl).__name__)
class Stack:
    def __init__(self):
        self.items = []
    def push(self, v):
        self.items.append(v)
    def pop(self):
        return self.items.pop()
    def __len__(self):
        return len(self.items)
    def __bool__(self):
        return bool(self.items)
s = Stack()
print(bool(s), len(s))
for i in range(4):
    s.push(i * i)
print(len(s), s.pop(), s.pop(), bool(s))
