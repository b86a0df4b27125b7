# str splitting, joining and whitespace handling the way log parsers use them
lines = ["  alpha beta\tgamma  ", "a,b,,c,", "key=value=more", "", "   ", "x\ny\r\nz\n"]
for s in lines:
    print(repr(s), s.split(), s.split(","), s.split("=", 1), s.rsplit("=", 1))
    print(s.rsplit(None, 1), s.split(None, 1), s.splitlines(), s.splitlines(True))
print("a b  c".split(" "))
print("a b  c".rsplit(" ", 1))
print("1.2.3.4".rsplit(".", 2), "1.2.3.4".split(".", 0), "1.2.3.4".split(".", -1))
print("--".join(["x", "y", "z"]), "".join([]), ",".join("abc"), " ".join(str(i) for i in range(5)))
try:
    ",".join([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    "a".split("")
except ValueError as e:
    print("ValueError:", e)
print("xxhixx".strip("x"), "xxhixx".lstrip("x"), "xxhixx".rstrip("x"), "  pad  ".strip(), "ab".strip("ba"))
print("\t\n hello \x0b\x0c".strip() + "|")
print("mississippi".replace("ss", "SS"), "mississippi".replace("ss", "", 1), "abc".replace("", "-"), "aaa".replace("a", "b", 0))
print("hello world".partition(" "), "hello".partition("x"), "a.b.c".rpartition("."), "abc".rpartition("z"))
words = "the quick brown fox jumps over the lazy dog".split()
print(sorted(words), sorted(words, key=len), sorted(set(words), key=lambda w: (-len(w), w)))
print([w.capitalize() for w in words], " ".join(w[::-1] for w in words))
csv = "name,age,city\nann,31,paris\nbob,27,rome\n"
rows = [line.split(",") for line in csv.strip().split("\n")]
header, data = rows[0], rows[1:]
for r in data:
    print(dict(zip(header, r)))
print("a\tb\tc".expandtabs(4), "ab\tc".expandtabs(), repr("x\ty".expandtabs(0)))
print("Hello".removeprefix("He"), "Hello".removesuffix("lo"), "Hello".removeprefix("x"))
