print(list(enumerate("abc")), list(enumerate("abc", 1)), list(enumerate([], 5)), list(enumerate(range(3), start=-1)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1], [2], [3])), dict(zip("ab", range(2))))
print(list(map(abs, [-1, 2, -3])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(str.upper, ["x"])))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(lambda x: x % 2, range(10))))
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([0.1, 0.2]), sum(range(0)), sum([True, True]), sum([[1], [2]], start=[]))
print(any([]), all([]), any([0, None, ""]), all([1, "x", [0]]), any(x > 5 for x in range(10)))
print(abs(-7), abs(3.5), abs(-0.0), abs(True), round(3.14159, 2), round(-2.5), round(7.5), round(1234.5678, -2))
print(isinstance(3, int), isinstance(3, (str, float)), isinstance(True, int), isinstance("s", str), isinstance([], (list, tuple)), isinstance(None, type(None)))
print(issubclass(bool, int), issubclass(int, (str, object)), issubclass(list, list), type(3) is int, type("") == str, type(None).__name__)
print(len([1, 2]), len("héllo"), len({}), len(range(10, 0, -3)), len((1,)), len({1, 2, 2}), len(b"ab"), len(bytearray(3)))
print(repr("x"), repr(1.0), repr([1, "2"]), repr((1,)), repr(()), repr({}), repr(set()), repr(None), repr(range(3)), repr(range(1, 10, 2)))
print(str(1), str(1.5), str("s"), str([1]), str(None), str(True), str(b"ab"), str(()), str(range(0)))
print(chr(65), ord("A"), chr(0x1F600), ord("\n"), [ord(c) for c in "Hi!"])
it = iter([10, 20])
print(next(it), next(it), next(it, None))
try:
    next(it)
except StopIteration:
    print("StopIteration")
print(min(3, 1, 2), max("abc", "abd"), min([4, 2, 8], key=lambda v: -v), max({}, default=None), min((), default=0), max([1, 1.0]), min([1.0, 1]))
try:
    min([])
except ValueError as e:
    print("ValueError:", e)
try:
    max(1)
except TypeError as e:
    print("TypeError:", e)
class Obj:
    pass
o = Obj()
setattr(o, "a", 1)
print(getattr(o, "a"), getattr(o, "b", "dflt"), hasattr(o, "a"), hasattr(o, "b"))
try:
    getattr(o, "b")
except AttributeError as e:
    print("AttributeError:", e)
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), pow(2, 8), pow(2.0, 3), pow(-2, 3), pow(2, -2))
print(bin(10), oct(64), hex(3054), int("0b1010", 0), format(10, "b"), format(10, "#010b"))
print(sorted({"b": 1, "a": 2}.items()), reversed([1, 2]).__class__.__name__, list(reversed(range(2, 9, 3))))
print(callable(len), callable(1), callable(Obj), callable(lambda: 0), callable(o))
print(hash(1) == hash(1.0) == hash(True), hash("") , hash(()), hash((1, 2)), hash(0), hash(-1), hash(10**20), hash(-2**62), hash(3.25))
print(hash("abc"), hash("hello world"), hash("é"), hash("€"), hash((1, "a")), hash(b"bytes"), hash(frozenset([1, 2, 3])), hash(frozenset()))
print(id(o) == id(o), id(o) != id(Obj()), type(id(o)).__name__)
print(list(range(5)), list(range(2, 10, 3)), list(range(10, 0, -4)), range(3)[1], range(0, 10, 2)[-1], 4 in range(0, 10, 2), range(5)[1:3], range(10)[::-3])
print(iter(range(3)).__next__(), list(iter([1, 2, 3].__iter__())))
print(bool([]), bool([0]), bool(""), bool(" "), bool(0.0), bool(-0.0), bool(None), bool(range(0)), bool(range(1)), bool({}))
print(type(type).__name__, type(int).__name__, int.__name__, str.__name__, Obj.__name__, type(o).__name__, type(len).__name__ if False else "")
print(isinstance(o, object), isinstance(int, type), isinstance(Obj, type), object().__class__.__name__)
print(ascii("naïve ☃"), "%c" % 9731, format(1234.5, ",.1f"), format(0.000012345, ".3e"), format(255, "08x"))
vals = [3, 1, 4, 1, 5, 9, 2, 6]
print(sorted(vals)[len(vals) // 2], sum(vals) / len(vals), max(enumerate(vals), key=lambda p: p[1]))
print(list(zip(*zip([1, 2], [3, 4]))), [list(p) for p in zip(range(3), range(3, 6), strict=False)] if False else "z")
for r in [range(10), range(1, 20, 3), range(10, 0, -2)]:
    print([r[s] for s in [slice(None, None, -3), slice(2, 100), slice(-100, 3, -1), slice(5, 2), slice(None, None, 2)]])
print(range(0, 10, 3) == range(0, 11, 3), range(0) == range(5, 5), range(2, 8).index(5), range(0, 20, 5).count(10), hash(range(3)) == hash(range(3)))
