a, *b = [1, 2, 3, 4]
*c, d = "hello"
e, *f, g = range(6)
print(a, b, c, d, e, f, g)
(h, i), *rest = [(1, 2), 3, 4]
print(h, i, rest)
for first, *others in [(1, 2, 3), (4,), ("x", "y")]:
    print(first, others)
xs, ys = [1, 2], (3, 4)
print([*xs, *ys], (*xs, 0, *ys), {*xs, *ys, 1})
d1 = {"a": 1, "b": 2}
d2 = {"b": 3, "c": 4}
print({**d1, **d2}, {**d2, "a": 0, **d1})
def show(*args, **kwargs):
    return f"{args} {sorted(kwargs.items())}"
print(show(*xs, *ys, 5, **d1, c=9))
print(show(*"ab", **{"x": 1}, **{"y": 2}))
print(*range(3), sep="-")
[p, q] = "PQ"
print(p, q)
m, = [42]
print(m)
a, b = b, a
print(a, b)
s = [1, 2, 3]
s[0], s[2] = s[2], s[0]
print(s)
print(max(*s), min(*s, 0))
*init, = range(3)
print(init)
