x = "outer x"
squares = [x * x for x in range(5)]
print(squares, x)
i = 99
gen = (i for i in range(3))
print(list(gen), i)
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print(matrix)
flat = [v for row in matrix for v in row if v % 2 == 0]
print(flat)
print([(a, b) for a in range(3) for b in range(a) if (a + b) % 2])
print({k: v for k, v in zip("abc", range(3)) if v})
print({c.upper() for c in "hello"} == {"H", "E", "L", "O"})
transposed = [[row[c] for row in matrix] for c in range(3)]
print(transposed)
class K:
    base = 10
    vals = [n for n in range(3)]
    firsts = [base for _ in range(2)] if False else None
print(K.vals, K.firsts)
def f():
    factor = 3
    return [n * factor for n in range(4)]
print(f())
print(sorted(set(w.lower() for w in "The the THE a A".split())))
print(sum(n * n for n in range(10)), max(len(w) for w in ["a", "bbb", "cc"]))
print(list(zip(*[[1, 2], [3, 4]])))
nested_gen = ((a, b) for a in range(2) for b in "xy")
print(list(nested_gen))
print([[y for y in range(x)] for x in range(4)])
print([n for n in range(20) if n % 2 if n % 3])
