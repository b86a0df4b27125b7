class Stack(list):
    def push(self, v):
        self.append(v)
    def peek(self):
        return self[-1]
st = Stack()
st.push(1); st.push(2)
print(st, len(st), st.peek(), st.pop(), isinstance(st, list), type(st).__name__, st + [5], st * 2, st == [1])
class LoudDict(dict):
    def __setitem__(self, k, v):
        print("set", k)
        super().__setitem__(k, v)
ld = LoudDict()
ld["a"] = 1
print(ld, ld["a"], len(ld), type(ld).__name__, isinstance(ld, dict))
class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
for ch in "hello":
    c[ch] += 1
print(c, c["zz"], "zz" in c, sorted(c.items()))
class Named(list):
    def __init__(self, name, items=()):
        super().__init__(items)
        self.name = name
    def __repr__(self):
        return f"Named({self.name!r}, {list(self)!r})"
n = Named("xs", [3, 1, 2])
n.sort()
print(n, n.name, len(n), n[0], str(n), [n], n.__dict__)
class DefaultDict(dict):
    def __init__(self, factory, *args, **kw):
        super().__init__(*args, **kw)
        self.factory = factory
    def __missing__(self, k):
        v = self[k] = self.factory()
        return v
dd = DefaultDict(list, a=[1])
dd["b"].append(2)
dd["a"].append(3)
print(dd, dd.factory is list)
class USet(set):
    def add_all(self, *xs):
        for x in xs:
            self.add(x)
        return self
u = USet([3, 1])
print(u.add_all(5, 1), len(u), type(u).__name__, u | {9})
class Vec(list):
    def __add__(self, other):
        return Vec(a + b for a, b in zip(self, other))
print(Vec([1, 2]) + Vec([10, 20]), type(Vec([1]) + Vec([2])).__name__)
