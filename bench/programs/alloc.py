# Allocation-heavy: short-lived tuples, lists and instances.
# The bench rewrites the SCALE line (guest-bench.ts `scale`); the default makes python3 take ~0.4 s.
SCALE = 10


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def make(n):
    pts = []
    for i in range(n):
        p = Point(i, i * 2)
        pts.append((p.x, p.y, [p.x + p.y]))
    return pts


s = 0
for r in range(100 * SCALE):
    for t in make(600):
        s += t[0] + t[2][0]
print(s)
