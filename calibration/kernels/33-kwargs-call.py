# calls with keyword arguments and defaults
import sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
def f(a, b=2, c=3):
    return a + b * c

s = 0
for i in range(N):
    s = f(i & 15, c=1) + s & 1023
print(s)
