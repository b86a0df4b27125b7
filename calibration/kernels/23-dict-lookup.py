# dict lookups in a fixed dict
import sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
d = {}
for k in range(100):
    d[k] = k & 7
s = 0
for i in range(N):
    s += d[i % 100]
print(s)
