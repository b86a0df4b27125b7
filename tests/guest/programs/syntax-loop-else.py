def find(xs, target):
    for i, x in enumerate(xs):
        if x == target:
            print("found at", i)
            break
    else:
        print("not found")

find([1, 2, 3], 2)
find([1, 2, 3], 7)
find([], 0)
n = 0
while n < 3:
    n += 1
else:
    print("while done", n)
while True:
    n -= 1
    if n == 0:
        break
else:
    print("never")
for i in range(3):
    for j in range(3):
        if i * j == 2:
            break
    else:
        continue
    print("broke at", i, j)
    break
def primes(limit):
    out = []
    for c in range(2, limit):
        for p in out:
            if c % p == 0:
                break
        else:
            out.append(c)
    return out
print(primes(30))
