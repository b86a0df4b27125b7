# bit manipulation puzzles.
def popcount(n):
    c = 0
    while n:
        n &= n - 1
        c += 1
    return c
print([popcount(i) for i in range(17)], popcount(2 ** 64 - 1))
def reverse_bits(n, width=8):
    r = 0
    for _ in range(width):
        r = (r << 1) | (n & 1)
        n >>= 1
    return r
print([reverse_bits(i) for i in (1, 2, 3, 128, 0b10110000)])
def gray(n):
    return n ^ (n >> 1)
print([format(gray(i), "04b") for i in range(8)])
def subsets_mask(items):
    out = []
    for mask in range(1 << len(items)):
        out.append([items[i] for i in range(len(items)) if mask >> i & 1])
    return out
print(subsets_mask("abc"))
x = 0b1011_0110
print(x & -x, x & (x - 1), x | (x + 1), ~x & 0xff, x >> 3, x << 3, bin(x ^ 0xff))
print(-1 >> 10, -1 << 3, (-8) & 0xf, -9 // 2, -9 >> 1, 2 ** 100 >> 98, (1 << 70) | (1 << 3))
flags = 0
for bit in (0, 3, 5):
    flags |= 1 << bit
print(flags, [b for b in range(8) if flags & (1 << b)], flags ^ 0b1000)
