# Asynchronous generators driven by hand: __anext__/asend/athrow/aclose and their awaitables
# (send/throw/close/__await__/__next__), yields wrapped apart from inner awaits, StopAsyncIteration,
# GeneratorExit on aclose, reuse errors.
class Tick:
    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        got = yield self.tag
        return got


async def counter(limit):
    total = 0
    i = 0
    while i < limit:
        got = await Tick('wait%d' % i)
        sent = yield (i, got)
        if sent is not None:
            total += sent
        i += 1
    print('  counter finished, total', total)


g = counter(3)
print(type(g).__name__, g.__name__, g.__qualname__)
print(type(g.__aiter__()).__name__, g.__aiter__() is g)
aw = g.__anext__()
print(type(aw).__name__, aw.__await__() is aw, iter(aw) is aw)
# The first send reaches the inner await: its value passes through to us.
print('send ->', aw.send(None))
# Resuming the await: the generator yields, which ends the awaitable with StopIteration(value).
try:
    aw.send('resumed')
except StopIteration as e:
    print('StopIteration value', e.value)
try:
    aw.send(None)
except RuntimeError as e:
    print('reuse:', e)

a2 = g.asend(100)
print('asend first ->', a2.send(None))
try:
    next(a2)
except StopIteration as e:
    print('asend result', e.value)

a3 = g.asend(5)
print(a3.send(None))
try:
    a3.send('x')
except StopIteration as e:
    print('asend result', e.value)

a4 = g.__anext__()
try:
    a4.send(None)
except StopAsyncIteration as e:
    print('exhausted:', type(e).__name__, e.args)
try:
    g.__anext__().send(None)
except StopAsyncIteration:
    print('still exhausted')


async def guarded():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print('  guarded caught', e)
        yield 'recovered'
    finally:
        print('  guarded finally')


def run_awaitable(aw, first=None):
    """Drives one awaitable to its end: the value, or the exception type and message."""
    try:
        y = aw.send(first)
        return ('yielded to driver', y)
    except StopIteration as e:
        return ('value', e.value)
    except BaseException as e:
        return ('raised', type(e).__name__, str(e))


g = guarded()
print(run_awaitable(g.__anext__()))
print(run_awaitable(g.athrow(ValueError('boom'))))
print(run_awaitable(g.athrow(ValueError, ValueError('second'))))
print(run_awaitable(g.__anext__()))
print(run_awaitable(g.aclose()))

g = guarded()
print(run_awaitable(g.__anext__()))
print(run_awaitable(g.aclose()))
print(run_awaitable(g.__anext__()))
print(run_awaitable(g.aclose()))
closer = g.aclose()
print(run_awaitable(closer))
print(run_awaitable(closer))


async def stubborn():
    try:
        yield 'a'
    except GeneratorExit:
        print('  stubborn ignores GeneratorExit')
        yield 'b'


g = stubborn()
print(run_awaitable(g.__anext__()))
print(run_awaitable(g.aclose()))


async def awaits_in_finally():
    try:
        yield 'x'
    finally:
        v = await Tick('cleanup')
        print('  cleanup resumed with', v)


g = awaits_in_finally()
print(run_awaitable(g.__anext__()))
c = g.aclose()
print(run_awaitable(c))
print(run_awaitable(c, 'done'))

# athrow/aclose on a generator that never started, and asend's send of a non-None value.
g = guarded()
print(run_awaitable(g.athrow(KeyError('k'))))
print(run_awaitable(g.__anext__()))
g = guarded()
print(run_awaitable(g.aclose()))
g = guarded()
print(run_awaitable(g.asend('not none')))


# An awaitable's throw() goes into the generator at its await or yield.
async def inner_await():
    try:
        await Tick('t')
    except ZeroDivisionError:
        yield 'handled in await'


g = inner_await()
aw = g.__anext__()
print(aw.send(None))
try:
    aw.throw(ZeroDivisionError)
except StopIteration as e:
    print('throw ->', e.value)
aw.close()
try:
    aw.send(None)
except RuntimeError as e:
    print(e)


# Exceptions an async generator must not let out.
async def raises_stop_iteration():
    yield 1
    raise StopIteration('x')


async def raises_stop_async():
    yield 1
    raise StopAsyncIteration


for f in (raises_stop_iteration, raises_stop_async):
    g = f()
    print(run_awaitable(g.__anext__()))
    print(run_awaitable(g.__anext__()))


# Two __anext__ awaitables running at once.
async def slow():
    await Tick('slow')
    yield 1


g = slow()
first = g.__anext__()
print(first.send(None))
print(run_awaitable(g.__anext__()))
print(run_awaitable(g.aclose()))
try:
    first.send(None)
except StopIteration as e:
    print('first finished with', e.value)
