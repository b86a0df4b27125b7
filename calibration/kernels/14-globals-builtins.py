# global reads and writes and builtin calls
import sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
G = [1, 2, 3]
total = 0

def step(i):
    global total
    total = (total + len(G) + abs(-3) + min(i & 7, 5)) & 4095

for i in range(N):
    step(i)
print(total)
