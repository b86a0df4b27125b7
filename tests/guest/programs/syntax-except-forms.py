class AppError(Exception):
    pass

class NotFound(AppError, KeyError):
    pass

def risky(kind):
    if kind == 0:
        raise ValueError("bad value")
    if kind == 1:
        raise KeyError("k")
    if kind == 2:
        raise NotFound("nf")
    if kind == 3:
        return [][1]
    return "fine"

for k in range(5):
    try:
        r = risky(k)
    except (ValueError, TypeError) as e:
        print(k, "value/type", type(e).__name__, e)
    except AppError as e:
        print(k, "app", e, isinstance(e, KeyError))
    except KeyError as e:
        print(k, "key", repr(e))
    except Exception as e:
        print(k, "other", type(e).__name__, e)
    else:
        print(k, "else", r)
errs = (ZeroDivisionError, OverflowError)
try:
    1 / 0
except errs as e:
    print("tuple var", type(e).__name__)
try:
    try:
        raise ValueError("inner")
    except ValueError as e:
        raise RuntimeError("outer") from e
except RuntimeError as e:
    print(e, "<-", repr(e.__cause__))
try:
    raise TypeError
except TypeError as e:
    print("class raised", repr(e))
try:
    pass
except:
    print("never")
e = "kept"
try:
    raise ValueError
except ValueError as e:
    pass
try:
    print(e)
except NameError as ne:
    print("NameError:", ne)
def reraiser():
    try:
        {}["missing"]
    except KeyError:
        raise
try:
    reraiser()
except LookupError as e:
    print("reraised", repr(e))
