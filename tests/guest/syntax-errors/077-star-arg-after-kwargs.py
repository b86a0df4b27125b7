def f(*a, **k): pass
f(**{}, *[])
