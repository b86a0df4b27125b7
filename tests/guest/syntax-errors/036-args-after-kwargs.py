def f(**options, name):
    pass
