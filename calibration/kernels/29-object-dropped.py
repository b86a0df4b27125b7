# the loop: an object created and dropped every iteration
import sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

s = 0
for i in range(N):
    p = P(i, i)
    s += p.x
print(s)
