# string processing: word counts, caesar cipher, palindromes, run-length encoding.
text = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness"""
words = [w.strip(",.").lower() for w in text.split()]
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
print(len(words), len(freq), top)
def caesar(s, k):
    out = []
    for ch in s:
        if ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            out.append(chr((ord(ch) - base + k) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)
enc = caesar("Hello, World!", 3)
print(enc, caesar(enc, -3))
def is_pal(s):
    t = [c.lower() for c in s if c.isalnum()]
    return t == t[::-1]
for s in ["A man, a plan, a canal: Panama", "race a car", "No lemon, no melon"]:
    print(repr(s), is_pal(s))
def rle(s):
    if not s:
        return ""
    out = []
    prev, n = s[0], 1
    for ch in s[1:]:
        if ch == prev:
            n += 1
        else:
            out.append(f"{n}{prev}")
            prev, n = ch, 1
    out.append(f"{n}{prev}")
    return "".join(out)
print(rle("aaabccddddde"), rle("abc"), rle(""))
lines = text.splitlines()
for i, line in enumerate(lines, 1):
    print(f"{i:>2}| {line[:30]:<30} |{len(line):>4}")
vowels = sum(1 for c in text.lower() if c in "aeiou")
print("vowels", vowels, "upper", sum(c.isupper() for c in text))
print(" ".join(w[::-1] for w in "reverse each word".split()), "_".join("snake case me".split()))
acronym = "".join(w[0].upper() for w in "portable network graphics".split())
print(acronym, "x".join(sorted(set("banana"))), text.count("it was"))
