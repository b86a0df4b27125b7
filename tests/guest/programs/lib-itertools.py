# itertools: every building block, the laziness real programs rely on, and the argument errors.
import itertools
from itertools import (accumulate, chain, combinations, combinations_with_replacement, compress, count,
                       cycle, dropwhile, filterfalse, groupby, islice, pairwise, permutations, product,
                       repeat, starmap, takewhile, tee, zip_longest)
import operator

print(list(islice(count(), 5)), list(islice(count(10, -3), 4)), list(islice(count(0.5, 0.25), 3)))
print(list(zip('abc', count(1))), next(count(7)))
print(list(islice(cycle('ab'), 5)), list(cycle([])))
print(list(repeat('x', 3)), list(repeat(1, 0)), list(repeat(1, -2)), list(zip(range(3), repeat(0))))
print(list(map(pow, range(5), repeat(2))))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate([])))
print(list(accumulate([1, 2, 3], operator.mul, initial=10)), list(accumulate([], initial=0)))
print(list(chain('ab', [1, 2], (), range(2))), list(chain()), list(chain.from_iterable(['xy', 'z'])))
print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])), list(compress('AB', [1, 1, 1])))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, '', 'a', None])))
print([(k, list(g)) for k, g in groupby('AAAABBBCCDAABBB')])
print([k for k, g in groupby('AAAABBBCCD')])
words = ['apple', 'avocado', 'banana', 'blueberry', 'cherry', 'apricot']
for k, g in groupby(sorted(words), key=lambda w: w[0]):
    print(k, list(g))
groups = groupby([1, 1, 2, 2, 3])
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2), [k for k, _ in groups])
print(list(islice('ABCDEFG', 2)), list(islice('ABCDEFG', 2, 4)), list(islice('ABCDEFG', 2, None)))
print(list(islice('ABCDEFG', 0, None, 2)), list(islice(range(10), 1, 9, 3)), list(islice([], 3)))
it = iter(range(10))
print(list(islice(it, 3)), next(it), list(islice(it, 2, 4)), next(it))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(starmap(lambda *a: sum(a), [(1, 2, 3), ()])))
a, b = tee(iter([1, 2, 3, 4]))
print(next(a), next(a), list(b), list(a))
x, y, z = tee('ab', 3)
print(list(x), list(y), list(z), tee([1], 0))
print(list(zip_longest('ABCD', 'xy', fillvalue='-')), list(zip_longest([1], [2, 3], [])), list(zip_longest()))
print(list(product('ab', range(2))), list(product(range(2), repeat=3))[:5], list(product()), list(product('ab', [])))
print(len(list(product('abc', repeat=3))), list(product([1, 2], 'x', repeat=2)))
print(list(permutations('ABC')), list(permutations(range(3), 2)), list(permutations([1, 2], 3)), list(permutations([], 0)))
print(list(combinations('ABCD', 2)), list(combinations(range(4), 3)), list(combinations('AB', 3)), list(combinations('AB', 0)))
print(list(combinations_with_replacement('ABC', 2)), list(combinations_with_replacement([], 2)), list(combinations_with_replacement('A', 0)))
print(list(pairwise('ABCDE')), list(pairwise('A')), list(pairwise([])))
print(sum(1 for _ in combinations(range(10), 4)), sum(1 for _ in permutations(range(6))))
g = chain([1], [2])
print(next(g), next(g), next(g, 'end'))
try:
    next(g)
except StopIteration:
    print('StopIteration')
e = iter(pairwise([1]))
try:
    next(e)
except StopIteration:
    print('StopIteration again')
for thunk in (lambda: islice('abc', -1), lambda: islice('abc', 1, -2), lambda: islice('abc', 0, 2, 0),
              lambda: islice('abc', 'x'), lambda: islice([]), lambda: combinations('ab', -1),
              lambda: permutations('ab', -1), lambda: tee([], -1), lambda: count('a'),
              lambda: product('ab', repeat=-1), lambda: chain(1), lambda: list(chain(1)),
              lambda: zip_longest(1), lambda: cycle(5), lambda: repeat(1, 'x'), lambda: accumulate(3),
              lambda: list(starmap(pow, [1]))):
    try:
        r = thunk()
        print('made', type(r) is not None)
    except Exception as ex:
        print(type(ex).__name__, ex)
