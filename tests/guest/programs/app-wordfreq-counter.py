# Text processing: word and letter frequencies, bigrams and an index with collections.
from collections import Counter, defaultdict, OrderedDict
import string

TEXT = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness, it was the spring of hope,
it was the winter of despair, we had everything before us, we had nothing before us,
we were all going direct to Heaven, we were all going direct the other way."""

table = {ord(c): None for c in string.punctuation}
lines = TEXT.splitlines()
words = [w.lower() for w in TEXT.translate(table).split()]
freq = Counter(words)
print(len(words), len(freq))
for word, n in freq.most_common(8):
    print('%-10s %3d %s' % (word, n, '#' * n))
letters = Counter(c for c in TEXT.lower() if c in string.ascii_lowercase)
print(''.join(c for c, _ in letters.most_common(10)), letters['e'], letters['z'])
bigrams = Counter(zip(words, words[1:]))
print(bigrams.most_common(3))
index = defaultdict(set)
for lineno, line in enumerate(lines, 1):
    for w in line.translate(table).lower().split():
        index[w].add(lineno)
for w in ['age', 'season', 'we', 'heaven']:
    print(w, sorted(index[w]))
first_seen = OrderedDict()
for w in words:
    first_seen.setdefault(w[0], w)
print(list(first_seen.items())[:6])
first_seen.move_to_end('i', last=False)
print(list(first_seen)[:5])
lengths = Counter(map(len, words))
print(sorted(lengths.items()), lengths.total(), (freq & Counter(it=3, was=20))['was'])
caps = [string.capwords(l.strip(' ,.')) for l in lines[:2]]
print(caps)
