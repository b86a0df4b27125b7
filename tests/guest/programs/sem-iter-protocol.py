class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1

print(list(Countdown(5)), sum(Countdown(4)), max(Countdown(3)), sorted(Countdown(3)), [x * 2 for x in Countdown(2)])
c = Countdown(3)
print(next(c), next(c), list(c), list(c), next(c, "empty"))
class Range2:
    def __init__(self, n): self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 1
    def __len__(self): return self.n
    def __reversed__(self):
        return iter(range(self.n - 1, -1, -1))
r = Range2(4)
print(list(r), list(r), len(r), list(reversed(r)), 2 in r, 7 in r, list(zip(r, "abcd")), dict(enumerate(r)))
class Dyn:
    def __init__(self):
        self.data = {"a": 1}
    def __getattr__(self, name):
        if name.startswith("get_"):
            return lambda: name[4:].upper()
        raise AttributeError(f"Dyn has no {name}")
d = Dyn()
print(d.data, d.get_foo(), getattr(d, "get_bar")(), hasattr(d, "zzz"))
try:
    d.zzz
except AttributeError as e:
    print("AttributeError:", e)
class Logged:
    def __setattr__(self, name, value):
        print("set", name, "=", value)
        object.__setattr__(self, name, value)
lg = Logged()
lg.x = 5
lg.y = [1]
print(lg.x, lg.y, lg.__dict__)
class Adder:
    def __init__(self, n): self.n = n
    def __call__(self, x, *, scale=1): return (x + self.n) * scale
add5 = Adder(5)
print(add5(1), add5(2, scale=10), list(map(add5, [1, 2, 3])), callable(add5))
class Bag:
    def __init__(self, *items): self.items = list(items)
    def __len__(self): return len(self.items)
    def __bool__(self): return len(self.items) > 0
    def __contains__(self, x): return x in self.items
    def __iter__(self): return iter(self.items)
    def __eq__(self, other): return isinstance(other, Bag) and sorted(self.items) == sorted(other.items)
    def __ne__(self, other): return not self == other
    def __repr__(self): return f"Bag{tuple(self.items)!r}"
    def __iadd__(self, other):
        self.items.extend(other)
        return self
b1 = Bag(3, 1, 2)
print(len(b1), bool(b1), bool(Bag()), 2 in b1, 5 not in b1, b1 == Bag(1, 2, 3), b1 != Bag(1), list(b1))
b1 += [9]
print(b1, "empty" if not Bag() else "full")
it = iter([1, 2, 3])
print(list(zip(it, it)), list(iter(lambda: 1, 1)))
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(Seq()), 20 in Seq(), [v for v in Seq()])
def gen():
    yield from range(3)
g = gen()
print(iter(g) is g, list(g), type(g).__name__)
print(list(map(lambda p: p[0] * p[1], zip(range(5), range(5, 10)))), list(enumerate(Countdown(2), 10)))
e = enumerate(["x", "y"])
print(next(e), next(e), next(e, None))
z = zip([1, 2], "ab", (True, False))
print(next(z), list(z))
m = map(int, "123")
print(next(m), list(m), list(filter(str.isdigit, "a1b2")))
print(sorted(Countdown(5), reverse=True), min(Countdown(5), key=lambda v: abs(v - 3)), any(Countdown(0)), all(Countdown(0)))
