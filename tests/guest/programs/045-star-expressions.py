# star-expressions in calls, lists, tuples, sets, dict displays, assignment.
a = [1, 2, 3]
b = (4, 5)
print([*a, *b], (*a, 0), {*a, *b, 1}, [*range(3), *"xy"])
d1 = {"x": 1}
d2 = {"y": 2, "x": 3}
print({**d1, **d2}, {**d2, **d1}, {"z": 0, **d1})
def f(*args, **kwargs):
    return args, kwargs
print(f(*a, *b), f(*a, 9, *b, k=1, **d1), f(**d1, **{"w": 5}))
first, *middle, last = range(10)
print(first, middle, last)
head, *tail = "hello"
print(head, tail)
*init, penult, final = [1, 2, 3]
print(init, penult, final)
for x, *rest in [(1, 2, 3), (4,), (5, 6)]:
    print(x, rest)
print(*a, sep="-")
print(*"abc", *[1, 2], end="!\n")
nested = [[1, 2], [3], []]
print([*nested[0], *nested[1], *nested[2]], max(*a), min(*b, 0))
try:
    f(**d1, **{"x": 2})
except TypeError as e:
    print("TypeError:", e)
x, y, *z = 1, 2
print(x, y, z)
(p, q), *r = [(1, 2), 3, 4]
print(p, q, r)
