# list/set/dict comprehensions and generator expressions, nested, own scope.
sq = [x * x for x in range(10)]
ev = [x for x in range(20) if x % 2 == 0 if x % 3 == 0]
pairs = [(i, j) for i in range(3) for j in range(i)]
print(sq, ev, pairs)
print({x % 5 for x in range(12)}, {w: len(w) for w in ["a", "bb", "ccc"]})
print(sum(x for x in range(100)), max(len(w) for w in ["x", "yyy", "zz"]))
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print(matrix, [[row[i] for row in matrix] for i in range(3)])
x = "outer"
print([x for x in range(3)], x)
flat = [c for word in ["ab", "cd"] for c in word.upper()]
print(flat)
g = (n * 2 for n in range(5))
print(next(g), next(g), list(g), list(g))
print(any(v > 3 for v in [1, 5]), all(v > 0 for v in [1, 0]), sorted((-v for v in range(4))))
k = 10
print([k + i for i in range(3)], [[k * j for j in range(i)] for i in range(3)])
def make():
    base = 100
    return [lambda n=i: base + n for i in range(3)]
print([f() for f in make()])
print(dict((i, chr(97 + i)) for i in range(4)), list(zip(*[(1, "a"), (2, "b")])))
print([y for y in [z * 2 for z in range(5)] if y > 2], {i: {j for j in range(i)} for i in range(3)})
print([(a, b) for a, b in zip("xyz", range(3)) if b != 1], [n for n in range(30) if (m := n % 7) == 3], m)
