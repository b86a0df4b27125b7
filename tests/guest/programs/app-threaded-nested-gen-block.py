# Generators that block (on a Lock held by another thread, on a Queue) in the middle of an
# iteration, consumed by `for` loops, comprehensions and next(). Each consumer runs in a worker
# while the main thread holds the lock (or feeds the queue slowly); the output does not depend on
# the interleaving: every generator must yield all its items, once each. (Consumed by a builtin
# such as list() or sum(), tests/policies/nested-block.test.ts.)
import threading
import time
from queue import Queue

lock = threading.Lock()
log = []


def gen(n, tag):
    for i in range(n):
        log.append((tag, 'before', i))
        if i >= 1:
            with lock:
                log.append((tag, 'locked', i))
        yield i * 10


def gated(fn):
    """Runs fn() in a worker while the main thread holds `lock` for a while."""
    res = []
    lock.acquire()
    t = threading.Thread(target=lambda: res.append(fn()))
    t.start()
    time.sleep(0.02)
    lock.release()
    t.join()
    return res[0]


def by_for():
    out = []
    for v in gen(3, 'for'):
        out.append(v)
    return out


def by_next():
    g = gen(3, 'next')
    a = next(g)
    b = next(g)
    c = next(g)
    d = next(g, 'end')
    return [a, b, c, d]


def nested_for():
    out = []
    for v in gen(2, 'outer'):
        for w in gen(2, 'inner%d' % v):
            out.append(v + w)
    return out


print('for:', gated(by_for))
print('next:', gated(by_next))
print('nested:', gated(nested_for))
print('comprehension:', gated(lambda: [v + 1 for v in gen(3, 'comp')]))

counts = {}
for tag, kind, i in log:
    counts[(tag, kind)] = counts.get((tag, kind), 0) + 1
for k in sorted(counts):
    print(k, counts[k])

# A generator that waits on a queue fed slowly by another thread.
q = Queue()


def qgen():
    while True:
        item = q.get()
        if item is None:
            return
        yield item * item


def feeder():
    for i in range(5):
        time.sleep(0.002)
        q.put(i)
    q.put(None)


def by_loop(g):
    total = []
    for x in g:
        total.append(x)
    return total


def by_next(g):
    out = []
    while True:
        x = next(g, None)
        if x is None:
            return out
        out.append(x)


for consume in (by_loop, lambda g: [x for x in g], lambda g: {x: 1 for x in g}, by_next):
    th = threading.Thread(target=feeder)
    th.start()
    print('queue:', consume(qgen()))
    th.join()
