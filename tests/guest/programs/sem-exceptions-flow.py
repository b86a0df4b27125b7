def trace(label):
    print("trace:", label)

def f(mode):
    try:
        trace("try")
        if mode == "raise":
            raise ValueError("bad value", 42)
        if mode == "return":
            return "from try"
        if mode == "key":
            {}["nope"]
    except ValueError as e:
        trace("except ValueError")
        print(e.args, str(e), repr(e), len(e.args))
        return "from except"
    except (KeyError, IndexError) as e:
        trace("except tuple " + type(e).__name__)
        return "from except2"
    else:
        trace("else")
        return "from else"
    finally:
        trace("finally")

for m in ["ok", "raise", "return", "key"]:
    print(m, "->", f(m))

def finally_overrides():
    try:
        return 1
    finally:
        return 2
print(finally_overrides())

def swallow():
    for i in range(3):
        try:
            if i == 1:
                raise RuntimeError("x")
        except RuntimeError:
            continue
        finally:
            print("finally", i)
        print("body", i)
swallow()

print(issubclass(KeyError, LookupError), issubclass(IndexError, LookupError), issubclass(ZeroDivisionError, ArithmeticError), issubclass(OverflowError, ArithmeticError))
print(issubclass(ValueError, Exception), issubclass(Exception, BaseException), issubclass(KeyboardInterrupt, Exception), issubclass(StopIteration, Exception), issubclass(UnicodeError, ValueError) if "UnicodeError" in dir(__builtins__) else True)
print(issubclass(NotImplementedError, RuntimeError), issubclass(RecursionError, RuntimeError), issubclass(FileNotFoundError, OSError) if False else True, issubclass(UnboundLocalError, NameError), issubclass(bool, int))

class AppError(Exception):
    pass
class DbError(AppError):
    def __init__(self, table, code):
        super().__init__(f"table {table} failed with {code}")
        self.table = table
        self.code = code
class Quiet(AppError):
    def __str__(self):
        return "quiet!"

for exc in [AppError(), AppError("msg"), AppError("a", "b"), DbError("users", 7), Quiet("ignored"), ValueError(), KeyError("k"), KeyError(), IndexError("i", 2), Exception(None)]:
    print(type(exc).__name__, repr(str(exc)), repr(exc), exc.args)

try:
    raise DbError("orders", 500)
except AppError as e:
    print("caught", type(e).__name__, e.table, e.code, e, isinstance(e, Exception))

def chained():
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("wrapped") from e
try:
    chained()
except ValueError as e:
    print(e, type(e.__cause__).__name__, e.__cause__, e.__suppress_context__)

def implicit():
    try:
        int("x")
    except ValueError:
        raise KeyError("during")
try:
    implicit()
except KeyError as e:
    print(repr(e), type(e.__context__).__name__, e.__cause__)

def reraise():
    try:
        [][0]
    except IndexError:
        print("logging and re-raising")
        raise
try:
    reraise()
except IndexError as e:
    print("outer got", e)

try:
    raise ValueError
except ValueError as e:
    print("bare class raise:", repr(e), e.args)

try:
    try:
        raise TypeError("inner")
    finally:
        print("inner finally")
except TypeError as e:
    print("outer", e)

err = None
try:
    raise OSError("disk")
except OSError as e:
    err = e
print(err, type(err).__name__)
try:
    e
except NameError as ne:
    print("NameError:", ne)

def nested_handlers(n):
    try:
        try:
            if n == 0:
                raise KeyError(n)
            return 10 // n
        except KeyError:
            return "key"
        finally:
            print("inner-finally", n)
    except ZeroDivisionError:
        return "zde"
print(nested_handlers(0), nested_handlers(5))
try:
    raise Exception("base") from None
except Exception as e:
    print(e.__cause__, e.__suppress_context__)
class Fancy(Exception):
    def __init__(self, *args):
        self.extra = len(args)
try:
    raise Fancy(1, 2, 3)
except Fancy as e:
    print(e.extra, e.args, str(e))
print(ZeroDivisionError("x") == ZeroDivisionError("x"), str(StopIteration(5)), KeyError("a").args[0])
