text = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness, it was the spring of hope,
it was the winter of despair."""
words = [w.strip(",.").lower() for w in text.split()]
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
print(f"{'word':<12}|{'count':>6}|{'share':>8}")
print("-" * 28)
for w, c in top:
    print(f"{w:<12}|{c:>6}|{c / len(words):>8.2%}")
print(f"total words: {len(words):,}, distinct: {len(freq)}, avg length: {sum(map(len, words)) / len(words):.3f}")
lines = text.splitlines()
for i, line in enumerate(lines, 1):
    print("%2d: %-40.40s... (%d chars)" % (i, line, len(line)))
longest = max(words, key=len)
print("longest:", longest, len(longest), longest.center(20, "*"), longest.title(), longest[::-1].upper())
caps = [w for w in text.replace(",", " ").replace(".", " ").split() if w[0].isupper()]
print(caps, sorted(set(caps)))
letters = {}
for ch in text.lower():
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
hist = sorted(letters.items(), key=lambda p: -p[1])[:5]
for ch, n in hist:
    print(f"{ch} {'#' * (n // 4)} {n}")
table = [("alpha", 1.5, 10), ("beta", 22.25, 200), ("gamma", 333.125, 3000)]
for name, val, qty in table:
    print("{:<8}{:>10.2f}{:>8d}{:>12,.1f}".format(name, val, qty, val * qty))
print("{:=^40}".format(" END "), "{0:>{1}}".format("right", 12), "%-6s|%6s|" % ("ab", "cd"))
acronym = "".join(w[0].upper() for w in "portable network graphics".split())
print(acronym, "-".join(reversed("a.b.c".split("."))), "_".join("CamelCaseString".lower()), " ".join(s.capitalize() for s in "hello there world".split()))
import math
vals = [2.5, 3.75, 1.125, 9.0, 4.4]
mean = sum(vals) / len(vals)
sd = math.sqrt(sum((v - mean) ** 2 for v in vals) / (len(vals) - 1))
print(f"mean={mean:.4f} sd={sd:.4f} min={min(vals)} max={max(vals)} range={max(vals) - min(vals):g}")
print(repr(mean), str(sd), round(sd, 3), f"{sd:e}", f"{sd:10.3e}|", "%.3g" % sd, "%g" % mean)
