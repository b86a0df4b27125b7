# try/except/else/finally ordering.
def divide(a, b):
    print("divide", a, b)
    try:
        r = a / b
    except ZeroDivisionError as e:
        print("  except:", e)
        return None
    else:
        print("  else: ok")
        return r
    finally:
        print("  finally")
print(divide(6, 3))
print(divide(1, 0))
for v in ["12", "x", None, "7"]:
    try:
        n = int(v)
    except ValueError as e:
        print("ValueError:", e)
    except TypeError as e:
        print("TypeError:", type(e).__name__)
    else:
        print("parsed", n)
try:
    [][1]
except (KeyError, IndexError) as e:
    print("caught", type(e).__name__, e)
try:
    {}["k"]
except LookupError as e:
    print("LookupError base caught", repr(e))
def nested():
    try:
        try:
            raise ValueError("inner")
        finally:
            print("inner finally")
    except ValueError as e:
        print("outer caught", e)
        raise
try:
    nested()
except ValueError as e:
    print("re-raised", e.args)
def finally_return():
    try:
        return "try"
    finally:
        print("finally runs before return")
print(finally_return())
def loop_control():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(loop_control())
try:
    raise Exception("a", 1)
except Exception as e:
    print(e.args, str(e), repr(e))
try:
    1 / 0
except Exception:
    print("bare Exception clause")
try:
    undefined_name
except NameError as e:
    print("NameError:", e)
try:
    None.attr
except AttributeError as e:
    print("AttributeError:", e)
try:
    "a" + 1
except TypeError as e:
    print("TypeError:", e)
try:
    int("abc")
except ValueError as e:
    print("ValueError:", e)
try:
    pass
except:
    print("never")
else:
    print("else without exception")
finally:
    print("finally without exception")
