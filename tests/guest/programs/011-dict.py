# dict: displays, methods, insertion order, iteration.
d = {"one": 1, "two": 2, "three": 3}
d["four"] = 4
print(d, len(d), d["two"], d.get("five"), d.get("five", 5))
print(list(d.keys()), list(d.values()), list(d.items()))
del d["one"]
d["one"] = 1
print(d)
print(d.pop("two"), d.pop("zzz", "default"), d.setdefault("x", 10), d.setdefault("x", 20))
print(d, "x" in d, "y" not in d)
d.update({"a": 1, "three": 33})
d.update(b=2)
print(d)
print(d.popitem(), d)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict(zip("abc", range(3))))
print({k: v * v for k, v in zip("abcd", range(4))})
m = {1: "a", 2: "b"}
m2 = {**m, 3: "c", **{1: "A"}}
print(m2, m == {2: "b", 1: "a"}, {} == dict())
for k in m2:
    print(k, m2[k])
for k, v in sorted(m2.items(), reverse=True):
    print(k, "->", v)
print(dict.fromkeys([1, 2, 3], 0), list(reversed(list(m2))), m2.copy() is m2)
nested = {"a": {"b": {"c": 42}}}
print(nested["a"]["b"]["c"], {(1, 2): "tuple key", 3.5: "float key", None: "none key"})
try:
    print(d["missing"])
except KeyError as e:
    print("KeyError", e, repr(e))
d.clear()
print(d, len(d))
