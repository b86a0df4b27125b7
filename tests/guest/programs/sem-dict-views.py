d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, len(k), "a" in k, 2 in v, ("a", 1) in it, list(reversed(k)))
print(k & {"a", "z"}, k | {"q"}, k - {"a"}, sorted(k ^ {"a", "x"}))
d["d"] = 4
print(k, list(v))
print({**d}, dict(d, e=5), d.copy() == d, d.get("x", []) or "empty")
nested = {"x": {"y": {"z": [1, 2, {"w": None}]}}}
print(nested["x"]["y"]["z"][2]["w"], nested)
print(sorted(d, key=d.get, reverse=True), min(d.values()), sum(d.values()))
from_list = dict.fromkeys(range(3), "v")
print(from_list, list(from_list.items())[1])
for key, val in sorted(d.items(), key=lambda kv: -kv[1]):
    print(f"{key}={val}", end=" ")
print()
m = {}
m.setdefault("list", []).append(1)
m.setdefault("list", []).append(2)
print(m, m.pop("list"), m)
inv = {}
for name, grp in [("a", 1), ("b", 2), ("c", 1)]:
    inv.setdefault(grp, []).append(name)
print(inv, {g: len(n) for g, n in inv.items()})
print(list(zip(d.keys(), d.values())) == list(d.items()), list(map(lambda kv: kv[0] * kv[1], d.items())))
e = dict(zip("xyz", [[]] * 3))
e["x"].append(1)
print(e)
try:
    d.update(5)
except TypeError as ex:
    print("TypeError:", ex)
print(len({}), {}.get(1), {1: 1}.popitem(), dict(a=1) == {"a": 1}, {1: "a"} == {1.0: "a"}, {True: 1, 1: 2, 1.0: 3})
