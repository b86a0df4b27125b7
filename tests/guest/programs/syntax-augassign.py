class Box:
    def __init__(self):
        self.n = 1
        self.items = [1, 2, 3]

n = 5
n += 2; n -= 1; n *= 3; n //= 4; n **= 2; n %= 7; n <<= 3; n >>= 1; n |= 5; n &= 13; n ^= 6
print(n)
f = 10.0
f /= 4
print(f)
b = Box()
b.n += 41
b.items += [4]
b.items[0] += 100
b.items[1:3] += [9]
print(b.n, b.items)
d = {"k": [1]}
d["k"] += [2]
d.setdefault("z", 0)
d["z"] -= 1
print(d)
s = "ab"
s *= 3
s += "!"
print(s)
t = (1,)
t += (2, 3)
print(t)
m = [[0] * 3 for _ in range(3)]
for i in range(3):
    m[i][i] += i + 1
print(m)
calls = []
def idx(i):
    calls.append(i)
    return i
arr = [0, 0, 0]
arr[idx(1)] += 5
print(arr, calls)
lst = [1, 2]
alias = lst
lst += [3]
print(alias is lst, alias)
tup = (1, 2)
alias_t = tup
tup += (3,)
print(alias_t, tup)
