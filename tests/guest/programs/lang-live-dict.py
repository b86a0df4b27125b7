class P:
    def __init__(self):
        self.a = 1
p = P()
d = p.__dict__
p.b = 2
print(d, vars(p) is d)
p.__dict__.update(c=3, a=10)
print(p.a, p.c, sorted(vars(p)))
vars(p)['e'] = 5
print(p.e)
del p.__dict__['a']
print(hasattr(p, 'a'), p.__dict__)
p.__dict__.clear()
print(vars(p), hasattr(p, 'b'))
class Q:
    __slots__ = ('x',)
try:
    vars(Q())
except TypeError as e:
    print("TypeError:", e)
class LoggingDict(dict):
    def __delitem__(self, k):
        print("deleting", k)
        super().__delitem__(k)
    def __setitem__(self, k, v):
        print("setting", k, v)
        super().__setitem__(k, v)
ld = LoggingDict(a=1)
ld['b'] = 2
del ld['a']
print(ld)
from collections import Counter
c = Counter('aab')
del c['zz']
del c['a']
print(c)
t1 = (1, [2]); t2 = (3, [4])
print(id(t1) != id(t2), id(p) == id(p))
import copy
class R:
    def __init__(self, v): self.v = v; self.l = [v]
r = R(3)
r2 = copy.copy(r); r3 = copy.deepcopy(r)
print(r2.v, r2.l is r.l, r3.l is r.l, r3.l == r.l)
print(type(r.__reduce_ex__(2)).__name__)
shared = (1, 2)
dc = copy.deepcopy([shared, shared])
print(dc[0] is dc[1])
