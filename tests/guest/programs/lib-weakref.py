import weakref, gc
class Obj:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return 'Obj(%s)' % self.name
    def hello(self):
        return 'hello ' + self.name
o = Obj('a')
r = weakref.ref(o)
print(r() is o, r(), weakref.getweakrefcount(o), type(r).__name__, isinstance(r, weakref.ref))
del o
print(r())
log = []
b = Obj('b')
rb = weakref.ref(b, lambda wr: log.append(('dead', wr is rb)))
print(log)
b = None
print(log, rb())
for bad in [1, 'x', [], {}, (1,), 1.5, None]:
    try:
        weakref.ref(bad)
    except TypeError as e:
        print('TypeError', e)
c = Obj('c')
p = weakref.proxy(c)
print(p.name, p.hello(), str(p))
p.name = 'c2'
print(c.name)
del c
try:
    p.name
except ReferenceError as e:
    print('ReferenceError', e)
d = weakref.WeakValueDictionary()
x, y = Obj('x'), Obj('y')
d['x'] = x
d['y'] = y
print(sorted(d.keys()), len(d), 'x' in d, d.get('x'))
del x
print(sorted(d.keys()), len(d), 'x' in d, d.get('x', 'gone'))
try:
    d['x']
except KeyError as e:
    print('KeyError', e)
k = weakref.WeakKeyDictionary()
k1, k2 = Obj('k1'), Obj('k2')
k[k1] = 1
k[k2] = 2
print(len(k), k[k1], k1 in k, sorted(v for v in k.values()))
del k1
print(len(k), sorted(v for v in k.values()), [o.name for o in k.keys()])
calls = []
f_obj = Obj('f')
fin = weakref.finalize(f_obj, calls.append, 'finalized')
print(fin.alive, calls)
del f_obj
print(fin.alive, calls)
g_obj = Obj('g')
fin2 = weakref.finalize(g_obj, lambda: 'called')
print(fin2(), fin2(), fin2.alive)
class Node:
    pass
n1, n2 = Node(), Node()
n1.other, n2.other = n2, n1
rn = weakref.ref(n1)
del n1, n2
print(rn() is not None)
gc.collect()
print(rn())
s = weakref.WeakSet()
s1 = Obj('s1')
s.add(s1)
print(len(s), s1 in s)
del s1
print(len(s))
r1 = weakref.ref(y)
r2 = weakref.ref(y)
print(r1 == r2, hash(r1) == hash(y), weakref.getweakrefcount(y) >= 2)
def func():
    pass
rf = weakref.ref(func)
print(rf() is func)
