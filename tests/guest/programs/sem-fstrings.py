import math
x, y, name = 42, 3.14159, "world"
items = [1, 2, 3]
d = {"a": 1, "b": [10, 20]}
print(f"hello {name}! x={x} y={y:.2f} sum={sum(items)} first={items[0]} d={d['b'][1]}")
print(f"{x:>6}|{x:<6}|{x:^6}|{x:06}|{x:+}|{x:x}|{x:#o}|{x:b}|{-x:,}|{10**7:_}")
w, p = 12, 4
print(f"{math.pi:{w}.{p}f}|{name:{'*'}^{w}}|{y!r}|{name!r:>10}|{name!s}|{'é'!a}")
print(f"{x=} {y = :.1f} {name=!s} {items[1] + 1=}")
print(f"{'nested ' + f'{x:03d}'}", f"{{braces}} {x}", f"{3 if x > 2 else 4}", f"{(lambda q: q * 2)(5)}")
print(f"{[i * i for i in range(4)]} {dict(a=1)} {(1, 2)} {None} {True:d} {1.0:g} {1e20}")
print(f"{'multi'}" f"{'part'}" "plain" f"{x}")
val = 1234567.891
print(f"{val:,.2f} {val:e} {val:.3g} {val:%} {0.5:.0%} {val:15.1f}| {val:<15.1f}|")
print(f"{'abc':.2} {'abc':5.1}| {'left':<8}|{'right':>8}|")
class Money:
    def __init__(self, c): self.c = c
    def __format__(self, spec):
        s = f"{self.c / 100:.2f}"
        return f"${s:>{spec}}" if spec else f"${s}"
    def __str__(self): return "Money"
    def __repr__(self): return "Money(%d)" % self.c
m = Money(12345)
print(f"{m} {m:10} {m!s} {m!r}")
rows = [("apple", 3, 0.5), ("banana", 12, 0.25), ("cherry", 100, 10.0)]
for n, q, pr in rows:
    print(f"{n:<10}{q:>5}{pr:>8.2f}{q * pr:>10.2f}")
print(f"{'':->30}")
print(f"{x!r:>5}{'|'}{len(name):03}")
