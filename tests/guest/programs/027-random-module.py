# random with integer seeds: CPython's Mersenne Twister sequence.
import random
random.seed(42)
print([random.random() for _ in range(3)])
print([random.randint(1, 6) for _ in range(10)])
print([random.randrange(100) for _ in range(5)], random.randrange(10, 20), random.randrange(0, 100, 5))
print(random.choice("abcdef"), random.choice([10, 20, 30]))
deck = list(range(10))
random.shuffle(deck)
print(deck)
print(round(random.uniform(1, 2), 12))
random.seed(0)
a = [random.randint(0, 1000) for _ in range(5)]
random.seed(0)
b = [random.randint(0, 1000) for _ in range(5)]
print(a, a == b)
random.seed(12345)
hits = 0
for _ in range(1000):
    x, y = random.random(), random.random()
    if x * x + y * y <= 1:
        hits += 1
print("pi ~", 4 * hits / 1000)
random.seed(7)
print([random.choice(range(3)) for _ in range(12)])
print(random.randint(10 ** 12, 10 ** 13))
