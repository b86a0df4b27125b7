# insert then delete the same key: the dict's size stays constant
import sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
d = {-1: 0}
for i in range(N):
    d[i] = i
    del d[i]
print(len(d))
