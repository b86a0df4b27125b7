# bisect and heapq as real programs use them, with their error cases.
import bisect
import heapq

a = [1, 2, 2, 2, 5, 8, 13]
for x in (0, 2, 3, 13, 14):
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
print(bisect.bisect_left(a, 2, 2), bisect.bisect_right(a, 2, 0, 3))
b = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort(b, x)
print(b)
bisect.insort_left(b, 5)
print(b)
recs = [(1, 'a'), (3, 'c'), (5, 'e')]
print(bisect.bisect_left(recs, 3, key=lambda r: r[0]), bisect.bisect_right(recs, 3, key=lambda r: r[0]))
bisect.insort(recs, (4, 'd'), key=lambda r: r[0])
print(recs)
grades = 'FDCBA'
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in [33, 99, 77, 70, 89, 90, 100]])
try:
    bisect.bisect_left(a, 1, -1)
except ValueError as e:
    print('ValueError', e)
try:
    bisect.bisect([1, 'a'], 0.5)
    bisect.bisect([1, 2, 3], 'x')
except TypeError as e:
    print('TypeError', e)

h = []
for x in [5, 7, 9, 1, 3, 8, 2, 6, 4, 0]:
    heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for _ in range(len(h))])
data = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 11, 15, 12]
heapq.heapify(data)
print(data)
print(heapq.heapreplace(data, 10), data)
print(heapq.heappushpop(data, -1), heapq.heappushpop(data, 20), data)
print(heapq.nsmallest(3, [5, 1, 8, 3, 2]), heapq.nlargest(3, [5, 1, 8, 3, 2]))
print(heapq.nlargest(2, ['apple', 'fig', 'banana', 'kiwi'], key=len))
print(heapq.nsmallest(2, [(2, 'b'), (1, 'z'), (1, 'a')]))
print(heapq.nsmallest(0, [1, 2]), heapq.nlargest(10, [3, 1, 2]))
print(list(heapq.merge([1, 3, 5, 7], [0, 2, 4, 8], [5, 10])))
print(list(heapq.merge(['a', 'cc'], ['bb', 'ddd'], key=len)))
print(list(heapq.merge([7, 5, 1], [8, 2], reverse=True)))
tasks = []
heapq.heappush(tasks, (2, 'write'))
heapq.heappush(tasks, (1, 'plan'))
heapq.heappush(tasks, (3, 'test'))
heapq.heappush(tasks, (1, 'coffee'))
while tasks:
    print(heapq.heappop(tasks))
for bad in ([], None):
    try:
        heapq.heappop(bad)
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
try:
    heapq.heapreplace([], 1)
except IndexError as e:
    print('IndexError', e)
try:
    heapq.heappush((1,), 2)
except TypeError as e:
    print('TypeError', e)
try:
    heapq.heapify({})
except TypeError as e:
    print('TypeError', e)
try:
    heapq.heappush([1], 'x')
except TypeError as e:
    print('TypeError', e)
print(heapq.heappushpop([], 5))
