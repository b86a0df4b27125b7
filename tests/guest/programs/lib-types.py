import types
import sys
from types import SimpleNamespace, MappingProxyType

def f(x):
    return x + 1

def gen():
    yield 1

async def coro():
    return 1

class K:
    def meth(self):
        return 'meth of %s' % type(self).__name__

print(type(f) is types.FunctionType, isinstance(lambda: 0, types.LambdaType))
print(isinstance(gen(), types.GeneratorType), isinstance(f, types.GeneratorType))
c = coro()
print(isinstance(c, types.CoroutineType))
c.close()
print(isinstance(K().meth, types.MethodType), isinstance(K.meth, types.MethodType))
print(isinstance(len, types.BuiltinFunctionType), isinstance(sys, types.ModuleType))
print(types.FunctionType.__name__, types.GeneratorType.__name__, types.ModuleType.__name__,
      types.MethodType.__name__, types.BuiltinFunctionType.__name__)
print(types.NoneType, types.NoneType is type(None), types.EllipsisType, types.NotImplementedType)
print(type(list[int]) is types.GenericAlias, type(int | None) is types.UnionType)

# MethodType binds a function to an object
def describe(self, extra):
    return '%s/%s' % (self.name, extra)

class Obj:
    name = 'obj'

o = Obj()
o.describe = types.MethodType(describe, o)
print(o.describe('x'))
print(o.describe.__self__ is o, o.describe.__func__ is describe)
try:
    types.MethodType(42, o)
except TypeError as e:
    print('TypeError:', e)

# ModuleType
m = types.ModuleType('plugin', 'A plugin.')
m.value = 10
print(m.__name__, m.__doc__, m.value, type(m).__name__)
m2 = types.ModuleType('empty')
print(m2.__doc__)

# SimpleNamespace
ns = SimpleNamespace(a=1, b='two', c=[3])
print(ns)
print(repr(ns), ns.a, ns.b)
ns.d = 4.5
del ns.a
print(ns, sorted(vars(ns)))
print(SimpleNamespace() == SimpleNamespace(), SimpleNamespace(x=1) == SimpleNamespace(x=1),
      SimpleNamespace(x=1) == SimpleNamespace(x=2), SimpleNamespace(x=1) != SimpleNamespace(x=1))
print(SimpleNamespace(x=1) == {'x': 1})
rec = SimpleNamespace(name='r')
rec.me = rec
print(rec)
class Point(SimpleNamespace):
    pass
print(Point(x=1, y=2), Point(x=1) == SimpleNamespace(x=1))
try:
    SimpleNamespace(1)
except TypeError as e:
    print('TypeError:', e)
try:
    hash(SimpleNamespace())
except TypeError as e:
    print('TypeError:', e)
print(getattr(SimpleNamespace(), 'missing', 'default'))
nested = SimpleNamespace(inner=SimpleNamespace(v=[1, 2]), s='q')
print(nested)

# MappingProxyType
d = {'x': 1, 'y': 2}
mp = MappingProxyType(d)
print(mp, mp['x'], len(mp), list(mp), 'x' in mp, mp.get('z'), mp.get('z', 0))
print(list(mp.keys()), list(mp.values()), list(mp.items()))
d['z'] = 3
print(mp['z'], mp == d, mp.copy(), type(mp.copy()).__name__)
try:
    mp['w'] = 1
except TypeError as e:
    print('TypeError:', e)
try:
    del mp['x']
except TypeError as e:
    print('TypeError:', e)
print(type(mp).__name__, mp | {'q': 9})
try:
    MappingProxyType([1, 2])
except TypeError as e:
    print('TypeError:', e)

# new_class
def body(ns):
    ns['greet'] = lambda self: 'hi from ' + type(self).__name__
    ns['n'] = 3

Dyn = types.new_class('Dyn', (K,), exec_body=body)
print(Dyn.__name__, Dyn.n, Dyn().greet(), Dyn().meth(), Dyn.__mro__[1] is K)

class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns)
        cls.tag = kw.get('tag')
        return cls

WithMeta = types.new_class('WithMeta', (), {'metaclass': Meta, 'tag': 'T'})
print(type(WithMeta).__name__, WithMeta.tag)
meta, ns, kw = types.prepare_class('X', (), {'metaclass': Meta, 'k': 1})
print(meta.__name__, ns, kw)
print(types.resolve_bases((int, str)))

@types.coroutine
def legacy():
    yield 'step'
print(list(legacy()))
