# a string grown by one character per iteration (kept)
import sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
s = ''
for i in range(N):
    s += 'x'
print(len(s))
