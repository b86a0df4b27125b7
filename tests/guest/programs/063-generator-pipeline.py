# generator pipelines: lazy evaluation order and early termination.
log = []
def source(n):
    for i in range(n):
        log.append("src%d" % i)
        yield i
def square(it):
    for v in it:
        log.append("sq%d" % v)
        yield v * v
def take(it, k):
    for i, v in enumerate(it):
        if i >= k:
            return
        yield v
print(list(take(square(source(100)), 3)))
print(log)
def window(seq, n):
    buf = []
    for x in seq:
        buf.append(x)
        if len(buf) > n:
            buf.pop(0)
        if len(buf) == n:
            yield tuple(buf)
print(list(window(range(6), 3)))
def running_mean():
    total, count = 0.0, 0
    avg = None
    while True:
        v = yield avg
        total += v
        count += 1
        avg = total / count
rm = running_mean()
next(rm)
print([rm.send(v) for v in [10, 20, 30, 40]])
def gen_with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("generator cleanup")
g = gen_with_finally()
print(next(g))
g.close()
print("closed")
def interleave(*gens):
    gens = [iter(g) for g in gens]
    while gens:
        nxt = []
        for g in gens:
            try:
                yield next(g)
                nxt.append(g)
            except StopIteration:
                pass
        gens = nxt
print(list(interleave("abc", [1, 2], range(10, 14))))
def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found):
            found.append(n)
            yield n
        n += 1
ps = primes()
print([next(ps) for _ in range(15)])
