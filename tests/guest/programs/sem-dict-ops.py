d = {"b": 2, "a": 1}
d["c"] = 3; d["b"] = 20
print(d, len(d), list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.get("a"), d.get("z"), d.get("z", 0), "a" in d, "z" not in d, d.setdefault("e", []), d.setdefault("a", 99))
d["e"].append(1); print(d)
print(d.pop("a"), d.pop("zz", "dflt"), d)
try:
    d.pop("zz")
except KeyError as e:
    print("KeyError:", e)
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e, repr(e), e.args)
print(d.popitem(), d)
d.update({"x": 1}, y=2); d.update([("z", 3)]); print(d)
del d["x"]; print(d)
try:
    del d["x"]
except KeyError as e:
    print("KeyError:", e)
print(dict(a=1, b=2), dict([(1, 2), (3, 4)]), dict({"k": "v"}, k2="v2"), dict.fromkeys("abc"), dict.fromkeys([1, 2], 0))
e = {}
print(e, bool(e), {1: "a"} == {1: "a"}, {1: 2, 3: 4} == {3: 4, 1: 2}, {1: 2} != {1: 3})
keys = [1, 1.0, True, "1", (1,), None, -1, 2**65, 3.5]
h = {}
for k in keys:
    h[k] = h.get(k, 0) + 1
print(h)
counts = {}
for w in "one two three two three three".split():
    counts[w] = counts.get(w, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])), max(counts, key=counts.get))
inv = {v: k for k, v in counts.items()}
print(inv, {k: v for k, v in sorted(counts.items())})
c = d.copy(); c["new"] = 1; print(len(c), len(d), c == d)
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError:", e)
for k in list(d):
    if k != "b":
        del d[k]
print(d)
try:
    for k in d:
        d["q" + str(k)] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
print(repr({"s": 'q"', 1: [None], (1, 2): {}}), str({}), {1: {2: {3: {}}}})
big = {i: i * i for i in range(1000)}
for i in range(0, 1000, 3):
    del big[i]
print(len(big), sum(big), list(big)[:5], list(big.items())[-2:])
print(d | {"z": 26}, {"a": 1} | {"a": 2}) if hasattr(dict, "__or__") or True else None
dd = {"a": 1}; dd |= {"b": 2}; print(dd)
print(sorted({3: 1, 1: 2, 2: 3}), list(reversed({1: 0, 2: 0, 3: 0})), next(iter({"only": 1})))
print({k: len(k) for k in ["aa", "b", "ccc"] if len(k) > 1})
v = {"a": 1}.values(); print(v, list(v), {"a": 1}.keys(), {"a": 1}.items())
