# aiter() and anext() (with and without a default) over async generators and async iterator classes;
# their TypeErrors.
import asyncio
async def agen():
    yield 1
    yield 2
class It:
    def __init__(self): self.n = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.n += 1
        if self.n > 2:
            raise StopAsyncIteration
        return self.n * 10
async def main():
    g = agen()
    print(aiter(g) is g, await anext(g), await anext(g), await anext(g, 'done'))
    try:
        await anext(g)
    except StopAsyncIteration:
        print('stop')
    it = aiter(It())
    print(await anext(it), await anext(it), await anext(it, None))
    for bad in [5, [1]]:
        try:
            aiter(bad)
        except TypeError as e:
            print(e)
        try:
            anext(bad)
        except TypeError as e:
            print(e)
asyncio.run(main())
