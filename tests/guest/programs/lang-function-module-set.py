# A function's __module__ is writable (functools.wraps and reprlib.recursive_repr copy it) and
# reads back as set, like __name__, __qualname__ and __doc__.
import functools


def f():
    """doc f"""


f.__module__ = 'zz'
print(f.__module__, getattr(f, '__module__'))
setattr(f, '__module__', None)
print(f.__module__)
f.__name__ = 'g'
f.__qualname__ = 'G.g'
f.__doc__ = 'new'
print(f.__name__, f.__qualname__, f.__doc__)


def deco(fn):
    @functools.wraps(fn)
    def inner(*a):
        return fn(*a)
    return inner


def base():
    pass


base.__module__ = 'elsewhere'
w = deco(base)
print(w.__module__, w.__name__, w.__wrapped__ is base)
print('__module__' in f.__dict__)
