# Integer arithmetic: + - * // % ** and operator precedence.
a, b = 17, 5
print(a + b, a - b, a * b, a // b, a % b, a ** 2)
print(-a // b, -a % b, a // -b, a % -b, -a // -b, -a % -b)
print(2 ** 10, 2 ** 0, (-2) ** 3, -2 ** 2, 2 ** -1)
print(7 // 2 * 2 + 7 % 2)
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5))
print(abs(-42), abs(0), pow(3, 4), pow(3, 4, 5))
print(1 + 2 * 3 - 4 // 2 % 3)
print(10 - 3 - 2, 2 ** 3 ** 2, (2 ** 3) ** 2)
x = 0
for i in range(1, 101):
    x += i * i
print("sum of squares", x)
print(0b1011, 0o17, 0xff, 1_000_000, 0x_ff)
print(5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 10, 1024 >> 3, -16 >> 2)
print(int("123") + 1, int("-7"), int("ff", 16), int("101", 2), int(3.99), int(-3.99))
print(max(3, 9, 2), min(3, 9, 2), sum([1, 2, 3, 4]))
print(True + True, True * 10, False - 1)
n = 12345
digits = []
while n:
    digits.append(n % 10)
    n //= 10
print(digits)
print(hex(255), bin(10), oct(8), hex(-42))
print(round(7 / 2), round(5 / 2), round(-2.5), round(123, -1))
