# percent and f-string formatting, result dropped
import sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
t = 0
for i in range(N):
    s = '%d-%d' % (i, i & 7)
    u = f'{i}/{s}'
    t += len(u)
print(t)
