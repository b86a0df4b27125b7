# bool and None: truthiness, identity, printing.
print(True, False, None, not None, not 0, not "")
print(bool(0), bool(1), bool(""), bool("x"), bool([]), bool([0]), bool({}), bool(None))
print(True and 3, 0 and 3, 0 or "default", "" or None, None or 0)
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0, None is None, None is not None)
x = None
if x is None:
    print("x is None")
y = [] or [1]
print(y)
print(type(True).__name__, type(None).__name__, isinstance(True, int))
print(True == 1, False == 0, True is True, str(True), repr(None))
def f():
    pass
print(f())
print([bool(v) for v in (0, 0.0, -1, "0", (), (0,), None)])
print(int(True), float(False), True + 0.5)
print(sum([True, True, False, True]))
a = 5
print(a > 3 and a < 10, a < 3 or a > 4, not (a == 5))
