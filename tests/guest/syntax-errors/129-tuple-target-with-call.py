def f():
    return 1

f(), y = 1, 2
