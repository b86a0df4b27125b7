# a Python function called and returning every iteration (a frame per call)
import sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
def add(a, b):
    return a + b

s = 0
for i in range(N):
    s = add(s, 1) & 1023
print(s)
