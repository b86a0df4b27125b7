# async for over class-based asynchronous iterators and async generators: else, break,
# continue, nested loops, and CPython's errors for objects without the protocol.
class Tick:
    def __await__(self):
        yield 'tick'


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        await Tick()
        if self.n <= 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


def drive(coro):
    ticks = 0
    try:
        while True:
            coro.send(None)
            ticks += 1
    except StopIteration as e:
        return e.value, ticks


async def collect(it):
    out = []
    async for x in it:
        out.append(x)
    else:
        out.append('else')
    return out


async def with_break():
    out = []
    async for x in Countdown(10):
        if x % 2:
            continue
        if x < 4:
            break
        out.append(x)
    else:
        out.append('not reached')
    return out


async def agen(n):
    for i in range(n):
        await Tick()
        yield i * i


async def nested():
    pairs = []
    async for a in agen(3):
        async for b in Countdown(a):
            pairs.append((a, b))
    return pairs


async def unpacking():
    async def pairs():
        for i in range(3):
            yield i, chr(97 + i)
    out = {}
    async for k, v in pairs():
        out[v] = k
    return out


async def return_inside():
    async for x in agen(10):
        if x > 10:
            return 'first square > 10: %d' % x


print(drive(collect(Countdown(3))))
print(drive(collect(agen(4))))
print(drive(collect(Countdown(0))))
print(drive(with_break()))
print(drive(nested()))
print(drive(unpacking()))
print(drive(return_inside()))


class NoAiter:
    pass


class AiterNotIterator:
    def __aiter__(self):
        return 5


class SyncIter:
    def __iter__(self):
        return iter([1, 2])


class AnextNotAwaitable:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 3


class AnextRaises:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise LookupError('from __anext__')


for obj in (NoAiter(), AiterNotIterator(), SyncIter(), AnextNotAwaitable(), AnextRaises(), [1, 2], agen):
    try:
        drive(collect(obj))
    except Exception as e:
        print(type(obj).__name__, '->', type(e).__name__ + ':', e)

# A plain for over an async generator, and an await over one, are errors too.
g = agen(1)
try:
    for x in g:
        pass
except TypeError as e:
    print('for:', e)


async def await_agen():
    await agen(1)

try:
    drive(await_agen())
except TypeError as e:
    print('await:', e)

# Neither an async generator nor a coroutine is an iterator.
for obj in (agen(1), await_agen()):
    try:
        next(obj)
    except TypeError as e:
        print('next:', e)
    try:
        list(obj)
    except TypeError as e:
        print('list:', e)
    obj.aclose() if hasattr(obj, 'aclose') else obj.close()
