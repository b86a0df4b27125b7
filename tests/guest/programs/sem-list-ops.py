a = [5, 3, 8, 1]
a.append(9); a.extend([2, 7]); a.insert(0, 0); a.insert(100, 99); a.insert(-1, -5)
print(a, len(a), a.index(8), a.count(7), a.index(2, 3), 8 in a, 42 not in a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(8); print(a)
try:
    a.remove(1234)
except ValueError as e:
    print("ValueError:", e)
try:
    a.index(1234)
except ValueError as e:
    print("ValueError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1].pop(5)
except IndexError as e:
    print("IndexError:", e)
try:
    a[100]
except IndexError as e:
    print("IndexError:", e)
try:
    a[100] = 1
except IndexError as e:
    print("IndexError:", e)
b = a.copy(); b.reverse(); print(a, b, a == b[::-1], a is b)
a.sort(); print(a); a.sort(reverse=True); print(a); a.clear(); print(a)
print([1, 2] + [3], [0] * 4, 3 * [1, 2], [[]] * 2, [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 99], [] == [], [1, [2]] == [1, [2]])
x = [1, 2]; y = x; y += [3]; print(x, y, x is y); y = y + [4]; print(x, y)
z = [3]; z *= 3; print(z)
nested = [[0] * 3 for _ in range(3)]; nested[1][1] = 5; print(nested)
bad = [[0] * 3] * 3; bad[1][1] = 5; print(bad)
l = list(range(10))
del l[2]; del l[-1]; del l[1:3]; print(l)
l = list("abcdef")
print(l[::2], l[1::2], l[::-2], l[4:1:-1], l[-3:], l[:-3], l[5:100], l[-100:2], l[3:3])
try:
    [1, 2] + (3,)
except TypeError as e:
    print("TypeError:", e)
print(list(), list("ab"), list((1, 2)), list({"k": 1, "j": 2}), list(range(3, 0, -1)), list(map(str, [1, 2])))
print(sum([[1], [2, 3]], []), max([[1, 2], [1, 3], [0, 9]]), sorted([[2, 1], [1, 2], [1, 1]]))
stack = []
for ch in "(()[{}])":
    if ch in "([{":
        stack.append(ch)
    else:
        stack.pop()
print("balanced", stack == [])
m = [[1, 2, 3], [4, 5, 6]]
print([list(r) for r in zip(*m)], [x for row in m for x in row], [row[::-1] for row in m[::-1]])
print(repr([1, "a", 2.0, None, True, [], (), {}]), str(["x'y"]), [1, 2].__len__(), [3, 1].__contains__(1))
r = [1, 2, 3]; r.extend(r); print(r); r.extend(iter(range(2))); print(r); r.append(r); print(r)
