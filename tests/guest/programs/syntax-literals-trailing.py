empty_t = ()
single = (1,)
bare = 1, 2,
nested = ((1, 2), [3, (4,)], {5: (6,)})
print(empty_t, single, bare, nested)
print([], [1,], {}, {1,}, {"a": 1,}, set())
def f(a, b,):
    return a, b
print(f(1, 2,), f(*[1], b=2,))
print(type(()).__name__, type((1)).__name__, type((1,)).__name__)
for x, in [(1,), (2,)]:
    print(x, end=";")
print()
print({1: "a", True: "b", 1.0: "c"})
print({(1, 2): "tuple key", frozenset({1}): "fs"}[(1, 2)])
print([*()], {**{}}, (*[1],))
def g():
    return 1, 2
def h():
    return *[1, 2], 3
print(g(), h())
print(None, ..., Ellipsis is ...)
