# range with ints past 2**53 (CPython's exact range arithmetic: len, indexing, in, index, slicing, reversed, equality, hash, repr).
r = range(2**64)
try:
    print('len(r)', '->', repr(len(r)))
except Exception as x:
    print('len(r)', '!!', type(x).__name__, x)
try:
    print('r.__len__()', '->', repr(r.__len__()))
except Exception as x:
    print('r.__len__()', '!!', type(x).__name__, x)
try:
    print('bool(r)', '->', repr(bool(r)))
except Exception as x:
    print('bool(r)', '!!', type(x).__name__, x)
try:
    print('r[2**63]', '->', repr(r[2**63]))
except Exception as x:
    print('r[2**63]', '!!', type(x).__name__, x)
try:
    print('r[-1]', '->', repr(r[-1]))
except Exception as x:
    print('r[-1]', '!!', type(x).__name__, x)
try:
    print('r[::2**62]', '->', repr(r[::2**62]))
except Exception as x:
    print('r[::2**62]', '!!', type(x).__name__, x)
try:
    print('r[10**30:]', '->', repr(r[10**30:]))
except Exception as x:
    print('r[10**30:]', '!!', type(x).__name__, x)
try:
    print('hash(range(5))==hash((5,0,1))', '->', repr(hash(range(5))==hash((5,0,1))))
except Exception as x:
    print('hash(range(5))==hash((5,0,1))', '!!', type(x).__name__, x)
try:
    print('reversed(range(2**70, 0, -3)).__next__()', '->', repr(reversed(range(2**70, 0, -3)).__next__()))
except Exception as x:
    print('reversed(range(2**70, 0, -3)).__next__()', '!!', type(x).__name__, x)
try:
    print('list(reversed(range(10**20, 10**20+3)))', '->', repr(list(reversed(range(10**20, 10**20+3)))))
except Exception as x:
    print('list(reversed(range(10**20, 10**20+3)))', '!!', type(x).__name__, x)
try:
    print('10**19 in r', '->', repr(10**19 in r))
except Exception as x:
    print('10**19 in r', '!!', type(x).__name__, x)
try:
    print('r.index(10**19)', '->', repr(r.index(10**19)))
except Exception as x:
    print('r.index(10**19)', '!!', type(x).__name__, x)
try:
    print('r.count(5)', '->', repr(r.count(5)))
except Exception as x:
    print('r.count(5)', '!!', type(x).__name__, x)
try:
    print('repr(range(-10**20, 10**20, 7))', '->', repr(repr(range(-10**20, 10**20, 7))))
except Exception as x:
    print('repr(range(-10**20, 10**20, 7))', '!!', type(x).__name__, x)
try:
    print('range(0,10**20,3)==range(0,10**20+1,3)', '->', repr(range(0,10**20,3)==range(0,10**20+1,3)))
except Exception as x:
    print('range(0,10**20,3)==range(0,10**20+1,3)', '!!', type(x).__name__, x)
try:
    print('len(range(0, 2**63-1))', '->', repr(len(range(0, 2**63-1))))
except Exception as x:
    print('len(range(0, 2**63-1))', '!!', type(x).__name__, x)
try:
    print('len(range(-1, 2**63-1))', '->', repr(len(range(-1, 2**63-1))))
except Exception as x:
    print('len(range(-1, 2**63-1))', '!!', type(x).__name__, x)
try:
    print('r[:10**30:-1]', '->', repr(r[:10**30:-1]))
except Exception as x:
    print('r[:10**30:-1]', '!!', type(x).__name__, x)
try:
    print('range(3)[True]', '->', repr(range(3)[True]))
except Exception as x:
    print('range(3)[True]', '!!', type(x).__name__, x)
try:
    print('range(3)[1.5]', '->', repr(range(3)[1.5]))
except Exception as x:
    print('range(3)[1.5]', '!!', type(x).__name__, x)
try:
    print('range(10**20)[10**20]', '->', repr(range(10**20)[10**20]))
except Exception as x:
    print('range(10**20)[10**20]', '!!', type(x).__name__, x)
try:
    print('1.0 in range(10**20)', '->', repr(1.0 in range(10**20)))
except Exception as x:
    print('1.0 in range(10**20)', '!!', type(x).__name__, x)
try:
    print('range(10**20).index(5.0)', '->', repr(range(10**20).index(5.0)))
except Exception as x:
    print('range(10**20).index(5.0)', '!!', type(x).__name__, x)
try:
    print('iter(range(10**20, 10**20+2)).__next__()', '->', repr(iter(range(10**20, 10**20+2)).__next__()))
except Exception as x:
    print('iter(range(10**20, 10**20+2)).__next__()', '!!', type(x).__name__, x)
try:
    print('range(10**20)[10**19]', '->', repr(range(10**20)[10**19]))
except Exception as x:
    print('range(10**20)[10**19]', '!!', type(x).__name__, x)
try:
    print('list(range(2**53-2, 2**53+3))', '->', repr(list(range(2**53-2, 2**53+3))))
except Exception as x:
    print('list(range(2**53-2, 2**53+3))', '!!', type(x).__name__, x)
try:
    print('list(range(10**20, 10**20+10, 3))', '->', repr(list(range(10**20, 10**20+10, 3))))
except Exception as x:
    print('list(range(10**20, 10**20+10, 3))', '!!', type(x).__name__, x)
try:
    print('list(range(0, 10**20, 3*10**19))', '->', repr(list(range(0, 10**20, 3*10**19))))
except Exception as x:
    print('list(range(0, 10**20, 3*10**19))', '!!', type(x).__name__, x)
try:
    print('range(10**20, 0, -1)[5]', '->', repr(range(10**20, 0, -1)[5]))
except Exception as x:
    print('range(10**20, 0, -1)[5]', '!!', type(x).__name__, x)
try:
    print('hash(range(10**20)) == hash((10**20, 0, 1))', '->', repr(hash(range(10**20)) == hash((10**20, 0, 1))))
except Exception as x:
    print('hash(range(10**20)) == hash((10**20, 0, 1))', '!!', type(x).__name__, x)
try:
    print('hash(range(0)) == hash(range(5,1))', '->', repr(hash(range(0)) == hash(range(5,1))))
except Exception as x:
    print('hash(range(0)) == hash(range(5,1))', '!!', type(x).__name__, x)
try:
    print('range(5) == range(0, 5, 1)', '->', repr(range(5) == range(0, 5, 1)))
except Exception as x:
    print('range(5) == range(0, 5, 1)', '!!', type(x).__name__, x)
try:
    print('range(0) == range(3, 1)', '->', repr(range(0) == range(3, 1)))
except Exception as x:
    print('range(0) == range(3, 1)', '!!', type(x).__name__, x)
try:
    print('range(1, 2, 5) == range(1, 3, 7)', '->', repr(range(1, 2, 5) == range(1, 3, 7)))
except Exception as x:
    print('range(1, 2, 5) == range(1, 3, 7)', '!!', type(x).__name__, x)
try:
    print('{range(3): 1}[range(0, 3)]', '->', repr({range(3): 1}[range(0, 3)]))
except Exception as x:
    print('{range(3): 1}[range(0, 3)]', '!!', type(x).__name__, x)
try:
    print('range(10**20)[5:10]', '->', repr(range(10**20)[5:10]))
except Exception as x:
    print('range(10**20)[5:10]', '!!', type(x).__name__, x)
try:
    print('range(10)[3:-2:2]', '->', repr(range(10)[3:-2:2]))
except Exception as x:
    print('range(10)[3:-2:2]', '!!', type(x).__name__, x)
try:
    print('range(10)[::-1]', '->', repr(range(10)[::-1]))
except Exception as x:
    print('range(10)[::-1]', '!!', type(x).__name__, x)
try:
    print('range(10)[-100:100]', '->', repr(range(10)[-100:100]))
except Exception as x:
    print('range(10)[-100:100]', '!!', type(x).__name__, x)
try:
    print('max(range(10**20, 10**20+3))', '->', repr(max(range(10**20, 10**20+3))))
except Exception as x:
    print('max(range(10**20, 10**20+3))', '!!', type(x).__name__, x)
try:
    print('sum(range(10**18, 10**18+4))', '->', repr(sum(range(10**18, 10**18+4))))
except Exception as x:
    print('sum(range(10**18, 10**18+4))', '!!', type(x).__name__, x)
try:
    print('range(10**20, 10**20+3).index(10**20+2)', '->', repr(range(10**20, 10**20+3).index(10**20+2)))
except Exception as x:
    print('range(10**20, 10**20+3).index(10**20+2)', '!!', type(x).__name__, x)
try:
    print('(10**20+1) in range(10**20, 10**20+3, 2)', '->', repr((10**20+1) in range(10**20, 10**20+3, 2)))
except Exception as x:
    print('(10**20+1) in range(10**20, 10**20+3, 2)', '!!', type(x).__name__, x)
try:
    print('range(10**9)[-1]', '->', repr(range(10**9)[-1]))
except Exception as x:
    print('range(10**9)[-1]', '!!', type(x).__name__, x)
try:
    print('len(range(10**9))', '->', repr(len(range(10**9))))
except Exception as x:
    print('len(range(10**9))', '!!', type(x).__name__, x)
try:
    print('range(0, 10**20, 10**19)[-1]', '->', repr(range(0, 10**20, 10**19)[-1]))
except Exception as x:
    print('range(0, 10**20, 10**19)[-1]', '!!', type(x).__name__, x)
try:
    print('list(range(2**64)[::2**62])', '->', repr(list(range(2**64)[::2**62])))
except Exception as x:
    print('list(range(2**64)[::2**62])', '!!', type(x).__name__, x)
try:
    print('list(enumerate(range(10**20, 10**20+2)))', '->', repr(list(enumerate(range(10**20, 10**20+2)))))
except Exception as x:
    print('list(enumerate(range(10**20, 10**20+2)))', '!!', type(x).__name__, x)
try:
    print('range(10**20).start', '->', repr(range(10**20).start))
except Exception as x:
    print('range(10**20).start', '!!', type(x).__name__, x)
try:
    print('range(3, 10**20, 2).step', '->', repr(range(3, 10**20, 2).step))
except Exception as x:
    print('range(3, 10**20, 2).step', '!!', type(x).__name__, x)
try:
    print('bool(range(10**20, 0))', '->', repr(bool(range(10**20, 0))))
except Exception as x:
    print('bool(range(10**20, 0))', '!!', type(x).__name__, x)
for x in range(2**63, 2**63 + 3):
    print(x)
print(range(10**20)[10**19])
match range(10**20, 10**20 + 3):
    case [a, *rest]:
        print('match', a, rest)
match range(10**20):
    case [a, b]:
        print('no')
    case _:
        print('other')
