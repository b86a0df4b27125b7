# strings built from ints and concatenated, then dropped
import sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
t = 0
for i in range(N):
    s = str(i) + ':' + str(i & 63)
    t += len(s)
print(t)
