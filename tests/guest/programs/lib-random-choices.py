# random.choices: uniform picks, weights, cumulative weights and their errors, on the seeded
# Mersenne Twister (the same sequence as CPython's).
import random

random.seed(2024)
print(random.choices("abcde", k=6))
print(random.choices(range(5), weights=[5, 1, 0, 1, 3], k=8))
print(random.choices(["x", "y", "z"], [0.2, 0.5, 0.3], k=5))
print(random.choices("pq", cum_weights=[1, 10], k=6))
r = random.Random(7)
print(r.choices([10, 20, 30], weights=[1, 1, 8], k=4), r.random())
for bad in (dict(weights=[1, 2]), dict(weights=[0, 0, 0]), dict(weights=[1, 1, 1], cum_weights=[1, 2, 3])):
    try:
        random.choices("abc", **bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    random.choices("abc", 2)
except TypeError as e:
    print("TypeError", e)
print(random.choices("abc", k=0), random.random())
for args, kw in ((([],), {"k": 2}), (([],), {"weights": []}), (([],), {"k": 0})):
    try:
        print(random.choices(*args, **kw))
    except IndexError as e:
        print("IndexError", e)
print(random.triangular(1, 1, 5), random.triangular(2, 2), random.random())
