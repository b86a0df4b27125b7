# scoping corner cases: global/nonlocal chains, class scopes, comprehension scopes, walrus.
counter = 0
def outer():
    x = "enclosing"
    def middle():
        global counter
        counter += 10
        def inner():
            nonlocal_target = x + "!"
            return nonlocal_target
        return inner()
    return middle()
print(outer(), counter)
def make_class(v):
    w = v * 2
    class K:
        v_copy = v
        w = "class-level"
        def get(self):
            return v, w
        def cls_name(self):
            return __class__.__name__
    return K
K = make_class(5)
print(K.v_copy, K.w, K().get(), K().cls_name())
hits = [y for x in range(6) if (y := x * x) > 10]
print(hits, y)
def fn_walrus():
    data = [5, 15, 25]
    big = [last for v in data if (last := v) > 10]
    return big, last
print(fn_walrus())
def shadowing(list):
    return list + [len(list)]
print(shadowing([1, 2]), list("ab"))
def default_time():
    base = 1
    def f(a=base + 1):
        return a
    base = 100
    return f()
print(default_time())
def nonlocal_chain():
    a = 0
    def l1():
        def l2():
            nonlocal a
            a += 1
            return a
        return l2() + l2()
    return l1(), a
print(nonlocal_chain())
class Registry:
    items = []
    def add(self, v):
        self.items.append(v)
        return self
    @classmethod
    def count(cls):
        return len(cls.items)
Registry().add(1).add(2)
print(Registry.count(), Registry.items)
def loop_var_leak():
    for i in range(3):
        pass
    squares = [i * i for i in range(10)]
    return i, squares[-1]
print(loop_var_leak())
def del_global():
    global temp
    temp = "made"
    del temp
    return "temp" in globals()
print(del_global())
x = "module x"
class UsesModuleX:
    val = x
    x = "class x"
    again = x
print(UsesModuleX.val, UsesModuleX.again, x)
