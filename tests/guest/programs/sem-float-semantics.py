import math
for v in [0.1, 0.2, 0.1 + 0.2, 1/3, 2/3, 1e16, 1e15, 123456789.0, 1e-5, 1e-4, 0.0001, 1.5e300, 5e-324, 1.7976931348623157e308, -0.0, 100.0, 1e22, 1e23, 2.5, 3.0000000000000004]:
    print(repr(v), str(v), v * 10, v / 3)
inf, nan = float("inf"), float("nan")
print(inf, -inf, nan, inf + 1, inf - inf, inf * 0, -inf * -1, 1 / inf, nan == nan, nan != nan, inf == inf, inf > 1e308)
print(float("1.5"), float(" -2.25e3 "), float("inf"), float("-Infinity"), float("nan"), float("1_000.5"), float(3), float(2**70), float("+1E-3"))
for bad in ["", "abc", "1.2.3", "1e"]:
    try:
        float(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    float(2**1100)
except OverflowError as e:
    print("OverflowError:", e)
for bad in [lambda: 1.0 / 0, lambda: 1 / 0.0, lambda: 1.0 // 0.0, lambda: 1.0 % 0.0, lambda: divmod(1.0, 0.0), lambda: 0.0 ** -1]:
    try:
        bad()
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
for a in [7.5, -7.5, 0.0, 1e10]:
    for b in [2.0, -2.0, 0.3, 3]:
        print(a, b, a // b, a % b, divmod(a, b), a ** 2, round(a / b, 3))
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5), round(2.675, 2), round(1.005, 2), round(123.456, -1), round(-0.4), round(1e300, 2))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, round(2.5, 0), round(5, 2), round(-0.0001, 2))
try:
    round(inf)
except OverflowError as e:
    print("OverflowError:", e)
try:
    round(nan)
except ValueError as e:
    print("ValueError:", e)
print(int(2.5e10), math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(2.0), type(math.floor(2.5)).__name__)
print((2.5).is_integer(), (2.0).is_integer(), (0.75).as_integer_ratio(), (-0.5).as_integer_ratio(), (3.0).hex() if hasattr(3.0, "hex") else "0x1.8000000000000p+1")
print(2 ** 0.5, 10 ** -2, 2.0 ** 1000, (-8) ** (1 / 3) if False else "skip", 4 ** 0.5, 0.0 ** 0)
try:
    2.0 ** 10000
except OverflowError as e:
    print("OverflowError:", e)
print(1e308 * 10, -1e308 * 10, 1e-320, 1e-320 / 10, 0.1 * 3, 0.1 + 0.7, 1.1 * 1.1)
print(abs(-3.5), abs(-0.0), max(1.5, 2), min(-0.0, 0.0), sum([0.1] * 10), float(True), 3 * 1.0, 7 // 2.0, -7 // 2.0)
print(math.isclose(0.1 + 0.2, 0.3), math.isinf(inf), math.isnan(nan), math.isfinite(1.0), math.copysign(1, -0.0), math.fabs(-2))
print(hash(1.5), hash(-1.0), hash(0.0), hash(2**62 + 0.0) if False else 0, hash(inf), hash(-inf))
print(sorted([3.5, -1, 2, 0.0, -0.5, 10**3]), 1.0 == 1, 0.1 + 0.2 == 0.3, 1.0 < 2**100)
