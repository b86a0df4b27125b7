# recursive calls: fib(6) every iteration (25 frames)
import sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

s = 0
for i in range(N):
    s = (s + fib(6)) & 1023
print(s)
