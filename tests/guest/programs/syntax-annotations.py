from math import sqrt
x: int = 3
y: "forward ref"
name: str
def dist(p: tuple[float, float], q: "tuple" = (0.0, 0.0)) -> float:
    dx: float = p[0] - q[0]
    dy: float
    dy = p[1] - q[1]
    return sqrt(dx * dx + dy * dy)

print(x, dist((3.0, 4.0)))
try:
    print(y)
except NameError as e:
    print("NameError:", e)

class Point:
    x: int
    y: int = 0
    label: "str" = "p"
    def __init__(self, x: int, y: int = 0) -> None:
        self.x: int = x
        self.y = y

p = Point(2)
print(p.x, p.y, Point.y, Point.label, hasattr(Point, "x"))
def variadic(*args: int, key: str = "k", **kw: object) -> list[int]:
    return list(args)
print(variadic(1, 2))
lst: list = []
lst.append(1)
d: dict[str, int] = {}
d["a"]: int = 5
print(lst, d)
def nested() -> None:
    local: int
    return None
print(nested())
lam = lambda v: v
print(lam(1))
