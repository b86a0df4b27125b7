# dict insert of a new key every iteration; the dict keeps growing
import sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
d = {}
for i in range(N):
    d[i] = 1
print(len(d))
