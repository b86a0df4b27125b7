async def f(xs):
    g = lambda: await xs
    return g
