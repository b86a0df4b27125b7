# list.append of a small int; the list keeps growing
import sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
lst = []
for i in range(N):
    lst.append(i & 255)
print(len(lst))
