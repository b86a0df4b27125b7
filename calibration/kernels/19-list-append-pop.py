# list.append then list.pop: the list's size stays constant
import sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
lst = [0, 1, 2, 3]
s = 0
for i in range(N):
    lst.append(i & 255)
    s ^= lst.pop()
print(s)
