a = ValueError("a")
b = ValueError("b")
a.__cause__ = b
b.__cause__ = a
try:
    raise a
except ValueError as e:
    print(e, e.__cause__, e.__cause__.__cause__ is e)
raise a
