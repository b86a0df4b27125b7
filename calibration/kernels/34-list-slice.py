# slices of a fixed list (a new list per slice, dropped)
import sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
data = list(range(200))
s = 0
for i in range(N):
    k = i % 100
    sub = data[k:k + 8]
    s = (s + sub[3]) & 1023
print(s)
