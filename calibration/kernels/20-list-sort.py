# copy and sort a 16-element list every iteration
import sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
base = [(k * 7919) % 97 for k in range(16)]
s = 0
for i in range(N):
    tmp = base[:]
    tmp.sort()
    s ^= tmp[i & 15]
print(s)
