# exception control flow corner cases: return in finally, exception in else, nested handlers.
def f1():
    try:
        raise ValueError
    except ValueError:
        return "except"
    finally:
        print("f1 finally")
def f2():
    try:
        return "try"
    finally:
        return "finally wins"
def f3():
    for i in range(3):
        try:
            raise KeyError(i)
        except KeyError as e:
            if i == 1:
                continue
            print("handled", e)
        finally:
            print("finally", i)
    return "done"
print(f1(), f2(), f3())
def f4():
    try:
        pass
    except Exception:
        print("no")
    else:
        raise RuntimeError("from else")
try:
    f4()
except RuntimeError as e:
    print("caught", e)
def f5(n):
    try:
        try:
            if n == 0:
                raise IndexError("zero")
            return 10 // n
        except IndexError:
            raise TypeError("converted")
    except TypeError as e:
        return "outer got " + str(e)
print(f5(0), f5(3))
try:
    try:
        raise ValueError("first")
    finally:
        print("inner finally runs")
except ValueError as e:
    print("then caught", e)
def gen():
    try:
        yield 1
        raise ValueError("inside generator")
    except ValueError as e:
        yield "caught " + str(e)
print(list(gen()))
e_saved = None
try:
    1 / 0
except ZeroDivisionError as e:
    e_saved = e
print(type(e_saved).__name__, e_saved)
try:
    raise ValueError("x")
except ValueError as e:
    pass
try:
    print(e)
except NameError as ne:
    print("NameError after except block:", ne)
def deep(n):
    if n == 0:
        raise LookupError("bottom")
    try:
        deep(n - 1)
    finally:
        print("unwind", n)
try:
    deep(3)
except LookupError as e:
    print("caught", e)
