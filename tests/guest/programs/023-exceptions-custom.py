# custom exception classes, hierarchies, raise ... from, __cause__/__context__.
class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"not found: {key}")
        self.key = key
class Invalid(AppError):
    def __str__(self):
        return "invalid!"
def lookup(d, k):
    if k not in d:
        raise NotFound(k)
    if d[k] is None:
        raise Invalid()
    return d[k]
data = {"a": 1, "b": None}
for k in ["a", "b", "c"]:
    try:
        print("value", lookup(data, k))
    except NotFound as e:
        print("NotFound", e, e.key, isinstance(e, AppError))
    except AppError as e:
        print("AppError", type(e).__name__, e)
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise AppError("bad input " + repr(s)) from e
try:
    parse("x1")
except AppError as e:
    print(e, type(e.__cause__).__name__, e.__cause__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("during handling")
except KeyError as e:
    print(repr(e), type(e.__context__).__name__)
try:
    raise ValueError("no cause") from None
except ValueError as e:
    print(e, e.__cause__)
class Retry(Exception):
    def __init__(self, n):
        self.n = n
attempts = 0
while True:
    try:
        attempts += 1
        if attempts < 3:
            raise Retry(attempts)
        print("succeeded after", attempts)
        break
    except Retry as r:
        print("retry", r.n)
err = NotFound("zz")
print(err.args, str(err), repr(err), isinstance(err, Exception), issubclass(NotFound, AppError))
try:
    raise NotFound
except TypeError as e:
    print("TypeError", e)
def raiser(kind):
    raise kind("made")
for kind in (ValueError, KeyError, RuntimeError):
    try:
        raiser(kind)
    except (ValueError, KeyError) as e:
        print("tuple caught", type(e).__name__)
    except Exception as e:
        print("generic caught", type(e).__name__, e)
