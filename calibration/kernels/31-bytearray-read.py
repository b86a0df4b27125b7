# the read-only loop: one byte per 64-byte line of a buffer allocated in setup
import sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
buf = bytearray(64 * 6000)
t = 0
i = 0
while i < N:
    t += buf[i * 64]
    i += 1
print(t)
