vals = [7, -7, 0, 1, -1, 13, 2**64, -(2**64) + 3]
for a in vals:
    for b in [3, -3, 1, 2**33 + 1, -(2**70)]:
        print(a, b, a // b, a % b, divmod(a, b), a * b, a - b, -a)
print(2 ** 10, 2 ** 100, (-2) ** 63, (-3) ** 3, 2 ** -1, (-2) ** -2, 0 ** 0, 10 ** -3)
print(pow(3, 200, 1000007), pow(2, 10, -7), pow(-5, 3, 7), pow(7, -1, 40), pow(3, 0, 1), pow(2, 3))
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
for bad in [lambda: 1 // 0, lambda: 1 % 0, lambda: divmod(5, 0), lambda: 0 ** -1, lambda: 2 ** 70 // 0]:
    try:
        bad()
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
print(0b1010 & 0b0110, 10 | 6, 10 ^ 6, ~10, ~-1, 1 << 70, -1 >> 5, -256 >> 4, (2**100) >> 98, 5 << 0)
print(-(2**70) & 0xFFFF, (2**70 - 1) ^ (2**69), -12345678901234567890 | 255, ~(2**80))
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
print(int("42"), int(" -17 "), int("+5"), int("1_000_000"), int("ff", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0), int("z", 36), int("777", 8), int("-0b11", 0))
for bad in ["", "4.5", "0x", "1__0", "abc", "12a"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("9", 8)
except ValueError as e:
    print("ValueError:", e)
print(int(3.99), int(-3.99), int(True), int(1e20), int(-0.0), int("  0  "))
print(hex(255), hex(-255), oct(8), oct(-8), bin(5), bin(-5), hex(2**64), bin(0), hex(0))
print((255).bit_length(), (-256).bit_length(), (0).bit_length(), (2**100).bit_length())
print(abs(-5), abs(-(2**80)), -0, +5, int.__name__ if hasattr(int, "__name__") else "int")
print(10 / 4, 10 / 5, -7 / 2, 2**60 / 3, 1 / 3, 2**1000 // 3**600)
print(7 == 7.0, 2**53 + 1 == float(2**53 + 1), 1 < 1.5, -1 > -2.5, 10**20 > 1e19, hash(7) == hash(7.0))
print(sum(range(100000)), sum([10**18] * 10), max(3, 10**20, -5), min([5, 2, 9]))
print(str(2**200), repr(-(10**25)), len(str(3**1000)))
print(round(7), round(15, -1), round(25, -1), round(-35, -1), round(1234, -2), round(2**70, -10))
n = 1
for i in range(1, 30):
    n *= i
print(n, n % 1000000007, n // 10**20)
print(True + True, True * 10, False - 1, True / 2, -True, ~True, True << 3, True & False, True | False, True ^ True, 3 + False)
print(isinstance(True, int), type(True + 1).__name__, type(True & True).__name__, bool(-1), bool(0), int(False))
