# float arithmetic: a new float per operation, dropped
import sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
f = 0.0
g = 1.0
for i in range(N):
    f = f * 0.5 + g * 1.5
print(f)
