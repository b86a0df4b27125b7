def pos_only(a, b, /, c, *, d=4):
    return (a, b, c, d)

print(pos_only(1, 2, 3), pos_only(1, 2, c=5, d=6))
try:
    pos_only(1, b=2, c=3)
except TypeError as e:
    print("TypeError:", e)

def kw_only(*, key, default=None):
    return key, default

print(kw_only(key=1), kw_only(default=2, key=3))
try:
    kw_only(1)
except TypeError as e:
    print("TypeError:", e)

def mixed(a, b=2, *args, c, d=5, **kw):
    return a, b, args, c, d, sorted(kw.items())

print(mixed(1, c=3))
print(mixed(1, 9, 8, 7, c=3, e=6))

def only_defaults(a=1, /, b=2, *, c=3):
    return a + b + c

print(only_defaults(), only_defaults(10), only_defaults(10, 20, c=30))

def collect(x, /, **kw):
    return x, kw
print(collect(1, x=2))
try:
    mixed()
except TypeError as e:
    print("TypeError:", e)
try:
    mixed(1, 2, 3, c=1, b=0)
except TypeError as e:
    print("TypeError:", e)
def two_pos(a, b, /):
    return a + b
try:
    two_pos(a=1, b=2)
except TypeError as e:
    print("TypeError:", e)
