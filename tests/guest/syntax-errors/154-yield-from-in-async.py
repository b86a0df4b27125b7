async def gen(xs):
    yield from xs
