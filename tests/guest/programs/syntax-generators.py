def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "done"

def delegate():
    result = yield from countdown(3)
    yield result
    yield from ["x", "y"]

print(list(delegate()))

def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total

acc = accumulator()
print(next(acc), acc.send(5), acc.send(10))
try:
    acc.send(None)
except StopIteration as e:
    print("returned", e.value)

def pairs(xs):
    it = iter(xs)
    for a in it:
        yield a, next(it, None)
print(list(pairs(range(5))))

def gen_expr_yield():
    x = yield
    y = (yield x * 2)
    yield x, y
g = gen_expr_yield()
next(g)
print(g.send(4), g.send("b"))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
def closing():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
c = closing()
print(next(c))
c.close()
def lambda_gen():
    return (lambda: (yield))
print(type(lambda_gen()()).__name__)
