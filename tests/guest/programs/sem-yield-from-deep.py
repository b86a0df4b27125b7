# yield from: chains deeper than any host stack (run without host recursion), throw() and close()
# delegated down the chain innermost first (CPython 3.11 _gen_throw / gen_close), RecursionError past the limit.
import sys
sys.setrecursionlimit(10**5)
def inner():
    try:
        yield 1
    except ValueError:
        yield 'caught'
    return 'ret'
def outer():
    r = yield from inner()
    yield r
g = outer(); print(next(g)); print(g.throw(ValueError)); print(next(g))
def chain(n):
    if n == 0:
        yield 1
        yield 2
        return 'end'
    r = yield from chain(n - 1)
    return r
def topn(n):
    r = yield from chain(n)
    yield r
print(list(topn(10001)))
def bad(n):
    if n == 0:
        raise KeyError('x')
        yield
    yield from bad(n - 1)
try:
    list(bad(5000))
except KeyError as e:
    print('keyerror', repr(e))
def st(n):
    if n == 0:
        raise StopIteration
        yield
    yield from st(n - 1)
try:
    list(st(3))
except RuntimeError as e:
    print('rt', e, repr(e.__cause__))
def echo():
    x = yield 'start'
    while True:
        x = yield x * 2
def deleg():
    yield from echo()
d = deleg(); print(next(d), d.send(3), d.send(5))
def leaf(log):
    try:
        yield 1
        yield 2
    except ValueError as e:
        log.append('leaf caught ' + str(e))
        return 'leafret'
    finally:
        log.append('leaf finally')
def mid(log):
    r = yield from leaf(log)
    log.append('mid got ' + repr(r))
    yield 'mid-after'
    return 'midret'
def top(log):
    try:
        r = yield from mid(log)
        log.append('top got ' + repr(r))
    except KeyError:
        log.append('top caught keyerror')
    yield 'top-k'
log = []
g = top(log); print(next(g)); print(g.throw(ValueError('v'))); print(log)
try:
    next(g)
except StopIteration as e:
    print('stop', e.value, log)
log = []
g = top(log); next(g); print(g.throw(KeyError('k'))); print(log)
log = []
g = top(log); next(g); print(g.close(), log)
class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        return self.n
    def throw(self, *a):
        print('It.throw', a[0] if a else None)
        raise StopIteration('itret')
    def close(self): print('It.close')
def usesit():
    r = yield from It()
    yield 'after ' + r
g = usesit(); print(next(g), next(g)); print(g.throw(ValueError('x')))
g = usesit(); next(g); g.close()
def chain(n):
    if n == 0:
        try:
            yield 0
        except ValueError:
            yield 'deep caught'
        return
    yield from chain(n - 1)
g = chain(3000); next(g); print(g.throw(ValueError)); g.close(); print('closed')
def chain2(n):
    if n == 0:
        yield 0
        raise KeyError('deep')
    yield from chain2(n - 1)
g = chain2(3); next(g)
try:
    g.throw(TypeError('t'))
except TypeError as e:
    print('te', e)
sys.setrecursionlimit(1000)
try:
    list(topn(2000))
except RecursionError as e:
    print('recursion', e)
print(list(topn(900)))
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2
def wrap():
    try:
        yield from stubborn()
    except RuntimeError as e:
        print('wrap saw', e)
        raise
g = wrap(); next(g)
try:
    g.close()
except RuntimeError as e:
    print('close raised', e)
print('end')
