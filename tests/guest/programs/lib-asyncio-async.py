# asyncio with async generators: cancellation (wait_for's timeout) thrown through a consumer's
# async for into the generator's await, `async with` on a Lock across tasks, gather over tasks
# that collect async generators with async comprehensions.
import asyncio

async def ticker(log):
    try:
        i = 0
        while True:
            await asyncio.sleep(0.1)
            yield i
            i += 1
    except asyncio.CancelledError:
        log.append('ticker cancelled')
        raise
    finally:
        log.append('ticker finally')

async def consume(log):
    got = []
    try:
        async for v in ticker(log):
            got.append(v)
    finally:
        log.append(('consumer saw', got))

async def main():
    log = []
    try:
        await asyncio.wait_for(consume(log), 0.35)
    except asyncio.TimeoutError:
        print('timeout')
    print(log)
    lock = asyncio.Lock()
    async def worker(n, out):
        async with lock:
            out.append(('in', n))
            await asyncio.sleep(0.01)
            out.append(('out', n))
    out = []
    await asyncio.gather(*(worker(i, out) for i in range(3)))
    print(out)
    async def agen():
        for i in range(3):
            await asyncio.sleep(0)
            yield i
    print(await asyncio.gather(*[asyncio.create_task(collect(agen())) for _ in range(2)]))

async def collect(ag):
    return [x async for x in ag]

asyncio.run(main())
