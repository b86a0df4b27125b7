async def f(xs):
    key = lambda: [x async for x in xs]
    return key
