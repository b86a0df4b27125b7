# an object created every iteration and kept in a list
import sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

keep = []
for i in range(N):
    keep.append(P(i, i))
print(len(keep))
