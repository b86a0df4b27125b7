# Memoized recursive search: edit distance, longest common subsequence, partition counting,
# coin change and a knapsack, each with lru_cache; cache statistics show the sharing.
from functools import lru_cache, reduce
import operator
import sys

sys.setrecursionlimit(5000)


def edit_distance(a, b):
    @lru_cache(maxsize=None)
    def d(i, j):
        if i == 0:
            return j
        if j == 0:
            return i
        if a[i - 1] == b[j - 1]:
            return d(i - 1, j - 1)
        return 1 + min(d(i - 1, j), d(i, j - 1), d(i - 1, j - 1))
    r = d(len(a), len(b))
    return r, d.cache_info().currsize


print(edit_distance('kitten', 'sitting'), edit_distance('intention', 'execution'))


@lru_cache(maxsize=None)
def lcs(a, b):
    if not a or not b:
        return ''
    if a[0] == b[0]:
        return a[0] + lcs(a[1:], b[1:])
    x, y = lcs(a[1:], b), lcs(a, b[1:])
    return x if len(x) >= len(y) else y


print(lcs('AGGTABQXY', 'GXTXAYBQY'), lcs.cache_info().hits > 0)


@lru_cache(maxsize=None)
def partitions(n, k):
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    return partitions(n - k, k) + partitions(n, k - 1)


print([partitions(n, n) for n in range(1, 16)], partitions(100, 100))


@lru_cache(maxsize=256)
def change(amount, coins):
    if amount == 0:
        return 1
    if amount < 0 or not coins:
        return 0
    return change(amount - coins[0], coins) + change(amount, coins[1:])


print(change(100, (50, 25, 10, 5, 1)), change.cache_info().maxsize)
ITEMS = ((12, 4), (2, 2), (1, 1), (4, 10), (1, 2), (3, 5), (7, 8), (6, 6))


@lru_cache(maxsize=None)
def knap(i, cap):
    if i == len(ITEMS):
        return 0, ()
    best = knap(i + 1, cap)
    w, v = ITEMS[i]
    if w <= cap:
        val, chosen = knap(i + 1, cap - w)
        if val + v > best[0]:
            best = (val + v, (i,) + chosen)
    return best


print(knap(0, 15), knap.cache_info())
print(reduce(operator.mul, (partitions(n, n) for n in range(1, 6))))
