# Dict-heavy: string keys, counting, lookups.
# The bench rewrites the SCALE line (guest-bench.ts `scale`); the default makes python3 take ~0.4 s.
SCALE = 10

total = 0
for r in range(5 * SCALE):
    words = ["w%d" % ((i * 7 + r) % 500) for i in range(20000)]
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    for k in sorted(counts):
        total += counts[k] * len(k)
    print(len(counts), total)
