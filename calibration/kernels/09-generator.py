# a generator resumed once per iteration
import sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
def gen(n):
    k = 0
    while k < n:
        yield k & 255
        k += 1

s = 0
for v in gen(N):
    s ^= v
print(s)
