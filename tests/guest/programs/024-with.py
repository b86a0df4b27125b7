# with statements and user context managers.
class Tracker:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress
with Tracker("a") as v:
    print("body", v)
with Tracker("outer") as o, Tracker("inner") as i:
    print("both", o, i)
with Tracker("quiet", suppress=True):
    raise ValueError("swallowed")
print("after suppressed")
try:
    with Tracker("loud"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", repr(e))
def early_return():
    with Tracker("ret"):
        return "returned"
print(early_return())
for n in range(3):
    with Tracker("loop%d" % n):
        if n == 1:
            continue
        if n == 2:
            break
        print("loop body", n)
class Resource:
    log = []
    def __enter__(self):
        Resource.log.append("open")
        return self
    def __exit__(self, *args):
        Resource.log.append("close")
    def use(self):
        Resource.log.append("use")
with Resource() as r:
    r.use()
print(Resource.log)
class Suppress:
    def __init__(self, *kinds):
        self.kinds = kinds
    def __enter__(self):
        return None
    def __exit__(self, t, v, tb):
        return t is not None and issubclass(t, self.kinds)
with Suppress(ZeroDivisionError):
    print(1 / 0)
print("suppressed zero division")
with Tracker("nested1"):
    with Tracker("nested2"):
        print("deep")
