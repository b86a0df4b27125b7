# A threaded text pipeline: workers take chunk ids from a lock-protected deque, count words into
# their own Counter, push (length, word) pairs onto a shared heap under a lock, and memoize a
# per-word score with lru_cache; the main thread merges. The output does not depend on the
# interleaving, so it is the same under every policy.
import heapq
import threading
from collections import Counter, deque, namedtuple
from functools import lru_cache, reduce
from itertools import chain, islice
import operator

TEXT = ('alpha beta gamma delta alpha beta epsilon zeta eta theta alpha iota kappa lambda mu '
        'beta gamma nu xi omicron pi rho sigma tau alpha upsilon phi chi psi omega delta ') * 3
WORDS = TEXT.split()
CHUNK = 12
chunks = [WORDS[i:i + CHUNK] for i in range(0, len(WORDS), CHUNK)]
todo = deque(range(len(chunks)))
todo_lock = threading.Lock()
heap_lock = threading.Lock()
shared_heap = []
counts = [None] * len(chunks)
Result = namedtuple('Result', 'chunk words distinct')
summaries = [None] * len(chunks)


@lru_cache(maxsize=None)
def score(word):
    return reduce(operator.add, (ord(c) for c in word)) % 97


def worker():
    while True:
        with todo_lock:
            if not todo:
                return
            i = todo.popleft()
        c = Counter(chunks[i])
        counts[i] = c
        summaries[i] = Result(i, len(chunks[i]), len(c))
        pairs = sorted((len(w), w) for w in c)
        with heap_lock:
            for p in pairs:
                heapq.heappush(shared_heap, p)


threads = [threading.Thread(target=worker) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()

total = reduce(operator.add, counts, Counter())
print(len(WORDS), len(chunks), sum(total.values()), total.most_common(4))
print(summaries[:3])
ordered = [heapq.heappop(shared_heap) for _ in range(len(shared_heap))]
print(ordered[:6], ordered[-2:])
print(sorted(set(w for _, w in ordered), key=lambda w: (score(w), w))[:5], [score(w) for w in islice(chain(*chunks), 5)])
