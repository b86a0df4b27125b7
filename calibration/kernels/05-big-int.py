# arithmetic on 200-bit ints: a new big int per operation, dropped
import sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
b = 1 << 200
s = 0
for i in range(N):
    v = b + i
    s ^= v & 255
print(s)
