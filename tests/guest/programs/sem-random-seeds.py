import random
for seed in ["hello", "", "ünïcode", b"bytes-seed", 3.5, -2.25, 0, 1, 2**100, -12345678901234567890, True]:
    random.seed(seed)
    print(repr(seed), random.random(), random.randint(1, 100), random.choice("abcdefgh"), random.randrange(0, 1000, 7))
random.seed("deck")
cards = [r + s for s in "SHDC" for r in "23456789TJQKA"]
random.shuffle(cards)
print(cards[:13])
print(random.sample(cards, 5), random.uniform(-1, 1), random.getrandbits(70))
r = random.Random(99)
print(r.random(), r.randint(0, 9), [r.choice([1, 2, 3]) for _ in range(8)])
state = random.getstate()
a = [random.random() for _ in range(3)]
random.setstate(state)
print(a == [random.random() for _ in range(3)])
random.seed(5)
print([random.gauss(0, 1) for _ in range(5)], random.choices("abc", k=5), random.sample(range(1000), 30)[:5])
st = random.getstate()
print(st[0], len(st[1]), st[1][-1], st[2])
