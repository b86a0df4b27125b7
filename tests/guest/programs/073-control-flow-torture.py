# control-flow corner cases that exercise the compiler's block unwinding.
class CM:
    def __init__(self, tag, log):
        self.tag, self.log = tag, log
    def __enter__(self):
        self.log.append("enter " + self.tag)
        return self
    def __exit__(self, t, v, tb):
        self.log.append("exit " + self.tag + (" " + t.__name__ if t else ""))
        return False
def loops():
    log = []
    for i in range(4):
        with CM("w%d" % i, log):
            try:
                if i == 0:
                    continue
                if i == 2:
                    break
                log.append("body %d" % i)
            finally:
                log.append("finally %d" % i)
    return log
print(loops())
def returns(n):
    log = []
    try:
        with CM("r", log):
            for k in range(5):
                try:
                    if k == n:
                        return k * 10, log
                finally:
                    log.append("f%d" % k)
    finally:
        log.append("outer")
    return None, log
print(returns(2))
print(returns(9))
def gen_cleanup():
    log = []
    def g():
        with CM("g", log):
            try:
                yield 1
                yield 2
            finally:
                log.append("gen finally")
    for v in g():
        log.append("got %d" % v)
    return log
print(gen_cleanup())
def exc_in_finally():
    try:
        try:
            raise ValueError("a")
        finally:
            raise KeyError("b")
    except KeyError as e:
        return repr(e), type(e.__context__).__name__
print(exc_in_finally())
def nested_handlers():
    out = []
    for i in range(3):
        try:
            try:
                if i == 1:
                    raise IndexError(i)
                out.append(("ok", i))
            except IndexError as e:
                out.append(("inner", i))
                raise TypeError(i) from e
            else:
                out.append(("else", i))
        except TypeError as e:
            out.append(("outer", type(e.__cause__).__name__))
            continue
        finally:
            out.append(("fin", i))
    return out
print(nested_handlers())
def closures():
    fs = []
    for i in range(3):
        def f(j=i):
            return j + i
        fs.append(f)
    adders = [(lambda k: lambda x: x + k)(k) for k in range(3)]
    return [f() for f in fs], [a(10) for a in adders]
print(closures())
def cell_del():
    x = 1
    def get():
        return x
    del x
    try:
        get()
    except NameError as e:
        return "NameError: " + str(e)
print(cell_del())
def counter_comp():
    n = 0
    def bump():
        nonlocal n
        n += 1
        return n
    vals = [bump() for _ in range(4)]
    return vals, n
print(counter_comp())
grid = {"a": [1, 2, 3]}
class Box:
    pass
b = Box()
b.items = [0, 0]
grid["a"][0] = b.items[1] = grid["b"] = 7
grid["a"][1:3] += [8]
b.items[0] += 5
print(grid, b.items)
for (x, *ys), z in [((1, 2, 3), 4), ((5,), 6)]:
    print(x, ys, z)
data = iter([3, 0, 4])
total = 0
while (v := next(data, None)) is not None:
    if not v:
        continue
    total += v
print(total)
def multi_return(x):
    if x > 0:
        return "pos"
    elif x < 0:
        return "neg"
    return "zero"
print([multi_return(v) for v in (1, -1, 0)])
def chained(a):
    return 0 < a < 10 != a * 2 > 5
print([chained(v) for v in (3, 5, 12, -1)])
r = []
for i in range(3):
    for j in range(3):
        if j == 2:
            break
        if i == j:
            continue
        r.append((i, j))
    else:
        r.append("no break")
print(r)
try:
    import math as m2
    from math import sqrt as s2, floor
except ImportError:
    pass
print(m2.floor(s2(17)), floor(2.5))
