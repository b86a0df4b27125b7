# random's continuous distributions on the seeded Mersenne Twister: each draws exactly as
# CPython 3.11's random.py does, so the same seed gives the same numbers (printed with repr, all
# 17 digits), module-level and on Random instances, and the argument errors.
import random

random.seed(11)
print([random.normalvariate(0, 1) for _ in range(3)])
print([random.lognormvariate(0, 0.5) for _ in range(2)])
print([random.expovariate(1.5) for _ in range(3)])
print([random.triangular(0, 10) for _ in range(2)], random.triangular(0, 10, 9), random.triangular(5, 5))
print([random.paretovariate(2.5) for _ in range(2)], [random.weibullvariate(1.0, 1.5) for _ in range(2)])
print([random.vonmisesvariate(1.0, 4.0) for _ in range(3)], random.vonmisesvariate(0.5, 0))
print([random.gammavariate(a, 2.0) for a in (0.5, 1.0, 3.0, 9.5)])
print([random.betavariate(2, 5) for _ in range(3)], random.random())
r = random.Random(2024)
print(r.normalvariate(), r.gammavariate(2.2, 1), r.expovariate(1.0), r.betavariate(0.5, 0.5), r.random())
for f, args in ((random.gammavariate, (0, 1)), (random.betavariate, (1, -1)), (random.expovariate, (0,))):
    try:
        f(*args)
    except (ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
try:
    random.expovariate()
except TypeError as e:
    print("TypeError", e)
