# writes of an instance attribute (small ints)
import sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
class O:
    def __init__(self):
        self.x = 0

o = O()
for i in range(N):
    o.x = i & 255
print(o.x)
