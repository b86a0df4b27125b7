# number theory: gcd, lcm, modular exponentiation, perfect numbers, collatz.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
def lcm(a, b):
    return a // gcd(a, b) * b
print(gcd(48, 18), gcd(17, 5), gcd(0, 9), lcm(4, 6), lcm(21, 6))
l = 1
for i in range(1, 21):
    l = lcm(l, i)
print("lcm 1..20", l)
def powmod(b, e, m):
    r = 1
    b %= m
    while e:
        if e & 1:
            r = r * b % m
        b = b * b % m
        e >>= 1
    return r
print(powmod(2, 10, 1000), powmod(3, 200, 10 ** 9 + 7), pow(3, 200, 10 ** 9 + 7))
perfect = [n for n in range(2, 500) if sum(d for d in range(1, n // 2 + 1) if n % d == 0) == n]
print(perfect)
def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
best = max(range(1, 300), key=collatz)
print(best, collatz(best), [collatz(i) for i in range(1, 11)])
def digits_sum(n):
    return sum(int(c) for c in str(n))
print(digits_sum(2 ** 100), digits_sum(3 ** 200), len(str(2 ** 1000)))
def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x
print(isqrt(10 ** 40), isqrt(99), isqrt(2 * 10 ** 30))
