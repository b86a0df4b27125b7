# Asynchronous comprehensions: async for clauses, await in the element and conditions,
# nested comprehensions that become asynchronous, async generator expressions.
class Tick:
    def __init__(self, v):
        self.v = v

    def __await__(self):
        yield 'tick'
        return self.v


async def agen(n):
    for i in range(n):
        await Tick(None)
        yield i


async def double(x):
    return await Tick(x * 2)


def drive(coro):
    ticks = 0
    try:
        while True:
            coro.send(None)
            ticks += 1
    except StopIteration as e:
        return e.value, ticks


async def main():
    out = []
    out.append([x async for x in agen(4)])
    out.append({x % 2 async for x in agen(5)})
    out.append({x: x * x async for x in agen(3)})
    out.append([x async for x in agen(6) if x % 2 if x > 1])
    out.append([await double(x) for x in range(3)])
    out.append([x for x in range(6) if await double(x) > 4])
    out.append([(x, y) async for x in agen(3) for y in range(x)])
    out.append([(x, y) for x in range(3) async for y in agen(x)])
    out.append([[y async for y in agen(x)] for x in range(3)])
    out.append({k: await double(k) async for k in agen(2)})
    ge = (x * 10 async for x in agen(3))
    out.append(type(ge).__name__)
    out.append([v async for v in ge])
    ge2 = (await double(x) for x in [5, 6])
    out.append(type(ge2).__name__)
    out.append([v async for v in ge2])
    return out


result, ticks = drive(main())
for r in result:
    print(r)
print('ticks', ticks)


# An async generator expression may stand in a plain function; it runs when awaited.
def make(n):
    return (i + 100 async for i in agen(n))


async def consume():
    return [v async for v in make(3)]


print(drive(consume()))


# `await` inside a generator expression makes it asynchronous, even in a plain function.
def doubled(xs):
    return (await double(x) for x in xs)


async def consume_doubled():
    return [v async for v in doubled([1, 2, 3])]


print(type(doubled([])).__name__, drive(consume_doubled()))


# Errors inside an async comprehension propagate with the comprehension's frame.
async def failing():
    return [10 // x async for x in agen(3)]

try:
    drive(failing())
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
