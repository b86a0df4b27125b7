import queue
import threading
import time
from queue import Queue, LifoQueue, PriorityQueue, SimpleQueue, Empty, Full

q = Queue()
for i in range(5):
    q.put(i)
print(q.qsize(), q.empty(), q.full(), [q.get() for _ in range(5)], q.empty())

lq = LifoQueue()
for x in 'abc':
    lq.put_nowait(x)
print([lq.get_nowait() for _ in range(3)])

pq = PriorityQueue()
for item in [(3, 'c'), (1, 'a'), (2, 'b'), (1, 'aa')]:
    pq.put(item)
print([pq.get() for _ in range(4)])

sq = SimpleQueue()
sq.put(1)
sq.put_nowait(2)
print(sq.qsize(), sq.get(), sq.get_nowait(), sq.empty())

# bounded queue: non-blocking and timed operations
bq = Queue(maxsize=2)
bq.put('x')
bq.put('y', block=False)
print(bq.full(), bq.qsize(), bq.maxsize)
try:
    bq.put_nowait('z')
except Full as e:
    print('Full raised', type(e).__name__, repr(e), isinstance(e, Exception))
t0 = time.monotonic()
try:
    bq.put('z', timeout=0.01)
except Full:
    print('Full after timeout', time.monotonic() - t0 >= 0.01)
print(bq.get(), bq.get())
for qq in (Queue(), LifoQueue(), PriorityQueue(), SimpleQueue()):
    try:
        qq.get_nowait()
    except Empty:
        print(type(qq).__name__, 'Empty')
    try:
        qq.get(timeout=0.005)
    except Empty:
        print(type(qq).__name__, 'Empty after timeout')
try:
    Queue().get(timeout=-1)
except ValueError as e:
    print('ValueError:', e)

# task_done / join
tq = Queue()
try:
    tq.task_done()
except ValueError as e:
    print('ValueError:', e)

# producer / consumer with task_done and join
results = []
rlock = threading.Lock()

def worker(wid):
    while True:
        item = tq.get()
        if item is None:
            tq.task_done()
            break
        with rlock:
            results.append(item * item)
        tq.task_done()

workers = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for w in workers:
    w.start()
for i in range(20):
    tq.put(i)
tq.join()
print('joined', tq.unfinished_tasks, sorted(results))
for _ in workers:
    tq.put(None)
for w in workers:
    w.join()
print('workers done', tq.qsize())

# a bounded queue makes the producer block until the consumer drains it
bounded = Queue(maxsize=1)
got = []

def consumer():
    for _ in range(6):
        got.append(bounded.get())

c = threading.Thread(target=consumer)
c.start()
for i in range(6):
    bounded.put(i)
c.join()
print('bounded handoff', got)

# a getter blocked with a timeout is woken by a put
wake = Queue()
out = []

def waiter():
    out.append(wake.get(timeout=5.0))

w = threading.Thread(target=waiter)
w.start()
wake.put('woken')
w.join()
print(out)
print(Queue[int], issubclass(PriorityQueue, Queue), issubclass(queue.Empty, Exception))
