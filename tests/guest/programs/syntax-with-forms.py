class Res:
    def __init__(self, name, log, suppress=False):
        self.name, self.log, self.suppress = name, log, suppress
    def __enter__(self):
        self.log.append("enter " + self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        self.log.append(f"exit {self.name} {et.__name__ if et else None}")
        return self.suppress

log = []
with Res("a", log) as a, Res("b", log) as b:
    log.append(a + b)
with (Res("c", log) as c,
      Res("d", log) as d,):
    log.append(c + d)
with (Res("e", log)):
    pass
with Res("f", log, suppress=True):
    raise ValueError("hidden")
with Res("g", log), Res("h", log, suppress=True):
    1 / 0
print(log)
def early():
    out = []
    for i in range(3):
        with Res(str(i), out):
            if i == 1:
                continue
            if i == 2:
                return out
print(early())
try:
    with Res("x", log):
        raise KeyError("escapes")
except KeyError as e:
    print("escaped", e, log[-1])
holder = {}
with Res("t", log) as holder["key"]:
    pass
print(holder)
