# A small ray tracer: spheres and a plane, diffuse and specular light, shadows and reflection,
# rendered to a 32x16 ASCII image and an RGB checksum.
import math


class Vector:
    __slots__ = ('x', 'y', 'z')

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vector(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vector(self.x - o.x, self.y - o.y, self.z - o.z)

    def scale(self, k):
        return Vector(self.x * k, self.y * k, self.z * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def magnitude(self):
        return math.sqrt(self.dot(self))

    def normalized(self):
        return self.scale(1.0 / self.magnitude())

    def reflect_through(self, normal):
        return self - normal.scale(2 * self.dot(normal))

    def __repr__(self):
        return 'Vector(%.3f, %.3f, %.3f)' % (self.x, self.y, self.z)


class Ray:
    def __init__(self, point, vector):
        self.point = point
        self.vector = vector.normalized()

    def point_at(self, t):
        return self.point + self.vector.scale(t)


class Sphere:
    def __init__(self, centre, radius, colour, shine):
        self.centre = centre
        self.radius = radius
        self.colour = colour
        self.shine = shine

    def intersection(self, ray):
        cp = self.centre - ray.point
        v = cp.dot(ray.vector)
        disc = self.radius * self.radius - (cp.dot(cp) - v * v)
        if disc < 0:
            return None
        t = v - math.sqrt(disc)
        return t if t > 1e-6 else None

    def normal_at(self, p):
        return (p - self.centre).normalized()


class Plane:
    def __init__(self, point, normal, colour, shine):
        self.point = point
        self.normal = normal.normalized()
        self.colour = colour
        self.shine = shine

    def intersection(self, ray):
        d = ray.vector.dot(self.normal)
        if abs(d) < 1e-9:
            return None
        t = (self.point - ray.point).dot(self.normal) / d
        return t if t > 1e-6 else None

    def normal_at(self, p):
        return self.normal


class Scene:
    def __init__(self):
        self.objects = []
        self.lights = []

    def nearest(self, ray):
        best = None
        for obj in self.objects:
            t = obj.intersection(ray)
            if t is not None and (best is None or t < best[0]):
                best = (t, obj)
        return best

    def trace(self, ray, depth=0):
        hit = self.nearest(ray)
        if hit is None:
            return (0.1, 0.1, 0.2)
        t, obj = hit
        p = ray.point_at(t)
        n = obj.normal_at(p)
        light = 0.15
        for lp in self.lights:
            to_light = (lp - p).normalized()
            if self.nearest(Ray(p, to_light)) is not None:
                continue
            light += max(0.0, n.dot(to_light)) * 0.8
        r, g, b = (c * light for c in obj.colour)
        if obj.shine > 0 and depth < 2:
            rr, rg, rb = self.trace(Ray(p, ray.vector.reflect_through(n)), depth + 1)
            r += obj.shine * rr
            g += obj.shine * rg
            b += obj.shine * rb
        return (min(r, 1.0), min(g, 1.0), min(b, 1.0))


def render(scene, width, height):
    eye = Vector(0.0, 1.0, -6.0)
    rows = []
    total = [0.0, 0.0, 0.0]
    shades = ' .:-=+*#%@'
    for j in range(height):
        row = []
        for i in range(width):
            x = (i - width / 2) / (width / 2) * 1.6
            y = (height / 2 - j) / (height / 2) * 0.9 + 1.0
            colour = scene.trace(Ray(eye, Vector(x, y, 0.0) - eye))
            for k in range(3):
                total[k] += colour[k]
            lum = 0.3 * colour[0] + 0.59 * colour[1] + 0.11 * colour[2]
            row.append(shades[min(9, int(lum * 10))])
        rows.append(''.join(row))
    return rows, total


scene = Scene()
scene.objects.append(Sphere(Vector(0.0, 1.0, 0.0), 1.0, (0.9, 0.2, 0.2), 0.3))
scene.objects.append(Sphere(Vector(-2.0, 0.6, 1.0), 0.6, (0.2, 0.9, 0.2), 0.0))
scene.objects.append(Sphere(Vector(2.0, 0.8, 0.5), 0.8, (0.2, 0.3, 0.9), 0.5))
scene.objects.append(Plane(Vector(0.0, 0.0, 0.0), Vector(0.0, 1.0, 0.0), (0.7, 0.7, 0.6), 0.2))
scene.lights.append(Vector(-4.0, 6.0, -3.0))
scene.lights.append(Vector(5.0, 4.0, -6.0))
rows, total = render(scene, 32, 16)
for r in rows:
    print('|' + r + '|')
print('rgb sums: %.6f %.6f %.6f' % tuple(total))
print(Vector(1, 2, 3).reflect_through(Vector(0, 1, 0)))
