print([x * x for x in range(10) if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[x * y for y in range(1, 4)] for x in range(1, 4)])
print({x: x ** 2 for x in range(5)}, {c for c in "abracadabra" if c not in "ab"})
print([y for x in [[1, 2], [3], []] for y in x if y != 2])
g = (i * 2 for i in range(5))
print(next(g), next(g), list(g), list(g))
print(sum(x for x in range(101)), max(len(w) for w in ["a", "abc", "ab"]), any(x > 3 for x in [1, 5]), all(x for x in [1, 0]))
print(sorted((v, k) for k, v in {"a": 3, "b": 1}.items()), tuple(c.upper() for c in "hey"))
x = "outer"
r = [x for x in range(3)]
print(x, r)
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs2 = [lambda i=i: i for i in range(3)]
print([f() for f in funcs2])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for i, row in enumerate(matrix)], [[row[i] for row in matrix] for i in range(3)])
print([n for n in range(2, 50) if all(n % d for d in range(2, int(n ** 0.5) + 1))])
print({(a, b): a * b for a in range(3) for b in range(3) if a <= b})
print([s.strip() for s in " a , b,c ".split(",")], [int(t) for t in "1 2 3".split()])
pairs = [(a, b, c) for a in range(1, 20) for b in range(a, 20) for c in range(b, 20) if a * a + b * b == c * c]
print(pairs)
print([i if i % 3 else "fizz" for i in range(1, 10)], [(lambda v: v + 1)(v) for v in range(3)])
nested_gen = (sum(row) for row in matrix)
print(list(nested_gen), list(zip(*[(1, "a"), (2, "b")])))
class C:
    base = 10
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
print(C.doubled)
try:
    print([undefined_name for _ in range(1)])
except NameError as e:
    print("NameError:", e)
print([w for w in (yield_ for yield_ in "xy")], list(map(lambda t: t[0] + t[1], zip([1, 2], [10, 20]))))
total = 0
print([total := total + v for v in [1, 2, 3]], total)
