# assorted forms real programs use
import math
data = [[1, 2], [3, 4]]
print(data[0][1:], data[-1][::-1])
for i, (a, b) in enumerate(data):
    print(i, a, b)
print(u"unicode prefix", U"also")
def opt(x: int | None = None) -> list[int] | None:
    return None if x is None else [x]
print(opt(), opt(3))
print((lambda *, k=1: k)(), (lambda *a, **k: (a, k))(1, x=2))
class Temperature:
    def __init__(self):
        self._c = 0.0
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v
    @celsius.deleter
    def celsius(self):
        self._c = 0.0
t = Temperature()
t.celsius = 25
print(t.celsius)
try:
    t.celsius = -300
except ValueError as e:
    print(e)
del t.celsius
print(t.celsius)
class Base:
    def hello(self):
        return "base"
class Child(Base):
    def hello(self):
        return "child+" + super().hello() + "+" + __class__.__name__
print(Child().hello())
buttons = {}
def on(event):
    def register(fn):
        buttons[event] = fn
        return fn
    return register
@on("click")
def clicked():
    return "clicked!"
print(buttons["click"]())
@(lambda f: f)
def identity_decorated():
    return "ok"
print(identity_decorated())
grid = {}
grid[1, 2] = "x"
print(grid[1, 2], grid)
x = y = z = 0
x += 1
print(x, y, z)
a = b = []
a.append(1)
print(b)
values = (v for v in range(3))
print(*values)
print(*[1, 2], *"ab", sep=",")
print(math.pi if (r := 2) > 1 else 0, r)
def gen():
    try:
        yield 1
        return
    finally:
        print("gen cleanup")
print(list(gen()))
while 0:
    pass
else:
    print("while-else with false condition")
try:
    raise ValueError("x")
except (TypeError, ValueError):
    print("caught without as")
n = 5
result = "odd" if n % 2 else "even"; print(result)
print(not None, not [], -(-3), +True)
print([i for i in range(10)][2:8:3])
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30})
print("{0}{1}{0}".format("a", "b"), "{:>{w}}|".format("r", w=4), "{x[0]}".format(x=[9]))
def kwonly_defaults(a, *, b=2, c):
    return a, b, c
print(kwonly_defaults(1, c=3))
print(sorted({3: "c", 1: "a"}.items(), key=lambda kv: kv[0], reverse=True))
nums = [3, 1, 2]
nums.sort(key=lambda n: -n)
print(nums, sum([[1], [2]], []))
class Meta:
    items = [1, 2]
    doubled = [i * 2 for i in items]
print(Meta.doubled)
print(f"{'nested ' + f'{1 + 1}'}", f"{x!r:>4}", f"{3.14159:.{2}f}")
