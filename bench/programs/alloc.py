# Allocation-heavy: short-lived tuples, lists and instances.
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
for r in range(30):
    for t in make(600):
        s += t[0] + t[2][0]
print(s)
