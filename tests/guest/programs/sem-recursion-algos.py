import sys
def permutations(xs):
    if len(xs) <= 1:
        return [xs[:]]
    out = []
    for i in range(len(xs)):
        for p in permutations(xs[:i] + xs[i + 1:]):
            out.append([xs[i]] + p)
    return out
print(permutations([1, 2, 3]), len(permutations(list("abcd"))))
def powerset(s):
    if not s:
        return [[]]
    rest = powerset(s[1:])
    return rest + [[s[0]] + r for r in rest]
print(sorted(powerset([1, 2, 3]), key=lambda x: (len(x), x)))
def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print(ackermann(2, 3))
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(500))
def infinite(n):
    return infinite(n + 1)
try:
    infinite(0)
except RecursionError as e:
    print("RecursionError:", e)
memo = {}
def partitions(n, k):
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    if (n, k) not in memo:
        memo[(n, k)] = partitions(n - k, k) + partitions(n, k - 1)
    return memo[(n, k)]
print([partitions(n, n) for n in range(15)], partitions(100, 100))
def merge_sort(xs):
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    a, b = merge_sort(xs[:mid]), merge_sort(xs[mid:])
    out = []
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out.append(a[i]); i += 1
        else:
            out.append(b[j]); j += 1
    return out + a[i:] + b[j:]
data = [(i * 7919) % 101 for i in range(40)]
print(merge_sort(data) == sorted(data), merge_sort(data)[:10])
def flood(grid, r, c, seen):
    if (r, c) in seen or not (0 <= r < len(grid) and 0 <= c < len(grid[0])) or grid[r][c] == "#":
        return 0
    seen.add((r, c))
    return 1 + sum(flood(grid, r + dr, c + dc, seen) for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)))
grid = ["..#..", ".##..", "#...#", "..#.."]
print(flood(grid, 0, 0, set()), flood(grid, 0, 4, set()))
def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)
print(gcd(2**64, 6**20), gcd(1071, 462))
def to_base(n, b):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return digits[n] if n < b else to_base(n // b, b) + digits[n % b]
print([to_base(255, b) for b in (2, 8, 16, 36)], to_base(10**20, 36), int(to_base(10**20, 36), 36) == 10**20)
def hanoi(n, a="A", b="B", c="C", moves=None):
    if moves is None:
        moves = []
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append(a + c)
        hanoi(n - 1, b, a, c, moves)
    return moves
print(len(hanoi(10)), hanoi(3))
