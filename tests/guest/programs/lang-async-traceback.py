# An exception raised inside an async generator, after an await, travels through the
# awaitable of __anext__ into the `async for` of its consumer and out of the driver: CPython's
# traceback names every frame (driver, consumer, generator).
class Tick:
    def __await__(self):
        yield 'tick'


async def readings(values):
    for v in values:
        await Tick()
        if v < 0:
            raise ValueError('negative reading: %d' % v)
        yield v * 1.5


async def average(values):
    total = 0.0
    n = 0
    async for r in readings(values):
        total += r
        n += 1
    return total / n


def drive(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


print(drive(average([1, 2, 3])))
try:
    drive(average([]))
except ZeroDivisionError as e:
    print('empty:', e)
print(drive(average([4, 5, -1, 6])))
