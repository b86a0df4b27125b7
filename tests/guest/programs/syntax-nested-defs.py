def make_class(base_value):
    class Local:
        value = base_value
        def get(self):
            def helper():
                return self.value * 2
            return helper()
        class Inner:
            tag = "inner"
    return Local

L = make_class(21)
print(L().get(), L.Inner.tag, L.__name__, L.Inner.__qualname__)

class Outer:
    class Node:
        def __init__(self, v):
            self.v = v
        def __repr__(self):
            return f"Node({self.v!r})"
    def build(self, *vs):
        return [self.Node(v) for v in vs]

print(Outer().build(1, "a"))
print(Outer.Node.__qualname__, Outer.build.__qualname__)

def deep(n):
    def level1():
        def level2():
            def level3():
                return n + 3
            return level3() + 2
        return level2() + 1
    return level1()
print(deep(0))

def recursive_inner(n):
    def fact(k):
        return 1 if k <= 1 else k * fact(k - 1)
    return fact(n)
print(recursive_inner(10))
def gen_factory():
    def gen(limit):
        for i in range(limit):
            yield i * i
    return gen
print(list(gen_factory()(5)))
