# CPU-bound: integer arithmetic in nested loops and calls (no allocation beyond small ints).
# The bench rewrites the SCALE line (guest-bench.ts `scale`); the default makes python3 take ~0.4 s.
SCALE = 10


def collatz_steps(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


total = 0
for i in range(1, 6000 * SCALE):
    total += collatz_steps(i)
print(total)
