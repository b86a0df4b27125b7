# class bodies: class-level names, comprehensions in class bodies, qualnames, nested classes.
class Config:
    base = 10
    scaled = [i * 2 for i in range(3)]
    names = ["a", "b"]
    count = len(names)
    def method(self):
        return self.base
    class Inner:
        kind = "inner"
        def who(self):
            return type(self).__qualname__
print(Config.base, Config.count, Config().method(), Config.Inner.kind, Config.Inner().who())
print(Config.__qualname__, Config.method.__qualname__, Config.Inner.__qualname__, Config.Inner.who.__qualname__)
def factory(tag):
    class Made:
        label = tag
        def get(self):
            return self.label + "!"
    return Made
A = factory("alpha")
B = factory("beta")
print(A().get(), B().get(), A.__qualname__, A is B)
x = "module"
class Shadow:
    x = "class"
    def f(self):
        return x
    y = x
print(Shadow().f(), Shadow.y, Shadow.x)
def outer():
    v = "closure"
    class K:
        w = v
        def m(self):
            return v + "/" + self.w
    return K().m()
print(outer())
class WithDoc:
    "docstring here"
    n = 1
print(WithDoc.__doc__, WithDoc.n, WithDoc.__name__, WithDoc.__module__)
class Counter:
    total = 0
    def __init__(self):
        Counter.total += 1
        self.id = Counter.total
objs = [Counter() for _ in range(3)]
print([o.id for o in objs], Counter.total)
