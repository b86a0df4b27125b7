class P:
    __slots__ = ("x", "y")
    def __init__(self):
        self.x = 1
p = P()
p.y = 2
print(p.x, p.y)
try:
    p.z = 3
except AttributeError as e:
    print(e)
try:
    print(p.__dict__)
except AttributeError as e:
    print(e)
class Q(P):
    pass
q = Q()
q.z = 5
print(q.z)
class R:
    __slots__ = "a"
r = R()
try:
    r.a
except AttributeError as e:
    print(e)
try:
    r.b = 1
except AttributeError as e:
    print(e)
