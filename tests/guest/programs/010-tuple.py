# tuples: packing, unpacking, methods, comparison.
t = (1, 2, 3)
print(t, t[0], t[-1], t[1:], len(t), t.count(2), t.index(3))
a, b, c = t
print(a, b, c)
x, *rest = [10, 20, 30, 40]
*init, last = "hello"
first, *mid, end = range(6)
print(x, rest, init, last, first, mid, end)
print((1,), (), tuple([1, 2]), tuple("ab"), 1, (1))
p = 1, 2
print(p, type(p).__name__)
a, b = b, a
print(a, b)
(m, n), o = (1, 2), 3
print(m, n, o)
print((1, 2) + (3,), (0,) * 3, (1, 2) < (1, 3), (1, 2) == (1, 2), 2 in t)
coords = [(1, 2), (3, 4), (5, 6)]
for i, (px, py) in enumerate(coords):
    print(i, px, py, px * py)
print(max(coords), min(coords, key=lambda c: -c[1]), sorted(coords, reverse=True))
def minmax(seq):
    return min(seq), max(seq)
lo, hi = minmax([4, 8, 1, 9])
print(lo, hi, minmax("zebra"))
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "pt"}[(1, 2)])
print(tuple(i * i for i in range(5)))
