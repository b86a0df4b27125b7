# lambda, map, filter, zip, enumerate, sorted with keys, reduce-like folds.
nums = [5, 2, 8, 1, 9, 3]
print(list(map(lambda x: x * 2, nums)), list(filter(lambda x: x % 2, nums)))
print(list(map(str, nums)), list(map(pow, [2, 3], [5, 2])), list(zip(nums, "abcdef")))
print(list(enumerate("abc")), list(enumerate("abc", start=10)))
print(sorted(nums, key=lambda x: -x), sorted(["bb", "a", "ccc"], key=len))
people = [("ann", 31), ("bob", 25), ("cid", 31), ("dee", 22)]
print(sorted(people, key=lambda p: (-p[1], p[0])))
acc = 0
for x in map(lambda v: v * v, range(10)):
    acc += x
print(acc)
def fold(fn, seq, init):
    for s in seq:
        init = fn(init, s)
    return init
print(fold(lambda a, b: a * b, range(1, 11), 1), fold(lambda a, b: b + a, "abc", ""))
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5), (lambda: "no args")())
print(list(zip(*[[1, 2, 3], [4, 5, 6]])), dict(zip(["a", "b"], [1, 2])))
print(list(map(lambda p: p[0] + str(p[1]), people)))
print(max(people, key=lambda p: p[1]), min(people, key=lambda p: p[0]))
print(list(filter(None, [0, 1, "", "x", None, [], [0]])), list(zip(range(3), range(10))))
it = iter([1, 2, 3])
print(next(it), list(it), next(it, "exhausted"))
print(sum(map(len, ["ab", "cde"])), any(map(str.isdigit, "ab1")), all(map(bool, [1, 2])))
