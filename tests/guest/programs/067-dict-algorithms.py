# dict-heavy algorithms: grouping, inverted index, memo, counting, LRU by insertion order.
words = "apple avocado banana blueberry cherry cranberry date apricot".split()
groups = {}
for w in words:
    groups.setdefault(w[0], []).append(w)
print(groups)
docs = {1: "the cat sat", 2: "the dog sat down", 3: "a cat and a dog"}
index = {}
for doc_id, text in docs.items():
    for term in text.split():
        index.setdefault(term, set()).add(doc_id)
print(sorted((t, sorted(ids)) for t, ids in index.items()))
print(sorted(index["cat"] & index["sat"]), sorted(index["dog"] | index["a"]))
class LRU:
    def __init__(self, cap):
        self.cap = cap
        self.d = {}
    def get(self, k):
        if k not in self.d:
            return None
        v = self.d.pop(k)
        self.d[k] = v
        return v
    def put(self, k, v):
        if k in self.d:
            self.d.pop(k)
        elif len(self.d) >= self.cap:
            oldest = next(iter(self.d))
            del self.d[oldest]
        self.d[k] = v
c = LRU(3)
for k in "abcadeab":
    if c.get(k) is None:
        c.put(k, k.upper())
    print(k, list(c.d.items()))
hist = {}
for n in [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]:
    hist[n] = hist.get(n, 0) + 1
for k in sorted(hist):
    print(k, "*" * hist[k])
inv = {v: k for k, v in {"a": 1, "b": 2, "c": 3}.items()}
print(inv, {k: v for k, v in sorted(hist.items()) if v > 1})
