a = 1
if True:
    a < 2 = 3
