s = list(range(10))
print(s[2:5], s[:3], s[7:], s[::3], s[::-1], s[-3:-1], s[1:-1:2], s[:])
print(s[100:], s[-100:2], s[5:2], s[5:2:-1])
t = "abcdefgh"
print(t[::2], t[-1], t[:-3], t[1::-1])
s[2:4] = ["a", "b", "c"]
print(s)
s[::2] = [0] * len(s[::2])
print(s)
s[:] = []
print(s)
class Sliceable:
    def __getitem__(self, key):
        return key
obj = Sliceable()
print(obj[1:2], obj[::], obj[1:2, 3], obj[..., 0], obj[:, 1])
print(obj[::-1], obj[1:], obj["k"])
lo, hi = 1, 4
print(t[lo:hi], t[lo + 1:hi * 2])
m = [[1, 2, 3], [4, 5, 6]]
print([row[1:] for row in m], m[-1][-1])
print((1, 2, 3)[1:], range(10)[2:8:2])
