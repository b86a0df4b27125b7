x = 1
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
lst = list(range(10))
del lst[0]
del lst[-1]
del lst[2:4]
del lst[::2]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["b"], d["c"]
print(d)
class Node:
    def __init__(self):
        self.cache = {"k": 1}
        self.children = [Node] if False else []
node = Node()
node.extra = "x"
del node.cache["k"], node.extra
print(node.cache, hasattr(node, "extra"), vars(node))
a, b, c = 1, 2, 3
del a, b
print(c)
m = [[1, 2], [3, 4]]
del m[0][1], m[1]
print(m)
def local():
    v = 3
    del v
    try:
        return v
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(local())
(p, q) = 1, 2
del (p, q)
[r] = [9]
del [r]
print("deleted")
try:
    del d["zzz"]
except KeyError as e:
    print("KeyError", e)
