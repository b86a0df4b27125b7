class Vector:
    dims = 2
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Vector({self.x!r}, {self.y!r})"
    def __str__(self):
        return f"<{self.x}, {self.y}>"
    def __eq__(self, other):
        return isinstance(other, Vector) and (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __add__(self, other):
        if not isinstance(other, Vector):
            return NotImplemented
        return Vector(self.x + other.x, self.y + other.y)
    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y)
    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __neg__(self):
        return Vector(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __bool__(self):
        return bool(self.x or self.y)
    def __lt__(self, other):
        return abs(self) < abs(other)
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __iter__(self):
        yield self.x
        yield self.y
    def __contains__(self, v):
        return v == self.x or v == self.y

v, w = Vector(3, 4), Vector(1, -2)
print(v, repr(v), [v], v + w, v - w, v * 2, 3 * v, -v, abs(v), bool(v), bool(Vector(0, 0)))
print(v == Vector(3, 4), v != w, v == 5, len(v), v[0], v[-1], list(v), 4 in v, 9 in v, sorted([v, w, Vector(0, 1)]))
print({v: "a", Vector(3, 4): "b"}, len({v, Vector(3, 4), w}), max([v, w]), min(v, w))
try:
    v + 1
except TypeError as e:
    print("TypeError:", e)
try:
    v < 1
except TypeError as e:
    print("TypeError:", e)
x, y = v
print(x, y, Vector.dims, v.dims, hasattr(v, "z"), getattr(v, "z", "none"))
v.dims = 3
print(v.dims, Vector.dims, w.dims)
setattr(w, "label", "W")
print(w.label, vars(w) if False else w.__dict__)
delattr(w, "label")
print(hasattr(w, "label"))
try:
    w.label
except AttributeError as e:
    print("AttributeError:", e)

class Temperature:
    def __init__(self, c):
        self._c = c
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._c = value
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    @staticmethod
    def describe():
        return "temperature"
    @classmethod
    def freezing(cls):
        return cls(0)
t = Temperature(25)
print(t.celsius, t.fahrenheit, Temperature.describe(), t.describe(), Temperature.freezing().fahrenheit)
t.celsius = 100
print(t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError:", e)

class Plain:
    pass
p = Plain()
print(type(p).__name__, isinstance(p, Plain), isinstance(p, object), str(p).startswith("<__main__.Plain object at 0x"), p == p, p != Plain())
class Matrix:
    def __init__(self, rows): self.rows = rows
    def __getitem__(self, key):
        r, c = key
        return self.rows[r][c]
    def __setitem__(self, key, val):
        r, c = key
        self.rows[r][c] = val
    def __delitem__(self, key):
        print("del", key)
    def __call__(self, k):
        return [row[k] for row in self.rows]
    def __eq__(self, other):
        return self.rows == other.rows
m = Matrix([[1, 2], [3, 4]])
m[0, 1] = 20
del m[1, 1]
print(m[0, 1], m(0), m == Matrix([[1, 20], [3, 4]]))
try:
    hash(m)
except TypeError as e:
    print("TypeError:", e)
class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
        self.id = Counter.instances
    def __repr__(self):
        return "Counter#%d" % self.id
cs = [Counter() for _ in range(3)]
print(cs, Counter.instances)
class WithStrOnly:
    def __str__(self): return "only-str"
ws = WithStrOnly()
print(ws, str(ws), f"{ws}", "%s" % ws, [ws][0].__str__(), repr(ws).startswith("<__main__.WithStrOnly"))
class Num:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
    def __int__(self): return self.v
    def __float__(self): return float(self.v)
print([10, 20, 30][Num(1)], int(Num(7)), float(Num(2)), hex(Num(255)), "abc"[Num(2)], range(Num(3)))
class Ordered:
    def __init__(self, v): self.v = v
    def __le__(self, o): return self.v <= o.v
    def __ge__(self, o): return self.v >= o.v
    def __gt__(self, o): return self.v > o.v
print(Ordered(1) <= Ordered(2), Ordered(1) >= Ordered(2), Ordered(3) > Ordered(2), Ordered(1) < Ordered(2))
