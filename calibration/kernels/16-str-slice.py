# slices of a fixed string (a new string per slice, dropped)
import sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
TEXT = 'the quick brown fox jumps over the lazy dog ' * 4
t = 0
for i in range(N):
    k = i % 100
    t += len(TEXT[k:k + 12])
print(t)
