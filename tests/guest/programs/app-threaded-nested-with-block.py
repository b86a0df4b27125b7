# Context managers and iterators written in Python whose __enter__/__exit__/__next__ block on a
# lock another thread holds, or on a queue, or wait on a Condition, used by with statements and
# for loops. Each must run exactly once per use (its call counts are printed); the output does not
# depend on the interleaving.
import threading
import time
from queue import Queue

lock = threading.Lock()


class Guard:
    def __init__(self):
        self.enters = 0
        self.exits = 0
        self.entered_with_lock = 0

    def __enter__(self):
        self.enters += 1
        lock.acquire()
        self.entered_with_lock += 1
        return self

    def __exit__(self, *exc):
        self.exits += 1
        lock.release()
        return False


class ExitBlocks:
    """Acquires the lock only on the way out."""
    def __init__(self):
        self.enters = 0
        self.exits = 0

    def __enter__(self):
        self.enters += 1
        return 'value'

    def __exit__(self, et, ev, tb):
        self.exits += 1
        with lock:
            pass
        return et is KeyError  # swallows KeyError only


def gated(fn):
    res = []
    lock.acquire()
    t = threading.Thread(target=lambda: res.append(fn()))
    t.start()
    time.sleep(0.02)
    lock.release()
    t.join()
    return res[0]


g = Guard()


def use_guard():
    n = 0
    for i in range(3):
        with g as x:
            n += x is g
    return n


print('guard:', gated(use_guard), g.enters, g.exits, g.entered_with_lock)

e = ExitBlocks()


def use_exit():
    with e as v:
        first = v
    try:
        with e:
            raise KeyError('k')
    except KeyError:
        return 'not swallowed'
    return first + ' swallowed'


print('exit:', gated(use_exit), e.enters, e.exits)


class QueueIter:
    def __init__(self, q):
        self.q = q
        self.calls = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.calls += 1
        item = self.q.get()
        if item is None:
            raise StopIteration
        return item


def feeder(q, items, delay):
    for i in items:
        time.sleep(delay)
        q.put(i)
    q.put(None)


q = Queue()
th = threading.Thread(target=feeder, args=(q, [3, 1, 2], 0.002))
th.start()
qi = QueueIter(q)
got = [x * 2 for x in qi]
th.join()
print('__next__:', got, qi.calls)

q = Queue()
th = threading.Thread(target=feeder, args=(q, ['a', 'b', 'c', 'd'], 0.002))
th.start()
got = []
for x in iter(q.get, None):
    got.append(x)
th.join()
print('iter(q.get, None):', got)

# A Condition (a Queue's not_empty): the consumer waits inside `with cond:` until the producer
# flips the flag.
cond = Queue().not_empty
state = {'ready': False}


def consumer(out):
    with cond:
        while not state['ready']:
            cond.wait()
        out.append('consumed')


out = []
c = threading.Thread(target=consumer, args=(out,))
c.start()
time.sleep(0.02)
with cond:
    state['ready'] = True
    cond.notify_all()
c.join()
print('condition:', out)
