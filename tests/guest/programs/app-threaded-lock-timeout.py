# Lock.acquire and RLock.acquire with a timeout (CPython's semantics and messages): a timed
# acquire of a lock another thread holds gives up after the timeout; one of a free lock succeeds;
# a negative timeout other than -1, or a timeout on a non-blocking call, is a ValueError.
import threading
import time
from queue import Queue

for name, factory in (('Lock', threading.Lock), ('RLock', threading.RLock)):
    lk = factory()
    print(name, 'free, timeout=0.5:', lk.acquire(timeout=0.5))
    lk.release()
    print(name, 'free, timeout=-1:', lk.acquire(True, -1))
    lk.release()
    print(name, 'free, timeout=0:', lk.acquire(timeout=0))
    lk.release()
    for kwargs in ({'blocking': False, 'timeout': 1}, {'timeout': -2}, {'timeout': -0.5}):
        try:
            lk.acquire(**kwargs)
            print(name, kwargs, 'acquired')
        except ValueError as ex:
            print(name, kwargs, 'ValueError:', ex)

    held = Queue()
    release = Queue()

    def holder():
        lk.acquire()
        held.put(1)
        release.get()
        lk.release()

    th = threading.Thread(target=holder)
    th.start()
    held.get()
    t0 = time.monotonic()
    r = lk.acquire(timeout=0.05)
    waited = time.monotonic() - t0
    print(name, 'held elsewhere, timeout=0.05:', r, 'waited >= 0.05:', waited >= 0.05)
    print(name, 'held elsewhere, non-blocking:', lk.acquire(False))
    print(name, 'held elsewhere, timeout=0:', lk.acquire(timeout=0))
    release.put(1)
    # The holder lets go well within this timeout.
    r = lk.acquire(timeout=5)
    print(name, 'released in time, timeout=5:', r)
    lk.release()
    th.join()

# A worker waits on a timed acquire while the holder releases in time: it gets the lock.
lk = threading.Lock()
lk.acquire()
res = []
w = threading.Thread(target=lambda: res.append(lk.acquire(timeout=10)))
w.start()
time.sleep(0.01)
lk.release()
w.join()
print('worker got it:', res)
# An RLock is reentrant under a timeout too.
rl = threading.RLock()
print('rlock reentrant:', rl.acquire(timeout=0.1), rl.acquire(timeout=0.1))
rl.release()
rl.release()
