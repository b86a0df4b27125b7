import json
from collections import OrderedDict
cases = ['[1,]','{"a":1,}','"a\x01"','"\\q"','"\\u12"','{"a" 1}','[1 2]','','  ','"abc','[1]x','{1:2}','nul','-','1.5e','[-Infinity, NaN]','"\\ud83d\\ude00"','{"a":}','[','{', ' {"k": [1, 2.50, -3e2, true, false, null, "s\\n\\t\\"x\\u00e9"]} ', '\n\n  [1,\n  2,\n x]', '{"a": {"b": {"c": []}}, "d": {}}', '123456789012345678901234567890', '-0', '-0.0', '1E+2', '"\\/"']
for s in cases:
    try:
        print(repr(s), repr(json.loads(s)))
    except json.JSONDecodeError as e:
        print(repr(s), e, e.pos, e.lineno, e.colno)
data = {"name": "caf\u00e9 \U0001F600", "n": [1, 2.5, -0.0, 1e100, 3.0], "t": (1, 2), "nested": {"z": None, "a": True, "m": [{}, []]}, 5: "int key", 2.5: "float", None: 0, False: 1}
print(json.dumps(data))
print(json.dumps(data, ensure_ascii=False))
print(json.dumps(data, indent=2, sort_keys=False))
print(json.dumps({"b": 1, "a": [1, {"c": 2}]}, sort_keys=True, indent="\t"))
print(json.dumps([1, 2], separators=(",", ":")), json.dumps("x\x00y\u2028"))
print(json.dumps(float("nan")), json.dumps([float("inf"), -float("inf")]))
try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as e:
    print("ValueError", e)
try:
    json.dumps({(1, 2): 3})
except TypeError as e:
    print("TypeError", e)
print(json.dumps({(1, 2): 3, "k": 1}, skipkeys=True))
try:
    json.dumps(object())
except TypeError as e:
    print("TypeError", e)
class P:
    def __init__(self, x): self.x = x
print(json.dumps([P(1), P(2)], default=lambda o: {"x": o.x}))
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set): return sorted(o)
        return super().default(o)
print(json.dumps({"s": {3, 1}}, cls=Enc))
a = []; a.append(a)
try:
    json.dumps(a)
except ValueError as e:
    print("ValueError", e)
print(json.loads('{"a": 1, "b": 2}', object_pairs_hook=OrderedDict))
print(json.loads('{"a": 1.5}', parse_float=lambda s: "F" + s), json.loads('[1]', parse_int=float))
print(json.loads('{"x": {"y": 1}}', object_hook=lambda d: sorted(d)))
print(json.loads(b'[1, "\xc3\xa9"]'), json.loads(bytearray(b'{}')))
try:
    json.loads(5)
except TypeError as e:
    print("TypeError", e)
rt = {"k": [1, {"v": "x" * 3}], "e": ""}
assert json.loads(json.dumps(rt)) == rt
import io
buf = io.StringIO()
json.dump({"a": [1, 2]}, buf, indent=1)
print(repr(buf.getvalue()))
buf.seek(0)
print(json.load(buf))
print(json.JSONDecoder().raw_decode('[1] tail'))
print(issubclass(json.JSONDecodeError, ValueError), json.dumps(True), json.dumps(None), json.dumps("plain"), json.dumps(10**30))
print(json.dumps([]), json.dumps({}), json.dumps([[]], indent=2), json.dumps({"a": {}}, indent=2))
