# lambdas with defaults, closures, keyword-only args, and late binding
adders = [lambda x, i=i: x + i for i in range(4)]
late = [lambda x: x + i for i in range(4)]
print([f(10) for f in adders])
print([f(10) for f in late])

compose = lambda f, g: lambda x: f(g(x))
inc = lambda n: n + 1
dbl = lambda n: n * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))

kw = lambda a, *rest, sep=",", **opts: sep.join(map(str, (a,) + rest)) + str(sorted(opts.items()))
print(kw(1, 2, 3, sep="|", z=1, y=2))
print((lambda: "no args")())
print((lambda *a: len(a))(*range(7)))
print(sorted(["bb", "a", "ccc", "dd"], key=lambda s: (-len(s), s)))

def counter():
    n = 0
    def bump(step=1):
        nonlocal n
        n += step
        return n
    return bump, lambda: n

b, peek = counter()
b(); b(5)
print(peek())
table = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b}
print({k: f(9, 4) for k, f in table.items()})
cond = lambda x: "neg" if x < 0 else "zero" if x == 0 else "pos"
print([cond(v) for v in (-2, 0, 3)])
print((lambda x, /, y=2, *, z=3: x * y * z)(1, z=5))
