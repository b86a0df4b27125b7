# Enums mixing in str, int and float (IntEnum, IntFlag, StrEnum, class C(str, Enum)): members are
# instances of the data type, equal to and hashing as their value, with CPython 3.11 str/format/repr.
import enum
class Color(str, enum.Enum):
    RED = "red"
    BLUE = "blue"
class Pri(enum.IntEnum):
    LOW = 1
    HIGH = 2
class Perm(enum.IntFlag):
    R = 4
    W = 2
print(isinstance(Color.RED, str), Color.RED == "red", {"red": 1}[Color.RED], {Color.RED: 1}.get("red"), Color("red"), Color.RED.upper(), f"{Color.RED}", str(Color.RED), Color.RED.value, "x" + Color.RED)
print(isinstance(Pri.LOW, int), Pri.LOW + 1, Pri.HIGH > Pri.LOW, sorted([Pri.HIGH, Pri.LOW]), [0, 10, 20][Pri.HIGH], Pri(2), int(Pri.HIGH), f"{Pri.HIGH}", str(Pri.HIGH), repr(Pri.HIGH), Pri.LOW == 1, {1: 'a'}[Pri.LOW], hash(Pri.LOW) == hash(1))
print(Perm.R | Perm.W, int(Perm.R | Perm.W), Perm.R | 1, isinstance(Perm.R, int), Perm.R & 4, repr(Perm(6)), 6 in [Perm.R | Perm.W])
class S(enum.StrEnum):
    A = enum.auto()
    B = "bee"
print(S.A, S.A == "a", S.B.upper(), isinstance(S.B, str), list(S), f"{S.B:>5}")
print(repr(Perm.R | 1), repr(Perm(0)), Perm(0), repr(~Perm.R), Pri.HIGH * 2.5, Pri.LOW.name, Pri(1) is Pri.LOW, Color.BLUE.value, Color["BLUE"], list(Color), Color.RED.__class__.__mro__)
class Shape(float, enum.Enum):
    UNIT = 1.0
    HALF = 0.5
print(Shape.HALF * 2, Shape.HALF, repr(Shape.UNIT), Shape(0.5), isinstance(Shape.UNIT, float), f"{Shape.HALF}", round(Shape.HALF + 0.26, 1))
import copy, json
print(copy.copy(Pri.LOW) is Pri.LOW, json.dumps([Pri.HIGH, Color.RED, S.B]), sorted({Pri.HIGH: 1, Pri.LOW: 2}.items()))
