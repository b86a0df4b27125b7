def noisy(v, log):
    log.append(v)
    return v

for x in (0, 3, 5, 9):
    print(x, 1 < x < 6, 0 <= x <= 5 != x, x == x is not None)
log = []
print(noisy(1, log) < noisy(0, log) < noisy(5, log), log)
log = []
print(noisy(1, log) < noisy(2, log) < noisy(3, log), log)
a = [1, 2]
b = a
print(a is b is not None, 1 in a not in [[1]], "x" < "y" > "a")
print(1 < 2.5 < 3 == 3.0, (1 < 2) < 3, not 1 < 0)
print(all(lo <= v < hi for lo, v, hi in [(0, 1, 2), (2, 2, 3)]))
