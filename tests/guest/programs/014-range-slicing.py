# range objects and slicing with steps.
print(list(range(5)), list(range(2, 10, 3)), list(range(10, 0, -3)), list(range(0)))
r = range(1, 20, 2)
print(r, len(r), r[3], r[-1], 7 in r, 8 in r, r.index(9), list(r[2:5]))
print(sum(range(101)), max(range(7)), list(reversed(range(4))))
s = list(range(10))
print(s[2:8], s[:3], s[7:], s[::2], s[1::3], s[::-1], s[8:2:-2], s[-3:], s[-100:100])
print(s[5:2], s[::-3], "abcdef"[::2], "abcdef"[-2::-2], (1, 2, 3, 4)[1:3])
t = s[:]
t[2:5] = []
print(t)
t[::2] = [0] * len(t[::2])
print(t)
del t[::3]
print(t)
for i in range(3, -1, -1):
    print(i, end=" ")
print()
for i in range(0, 30, 7):
    print(i, end=",")
print("done")
print(range(3) == range(0, 3), list(range(-5, 5, 4)), range(5)[1:3])
