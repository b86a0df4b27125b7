words = "the quick brown fox jumps over the lazy dog and the cat".split()
print(set(words))
print({w[0] for w in words}, set("abracadabra"), set("hello world"))
vowels = set("aeiou")
print(vowels, vowels | {"y"}, set("programming") & vowels, set("python") - vowels)
tags = {"python", "rust", "go", "java", "c", "zig", "haskell", "ocaml", "lisp", "forth", "ada", "cobol"}
print(tags)
tags.discard("java"); tags.add("kotlin"); tags.add("scala")
print(tags, len(tags))
print(frozenset(["x", "y", "z"]), {frozenset(["a"]), frozenset(["b", "c"])})
print({("a", 1), ("b", 2), ("c", 3)}, {(1, 2), (3, 4), (5, 6), (7, 8)}, {1.5, 2.5, -0.25, 1e10, 3.0})
print({"é", "ü", "ß", "€", "☃", "日本", "😀", "abc"})
print({b"x", b"yz", b"", b"abc"}, {2} | {1})
print([hash(s) for s in ["", "a", "ab", "abc", "hello", "Hello, World!", "0123456789abcdef", "é", "€", "😀"]])
print([hash(t) for t in [(), (1,), ("a", "b"), ((1, 2), "x"), (1.5, None is None)]])
print([hash(f) for f in [0.5, -1.5, 1e100, 2.0 ** 70, 1 / 3, -0.0, 123.456]], [hash(n) for n in [2**61 - 1, 2**61, -2**63, 10**30, -(10**30)]])
big = set()
for i in range(200):
    big.add("k%d" % (i * 7 % 50))
print(len(big), list(big)[:12])
s = {"one", "two", "three"}
while s:
    print("pop", s.pop())
inventory = {"apples": 3, "pears": 0, "plums": 7}
in_stock = {k for k, v in inventory.items() if v}
print(in_stock, sorted(in_stock), "pears" in in_stock)
letters = {}
for w in words:
    letters.setdefault(len(w), set()).add(w)
print(letters)
print(set(map(str, range(15))), set(str(i) * 2 for i in range(8)))
print({"a", "b"} == {"b", "a"}, {"a"} < {"a", "b"}, {"x", "y"}.isdisjoint({"z"}), {"x"} ^ {"y", "x"})
u = set()
u.update("hello", ["world"], ("a", "b"))
print(u)
