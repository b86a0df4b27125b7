# a hash table with open addressing, written in guest code (int keys only, deterministic).
class Table:
    def __init__(self, cap=8):
        self.keys = [None] * cap
        self.vals = [None] * cap
        self.n = 0
    def _slot(self, k):
        cap = len(self.keys)
        i = (k * 2654435761) % cap
        while self.keys[i] is not None and self.keys[i] != k:
            i = (i + 1) % cap
        return i
    def put(self, k, v):
        if (self.n + 1) * 4 > len(self.keys) * 3:
            self._grow()
        i = self._slot(k)
        if self.keys[i] is None:
            self.n += 1
        self.keys[i] = k
        self.vals[i] = v
    def get(self, k, default=None):
        i = self._slot(k)
        return self.vals[i] if self.keys[i] == k else default
    def _grow(self):
        old = list(zip(self.keys, self.vals))
        self.keys = [None] * (len(self.keys) * 2)
        self.vals = [None] * len(self.keys)
        self.n = 0
        for k, v in old:
            if k is not None:
                self.put(k, v)
    def items(self):
        return sorted((k, v) for k, v in zip(self.keys, self.vals) if k is not None)
t = Table()
for i in range(0, 100, 7):
    t.put(i, i * i)
print(t.n, len(t.keys), t.get(21), t.get(22), t.get(22, "none"))
t.put(21, "replaced")
print(t.get(21), t.n)
print(t.items()[:6])
print(sum(v for k, v in t.items() if isinstance(v, int)))
