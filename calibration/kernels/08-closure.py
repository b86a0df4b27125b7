# a closure updating a nonlocal cell
import sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
def counter():
    c = 0
    def inc():
        nonlocal c
        c += 1
        return c & 1023
    return inc

inc = counter()
s = 0
for i in range(N):
    s = inc()
print(s)
