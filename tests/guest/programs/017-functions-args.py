# defaults, keyword args, *args, **kwargs, keyword-only, positional-only.
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))
print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, e=9, f=10))
print(f(*[1, 2, 3], **{"c": 0, "z": 1}))
def g(x, y, /, z=0, *, w=1):
    return x + y * 10 + z * 100 + w * 1000
print(g(1, 2), g(1, 2, 3), g(1, 2, z=4, w=5))
def h(*args, **kwargs):
    return len(args), kwargs
print(h(), h(1, 2, k=3), h(*range(4), **dict(a=1)))
def defaults(x, acc=[]):
    acc.append(x)
    return acc
print(defaults(1), defaults(2), defaults(3, []))
def kwonly(*, key="k", val):
    return key + "=" + str(val)
print(kwonly(val=1), kwonly(key="z", val=2))
def apply(fn, *a, **k):
    return fn(*a, **k)
print(apply(max, 3, 9, 2), apply(sorted, [3, 1, 2], reverse=True))
print((lambda *a, **k: (a, k))(1, x=2))
def show(first, second="S", third="T"):
    print(first, second, third)
show("a")
show("a", third="c")
show(second="b", first="a")
show(*("x", "y"))
args = {"first": 1, "third": 3}
show(**args)
try:
    f(1)
except TypeError as e:
    print("TypeError:", e)
try:
    g(1, 2, 3, 4)
except TypeError as e:
    print("TypeError:", e)
try:
    show(1, first=2)
except TypeError as e:
    print("TypeError:", e)
def rec(n):
    return 1 if n <= 1 else n * rec(n - 1)
print(rec(20), f.__name__, rec.__name__)
