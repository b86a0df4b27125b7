import concurrent.futures
import threading
import time
from concurrent.futures import (ThreadPoolExecutor, Future, as_completed, wait,
                                FIRST_COMPLETED, ALL_COMPLETED, FIRST_EXCEPTION,
                                CancelledError, InvalidStateError)

def square(x):
    return x * x

def fail(msg):
    raise ValueError(msg)

with ThreadPoolExecutor(max_workers=3) as ex:
    f = ex.submit(square, 7)
    print('result', f.result(), f.done(), f.cancelled(), f.running(), f.exception())
    print('map', list(ex.map(square, range(10))))
    print('map2', list(ex.map(pow, [2, 3, 4], [5, 2, 3])))
    bad = ex.submit(fail, 'bad input')
    try:
        bad.result()
    except ValueError as e:
        print('ValueError from result:', e)
    print('exception():', repr(bad.exception()))
    futs = [ex.submit(square, i) for i in range(8)]
    print('as_completed', sorted(f.result() for f in as_completed(futs)))
    done, not_done = wait(futs)
    print('wait', len(done), len(not_done), type(done).__name__)
    done, not_done = wait([ex.submit(square, 3)], return_when=FIRST_COMPLETED)
    print('first completed', [d.result() for d in done])
    mixed = [ex.submit(square, 2), ex.submit(fail, 'x')]
    done, not_done = wait(mixed, return_when=FIRST_EXCEPTION)
    print('first exception done >= 1:', len(done) >= 1)
    try:
        list(ex.map(fail, ['in map']))
    except ValueError as e:
        print('map re-raises:', e)
    kw = ex.submit(lambda a, b=0: a - b, 10, b=3)
    print('kwargs', kw.result())

print('after with')
try:
    ex.submit(square, 1)
except RuntimeError as e:
    print('RuntimeError:', e)

# callbacks
seen = []
with ThreadPoolExecutor(2) as ex:
    f = ex.submit(square, 5)
    f.add_done_callback(lambda fut: seen.append(('cb', fut.result())))
    f.result()
f.add_done_callback(lambda fut: seen.append(('late cb', fut.result())))
print(seen)

# a bare Future driven by hand
fut = Future()
print(fut.done(), fut.running(), fut.cancelled())
fut.add_done_callback(lambda f: print('callback sees', f.result()))
print(fut.set_running_or_notify_cancel(), fut.running())
fut.set_result('value')
print(fut.result(), fut.done())
try:
    fut.set_result('again')
except InvalidStateError:
    print('InvalidStateError on second set_result')
c = Future()
print('cancel', c.cancel(), c.cancelled(), c.done())
try:
    c.result()
except CancelledError:
    print('CancelledError')
print(c.set_running_or_notify_cancel())
t = Future()
try:
    t.result(timeout=0.01)
except TimeoutError:
    print('TimeoutError on an unfinished future')
print(concurrent.futures.TimeoutError is TimeoutError)

# waiting on results produced by worker threads with a shared lock
counter = {'n': 0}
lock = threading.Lock()

def bump(k):
    for _ in range(k):
        with lock:
            counter['n'] += 1
    return k

with ThreadPoolExecutor(max_workers=4) as ex:
    total = sum(ex.map(bump, [10, 20, 30, 40]))
print('bumped', total, counter['n'])

def named(_):
    return threading.current_thread().name.startswith('worker_')

with ThreadPoolExecutor(max_workers=2, thread_name_prefix='worker') as ex:
    print('thread names', all(ex.map(named, range(4))))

inits = []
with ThreadPoolExecutor(max_workers=1, initializer=inits.append, initargs=('init',)) as ex:
    ex.submit(square, 1).result()
print(inits)

# cancel_futures on shutdown
gate = threading.Lock()
gate.acquire()
ex = ThreadPoolExecutor(max_workers=1)
blocker = ex.submit(gate.acquire)
while not blocker.running():
    time.sleep(0.001)
queued = [ex.submit(square, i) for i in range(3)]
ex.shutdown(wait=False, cancel_futures=True)
gate.release()
print('blocker', blocker.result(), 'queued cancelled', [q.cancelled() for q in queued])
try:
    ThreadPoolExecutor(max_workers=0)
except ValueError as e:
    print('ValueError:', e)

# an executor never shut down: the program still ends
ex2 = ThreadPoolExecutor(max_workers=2)
print('unshut', ex2.submit(square, 12).result())
