def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"

g = count_up(3)
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value, repr(e))
print(next(g, "default"), list(count_up(5)), sum(count_up(10)))

def delegator():
    r = yield from count_up(2)
    print("sub returned", r)
    yield from "ab"
    yield from [10, 20]
    return r * 2 if False else "ok"

d = delegator()
print(list(d))

def echo():
    total = 0
    while True:
        x = yield total
        if x is None:
            break
        total += x
    return total

e = echo()
print(next(e), e.send(5), e.send(10), e.send(-3))
try:
    e.send(None)
except StopIteration as s:
    print("final", s.value)

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


out = []
for v in fib():
    if v > 100:
        break
    out.append(v)
print(out)

def take(n, it):
    for i, v in enumerate(it):
        if i >= n:
            return
        yield v
print(list(take(5, fib())), list(take(0, fib())))

def gen_with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")

for v in gen_with_finally():
    print("got", v)
gf = gen_with_finally()
print(next(gf))
gf.close()
print("closed")

def gen_exc():
    try:
        yield 1
    except ValueError as ex:
        print("caught in gen:", ex)
        yield 99
g2 = gen_exc()
print(next(g2), g2.throw(ValueError("boom")))

def flatten(x):
    for item in x:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, [4, []]], 5], [[6]]])))

gen = (c * 2 for c in "xyz")
print(type(gen).__name__, next(gen), list(gen))
def empty():
    return
    yield
print(list(empty()), iter(g) is g if False else "ok")
it = iter([1, 2, 3])
print(next(it), list(it), next(it, "end"))
def raising():
    yield 1
    raise KeyError("inner")
try:
    for v in raising():
        print("v", v)
except KeyError as ke:
    print("KeyError", ke)
def stop_in_gen():
    yield 1
    raise StopIteration("bad")
try:
    list(stop_in_gen())
except RuntimeError as re:
    print("RuntimeError:", re)
