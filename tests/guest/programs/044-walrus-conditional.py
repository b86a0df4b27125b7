# conditional expressions, chained comparisons, walrus operator.
for n in [-5, 0, 7, 12]:
    kind = "negative" if n < 0 else "zero" if n == 0 else "small" if n < 10 else "large"
    print(n, kind, 0 <= n < 10, n > 0 and n % 2 == 0, -10 < n <= 7)
data = [4, 8, 15, 16, 23, 42]
if (n := len(data)) > 5:
    print("long list", n)
print([y for x in data if (y := x * 2) > 20])
i = 0
while (i := i + 3) < 15:
    print("i =", i)
print(1 < 2 < 3 < 4, 1 < 3 < 2, 1 == 1 != 2, "a" < "b" <= "b" < "c")
x = 5
print("even" if x % 2 == 0 else "odd", [("fizz" if v % 3 == 0 else v) for v in range(1, 7)])
def sign(v):
    return (v > 0) - (v < 0)
print([sign(v) for v in (-3, 0, 9)], 3 if None else 4, (1 if [] else 2) if True else 3)
a = b = c = 7
print(a, b, c, a is b)
vals = [1, 2, 3]
first = vals[0] if vals else None
print(first, 2 in vals in [vals], not 1 == 2)
