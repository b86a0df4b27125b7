# In the style of pyperformance's async_tree benchmark: a tree of coroutines, each node
# gathering its children, with simulated I/O (asyncio.sleep on the virtual clock) guarded by
# a Semaphore and a Lock used through `async with`, and results that depend on the order in
# which tasks run.
import asyncio

NUM_RECURSE_LEVELS = 3
NUM_RECURSE_BRANCHES = 3
IO_SLEEP = 0.05
MAX_CONCURRENT = 4


class Stats:
    def __init__(self):
        self.leaves = 0
        self.max_active = 0
        self.active = 0
        self.order = []


async def leaf(sem, lock, stats, path):
    async with sem:
        stats.active += 1
        stats.max_active = max(stats.max_active, stats.active)
        await asyncio.sleep(IO_SLEEP * (1 + sum(path) % 3))
        stats.active -= 1
    async with lock:
        stats.leaves += 1
        stats.order.append(path)
    return sum(path) + 1


async def recurse(sem, lock, stats, level, path):
    if level == 0:
        return await leaf(sem, lock, stats, path)
    children = [recurse(sem, lock, stats, level - 1, path + (i,)) for i in range(NUM_RECURSE_BRANCHES)]
    results = await asyncio.gather(*children)
    return sum(results)


async def ticker(stop, loop, marks):
    start = loop.time()
    while not stop.is_set():
        marks.append(round(loop.time() - start, 1))
        await asyncio.sleep(0.1)


async def main():
    sem = asyncio.Semaphore(MAX_CONCURRENT)
    lock = asyncio.Lock()
    stats = Stats()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    marks = []
    t = asyncio.create_task(ticker(stop, loop, marks))
    total = await recurse(sem, lock, stats, NUM_RECURSE_LEVELS, ())
    stop.set()
    await t
    print('total', total)
    print('leaves', stats.leaves, 'max concurrent', stats.max_active, 'locked after', lock.locked())
    print('first leaves', stats.order[:3])
    print('all leaves', sorted(stats.order) == sorted(set(stats.order)), sorted(stats.order)[-2:])
    print('ticker ran', len(marks) > 3, marks[:3])

    bounded = asyncio.BoundedSemaphore(2)
    async with bounded:
        print('bounded inside', bounded.locked())
    try:
        bounded.release()
    except ValueError as e:
        print('ValueError:', e)

    # A task failing inside `async with lock` releases the lock for the next one.
    async def failing(n):
        async with lock:
            await asyncio.sleep(0)
            if n == 1:
                raise KeyError(n)
            return n

    res = await asyncio.gather(*(failing(i) for i in range(3)), return_exceptions=True)
    print('gather with failure', [type(r).__name__ if isinstance(r, BaseException) else r for r in res], lock.locked())


asyncio.run(main())
