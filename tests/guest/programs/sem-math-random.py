import math
import random
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(2), math.sqrt(16), math.isqrt(17), math.isqrt(10**30), math.factorial(20), math.factorial(25))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-4, 6), math.lcm(4, 6), math.comb(10, 3), math.perm(5, 2), math.comb(50, 25))
print(math.floor(3.7), math.ceil(3.2), math.trunc(-3.7), math.floor(-0.5), math.ceil(-0.5), math.fabs(-3), math.copysign(3, -0.0))
print(math.exp(1), math.log(math.e), math.log(8, 2), math.log(100, 10), math.log10(1000), math.log2(1024), math.log1p(1e-10), math.expm1(1e-10))
print(math.sin(math.pi / 6), math.cos(0), math.tan(math.pi / 4), math.atan2(1, 1), math.degrees(math.pi), math.radians(180), math.hypot(3, 4))
print(math.pow(2, 10), math.fmod(7, 3), math.fmod(-7, 3), math.modf(3.5), math.frexp(8.0), math.ldexp(0.5, 4), math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1, 1.1, rel_tol=0.2), math.isfinite(math.inf), math.isnan(math.nan), math.prod([1, 2, 3, 4]) if hasattr(math, "prod") else 24)
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-1), lambda: math.factorial(-1), lambda: math.acos(2)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
try:
    math.exp(1000)
except OverflowError as e:
    print("OverflowError:", e)
random.seed(12345)
print([random.random() for _ in range(3)])
print([random.randint(1, 6) for _ in range(10)])
print([random.randrange(10) for _ in range(5)], [random.randrange(5, 50, 5) for _ in range(5)], random.randrange(-10, 10))
deck = list(range(10))
random.shuffle(deck)
print(deck)
print(random.choice("abcdef"), random.choice([10, 20, 30]), random.choice(range(100)))
print(round(random.uniform(1, 2), 10), random.sample(range(100), 5), random.sample(["a", "b", "c", "d"], 2))
random.seed(0)
a = [random.random() for _ in range(3)]
random.seed(0)
b = [random.random() for _ in range(3)]
print(a == b, a)
random.seed(2**70 + 5)
print(random.randint(0, 10**20), random.getrandbits(40), random.random())
random.seed(-7)
print(random.random(), random.randint(-5, 5))
rolls = {}
random.seed(42)
for _ in range(600):
    r = random.randint(1, 6)
    rolls[r] = rolls.get(r, 0) + 1
print(sorted(rolls.items()))
try:
    random.choice([])
except IndexError as e:
    print("IndexError:", e)
try:
    random.randrange(0)
except ValueError as e:
    print("ValueError:", e)
try:
    random.randint(5, 1)
except ValueError as e:
    print("ValueError:", e)
