s = "The rain in Spain stays mainly in the plain"
print(s.find("ain"), s.find("ain", 10), s.find("ain", 10, 15), s.rfind("ain"), s.find("xyz"), s.rfind("ain", 0, 10))
print(s.index("in"), s.rindex("in"), s.count("ain"), s.count("in", 5, 20), s.count(""), "".count(""))
try:
    s.index("zzz")
except ValueError as e:
    print("ValueError:", e)
try:
    s.rindex("zzz")
except ValueError as e:
    print("ValueError:", e)
print(s.startswith("The"), s.startswith(("A", "T")), s.endswith("plain"), s.endswith(("x", "y")), s.startswith("rain", 4), s.endswith("rain", 0, 8))
print(s.upper(), s.lower(), s.swapcase(), s.title(), s.casefold())
print("hello WORLD foo_bar 3rd x2y".title(), "they're bill's".title(), "ŉ straße".upper())
for t in ["123", "12.3", "", " ", "abc", "ABC", "aBc", "abc123", "Hello World", "hello World", "\t\n", "½", "٣", "x_y", "_id", "1abc", "Abc Def"]:
    print(repr(t), t.isdigit(), t.isdecimal(), t.isnumeric(), t.isalpha(), t.isalnum(), t.isspace(), t.isupper(), t.islower(), t.istitle(), t.isidentifier(), t.isascii(), t.isprintable())
print("abc".center(9), "|" + "abc".center(10, "*") + "|", "abc".ljust(6, "-"), "abc".rjust(6, "."), "abc".center(2))
print("42".zfill(5), "-42".zfill(6), "+7".zfill(4), "abc".zfill(5), "".zfill(3), "-".zfill(3))
print("x".join("abc").upper().center(11, "="))
print("%r %s" % ("a'b", 'a"b'), repr("it's"), repr('say "hi"'), repr('both \' and "'), repr("\\ \n \t \x00 \x7f é ☃ \U0001f600"))
print(ascii("é☃\U0001f600"), str(b"abc") if False else "skip")
print(ord("A"), ord("é"), ord("€"), chr(97), chr(0x263a), chr(128512), [chr(c) for c in range(65, 70)])
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
print("abc" < "abd", "abc" < "ab", "B" < "a", "" < "a", max("hello"), min("hello"), sorted("banana"))
print("ab" * 3, 3 * "-", "x" * 0, "x" * -2, "a" in "cat", "" in "cat", "at" not in "cat")
print(len("héllo"), "héllo"[1], "abcdef"[1:5:2], "abcdef"[::-1], "abcdef"[-2:], "abcdef"[10:], "abcdef"[-100:2])
