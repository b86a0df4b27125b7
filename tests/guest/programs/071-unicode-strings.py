# non-ASCII text: lengths, slicing, ord/chr, case, sorting by code point, repr.
s = "naïve café – 中文 ü"
print(s, len(s), s.upper(), s.title(), s[6:10], s[::-1])
print([ord(c) for c in "é中ü"], chr(0x263A), "\u00e9" == "é", repr("é\n"), ascii("é"))
print(sorted("zébra"), "é" > "z", "straße".upper(), "ΣΑΣ".lower())
words = ["éclair", "apple", "Zebra", "über"]
print(sorted(words), sorted(words, key=str.lower), max(words))
print("x".center(7, "·"), "|".join(["α", "β", "γ"]), "αβγ".find("γ"))
print(f"{'日本':>6}|{'ü':^5}|", "%5s|" % "é")
