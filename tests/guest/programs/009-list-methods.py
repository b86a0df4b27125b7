# list methods and behaviour.
a = [3, 1, 4, 1, 5, 9, 2, 6]
a.append(5)
a.extend([3, 5])
a.insert(0, 0)
print(a, len(a))
print(a.pop(), a.pop(0), a.index(4), a.count(1), a.count(7))
a.remove(1)
print(a)
b = sorted(a)
a.sort(reverse=True)
print(a, b)
a.reverse()
print(a, a[::-1] == sorted(b, reverse=True))
c = a.copy()
c.clear()
print(c, a[:3], a[-3:], a[2:7:2])
a[1:3] = [10, 20, 30]
print(a)
del a[0]
del a[-2:]
print(a)
print([1, 2] + [3], [0] * 4, [[0] * 2] * 2, 3 in a, 99 not in a)
nested = [[1, 2], [3, 4], [5]]
print([x for row in nested for x in row], sum(len(r) for r in nested))
print(max(a), min(a), sum(a), list(reversed([1, 2, 3])), list(range(5)))
words = ["pear", "Apple", "fig", "banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[1]))
print([1, 2, 3] == [1, 2, 3], [1, 2] < [1, 3], [1, 2] < [1, 2, 0])
s = [5, 3, 8]
s += [1]
s *= 2
print(s, s.index(8, 3))
print(list("abc"), list((1, 2)), list({1: 2, 3: 4}))
