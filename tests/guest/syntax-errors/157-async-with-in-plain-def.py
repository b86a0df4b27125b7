def g(y):
    with open(y) as a:
        async with a:
            pass
