# sets of small ints (CPython order is by hash) and sorted() for strings.
s = {5, 3, 1, 3, 5, 7}
print(s, len(s), 3 in s, 4 in s)
s.add(2)
s.discard(7)
s.discard(100)
s.remove(1)
print(s)
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print({1, 2} <= a, {1, 2} < {1, 2}, a.issubset({1, 2, 3, 4, 5}), a.isdisjoint({9}))
words = {"pear", "apple", "fig", "apple"}
print(sorted(words), len(words))
print(set(), set([3, 2, 1]), set(range(10, 0, -2)), {x % 4 for x in range(20)})
c = set(a)
c.update([10, 11], {12})
print(sorted(c), c == a, frozenset([1, 2]) == {1, 2})
u = a.copy()
u -= {1}
u |= {9}
u &= {2, 3, 9, 10}
print(u)
print(sorted({"b", "c", "a"} - {"c"}), sorted(set("hello")))
print(len({(1, 2), (1, 2), (2, 1)}), {True, 1, 1.0}, {0, False})
p = {8, 9, 10}
print(p.pop() in {8, 9, 10}, len(p))
seen = set()
out = []
for x in [3, 1, 3, 2, 1, 5]:
    if x not in seen:
        seen.add(x)
        out.append(x)
print(out, sorted(seen))
