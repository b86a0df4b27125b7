# inspect: the is* predicates on functions, methods, generators, coroutines, async generators,
# builtins, classes, modules, descriptors, abstract classes; getmembers (sorted, predicates), getmro,
# signature (str as CPython prints it for every parameter kind, annotations, defaults, classes,
# bound methods, callables, __signature__, __wrapped__, partial), Parameter/Signature/BoundArguments
# (bind, bind_partial, apply_defaults, errors, replace, equality), getdoc, cleandoc, getmodule,
# currentframe, unwrap, get_annotations.
import inspect, functools, abc, sys, types, typing, collections


def plain(a, b=1, *args, c, d=2, **kw):
    """Plain function.

        Indented line.
    Back.
    """


def gen():
    yield 1


async def coro():
    return 1


async def agen():
    yield 1


class Base:
    """Base doc."""
    attr = 5

    def method(self, x, y=3):
        """Method doc."""
        return x

    @classmethod
    def cm(cls, z):
        pass

    @staticmethod
    def sm(q, /, r):
        pass

    @property
    def prop(self):
        """Prop doc."""
        return 1

    def __call__(self, v, *, w=0):
        return v


class Child(Base):
    def method(self, x, y=3):
        return x


class Abstract(abc.ABC):
    @abc.abstractmethod
    def need(self):
        pass


class Concrete(Abstract):
    def need(self):
        pass


g = gen()
co = coro()
ag = agen()
objs = [('plain', plain), ('gen', gen), ('coro', coro), ('agen', agen), ('g', g), ('co', co), ('ag', ag),
        ('lambda', lambda: 0), ('Base', Base), ('Base()', Base()), ('Base().method', Base().method),
        ('Base.method', Base.method), ('Base.cm', Base.cm), ('Base.sm', Base.sm), ('len', len),
        ('[].append', [].append), ('inspect', inspect), ('prop', Base.__dict__['prop']), ('5', 5),
        ('Abstract', Abstract), ('Concrete', Concrete), ('partial', functools.partial(gen)),
        ('partial-coro', functools.partial(coro)), ('Child().method', Child().method)]
preds = ['isclass', 'isfunction', 'ismethod', 'isgenerator', 'isgeneratorfunction', 'iscoroutine',
         'iscoroutinefunction', 'isasyncgen', 'isasyncgenfunction', 'isawaitable', 'isbuiltin', 'isroutine',
         'isabstract', 'ismodule', 'isdatadescriptor']
for name, o in objs:
    print(name, [p for p in preds if getattr(inspect, p)(o)])
co.close()


class Awaitable:
    def __await__(self):
        yield


print(inspect.isawaitable(Awaitable()), inspect.isawaitable(Awaitable), inspect.isawaitable(gen()))
print(inspect.getmro(Child) == (Child, Base, object))
print([n for n, v in inspect.getmembers(Child) if not n.startswith('__')])
print(inspect.getmembers(Child, inspect.isfunction) == [('__call__', Base.__call__), ('method', Child.method), ('sm', Base.sm)])
print([n for n, v in inspect.getmembers(Base(), inspect.ismethod)])
print([(n, v) for n, v in inspect.getmembers(Base, lambda v: isinstance(v, int))])
NT = collections.namedtuple('NT', 'a b')
print([n for n, v in inspect.getmembers(NT(1, 2)) if not n.startswith('_')])


def show(f, **kw):
    try:
        s = inspect.signature(f, **kw)
        print(s, '|', list(s.parameters), [str(p.kind) for p in s.parameters.values()])
    except Exception as e:
        print(type(e).__name__, e)


class Point:
    def __init__(self, x: int, y: int = 0) -> None:
        self.x = x


class WithNew:
    def __new__(cls, a, *rest):
        return super().__new__(cls)


class Meta(type):
    def __call__(cls, mx, my=1):
        return super().__call__()


class UsesMeta(metaclass=Meta):
    def __init__(self):
        pass


class Empty:
    pass


def annotated(a: int, b: 'str' = 'x', *c: float, d: list[int], e: typing.Optional[int] = None,
              f: Point = None, **g: dict) -> typing.List[str]:
    pass


def posonly(a, b, /, c, *, d):
    pass


def posonly_defaults(a, b=2, /, c=3):
    pass


def kwonly(*, a, b=1):
    pass


def nothing():
    pass


@functools.wraps(plain)
def wrapper(*args, **kw):
    return plain(*args, **kw)


def sig_holder(x):
    pass


sig_holder.__signature__ = inspect.Signature([inspect.Parameter('only', inspect.Parameter.KEYWORD_ONLY)])

for f in (plain, gen, coro, annotated, posonly, posonly_defaults, kwonly, nothing, lambda x, *y: 0,
          Base.method, Base().method, Base.cm, Base.sm, Base(), Point, WithNew, UsesMeta, Empty, Child().method,
          wrapper, sig_holder, functools.partial(plain, 1), functools.partial(plain, 1, 2, 3, c=4),
          functools.partial(plain, b=5), functools.partial(posonly, 1), functools.partial(kwonly, a=1),
          functools.partial(Point, 1), 5, 'abc'):
    show(f)
show(wrapper, follow_wrapped=False)
print(inspect.signature(annotated).return_annotation, inspect.signature(nothing).return_annotation)
print(inspect.signature(Point).return_annotation is inspect.Signature.empty)
sig = inspect.signature(plain)
print(repr(sig), sig.parameters['a'], repr(sig.parameters['d']), sig.parameters['kw'].kind)
print(sig.parameters)
p = sig.parameters['b']
print(p.name, p.default, p.annotation, p.kind, int(p.kind), p.kind.description, p.kind == 1, repr(p.kind))
print(p.empty is inspect.Parameter.empty, inspect.Parameter.empty, inspect._empty)
for k in inspect._ParameterKind:
    print(k, k.name, k.value, k.description)
print(inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.VAR_KEYWORD.description)

# bind / bind_partial
for args, kw in [((1,), {'c': 3}), ((1, 2, 3, 4), {'c': 5, 'z': 6}), ((), {'a': 1, 'c': 2}), ((1,), {}),
                 ((1,), {'a': 2, 'c': 3}), ((), {'c': 1})]:
    for m in ('bind', 'bind_partial'):
        try:
            ba = getattr(sig, m)(*args, **kw)
            print(m, ba, ba.args, ba.kwargs, dict(ba.arguments))
            ba.apply_defaults()
            print('  defaults', ba, ba.args, ba.kwargs)
        except TypeError as e:
            print(m, 'TypeError', e)
psig = inspect.signature(posonly)
for args, kw in [((1, 2, 3), {'d': 4}), ((1,), {'b': 2, 'c': 3, 'd': 4}), ((1, 2, 3, 4), {'d': 5}), ((1, 2), {'c': 3, 'd': 4, 'e': 5}),
                 ((1, 2), {'c': 3})]:
    try:
        ba = psig.bind(*args, **kw)
        print(ba, ba.args, ba.kwargs)
    except TypeError as e:
        print('TypeError', e)
ba = inspect.signature(kwonly).bind(a=1)
print(ba, ba.args, ba.kwargs, ba.signature is not None)
ba2 = inspect.signature(kwonly).bind(a=1)
print(ba == ba2, ba != ba2)
vsig = inspect.signature(lambda *a, **k: 0)
ba = vsig.bind(1, 2, x=3)
print(ba, ba.args, ba.kwargs)
ba = vsig.bind()
ba.apply_defaults()
print(ba, ba.arguments)
nsig = inspect.signature(nothing)
try:
    nsig.bind(1)
except TypeError as e:
    print('TypeError', e)
try:
    nsig.bind(x=1)
except TypeError as e:
    print('TypeError', e)

# Parameter / Signature construction and replace
P = inspect.Parameter
params = [P('a', P.POSITIONAL_ONLY), P('b', P.POSITIONAL_OR_KEYWORD, default=2, annotation=int),
          P('args', P.VAR_POSITIONAL), P('k', P.KEYWORD_ONLY, annotation='T'), P('kw', P.VAR_KEYWORD)]
s = inspect.Signature(params, return_annotation=float)
print(s, s == inspect.Signature(params, return_annotation=float), s == inspect.Signature(params))
print(hash(s) == hash(inspect.Signature(params, return_annotation=float)))
print(s.replace(return_annotation=inspect.Signature.empty), s.replace(parameters=params[:2]))
print(params[1].replace(name='bb', default=inspect.Parameter.empty), params[1].replace(kind=P.KEYWORD_ONLY))
print(params[1] == P('b', P.POSITIONAL_OR_KEYWORD, default=2, annotation=int), params[1] == params[0])
print(str(P('x', P.KEYWORD_ONLY, default=None, annotation=typing.Optional[int])))
for bad in [lambda: P('a', 7), lambda: P('a', P.VAR_POSITIONAL, default=1), lambda: P(5, P.KEYWORD_ONLY),
            lambda: P('not valid', P.KEYWORD_ONLY), lambda: P('for', P.KEYWORD_ONLY),
            lambda: inspect.Signature([P('a', P.KEYWORD_ONLY), P('b', P.POSITIONAL_ONLY)]),
            lambda: inspect.Signature([P('a', P.POSITIONAL_ONLY, default=1), P('b', P.POSITIONAL_ONLY)]),
            lambda: inspect.Signature([P('a', P.POSITIONAL_ONLY), P('a', P.KEYWORD_ONLY)]),
            lambda: inspect.Signature([P('a', P.KEYWORD_ONLY, default=1), P('b', P.KEYWORD_ONLY)])]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(inspect.Signature(), inspect.Signature([]).parameters)
print(inspect.Signature.from_callable(posonly))

# getdoc / cleandoc
print(repr(inspect.getdoc(plain)))
print(inspect.getdoc(Base), inspect.getdoc(Child), inspect.getdoc(Child.method), inspect.getdoc(Child().method))
print(inspect.getdoc(Base.__dict__["prop"]), inspect.getdoc(nothing))
for d in ['', 'one', '  one\n  two', 'first\n    a\n      b\n    c\n\n', '\n\n   x\n\ty\n  ', 'a\n\n\n  b   \n   ', 'x\n \n  y']:
    print(repr(inspect.cleandoc(d)))

# getmodule / currentframe / unwrap / get_annotations
print(inspect.getmodule(plain) is sys.modules[__name__], inspect.getmodule(Base) is sys.modules[__name__])
print(inspect.getmodule(functools.partial).__name__, inspect.getmodule(inspect) is inspect, inspect.getmodule(len).__name__)
print(inspect.getmodule(5), inspect.getmodule(Base()) is sys.modules[__name__])


def where():
    f = inspect.currentframe()
    return f.f_code.co_name, f.f_back.f_code.co_name, f.f_back.f_lineno, f.f_globals is globals()


print(where())
print(inspect.isframe(inspect.currentframe()), inspect.iscode(where.__code__), inspect.iscode(where))
print(inspect.unwrap(wrapper) is plain, inspect.unwrap(plain) is plain)
print(inspect.unwrap(wrapper, stop=lambda f: f is wrapper) is wrapper)
loop = lambda: 0
loop.__wrapped__ = loop
try:
    inspect.unwrap(loop)
except ValueError as e:
    print('ValueError', str(e).split(' at ')[0])
print(inspect.get_annotations(annotated) == annotated.__annotations__, inspect.get_annotations(Point.__init__))
print(inspect.get_annotations(annotated, eval_str=True)['b'], inspect.get_annotations(Empty))


class Ann:
    x: int
    y: 'list[str]' = []


print(inspect.get_annotations(Ann), inspect.get_annotations(Ann, eval_str=True))
print(inspect.signature(lambda a: 0, eval_str=True))


# more binding, class and partial cases
def f1(a, /, **kw): pass
def f2(a, /, b, **kw): pass
for f, args, kw in [(f1, (1,), {'a': 2}), (f2, (), {'b': 1, 'a': 2}), (f2, (1,), {'a': 2, 'b': 3}), (f1, (), {'a': 1})]:
    try:
        ba = inspect.signature(f).bind(*args, **kw); print(ba, ba.args, ba.kwargs)
    except TypeError as e: print('TypeError', e)
print(inspect.Parameter('.0', inspect.Parameter.POSITIONAL_OR_KEYWORD))
try: inspect.Parameter('.0', inspect.Parameter.KEYWORD_ONLY)
except ValueError as e: print(e)
class A:
    def __init__(self, a, b=2): pass
class B(A): pass
class C(B):
    def __new__(cls, *args, **kw): return super().__new__(cls)
print(inspect.signature(B), inspect.signature(C))
class D:
    __signature__ = inspect.Signature([inspect.Parameter('z', inspect.Parameter.POSITIONAL_ONLY)])
    def __init__(self, q): pass
print(inspect.signature(D))
class E:
    def m(self, a): pass
    @functools.wraps(m)
    def w(self, *a, **k): pass
print(inspect.signature(E().w), inspect.signature(E.w))
class F:
    @classmethod
    def make(cls, *, k=1): pass
print(inspect.signature(F.make), inspect.signature(F().make))
def bad_sig(): pass
bad_sig.__signature__ = 5
try: inspect.signature(bad_sig)
except TypeError as e: print('TypeError', e)
print(inspect.signature(functools.partial(f2, 1, b=2)))
try: inspect.signature(functools.partial(f2, 1, 2, 3))
except ValueError as e: print('ValueError', str(e).split(' at ')[0])
print(inspect.getmembers(functools, inspect.isclass)[:2] == sorted(inspect.getmembers(functools, inspect.isclass))[:2])
class G:
    def __init__(self, x):
        pass
    def __call__(self, y, z=1):
        pass
print(inspect.signature(G), inspect.signature(G(1)), inspect.signature(G(1).__call__))
s = inspect.signature(lambda a, b=[]: 0)
print(s.parameters['b'].default, repr(s.parameters['b']))
print(str(inspect.signature(lambda *, a: 0)), str(inspect.signature(lambda a, /: 0)), str(inspect.signature(lambda **k: 0)))
print(inspect.isgeneratorfunction(functools.partial(functools.partial(lambda: (yield)))))


# getattr_static: no descriptors, __getattr__ or shadowing __dict__ run
class Meta(type):
    mattr = 'meta'
class A(metaclass=Meta):
    cls_attr = 1
    def meth(self): pass
    @property
    def prop(self):
        raise RuntimeError('not called')
    def __getattr__(self, name):
        raise RuntimeError('not called')
class B(A):
    pass
b = B()
b.inst = 2
b.__dict__['prop'] = 'shadow'
b.__dict__['meth'] = 'inst-meth'
print(inspect.getattr_static(b, '__init__') is object.__dict__['__init__'])
for attr in ('inst', 'cls_attr', 'meth', 'prop', 'missing'):
    try:
        r = inspect.getattr_static(b, attr)
        print(attr, type(r).__name__, r if isinstance(r, (int, str)) else '')
    except AttributeError as e:
        print(attr, 'AttributeError', e)
print(inspect.getattr_static(b, 'missing', 'dflt'))
print(inspect.getattr_static(B, 'meth') is A.__dict__['meth'], inspect.getattr_static(B, 'mattr'), inspect.getattr_static(B, 'prop') is A.__dict__['prop'])
try:
    inspect.getattr_static(B, 'inst')
except AttributeError as e:
    print('AttributeError', e)
class Shadow:
    @property
    def __dict__(self):
        raise RuntimeError('not called')
sh = Shadow()
print(inspect.getattr_static(sh, 'zz', 'none'))
class SM:
    @staticmethod
    def st(): pass
    @classmethod
    def c(cls): pass
print(type(inspect.getattr_static(SM, 'st')).__name__, type(inspect.getattr_static(SM(), 'c')).__name__)
print(inspect.getattr_static([], 'append') is list.__dict__['append'], '__dict__' in Shadow.__dict__, 'zz' in vars(Shadow))
