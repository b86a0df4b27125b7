class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        print("Meta.__new__", name, sorted(k for k in ns if not k.startswith('__')), kw)
        cls = super().__new__(mcs, name, bases, ns)
        cls.registry = []
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        print("Meta.__call__", cls.__name__, a)
        obj = super().__call__(*a, **k)
        cls.registry.append(obj)
        return obj
    def __repr__(cls):
        return f"<Meta {cls.__name__}>"
    def __len__(cls):
        return len(cls.registry)
    def __iter__(cls):
        return iter(cls.registry)
    @property
    def count(cls):
        return len(cls.registry)

class A(metaclass=Meta, flag=1):
    x = 1
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"A({self.v})"

class B(A):
    def hello(self): return 'hi'

a = A(1); b = B(2); A(3)
print(A, B, type(A), type(B), len(A), list(A), A.count, B.registry)
print(isinstance(a, A), type(B) is Meta, isinstance(B, Meta))

class Base:
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        print("init_subclass", cls.__name__, tag)
class D(Base, tag="d"): pass
class E(D): pass

class M1(type): pass
class M2(type): pass
class X(metaclass=M1): pass
class Y(metaclass=M2): pass
try:
    class Z(X, Y): pass
except TypeError as e:
    print("TypeError:", e)

T = type('T', (A,), {'y': 2, '__init__': lambda self: None})
print(T, T.y, type(T))
class G:
    def __class_getitem__(cls, item):
        return f"G[{item.__name__}]"
print(G[int])

class Desc:
    def __set_name__(self, owner, name):
        self.name = '_' + name
    def __get__(self, obj, objtype=None):
        if obj is None: return self
        return getattr(obj, self.name, 'unset')
    def __set__(self, obj, value):
        print('set', self.name, value)
        setattr(obj, self.name, value * 2)
class H:
    d = Desc()
h = H()
print(h.d); h.d = 5; print(h.d, type(H.d).__name__)

class NonData:
    def __get__(self, obj, objtype=None):
        return 42
class K:
    nd = NonData()
k = K(); print(k.nd, K.nd); k.nd = 1; print(k.nd)

class Chk(type):
    def __instancecheck__(cls, inst): return inst == 3
    def __subclasscheck__(cls, sub): return sub is int
class C3(metaclass=Chk): pass
print(isinstance(3, C3), isinstance(4, C3), issubclass(int, C3), issubclass(str, C3))
def f(x: int, *a: str, y: 'Y' = 2, **k: float) -> bool: pass
print(f.__annotations__)
def g(): pass
print(g.__annotations__)
class Ann:
    a: int
    b: str = 'x'
    c = 3
print(Ann.__annotations__, Ann.b)
x: int = 1
print(__annotations__)
try:
    def bad(x: undefined_name): pass
except NameError as e:
    print("NameError", e)
def loc():
    z: undefined_too = 1
    return z
print(loc())
