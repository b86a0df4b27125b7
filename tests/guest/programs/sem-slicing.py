s = list(range(10))
print(s[2:8:3], s[-1:-8:-2], s[8:2], s[::-3], s[100:-100:-1], s[-3:-1], s[:0], s[5:None], s[None:None:-1])
t = tuple(s)
print(t[1:4], t[::-4], t[-2:], t[7:2:-2])
st = "0123456789"
print(st[1:9:2], st[::-1][2:5], st[-1], st[-10], st[3:-3])
a = list(range(10))
a[2:5] = ["x"]; print(a)
a[1:1] = [100, 200]; print(a)
a[:] = a[::-1]; print(a)
a[::2] = [0] * len(a[::2]); print(a)
a[-2:] = []; print(a)
a[len(a):] = [7, 8, 9]; print(a)
try:
    a[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    a[::0]
except ValueError as e:
    print("ValueError:", e)
b = list(range(12))
del b[::3]; print(b)
del b[-2:]; print(b)
del b[::-2]; print(b)
del b[:]; print(b)
c = list(range(6))
c[1:4] = "ab"; print(c)
c[4:2] = [9, 9]; print(c)
c[::-1] = range(len(c)); print(c)
ba = bytearray(b"hello world")
ba[0:5] = b"HELLO"; print(ba)
ba[::2] = b"______"; print(ba)
del ba[1:3]; print(ba, len(ba))
print(ba[2:6], ba[-1], ba[::-1])
print(slice(1, 5, 2), slice(3), slice(None, -1).indices(10), slice(10, 0, -3).indices(5), slice(-100, 100).indices(7))
sl = slice(1, None, 2)
print(s[sl], "abcdef"[sl], sl.start, sl.stop, sl.step)
class Seq:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def __getitem__(self, i):
        if isinstance(i, slice):
            return ("slice", i.indices(self.n))
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError("Seq index out of range")
        return i * i
q = Seq(5)
print(q[2], q[-1], q[1:3], q[::-1], list(q), 16 in q, 15 in q)
matrix = [[r * 4 + c for c in range(4)] for r in range(4)]
print([row[1:3] for row in matrix[1:3]], [matrix[i][i] for i in range(4)], [row[-1] for row in matrix][::-1])
