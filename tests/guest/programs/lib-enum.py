from enum import Enum, IntEnum, Flag, IntFlag, auto, unique, StrEnum
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
    def describe(self):
        return f"{self.name}={self.value}"
print(Color.RED, repr(Color.RED), Color(2), Color['BLUE'], Color.CRIMSON is Color.RED)
print(list(Color), len(Color), Color.RED in Color, Color)
print(Color.RED.describe(), type(Color.RED), isinstance(Color.RED, Color))
print(f"{Color.GREEN}", format(Color.GREEN), str(Color.GREEN), Color.GREEN.name, Color.GREEN.value)
print(list(Color.__members__), hash(Color.RED) == hash('RED'))
try:
    Color(7)
except ValueError as e:
    print("ValueError:", e)
try:
    Color['X']
except KeyError as e:
    print("KeyError:", e)
try:
    Color.RED = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    Color.RED < Color.GREEN
except TypeError as e:
    print("TypeError:", e)
class Num(IntEnum):
    ONE = 1
    TWO = 2
print(Num.ONE, repr(Num.TWO), Num.ONE + 1, Num.TWO * 3, Num.ONE == 1, Num.ONE < Num.TWO, sorted([Num.TWO, Num.ONE]))
print(f"{Num.TWO}", f"{Num.TWO:03d}", [10, 20, 30][Num.TWO], int(Num.TWO))
class Shape(Enum):
    CIRCLE = auto()
    SQUARE = auto()
    TRI = auto()
print(list(Shape), Shape.TRI.value)
class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, bool(Perm.R & Perm.X), list(Perm), repr(~Perm.R))
class P2(IntFlag):
    A = 1
    B = 2
    C = 4
print(P2.A | P2.B, repr(P2.A | P2.B), P2.A | 4, int(P2.C))
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError:", e)
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def gravity(self):
        return 6.673e-30 * self.mass / (self.radius * self.radius)
print(Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.gravity, 12))
Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.BEE.value)
class S(StrEnum):
    A = auto()
    B = 'bee'
print(S.A, repr(S.B), S.B == 'bee')
d = {Color.RED: 'r', Color.GREEN: 'g'}
print(d[Color.RED], Color.RED == Color.RED, Color.RED != Color.GREEN)
class State(Enum):
    IDLE = 'idle'
    RUN = 'run'
    @classmethod
    def _missing_(cls, value):
        return cls.IDLE
print(State('zzz'))
import copy
print(copy.deepcopy([Color.RED])[0] is Color.RED)
