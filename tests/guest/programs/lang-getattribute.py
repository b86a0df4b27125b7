# A class's own __getattribute__: every attribute read goes through it (methods and properties
# too), its AttributeError falls back to __getattr__, object.__getattribute__ is the generic
# lookup, and assigning one to a class later takes effect.
class Logged:
    def __init__(self):
        self.x = 1

    def __getattribute__(self, name):
        if name == 'secret':
            raise AttributeError('no secret')
        v = super().__getattribute__(name)
        if name != '__dict__' and not callable(v):
            print("read", name)
        return v

    def __getattr__(self, name):
        return 'fallback:' + name

    def meth(self):
        return self.x + 1

    @property
    def p(self):
        return self.x * 10


o = Logged()
print(o.x, o.meth(), o.p, o.secret, o.nothing, getattr(o, 'x', 0), hasattr(o, 'zzz'))


class Strict:
    def __getattribute__(self, name):
        if name.startswith('hidden'):
            raise AttributeError(name)
        return object.__getattribute__(self, name)


s = Strict()
s.hidden_a = 1
s.ok = 2
print(s.ok, hasattr(s, 'hidden_a'), getattr(s, 'hidden_a', 'dflt'))
try:
    s.hidden_a
except AttributeError as e:
    print('AttributeError', e)
try:
    object.__getattribute__(s, 'missing')
except AttributeError as e:
    print('AttributeError', e)


class Sub(Strict):
    pass


print(Sub().__class__.__name__, getattr(Sub(), 'hidden', 'no'))


class Proxy:
    def __init__(self, target):
        object.__setattr__(self, '_target', target)

    def __getattribute__(self, name):
        target = object.__getattribute__(self, '_target')
        return getattr(target, name)

    def __setattr__(self, name, value):
        setattr(object.__getattribute__(self, '_target'), name, value)


lst = [3, 1, 2]
px = Proxy(lst)
px.sort()
print(lst, px.count(1), px.__len__())
Strict.__getattribute__ = lambda self, n: 'patched'
print(Strict().anything, Sub().other)
