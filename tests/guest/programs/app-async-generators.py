# In the style of pyperformance's async_generators benchmark: a binary tree walked in order by
# recursive async generators (each level re-yields its subtree with `async for`), driven by
# asyncio.run, plus a pipeline of async generators that filter and batch a stream.
import asyncio


class Tree:
    def __init__(self, left, value, right):
        self.left = left
        self.value = value
        self.right = right

    async def __aiter__(self):
        if self.left:
            async for i in self.left:
                yield i
        yield self.value
        if self.right:
            async for i in self.right:
                yield i


def tree(lo, hi):
    if lo >= hi:
        return None
    mid = (lo + hi) // 2
    return Tree(tree(lo, mid), mid, tree(mid + 1, hi))


async def walk(t):
    total = 0
    count = 0
    prev = -1
    ordered = True
    async for v in t:
        total += v
        count += 1
        if v <= prev:
            ordered = False
        prev = v
    return count, total, ordered


async def numbers(n):
    for i in range(n):
        if i % 16 == 0:
            await asyncio.sleep(0)
        yield i


async def keep(pred, source):
    async for x in source:
        if pred(x):
            yield x


async def batches(size, source):
    batch = []
    async for x in source:
        batch.append(x)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


async def pipeline(n):
    sums = [sum(b) async for b in batches(7, keep(lambda x: x % 3 == 0, numbers(n)))]
    return len(sums), sums[:3], sums[-1]


async def early_stop():
    # Breaking out of an async for leaves the generator suspended; aclose() finishes it.
    cleaned = []

    async def source():
        try:
            for i in range(100):
                yield i
        finally:
            cleaned.append('source closed')

    gen = source()
    seen = []
    async for x in gen:
        if x == 5:
            break
        seen.append(x)
    await gen.aclose()
    return seen, cleaned


async def main():
    for depth in (3, 5, 7):
        print('tree', depth, await walk(tree(0, 2 ** depth - 1)))
    print('pipeline', await pipeline(300))
    print('early stop', await early_stop())
    results = await asyncio.gather(walk(tree(0, 100)), pipeline(100), walk(tree(50, 60)))
    print('gather', results)


asyncio.run(main())
