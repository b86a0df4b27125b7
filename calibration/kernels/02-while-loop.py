# a while loop on a counter; compare, add, store
import sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
i = 0
while i < N:
    i += 1
print(i)
