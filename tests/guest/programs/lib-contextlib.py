import contextlib
import io
import sys
from contextlib import (contextmanager, suppress, closing, nullcontext, ExitStack,
                        redirect_stdout, redirect_stderr, AbstractContextManager, ContextDecorator)

log = []

@contextmanager
def tag(name):
    log.append('enter ' + name)
    try:
        yield name.upper()
    except KeyError as e:
        log.append('caught KeyError %r' % (e.args,))
    finally:
        log.append('exit ' + name)

with tag('a') as t:
    print('inside', t)
print(log)
log.clear()

with tag('b'):
    raise KeyError('k')
print('after suppressed KeyError', log)
log.clear()

try:
    with tag('c'):
        raise ValueError('v')
except ValueError as e:
    print('propagated', repr(e), log)
log.clear()

@contextmanager
def no_yield():
    if False:
        yield

try:
    with no_yield():
        pass
except RuntimeError as e:
    print('RuntimeError:', e, e.__cause__, e.__suppress_context__)

@contextmanager
def two_yields():
    yield 1
    yield 2

try:
    with two_yields():
        pass
except RuntimeError as e:
    print('RuntimeError:', e)

@contextmanager
def swallow_then_yield():
    try:
        yield
    except Exception:
        yield

try:
    with swallow_then_yield():
        raise ValueError
except RuntimeError as e:
    print('RuntimeError:', e)

@contextmanager
def reraise_other():
    try:
        yield
    except ValueError as e:
        raise TypeError('converted') from e

try:
    with reraise_other():
        raise ValueError('orig')
except TypeError as e:
    print('TypeError:', e, 'cause:', repr(e.__cause__))

@contextmanager
def plain():
    yield 'x'

# StopIteration raised in the body propagates unchanged.
try:
    with plain():
        raise StopIteration('stop')
except StopIteration as e:
    print('StopIteration propagated:', e)

try:
    with plain():
        raise RuntimeError('rt')
except RuntimeError as e:
    print('RuntimeError propagated:', e)

# contextmanager as decorator, recreated each call
@contextmanager
def counted():
    log.append('start')
    yield
    log.append('end')

@counted()
def work(x):
    log.append('work %d' % x)
    return x * 2

print(work(1), work(2), log)
print(work.__name__)
log.clear()

# suppress
with suppress(KeyError, IndexError):
    [][1]
print('suppressed IndexError')
try:
    with suppress(KeyError):
        1 / 0
except ZeroDivisionError as e:
    print('not suppressed:', e)
with suppress():
    pass

# closing
class Res:
    def __init__(self, n):
        self.n = n
    def close(self):
        print('closing', self.n)

with closing(Res(7)) as r:
    print('using', r.n)

# nullcontext
with nullcontext(42) as v:
    print('nullcontext', v)
with nullcontext() as v:
    print('nullcontext', v)

# ExitStack
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print('enter', self.name)
        return self.name
    def __exit__(self, *exc):
        print('exit', self.name, exc[0].__name__ if exc[0] else None)
        return self.suppress

with ExitStack() as stack:
    names = [stack.enter_context(CM(n)) for n in 'xyz']
    stack.callback(print, 'callback', 1, sep='-')
    print('names', names)

with ExitStack() as stack:
    stack.enter_context(CM('outer', suppress=True))
    stack.enter_context(CM('inner'))
    raise ValueError('boom')
print('suppressed by stack')

def cb_exit(*exc):
    print('push callback got', exc[0])
    return False

with ExitStack() as stack:
    stack.push(cb_exit)
    stack.push(CM('pushed'))

with ExitStack() as stack:
    stack.enter_context(CM('p1'))
    stack.callback(print, 'deferred')
    moved = stack.pop_all()
print('popped; closing moved')
moved.close()

try:
    with ExitStack() as stack:
        stack.enter_context(42)
except TypeError as e:
    print('TypeError:', e)

# Exceptions raised by callbacks chain as nested with statements would.
def raiser(exc):
    def f(*a):
        raise exc
    return f

try:
    with ExitStack() as stack:
        stack.push(raiser(KeyError('first')))
        stack.push(raiser(IndexError('second')))
        raise ValueError('body')
except Exception as e:
    chain = []
    while e is not None:
        chain.append(repr(e))
        e = e.__context__
    print('chain:', chain)

# redirect_stdout / redirect_stderr
buf = io.StringIO()
with redirect_stdout(buf) as target:
    print('hello', 'redirected', sep=', ')
    sys.stdout.write('direct write\n')
    print(target is buf)
print('captured:', repr(buf.getvalue()))
err = io.StringIO()
with redirect_stderr(err):
    sys.stderr.write('to stderr\n')
print('captured err:', repr(err.getvalue()))
outer, inner = io.StringIO(), io.StringIO()
with redirect_stdout(outer):
    print('o1')
    with redirect_stdout(inner):
        print('i1')
    print('o2')
print(repr(outer.getvalue()), repr(inner.getvalue()))

# AbstractContextManager / ContextDecorator
class Mine(AbstractContextManager):
    def __exit__(self, *a):
        return None

with Mine() as m:
    print(type(m).__name__)
print(issubclass(CM, AbstractContextManager), issubclass(int, AbstractContextManager))
print(isinstance(nullcontext(), AbstractContextManager))

class mydeco(ContextDecorator):
    def __enter__(self):
        print('deco enter')
        return self
    def __exit__(self, *exc):
        print('deco exit')
        return False

@mydeco()
def decorated(a, b=2):
    print('decorated body', a, b)
    return a + b

print(decorated(1, b=5))
