# set.add of a new element every iteration; the set keeps growing
import sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
st = set()
for i in range(N):
    st.add(i)
print(len(st))
