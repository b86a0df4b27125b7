# uncaught exception raised inside a generator consumed by a for loop.
def readings():
    for v in [3, 1, 4, 0, 5]:
        yield 12 // v
total = 0
for r in readings():
    total += r
    print("running total", total)
