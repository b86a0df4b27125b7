# Float repr and arithmetic, CPython's shortest round-trip output.
print(0.1 + 0.2, 1 / 3, 2 / 3, 10 / 4, 7 / 7)
print(1e16, 1e15, 1e-5, 1e-4, 123456789.0, 1.5e300 * 1e10)
print(float("inf"), float("-inf"), float("nan"), -0.0, 0.0)
print(3.0, 2.5, 100.0, 1e22, 1e21, 12345678901234567890.0)
print(round(3.14159, 2), round(2.675, 2), round(0.5), round(1.5), round(-0.5))
print(7.0 // 2, 7.5 % 2, -7.5 % 2, -7.5 // 2, 2 ** 0.5)
print(float(3), float("1.25"), int(2.9), 3 * 1.1, 0.1 * 3)
print(1.0 == 1, 0.1 + 0.2 == 0.3, abs(-1.5), max(1.5, 2), min(-0.5, 0))
x = 1.0
for i in range(10):
    x = x * 1.5 - 0.25
print(x)
vals = [1e-7, 1.5e-7, 0.001, 1234.5678, 5e-324, 1.7976931348623157e308]
for v in vals:
    print(v, -v, v * 2)
print(str(1.0), repr(2.50), str(1e100))
print(sum([0.1] * 10), 3.0 * 4, 9.0 / 3)
print(divmod(7.5, 2), 2.0 ** 10, 10 ** -2)
print(float("1e500"), -float("1e500"), 1e308 * 10)
