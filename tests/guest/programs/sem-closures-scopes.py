def make_counter(start=0):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get

inc, get = make_counter(10)
print(inc(), inc(5), get())
inc2, get2 = make_counter()
print(inc2(), get(), get2())

total = 0
def add_total(x):
    global total
    total += x
    return total
print(add_total(3), add_total(4), total)

def outer():
    x = "outer"
    def middle():
        x = "middle"
        def inner():
            nonlocal x
            x = "changed"
            return x
        r = inner()
        return r, x
    return middle(), x
print(outer())

def make_adders():
    return [lambda v, n=n: v + n for n in range(3)]
print([f(10) for f in make_adders()])
late = []
for i in range(3):
    late.append(lambda: i)
print([f() for f in late])

def memoize(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper

@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))

def unbound():
    try:
        print(y)
    except NameError as e:
        print("NameError:", e)
    y = 1
    return y
try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)

def shadow():
    len = lambda s: 42
    return len("abc")
print(shadow(), len("abc"))

x = 5
def reads_global():
    return x * 2
print(reads_global())
def func_attrs(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw
print(func_attrs(1, c=3), func_attrs(1, 2, 3, 4, c=5, e=6))
print(func_attrs.__name__)
try:
    func_attrs(1)
except TypeError as e:
    print("TypeError:", e)
try:
    func_attrs(1, 2, c=3, a=9)
except TypeError as e:
    print("TypeError:", e)
def kwonly(*, flag=False):
    return flag
try:
    kwonly(True)
except TypeError as e:
    print("TypeError:", e)
def defaults_shared(item, acc=[]):
    acc.append(item)
    return acc
print(defaults_shared(1), defaults_shared(2))
compose = lambda f, g: lambda x: f(g(x))
print(compose(str, lambda v: v * 3)(7), (lambda *a, **k: (a, k))(1, z=2))
def gen_closure():
    n = 0
    def step():
        nonlocal n
        n += 1
        yield n
        n += 10
        yield n
    return step
s = gen_closure()
print(list(s()), list(s()))
