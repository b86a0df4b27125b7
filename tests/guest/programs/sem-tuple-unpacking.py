t = (1, 2, 3, 2, 1)
print(t, len(t), t.count(2), t.index(3), t.index(1, 1), t[1:3], t[::-1], t + (4,), t * 2, 2 in t, (1,) * 3, ())
try:
    t.index(9)
except ValueError as e:
    print("ValueError:", e)
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9, 9), (1, "a") == (1, "a"), tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple({"k": 1}))
a, b = 1, 2
a, b = b, a
print(a, b)
first, *rest = [1, 2, 3, 4]
*init, last = "hello"
x, *mid, y = range(6)
print(first, rest, init, last, x, mid, y)
(p, q), r = (1, 2), 3
print(p, q, r)
for i, (name, score) in enumerate([("ann", 90), ("bob", 85)]):
    print(i, name, score)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError:", e)
def stats(xs):
    return min(xs), max(xs), sum(xs) / len(xs)
lo, hi, avg = stats([3, 9, 6])
print(lo, hi, avg)
print(*[1, 2, 3], sep="-")
print(*"abc", *[1], sep="", end="!\n")
def f(*args, **kwargs):
    return args, kwargs
print(f(*[1, 2], *(3,), **{"a": 1}, **{"b": 2}), f(), [*range(3), *"xy"], {**{"a": 1}, "b": 2, **{"a": 3}}, {*[1, 2], *{3}})
point = (3, 4)
print("%d,%d" % point, "{}/{}".format(*point), f"{point}", str(point), repr((1,)), repr(("a",)), ((1, 2),))
nt = ((1, 2), (3, 4))
print([a + b for a, b in nt], dict(nt), sorted(nt, reverse=True), max(nt), hash(nt) == hash(((1, 2), (3, 4))))
print(divmod(7, 2), type(divmod(7, 2)).__name__, tuple(x * 2 for x in (1, 2)))
a = b = c = [0]
a.append(1)
print(a, b, c, a is c)
i = 0
data = [10, 20, 30]
i, data[i] = 1, 99
print(i, data)
print(tuple(), (1, 2, 3)[-1], (1, 2, 3)[5:], (0,) + tuple(range(1, 4)))
