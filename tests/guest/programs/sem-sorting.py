people = [("ann", 31, "paris"), ("bob", 27, "rome"), ("cat", 31, "oslo"), ("dan", 27, "paris"), ("eve", 40, "rome")]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (p[2], -p[1])))
by_city = sorted(sorted(people, key=lambda p: p[0], reverse=True), key=lambda p: p[2])
print(by_city)
nums = [5, -3, 2, -8, 0, 7, -1]
print(sorted(nums), sorted(nums, key=abs), sorted(nums, key=abs, reverse=True), sorted(nums, reverse=True))
words = ["Banana", "apple", "cherry", "Apple", "banana", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=lambda w: (len(w), w.lower())))
l = [3, 1, 2]; r = l.sort(); print(r, l)
l.sort(key=lambda x: -x); print(l)
print(sorted("hello world"), sorted((3, 1, 2)), sorted({3: "a", 1: "b"}), sorted([]), sorted([[3], [1, 2], [1]]))
print(sorted([2.5, 1, True, -0.5]), sorted([10**20, 5, -(10**20)]))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError:", e)
try:
    [3, None].sort()
except TypeError as e:
    print("TypeError:", e)
class Card:
    ranks = "23456789TJQKA"
    def __init__(self, r, s): self.r, self.s = r, s
    def __lt__(self, other): return (Card.ranks.index(self.r), self.s) < (Card.ranks.index(other.r), other.s)
    def __repr__(self): return self.r + self.s
hand = [Card("K", "h"), Card("2", "s"), Card("A", "d"), Card("T", "c"), Card("2", "c")]
print(sorted(hand), max(hand), min(hand), sorted(hand, reverse=True))
stable = sorted([(1, "b"), (0, "z"), (1, "a"), (0, "y")], key=lambda t: t[0])
print(stable)
big = [(i * 7919) % 1000 for i in range(200)]
big.sort()
print(big[:10], big[-5:], big == sorted(big), all(big[i] <= big[i + 1] for i in range(len(big) - 1)))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(5))), list(reversed((1, 2))))
print(max([]) if False else max([], default="empty"), min([3, 1], default=0), max("apple", "pear", key=len), min([(2, "b"), (2, "a")]))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
print(max(1, 2, 3, key=lambda x: -x), min("b", "a", "c"), max([1, 5, 3], key=lambda x: x % 5))
