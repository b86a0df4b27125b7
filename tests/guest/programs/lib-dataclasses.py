from dataclasses import dataclass, field, fields, asdict, astuple, replace, FrozenInstanceError, is_dataclass, InitVar
@dataclass
class Point:
    x: float
    y: float = 0.0
    tags: list = field(default_factory=list)
p = Point(1.5)
print(p, p == Point(1.5), p == Point(2), p.tags)
print([f.name for f in fields(Point)], asdict(p), astuple(p))
q = replace(p, y=3)
print(q, is_dataclass(p), is_dataclass(Point), is_dataclass(3))
@dataclass(order=True, frozen=True)
class Card:
    rank: int
    suit: str = field(compare=False, default='S')
cs = sorted([Card(5, 'H'), Card(2), Card(9, 'D')])
print(cs, Card(2) < Card(3), hash(Card(2)) == hash(Card(2, 'H')))
try:
    cs[0].rank = 3
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
@dataclass
class Inv:
    name: str
    qty: int = 0
    price: float = 1.0
    def __post_init__(self):
        self.total = self.qty * self.price
i = Inv('a', 3, 2.5)
print(i, i.total)
@dataclass
class Nested:
    pts: list
    inv: Inv
n = Nested([Point(1, 2)], Inv('z'))
print(asdict(n))
try:
    Point()
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass
    class Bad2:
        a: list = []
except ValueError as e:
    print("ValueError:", e)
@dataclass
class Sub(Point):
    z: int = 5
print(Sub(1, 2, [], 3))
@dataclass(eq=False)
class NoEq:
    a: int
print(NoEq(1) == NoEq(1))
@dataclass
class WithInit:
    a: int
    scale: InitVar[int] = 2
    def __post_init__(self, scale):
        self.a *= scale
print(WithInit(3), WithInit(3, 10))
print(Point.__init__.__qualname__ if hasattr(Point.__init__, '__qualname__') else '')
@dataclass(unsafe_hash=True)
class H:
    a: int
print(hash(H(1)) == hash((1,)))
print(Point(1, 2).__match_args__)
match Point(1, 2):
    case Point(x, y):
        print("matched", x, y)
