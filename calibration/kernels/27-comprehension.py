# a list comprehension over a small list every iteration
import sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
SMALL = [1, 2, 3, 4, 5, 6, 7, 8]
s = 0
for i in range(N):
    r = [x * 2 for x in SMALL]
    s = (s + r[i & 7]) & 1023
print(s)
