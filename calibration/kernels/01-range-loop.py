# for over a range; the running sum leaves the small-int cache (a new int per iteration, dropped)
import sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
s = 0
for i in range(N):
    s += i
print(s)
