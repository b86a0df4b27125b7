import asyncio


async def worker(name, delay, log):
    log.append(f"{name} start")
    await asyncio.sleep(delay)
    log.append(f"{name} mid")
    await asyncio.sleep(0)
    log.append(f"{name} end")
    return name.upper()


async def failing():
    await asyncio.sleep(0.01)
    raise ValueError("nope")


async def producer(q, n):
    for i in range(n):
        await q.put(i)
        await asyncio.sleep(0)
    await q.put(None)


async def consumer(q, out):
    while True:
        item = await q.get()
        if item is None:
            break
        out.append(item * item)


async def main():
    log = []
    res = await asyncio.gather(worker("a", 0.2, log), worker("b", 0.1, log), worker("c", 0, log))
    print(res)
    print(log)
    t = asyncio.create_task(worker("d", 0.05, log))
    print(t.done())
    print(await t, t.done(), t.result())
    r = await asyncio.gather(failing(), worker("e", 0, []), return_exceptions=True)
    print(r)
    try:
        await asyncio.gather(failing(), worker("f", 0, []))
    except ValueError as e:
        print("ValueError", e)
    q = asyncio.Queue()
    out = []
    await asyncio.gather(producer(q, 5), consumer(q, out))
    print(out)
    slow = asyncio.create_task(asyncio.sleep(10, "late"))
    try:
        await asyncio.wait_for(asyncio.sleep(1, "x"), timeout=0.5)
    except asyncio.TimeoutError:
        print("timed out")
    print(await asyncio.wait_for(asyncio.sleep(0.1, "fast"), timeout=1))
    slow.cancel()
    try:
        await slow
    except asyncio.CancelledError:
        print("cancelled", slow.cancelled())
    ev = asyncio.Event()
    async def waiter(i):
        await ev.wait()
        return i
    ws = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    ev.set()
    print(await asyncio.gather(*ws))
    return 42


print(asyncio.run(main()))
