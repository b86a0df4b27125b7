# ImportError's name and path: set by a failed import, given as keywords, None otherwise; the
# error a missing module raises is ModuleNotFoundError, an ImportError.
try:
    import no_such_module_here
except ImportError as e:
    print(type(e).__name__, e.name, e.path, e.args, isinstance(e, ImportError))
e = ImportError("cannot do it", name="mod", path="/somewhere/mod.py")
print(e, e.name, e.path, e.args)
print(ImportError("plain").name, ModuleNotFoundError("m").path)
try:
    ImportError("x", nonsense=1)
except TypeError as e:
    print("TypeError:", e)


def optional(name):
    try:
        return __import__(name)
    except ModuleNotFoundError as exc:
        return "missing " + exc.name


print(optional("math").__name__, optional("not_a_real_module"))
import importlib
print(importlib.import_module("json").dumps([1]), importlib.import_module("os.path").join("a", "b"), __import__("os.path").sep, __import__("os.path", fromlist=["join"]).__name__)
try:
    importlib.import_module("also_missing")
except ModuleNotFoundError as e:
    print("ModuleNotFoundError", e.name)
try:
    importlib.import_module(".x")
except TypeError as e:
    print("TypeError:", e)
print(importlib.reload(importlib) is importlib)
try:
    __import__(5)
except TypeError as e:
    print("TypeError", e)
