import random
random.seed(4)
data = [random.randint(0, 50) for _ in range(20)]
print(data)
if (n := len(data)) > 10:
    print("long", n)
evens = [y for x in data if (y := x * 2) % 3 == 0]
print(evens, y)
chunks = iter(data)
total = 0
while (v := next(chunks, None)) is not None:
    total += v
print(total)
print([last := i for i in range(5)], last)
def f(x):
    return (z := x + 1) * z
print(f(3))
stats = {"min": (lo := min(data)), "max": (hi := max(data)), "span": hi - lo}
print(stats)
print(any((hit := d) > 45 for d in data), hit)
