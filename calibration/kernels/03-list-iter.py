# for over a list built in setup (fixed size, the same in every run); stop after N elements
import sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
data = list(range(6000))
s = 0
j = 0
for x in data:
    if j == N:
        break
    s += x & 7
    j += 1
print(s)
