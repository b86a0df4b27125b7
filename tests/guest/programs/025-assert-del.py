# assert and del.
assert 1 + 1 == 2
assert True, "never shown"
try:
    assert 1 > 2, "one is not greater than two"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert []
except AssertionError as e:
    print("empty message:", repr(e), e.args)
x = 10
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
lst = [0, 1, 2, 3, 4, 5]
del lst[1]
del lst[1:3]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
class Obj:
    pass
o = Obj()
o.a = 1
o.b = 2
del o.a
print(hasattr(o, "a"), o.b)
a, b = 1, 2
del a, b
def f():
    y = 5
    del y
    try:
        return y
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(f())
try:
    del d["zzz"]
except KeyError as e:
    print("KeyError", e)
def checked(n):
    assert isinstance(n, int), f"expected int, got {type(n).__name__}"
    return n * 2
print(checked(4))
try:
    checked("s")
except AssertionError as e:
    print(e)
