import math, random
random.seed(5)
bad = 0
for i in range(2000):
    xs = [random.uniform(-10, 10) for _ in range(random.randint(2, 4))]
    if math.hypot(*xs) != math.sqrt(sum(x*x for x in xs)): bad += 1
print(bad, math.hypot(1.1, 2.2, 3.3), math.dist([0.1, 0.7], [2.3, 9.9]))
print([math.hypot(random.random(), random.random()) for _ in range(5)])
