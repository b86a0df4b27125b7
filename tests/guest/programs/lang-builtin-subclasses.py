# Subclasses of str, int and float are real instances: their own attributes and methods, the base's
# operators, hashing and dict keys on their value, formatting and copying; enums that mix them in.
import json, re
class Tok(str):
    pass
class Name(str):
    def __new__(cls, v):
        return super().__new__(cls, v.lower())
    def __init__(self, v):
        self.orig = v
    def shout(self): return self.upper() + "!"
a, b = Tok("ab"), Name("XY")
print(a, b, b.orig, b.shout(), repr(a), repr(b), str(b), type(str(b)).__name__, f"{b:>5}|{a!r}")
print(a == "ab", "ab" == a, a != "x", a < "b", "b" > a, a <= "ab", hash(a) == hash("ab"), a in {"ab"}, "ab" in {a}, a in "xaby", "b" in a)
print(len(a), a[0], a[-1:], list(a), a * 2, 2 * a, a + b, "q" + a, "-".join([a, b]), a.split("b"), "xabx".split(a), "%s/%r/%5s" % (a, b, a))
print(sorted([Name("B"), Name("a")]), max(a, "aa"), a.startswith(Tok("a")), "abc".replace(a, b), int(Tok("42")) + 1, float(Tok("1.5")), Tok("x").join("ab"))
print(json.dumps({a: [b]}), re.sub(a, "Z", "xxabyy"), re.match(Tok("a."), "ab").group(0), isinstance(a, str), issubclass(Tok, str))
d = {a: 1}; d[b] = 2; print(d, d.get("ab"), d["xy"], {"ab": 0}[a])
class Money(int):
    def __repr__(self): return f"Money({int(self)})"
    def __add__(self, o): return Money(int(self) + int(o))
m = Money(5)
print(m, m + 3, 3 + m, m * 2, type(m * 2).__name__, -m, abs(Money(-2)), m == 5, m < 6, hash(m) == 5, [10, 20, 30, 40, 50, 60][m], range(m), "%d %x %5.1f" % (m, m, m), f"{m:03d}", int(m), float(m), m.bit_length(), divmod(m, 2), m ** 2, bool(Money(0)))
class Meters(float):
    def __str__(self): return f"{float(self)} m"
x = Meters(2.5)
print(x, x + 1, type(x + 1).__name__, x * x, round(x), int(x), x > 2, f"{x:.2f}", repr(x), str(x), x.is_integer(), x == 2.5, {2.5: 'k'}[x])
class Flags(int):
    pass
print(Flags(3) | 4, Flags(7) & Flags(2), sum([Flags(1), Flags(2)]), sorted([Flags(3), 1]), isinstance(Flags(1), int), Flags("12"), Flags("ff", 16))
try:
    Tok(3).upper(); print(Tok(3), Tok(b"x"))
except TypeError as e: print(e)
import copy
print(copy.copy(a), copy.deepcopy(b), type(copy.copy(a)).__name__)

class MyList(list):
    def __repr__(self): return 'MyList(' + super().__repr__() + ')'
class D(dict):
    def __repr__(self): return 'D' + super().__repr__()
class FS(frozenset):
    pass
print(MyList([1, 2]), D(a=1), FS({3}), tuple.__repr__((1,)), list.__repr__(MyList([3])))
