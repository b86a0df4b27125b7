# set add, membership test and discard: the set's size stays constant
import sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
st = {1000, 1001}
c = 0
for i in range(N):
    st.add(i & 511)
    if (i & 7) in st:
        c += 1
    st.discard(i & 511)
print(c)
