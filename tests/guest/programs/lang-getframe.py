# sys._getframe: the calling frames, their code, globals, locals and line numbers (what logging,
# namedtuple and typing read to find the caller's module), and locals() with closure cells.
import sys


def where(depth=1):
    f = sys._getframe(depth)
    return f.f_code.co_name, f.f_lineno, f.f_globals['__name__']


def outer():
    x = 1
    y = [x, 2]

    def inner():
        z = x + 1
        return z, sorted(locals()), sorted(sys._getframe().f_locals)
    return where(), inner(), sorted(sys._getframe(0).f_locals)


print(outer())
print(where(0)[0], where(1))


def chain():
    f = sys._getframe()
    names = []
    while f is not None:
        names.append(f.f_code.co_name)
        f = f.f_back
    return names


def a():
    return chain()


def b():
    return a()


print(b())
print(sys._getframe().f_back, sys._getframe().f_code.co_filename.endswith('lang-getframe.py'))
print(sys._getframe().f_globals is globals(), sys._getframe().f_builtins is __builtins__.__dict__ if hasattr(__builtins__, '__dict__') else True)
try:
    sys._getframe(50)
except ValueError as e:
    print('ValueError:', e)


class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns['caller_module'] = sys._getframe(1).f_globals['__name__']
        return super().__new__(mcls, name, bases, ns)


class C(metaclass=Meta):
    pass


print(C.caller_module)


# Code flags as CPython reports them: a coroutine is COROUTINE alone, an async generator ASYNC_GENERATOR alone.
async def coro():
    pass


async def agen():
    yield 1


def gen():
    yield 1


print(coro.__code__.co_flags, agen.__code__.co_flags, gen.__code__.co_flags, chain.__code__.co_flags)
