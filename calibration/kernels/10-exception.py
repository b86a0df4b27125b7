# an exception raised and caught every iteration
import sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
c = 0
for i in range(N):
    try:
        raise ValueError('x')
    except ValueError:
        c += 1
print(c)
