# tuples built and unpacked
import sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
a = 0
b = 1
for i in range(N):
    a, b = b & 1023, a + b & 1023
    t = (a, b, i)
    x, y, z = t
print(a, b)
