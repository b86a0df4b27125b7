# a method call on an instance
import sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
class O:
    def __init__(self):
        self.v = 1

    def get(self, k):
        return self.v + k

o = O()
s = 0
for i in range(N):
    s = o.get(s) & 1023
print(s)
