words = ["alpha", "beta", "gamma", "delta"]
print(sum(len(w) for w in words))
print(" ".join(w[0] for w in words))
print(sorted((w for w in words), key=len))
print(tuple(c for c in "abc"))
print(dict((w, len(w)) for w in words))
print(any(w.startswith("g") for w in words), all(len(w) > 3 for w in words))
print(min((len(w), w) for w in words))
print(list(enumerate(w.upper() for w in words[:2])))
g = (n * n for n in range(4))
print(next(g), next(g), list(g))
print(set(x % 3 for x in range(10)))
def consume(it, n=2):
    return [next(it) for _ in range(n)]
print(consume((i for i in "xyz"), 3))
