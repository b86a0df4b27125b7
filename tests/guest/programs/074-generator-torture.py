# generator corner cases: send through yield from, return values, exceptions across frames.
def inner():
    got = []
    while True:
        v = yield len(got)
        if v is None:
            return got
        got.append(v)
def outer():
    result = yield from inner()
    yield "inner returned %r" % (result,)
g = outer()
print(next(g), g.send("a"), g.send("b"), g.send(None))
def delegating_loop():
    total = 0
    for n in range(3):
        total += yield from sub(n)
    return total
def sub(n):
    for i in range(n):
        yield i
    return n * 100
d = delegating_loop()
print(list(d))
def collect(gen):
    out = []
    while True:
        try:
            out.append(next(gen))
        except StopIteration as e:
            out.append(("return", e.args))
            return out
print(collect(delegating_loop()))
def guarded():
    try:
        yield "start"
        yield 1 / 0
    except ZeroDivisionError:
        yield "caught in generator"
    finally:
        yield "finally in generator"
print(list(guarded()))
def raising():
    yield 1
    raise ValueError("boom")
try:
    for v in raising():
        print("value", v)
except ValueError as e:
    print("propagated", e)
def squares_with_state():
    state = {"n": 0}
    def bump():
        state["n"] += 1
        return state["n"]
    while state["n"] < 4:
        yield bump() ** 2
print(list(squares_with_state()))
gen_exprs = [(x, y) for x in range(3) for y in (z * x for z in range(2))]
print(gen_exprs)
nested = ((i, j) for i in range(3) if i for j in range(i))
print(list(nested))
def early_exit():
    for i in range(10):
        if i == 3:
            return
        yield i
print(list(early_exit()), sum(early_exit()))
def pipeline():
    def numbers():
        yield from range(1, 11)
    def evens(src):
        return (n for n in src if n % 2 == 0)
    def scaled(src, k):
        for n in src:
            yield n * k
    return list(scaled(evens(numbers()), 3))
print(pipeline())
def lazy_zip():
    a = (x * x for x in range(5))
    b = iter("abcdefg")
    return list(zip(a, b)), next(b)
print(lazy_zip())
