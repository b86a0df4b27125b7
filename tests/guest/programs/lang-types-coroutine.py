# types.coroutine: a generator function becomes awaitable (CO_ITERABLE_COROUTINE), as asyncio's
# own sleep(0) is written; an async def or another callable passes through or is wrapped.
import types


@types.coroutine
def tick(label):
    got = yield ('tick', label)
    return f'{label}:{got}'


async def worker(n):
    out = []
    for i in range(n):
        out.append(await tick(i))
    return out


def drive(coro):
    sent = None
    while True:
        try:
            msg = coro.send(sent)
        except StopIteration as e:
            return e.value
        print('loop got', msg)
        sent = msg[1] * 10


print(drive(worker(3)))
g = tick('plain')
print(type(g).__name__, next(g))
print(types.coroutine(worker) is worker, types.coroutine(tick) is tick)
w = types.coroutine(len)
print(w is len, w.__name__, w([1, 2, 3]))


def plain_gen():
    yield 1


async def bad():
    await plain_gen()

try:
    bad().send(None)
except TypeError as e:
    print('TypeError:', e)
try:
    types.coroutine(5)
except TypeError as e:
    print('TypeError:', e)
