class Resource:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.swallow

with Resource("a") as r:
    print("inside", r.name)

with Resource("b", swallow=True):
    raise ValueError("suppressed")
print("after b")

try:
    with Resource("c"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", e)

with Resource("outer") as o, Resource("inner") as i:
    print("both", o.name, i.name)

def early():
    with Resource("ret"):
        return "returned"
print(early())

for n in range(3):
    with Resource(f"loop{n}"):
        if n == 1:
            continue
        if n == 2:
            break
        print("body", n)

class Timer:
    def __init__(self):
        self.log = []
    def __enter__(self):
        self.log.append("start")
        return self.log
    def __exit__(self, *args):
        self.log.append("stop")
        return False
t = Timer()
with t as log:
    log.append("work")
print(t.log)

class Transaction:
    def __init__(self, store):
        self.store = store
    def __enter__(self):
        self.snapshot = dict(self.store)
        return self.store
    def __exit__(self, et, ev, tb):
        if et is not None:
            self.store.clear()
            self.store.update(self.snapshot)
            print("rolled back because", repr(ev))
            return True
        print("committed")
store = {"x": 1}
with Transaction(store) as s:
    s["x"] = 2
with Transaction(store) as s:
    s["x"] = 99
    s["y"] = 5
    raise RuntimeError("fail")
print(store)

class Bad:
    def __enter__(self):
        raise OSError("cannot enter")
    def __exit__(self, *a):
        print("never")
try:
    with Bad():
        print("never body")
except OSError as e:
    print("enter failed:", e)
class ExitRaises:
    def __enter__(self): return 1
    def __exit__(self, *a):
        raise ValueError("from exit")
try:
    with ExitRaises() as v:
        print("v =", v)
except ValueError as e:
    print("exit raised:", e)
try:
    with 42:
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__)
def gen_in_with():
    with Resource("gen"):
        yield 1
        yield 2
print(list(gen_in_with()))
