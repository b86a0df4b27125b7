class Config:
    """A class whose body runs statements."""
    DEBUG = False
    LEVELS = ["low", "mid", "high"]
    LOOKUP = {name: i for i, name in enumerate(LEVELS)}
    if DEBUG:
        mode = "debug"
    else:
        mode = "release"
    for _lvl in LEVELS:
        pass
    del _lvl
    total = 0
    for i in range(4):
        total += i
    del i
    try:
        risky = 1 // 0
    except ZeroDivisionError:
        risky = None

    def describe(self):
        return f"{self.mode} {self.LOOKUP} total={self.total} risky={self.risky}"

print(Config().describe())
print(Config.__doc__)
print(hasattr(Config, "_lvl"), hasattr(Config, "i"))

class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
        self.id = Counter.instances

a, b = Counter(), Counter()
print(a.id, b.id, Counter.instances)

x = "module"
class Scope:
    x = "class"
    y = x + "!"
    def method(self):
        return x
print(Scope.y, Scope().method())
class Empty: pass
print(Empty.__name__, type(Empty()).__name__)
class WithSlots:
    __slots__ = ("a",)
    kind = "slots"
print(WithSlots.kind)
