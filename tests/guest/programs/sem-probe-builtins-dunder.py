class Obj:
    pass
class E(Exception):
    pass
print(type(1), type("s"), int, type(None), Obj, E, type(Obj()), ValueError, type(ValueError("x")))
print(repr(Obj).startswith("<class '__main__.Obj'>"), str(type([])), [int, str], {1: float})
try:
    format(Obj(), "x")
except TypeError as e:
    print("TypeError:", e)
print(format(Obj(), "").startswith("<__main__.Obj object"), f"{E('boom')}", f"{E('boom')!r}", repr(E()), repr(ValueError("a", 1)))
print("a", "b", sep="", end="|\n")
print()
print("x", 1, None, sep=", ")
print(*range(3), sep="\n")
import math, random
print(math.__name__, random.__name__, __name__)
print(math.floor(1e20), math.ceil(-1e-300), math.sqrt(0.0), math.exp(-1000), math.log(1e-300))
x = [1, 2, 3]
print(x.__len__(), "abc".__contains__("b"), (5).__add__(3), (5).__radd__(1) if hasattr(5, "__radd__") else 6, int.__add__(2, 3), str.upper("q"), list.__len__(x))
print(sum(x) / len(x), sum([1.5, 2.5]), sum(range(1, 11)) ** 2, 7 // 2 * 2 + 7 % 2)
print(int("12") + int(3.9) + int(-3.9) + int("-12"), float("3") + 0.5, str(3) + str(4.0), bool("False"))
print(isinstance(x, list) and not isinstance(x, tuple), type(x) == list, type(x) is list, id(x) == id(x))
def f(a, /, b, *, c): return a + b + c
print(f(1, 2, c=3), f(1, b=2, c=3))
try:
    f(a=1, b=2, c=3)
except TypeError as e:
    print("TypeError:", e)
g = lambda: (yield)
print(max(range(10), key=lambda v: (v % 3, -v)), min("zebra", key=ord), sorted([(1, "b"), (1, "a")], key=lambda t: t[0]))
print(list(zip("abc", range(10))), list(map(pow, [2, 3], [3, 2])), dict(map(lambda k: (k, k * 2), "ab")))
s = "  Multiple   spaces   here  "
print(s.split(" ")[:5], " ".join(s.split()), s.strip().replace("  ", " "), len(s), s.count(" "))
nums = [1, 2, 3, 4, 5, 6]
print(nums[::2], nums[1::2], nums[-1:-4:-1], nums[::-1][:3], nums[2:-2], nums[:100], nums[-100:])
print(all(isinstance(n, int) for n in nums), any(n > 5 for n in nums), sum(n for n in nums if n % 2))
print(chr(ord("a") + 1), "".join(chr(c) for c in range(ord("a"), ord("f"))), ord("z") - ord("a"))
print(str(12345)[::-1], int(str(12345)[::-1]), sum(int(d) for d in str(2**100)), len(str(2**100)))
print(hex(id(x))[:2], oct(8)[2:], bin(255).count("1"), (255).bit_length(), int.bit_length(1024))
print(abs(-2**63), -2**63 // 3, 2**63 % 1000, divmod(2**65, 10**9), (2**65).to_bytes(9, "big") if hasattr(int, "to_bytes") else "")
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"), (1024).to_bytes(2, "little"))
print((3.7).__floor__() if hasattr(3.7, "__floor__") else 3, float.fromhex("0x1.8p1") if hasattr(float, "fromhex") else 3.0, (0.1).hex())
