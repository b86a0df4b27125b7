# __eq__, __hash__, __lt__ with sorted(), and other operator dunders.
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __eq__(self, other):
        return isinstance(other, Version) and self.parts == other.parts
    def __hash__(self):
        return hash(self.parts)
    def __lt__(self, other):
        return self.parts < other.parts
    def __repr__(self):
        return "v" + ".".join(str(p) for p in self.parts)
vs = [Version("1.10"), Version("1.2"), Version("1.2.1"), Version("0.9"), Version("1.2")]
print(sorted(vs), max(vs), min(vs))
print(Version("1.2") == Version("1.2"), Version("1.2") != Version("1.3"), Version("2") in vs)
print(len(set(vs)), {Version("1.2"): "x"}[Version("1.2")])
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __len__(self):
        return 2
    def __iter__(self):
        yield self.x
        yield self.y
    def __contains__(self, v):
        return v == self.x or v == self.y
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
    def __call__(self, s):
        return Vec(self.x * s, self.y)
a, b = Vec(1, 2), Vec(3, 4)
print(a + b, b - a, a * 3, 2 * a, -a, abs(b), a[0], a[-1], len(a), list(a), 2 in a, 5 in a, a(10))
v = Vec(0, 0)
v += Vec(1, 1)
print(v, tuple(b), sorted(Vec(5, 1)))
class Card:
    order = "23456789TJQKA"
    def __init__(self, rank, suit):
        self.rank, self.suit = rank, suit
    def __lt__(self, other):
        return (Card.order.index(self.rank), self.suit) < (Card.order.index(other.rank), other.suit)
    def __repr__(self):
        return self.rank + self.suit
hand = [Card(r, s) for r, s in [("K", "h"), ("2", "s"), ("A", "d"), ("T", "c"), ("2", "c")]]
print(sorted(hand), sorted(hand, reverse=True)[0])
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __str__(self):
        return "$%d.%02d" % divmod(self.cents, 100)
    def __eq__(self, other):
        return self.cents == other.cents
    def __le__(self, other):
        return self.cents <= other.cents
print(Money(1234), Money(5) == Money(5), Money(1) <= Money(2), Money(3) <= Money(2), str(Money(7)))
