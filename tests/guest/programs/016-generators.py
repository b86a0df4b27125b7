# generators: yield, send, return value, yield from, generator state.
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"
print(list(count_up(5)))
g = count_up(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value)
def echo():
    received = yield "ready"
    while True:
        received = yield "got " + str(received)
e = echo()
print(next(e), e.send(1), e.send("two"))
def inner():
    yield 1
    yield 2
    return 3
def outer():
    r = yield from inner()
    print("inner returned", r)
    yield from [10, 20]
    yield r * 100
print(list(outer()))
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
def evens(seq):
    for s in seq:
        if s % 2 == 0:
            yield s
print(sum(evens(range(11))), list(evens(count_up(9))))
def chained(*its):
    for it in its:
        yield from it
print(list(chained("ab", [1, 2], range(2))))
gen = (x * x for x in range(3))
print(type(gen).__name__, list(gen), list(gen))
def tree(n):
    if n > 0:
        yield from tree(n - 1)
        yield n
        yield from tree(n - 1)
print(list(tree(3)))
