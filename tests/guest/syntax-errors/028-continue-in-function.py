def g():
    if True:
        continue
