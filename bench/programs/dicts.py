# Dict-heavy: string keys, counting, lookups.
words = ["w%d" % (i % 500) for i in range(20000)]
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
total = 0
for k in sorted(counts):
    total += counts[k] * len(k)
print(len(counts), total)
