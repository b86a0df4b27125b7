# Floating-point work of the kind pyperformance's "float" and "chaos" benchmarks do: points
# normalized and maximized, and a chaos game on a triangle with an affine-map IFS,
# rasterized to a small character grid.
import math
import random


class Point:
    __slots__ = ('x', 'y', 'z')

    def __init__(self, i):
        self.x = x = math.sin(i)
        self.y = math.cos(i) * 3
        self.z = (x * x) / 2

    def __repr__(self):
        return '<Point: x=%s, y=%s, z=%s>' % (self.x, self.y, self.z)

    def normalize(self):
        norm = math.sqrt(self.x * self.x + self.y * self.y + self.z * self.z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def maximize(points):
    nxt = points[0]
    for p in points[1:]:
        nxt = nxt.maximize(p)
    return nxt


def float_benchmark(n):
    points = [Point(i) for i in range(n)]
    for p in points:
        p.normalize()
    return maximize(points)


print(float_benchmark(2000))

MAPS = [
    ((0.5, 0.0, 0.0, 0.5, 0.0, 0.0), 1),
    ((0.5, 0.0, 0.0, 0.5, 0.5, 0.0), 1),
    ((0.5, 0.0, 0.0, 0.5, 0.25, 0.5), 1),
    ((0.2, -0.26, 0.23, 0.22, 0.4, 0.05), 0.3),
]


def chaos(n, width, height, seed):
    rng = random.Random(seed)
    total = sum(w for _, w in MAPS)
    grid = [[0] * width for _ in range(height)]
    x, y = 0.3, 0.3
    for i in range(n):
        r = rng.random() * total
        for (a, b, c, d, e, f), w in MAPS:
            r -= w
            if r <= 0:
                break
        x, y = a * x + b * y + e, c * x + d * y + f
        if i > 20:
            col = min(width - 1, max(0, int(x * width)))
            row = min(height - 1, max(0, int((1 - y) * height)))
            grid[row][col] += 1
    return grid


grid = chaos(6000, 40, 16, 1234)
for row in grid:
    print(''.join(' ' if v == 0 else '.' if v < 5 else 'o' if v < 20 else '#' for v in row))
print(sum(map(sum, grid)), max(map(max, grid)))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.hypot(3, 4), round(2.675, 2), 1e16 + 1.0, 0.1 + 0.2)
