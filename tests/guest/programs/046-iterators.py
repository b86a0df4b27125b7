# the iterator protocol: __iter__/__next__, iter(), next(), StopIteration.
class Countdown:
    def __init__(self, start):
        self.n = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(5)))
for v in Countdown(3):
    print("tick", v)
class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i, i * i
            i += 1
print(list(Range2(4)), dict(Range2(3)))
it = iter([10, 20])
print(next(it), next(it), next(it, None))
try:
    next(it)
except StopIteration:
    print("exhausted")
class Fib:
    def __init__(self, limit):
        self.limit = limit
    def __iter__(self):
        a, b = 0, 1
        while a < self.limit:
            yield a
            a, b = b, a + b
f = Fib(100)
print(list(f), sum(f), max(f), 55 in f, 56 in f)
s = "abc"
si = iter(s)
print(next(si) + next(si) + next(si))
d = {"b": 1, "a": 2}
print(list(iter(d)), list(d.items()), sorted(d))
pairs = list(zip(Countdown(3), "xyz"))
print(pairs, list(enumerate(Countdown(2))))
class Deck:
    def __init__(self):
        self.cards = [r + s for s in "SH" for r in "A23"]
    def __len__(self):
        return len(self.cards)
    def __getitem__(self, i):
        return self.cards[i]
deck = Deck()
print(len(deck), deck[0], deck[-1], deck[1:3], list(deck)[:2], "2H" in deck)
