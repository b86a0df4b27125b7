# __exit__ receives the exception's traceback as its third argument (not None), for a
# with-statement at module level and in a function, and through contextlib; dir(module) lists
# the module's namespace only (no methods of the module type).
import sys
import contextlib


class CM:
    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        print('exit', t.__name__ if t else None, tb is v.__traceback__ if v else tb)
        while tb:
            print(' ', tb.tb_frame.f_code.co_name, tb.tb_lineno)
            tb = tb.tb_next
        return True


def inner():
    raise ValueError(1)


def f():
    inner()


with CM():
    f()


def g():
    with CM():
        f()


g()
with CM():
    pass


@contextlib.contextmanager
def cm():
    try:
        yield
    except ValueError as e:
        print('cm caught', repr(e), [fr.f_code.co_name for fr, _ in __import__('traceback').walk_tb(e.__traceback__)])


with cm():
    f()

x = 1
print([n for n in dir(sys.modules['__main__']) if not n.startswith('__')])
import textwrap
print([n for n in dir(textwrap) if n in ('wrap', 'fill', 'TextWrapper')])
print('__delattr__' in dir(textwrap), '__name__' in dir(textwrap))
