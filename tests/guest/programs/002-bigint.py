# Arbitrary-precision integers beyond 2**53.
print(2 ** 53, 2 ** 53 + 1, 2 ** 64, 2 ** 100)
f = 1
for i in range(1, 31):
    f *= i
print("30! =", f)
print(f // 7 ** 10, f % 1000003)
print(-(2 ** 70) // 3, -(2 ** 70) % 3)
a = 123456789012345678901234567890
b = 987654321098765432109876543210
print(a + b, a * b, b - a, b // a, b % a)
print(9007199254740993, 9007199254740992 + 1)
fib = [0, 1]
while len(fib) < 100:
    fib.append(fib[-1] + fib[-2])
print(fib[99], fib[90] * fib[91])
print(2 ** 64 - 1 == 18446744073709551615, 2 ** 63 > 2 ** 62)
print(hex(2 ** 80), bin(2 ** 70)[:10], str(3 ** 50))
print(pow(2, 100, 1000000007), abs(-(10 ** 30)))
big = 10 ** 20
print(big // 10 ** 10, big > 10 ** 19, -big, big << 3, big >> 60)
print(int("99999999999999999999999") + 1)
print((2 ** 100) & 0xffff, (2 ** 100 - 1) & 0xffff, (2 ** 100) | 1)
