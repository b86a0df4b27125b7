# A constraint solver: SEND+MORE=MONEY style cryptarithms by permutations, then a small
# N-queens and a Latin-square search driven by itertools.
from itertools import combinations, permutations, product, islice, chain, count


def solve_cryptarithm(words, total):
    letters = sorted(set(''.join(words) + total))
    leading = {w[0] for w in words + [total]}
    solutions = []
    for digits in permutations(range(10), len(letters)):
        env = dict(zip(letters, digits))
        if any(env[c] == 0 for c in leading):
            continue

        def val(w):
            n = 0
            for c in w:
                n = n * 10 + env[c]
            return n
        if sum(val(w) for w in words) == val(total):
            solutions.append(tuple(val(w) for w in words + [total]))
    return solutions


print(solve_cryptarithm(['TO', 'GO'], 'OUT'))
print(solve_cryptarithm(['AB', 'BA'], 'CC')[:4])


def queens(n):
    for cols in permutations(range(n)):
        if len({c + r for r, c in enumerate(cols)}) == n and len({c - r for r, c in enumerate(cols)}) == n:
            yield cols


sols = list(queens(6))
print(len(sols), sols[0], len(list(queens(7))))
for row in sols[0]:
    print(''.join('Q' if c == row else '.' for c in range(6)))


def latin_squares(n):
    rows = list(permutations(range(n)))
    found = 0
    for combo in product(rows, repeat=n):
        if combo[0] != tuple(range(n)):
            continue
        if all(len({r[c] for r in combo}) == n for c in range(n)):
            found += 1
    return found


print('latin squares with fixed first row, n=3:', latin_squares(3))


def subset_sums(values, target):
    hits = []
    for k in count(1):
        if k > len(values):
            break
        for combo in combinations(values, k):
            if sum(combo) == target:
                hits.append(combo)
    return hits


print(subset_sums([3, 34, 4, 12, 5, 2], 9))
print(list(islice(chain.from_iterable(combinations('ABCD', k) for k in count(1)), 7)))
