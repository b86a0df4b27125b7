# reads of an instance attribute
import sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
class O:
    def __init__(self):
        self.x = 3

o = O()
s = 0
for i in range(N):
    s = (s + o.x) & 1023
print(s)
