# sys.modules holds the modules imported so far, and those imported later; sys.path starts with
# the script's folder; a module can find itself through sys.modules[__name__].
import sys
import os

print("sys" in sys.modules, sys.modules["sys"] is sys, "__main__" in sys.modules, "json" in sys.modules)
import json
print("json" in sys.modules, sys.modules["json"] is json, sys.modules["os"] is os)
me = sys.modules[__name__]
VALUE = 42
print(me.VALUE, getattr(me, "VALUE"), type(me).__name__)
print(isinstance(sys.path, list), isinstance(sys.path[0], str), os.path.isabs(sys.path[0]))
