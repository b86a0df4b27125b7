a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b, a <= b, {3} <= b, {3} < b, b >= {4}, a.isdisjoint({9}), a.isdisjoint(b))
print(a.union([7], (8,)), a.intersection(range(3)), a.difference({1}, {2}), a.symmetric_difference([4, 9]), a.issubset(range(10)), a.issuperset([1]))
s = set(); s.add(5); s.add(5); s.update([6, 7], {8}); print(s, len(s))
s.discard(100); s.discard(5); s.remove(6); print(s)
try:
    s.remove(100)
except KeyError as e:
    print("KeyError:", e)
print(s.pop(), s)
s.clear(); print(s, set(), bool(s))
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
print(set([3, 1, 2, 3]), set(range(20, 0, -3)), {x % 7 for x in range(30)}, {-1, -2, -3}, {10**20, 1, -5})
print(sorted({"banana", "apple", "cherry"}), len({"a", "b", "a"}), frozenset([1, 2]) if "frozenset" in dir(__builtins__) or True else None)
c = {1, 2}; c |= {3}; c &= {2, 3, 4}; c -= {9}; c ^= {5}; print(c)
print({1, 2} == {2, 1}, {1} != {1, 2}, {(1, 2), (2, 1)}, {True, 0, False}, {1.0, 1, True})
try:
    {[]}
except TypeError as e:
    print("TypeError:", e)
seen = set()
out = []
for x in [3, 1, 3, 2, 1, 5, 2]:
    if x not in seen:
        seen.add(x)
        out.append(x)
print(out, seen)
big = set(range(100))
for i in range(0, 100, 2):
    big.discard(i)
print(len(big), sorted(big)[:5], min(big), max(big), sum(big))
big.update(range(1000, 1010)); print(big)
m = {i * 37 % 101 for i in range(50)}
print(m)
print(set("hello"), sorted(set("mississippi")))
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return hash(self.v % 3)
    def __eq__(self, o): return isinstance(o, K) and self.v == o.v
    def __repr__(self): return "K%d" % self.v
ks = {K(1), K(4), K(1), K(7), K(2)}
print(len(ks), sorted(k.v for k in ks), K(4) in ks, K(10) in ks)
