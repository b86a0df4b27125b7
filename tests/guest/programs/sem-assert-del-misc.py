x = 10
assert x == 10
assert x > 5, "x should be big"
try:
    assert x < 5, f"x={x} is too big"
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert False
except AssertionError as e:
    print("bare assert:", repr(e), e.args)
y = [1, 2, 3]
del y[0]
print(y)
z = {"a": 1, "b": 2}
del z["a"]
print(z)
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
class O:
    pass
o = O()
o.attr = 1
del o.attr
print(hasattr(o, "attr"))
try:
    del o.attr
except AttributeError as e:
    print("AttributeError:", e)
a, b, c = 1, 2, 3
del a, b
print(c, "a" in dir() if False else "")
def f():
    v = 1
    del v
    try:
        return v
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(f())
lst = list(range(10))
for i in sorted([1, 5, 7], reverse=True):
    del lst[i]
print(lst)
i = 0
while True:
    i += 1
    if i % 2:
        continue
    if i > 8:
        break
    print("even", i)
else:
    print("never")
for n in range(3):
    pass
else:
    print("loop finished, n =", n)
print(None is None, None == None, type(None).__name__, None.__class__.__name__, not None, str(None), [None] * 2, bool(None))
def noret():
    pass
print(noret(), noret() is None)
x = 5
r = "big" if x > 3 else "small"
print(r, 1 if 0 else 2, (lambda: None)())
print(1 < 2 < 3, 1 < 3 < 2, 2 == 2.0 == True if False else "", 0 < x <= 5, not 1 == 2, x is not None)
print(True and "yes", 0 or "fallback", "" and 1, None or 0 or [], 1 and 2 and 3, not [])
n = 0
n += 5; n -= 1; n *= 3; n //= 2; n **= 2; n %= 7; n <<= 3; n >>= 1; n |= 1; n &= 0xF; n ^= 6
print(n)
s = "ab"; s += "cd"; s *= 2
print(s)
pass
print(...)
print(type(...).__name__, Ellipsis)
