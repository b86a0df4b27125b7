def f(x):
    def g():
        nonlocal y
    return g
