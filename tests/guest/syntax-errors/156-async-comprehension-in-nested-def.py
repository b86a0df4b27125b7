async def f(xs):
    def inner():
        return {x: 1 async for x in xs}
    return inner
