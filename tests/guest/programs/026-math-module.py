# the math module.
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf)
print(math.sqrt(16), math.sqrt(2), math.floor(3.7), math.ceil(3.2), math.floor(-3.5), math.ceil(-3.5))
print(math.trunc(-3.7), math.fabs(-2), math.factorial(20), math.gcd(84, 36), math.pow(2, 10))
print(math.sin(0), math.cos(0), round(math.sin(math.pi / 6), 10), round(math.atan2(1, 1), 12))
print(math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.exp(1))
print(math.isnan(float("nan")), math.isinf(math.inf), math.isfinite(1.0), math.hypot(3, 4))
print(math.isclose(0.1 + 0.2, 0.3), math.copysign(3, -0.0), math.fsum([0.1] * 10), math.comb(10, 3), math.perm(5, 2))
from math import sqrt, floor as fl
print(sqrt(81), fl(9.99))
import math as m
print(m.degrees(m.pi), m.radians(180), m.isqrt(99))
vals = [math.sqrt(i) for i in range(1, 6)]
print([round(v, 4) for v in vals])
print(math.floor(2 ** 0.5 * 1e6), type(math.floor(1.5)).__name__)
