# Computational geometry on namedtuples: convex hull (monotone chain), polygon area and
# perimeter, closest pair by sweep, and segment intersection counting.
from collections import namedtuple
from itertools import combinations
import math

Point = namedtuple('Point', 'x y')
Segment = namedtuple('Segment', ['a', 'b'])


def cross(o, a, b):
    return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x)


def hull(points):
    pts = sorted(set(points))
    if len(pts) <= 2:
        return pts
    lower, upper = [], []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def area(poly):
    return abs(sum(p.x * q.y - q.x * p.y for p, q in zip(poly, poly[1:] + poly[:1]))) / 2


def perimeter(poly):
    return sum(math.dist(p, q) for p, q in zip(poly, poly[1:] + poly[:1]))


def lcg(seed):
    while True:
        seed = (seed * 1103515245 + 12345) % 2 ** 31
        yield seed


gen = lcg(7)
cloud = [Point(next(gen) % 100, next(gen) % 100) for _ in range(60)]
h = hull(cloud)
print(len(h), h[:4])
print('area %.1f perimeter %.4f' % (area(h), perimeter(h)))
print(min(cloud), max(cloud, key=lambda p: p.y), cloud[0]._replace(x=-1), cloud[0]._asdict())


def closest_pair(points):
    pts = sorted(points)
    best = (float('inf'), None)
    for i, p in enumerate(pts):
        for q in pts[i + 1:]:
            if q.x - p.x >= best[0]:
                break
            d = math.hypot(q.x - p.x, q.y - p.y)
            if d < best[0]:
                best = (d, (p, q))
    return best


d, pair = closest_pair(cloud)
print('closest %.4f' % d, pair)


def intersects(s, t):
    d1, d2 = cross(t.a, t.b, s.a), cross(t.a, t.b, s.b)
    d3, d4 = cross(s.a, s.b, t.a), cross(s.a, s.b, t.b)
    return d1 * d2 < 0 and d3 * d4 < 0


segs = [Segment(cloud[i], cloud[i + 1]) for i in range(0, 30, 2)]
crossings = [(i, j) for (i, s), (j, t) in combinations(enumerate(segs), 2) if intersects(s, t)]
print(len(crossings), crossings[:5])
centroid = Point(*(sum(c) / len(h) for c in zip(*h)))
print('centroid (%.3f, %.3f)' % centroid, isinstance(centroid, tuple), Point._fields)
