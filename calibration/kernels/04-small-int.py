# arithmetic that stays inside the small-int cache (no allocation)
import sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
x = 1
for i in range(N):
    x = (x * 7 + 3) % 200
print(x)
