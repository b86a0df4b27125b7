# stores into a fixed list (small ints: no allocation)
import sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
arr = [0] * 100
for i in range(N):
    arr[i % 100] = i & 255
print(sum(arr))
