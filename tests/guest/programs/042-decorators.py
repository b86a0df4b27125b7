# function and class decorators.
def trace(fn):
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args, kwargs)
        result = fn(*args, **kwargs)
        print("  ->", result)
        return result
    return wrapper
@trace
def add(a, b=0):
    return a + b
add(1, 2)
add(5, b=7)
def repeat(n):
    def deco(fn):
        def run(*a):
            return [fn(*a) for _ in range(n)]
        return run
    return deco
@repeat(3)
def hello(name):
    return "hi " + name
print(hello("bob"))
def memoize(fn):
    cache = {}
    def inner(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    inner.cache = cache
    return inner
@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))
registry = []
def register(cls):
    registry.append(cls.__name__)
    return cls
@register
class Alpha:
    pass
@register
class Beta:
    pass
print(registry)
def stacked_a(fn):
    return lambda: "a(" + fn() + ")"
def stacked_b(fn):
    return lambda: "b(" + fn() + ")"
@stacked_a
@stacked_b
def core():
    return "core"
print(core())
class Counter:
    def __init__(self):
        self.calls = 0
    def __call__(self, fn):
        def wrapped(*a):
            self.calls += 1
            return fn(*a)
        return wrapped
counter = Counter()
@counter
def square(x):
    return x * x
print([square(i) for i in range(5)], counter.calls)
