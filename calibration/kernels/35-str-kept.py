# a new string per iteration, kept in a list
import sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
names = []
for i in range(N):
    names.append('k' + str(i))
print(len(names))
