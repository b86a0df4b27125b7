def outer():
    v = 0
    def inner():
        v = 1
        nonlocal v
    return inner
