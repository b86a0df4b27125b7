# closures, nonlocal, global.
def counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c1 = counter()
c2 = counter()
print(c1(), c1(), c1(5), c2(), c1())
total = 0
def add(n):
    global total
    total += n
    return total
print(add(3), add(4), total)
def make_multipliers():
    return [lambda x, i=i: x * i for i in range(4)]
print([m(10) for m in make_multipliers()])
def late():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]
print(late())
def outer():
    x = "outer-x"
    def middle():
        def inner():
            return x + "!"
        return inner()
    return middle()
print(outer())
def accumulator(start):
    acc = [start]
    def add(v):
        acc.append(acc[-1] + v)
        return acc
    return add
a = accumulator(10)
a(1)
print(a(2))
def shadow():
    x = 1
    def f():
        x = 2
        return x
    return f(), x
print(shadow())
def cell_and_param(n):
    def get():
        return n
    n += 1
    return get
print(cell_and_param(41)())
x = "global-x"
def reads_global():
    return x
def writes_local():
    x = "local"
    return x
print(reads_global(), writes_local(), x)
def compose(*fns):
    def run(v):
        for fn in reversed(fns):
            v = fn(v)
        return v
    return run
print(compose(str, lambda v: v * 2, abs)(-21))
