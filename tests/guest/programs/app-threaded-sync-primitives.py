# threading's synchronisation classes as real programs use them: an Event that releases workers,
# a Condition-guarded buffer, a Semaphore bounding concurrency, a Barrier between phases, a Timer
# that fires and one that is cancelled, and thread-local state (also through a subclass).
import threading

start = threading.Event()
results = []
results_lock = threading.Lock()


def worker(n):
    start.wait()
    with results_lock:
        results.append(n * n)


ts = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
print("before set:", start.is_set(), len(results))
start.set()
for t in ts:
    t.join()
print("after set:", start.is_set(), sorted(results))

# A bounded buffer on one Condition.
buf = []
cond = threading.Condition()
consumed = []


def producer():
    for i in range(6):
        with cond:
            while len(buf) >= 2:
                cond.wait()
            buf.append(i)
            cond.notify_all()


def consumer():
    for _ in range(6):
        with cond:
            while not buf:
                cond.wait()
            consumed.append(buf.pop(0))
            cond.notify_all()


p = threading.Thread(target=producer)
c = threading.Thread(target=consumer)
p.start(); c.start(); p.join(); c.join()
print("consumed in order:", consumed)

# At most two threads inside at once.
sem = threading.BoundedSemaphore(2)
inside = [0]
peak = [0]
guard = threading.Lock()


def limited():
    with sem:
        with guard:
            inside[0] += 1
            peak[0] = max(peak[0], inside[0])
        for _ in range(50):
            pass
        with guard:
            inside[0] -= 1


ls = [threading.Thread(target=limited) for _ in range(5)]
for t in ls:
    t.start()
for t in ls:
    t.join()
print("peak inside:", peak[0] <= 2, "released too often:", end=" ")
try:
    sem.release()
except ValueError as e:
    print(e)

# Two phases separated by a barrier: nobody starts phase 2 before everyone finished phase 1.
barrier = threading.Barrier(3)
phase1 = []
phase2_saw = []


def phased(i):
    with guard:
        phase1.append(i)
    barrier.wait()
    with guard:
        phase2_saw.append(len(phase1))


bs = [threading.Thread(target=phased, args=(i,)) for i in range(3)]
for t in bs:
    t.start()
for t in bs:
    t.join()
print("phase 2 saw:", phase2_saw, "parties:", barrier.parties, "broken:", barrier.broken)

# Timers: one fires, one is cancelled before it can.
fired = []
t1 = threading.Timer(0.001, fired.append, args=("fired",))
t2 = threading.Timer(10.0, fired.append, args=("should not fire",))
t1.start(); t2.start()
t2.cancel()
t1.join(); t2.join()
print("timers:", fired, t2.finished.is_set())

# Thread-local state.
local = threading.local()
local.name = "main"
seen = {}


def use_local(tag):
    print_missing = hasattr(local, "name")
    local.name = tag
    with guard:
        seen[tag] = (print_missing, local.name)


lt = [threading.Thread(target=use_local, args=("t%d" % i,)) for i in range(3)]
for t in lt:
    t.start()
for t in lt:
    t.join()
print("local in main:", local.name, "threads:", sorted(seen.items()))


class Counter(threading.local):
    def __init__(self, start):
        self.count = start

    def bump(self):
        self.count += 1
        return self.count


counter = Counter(10)
counter.bump()
got = []


def bumper():
    with guard:
        got.append(counter.bump())


bt = [threading.Thread(target=bumper) for _ in range(2)]
for t in bt:
    t.start()
for t in bt:
    t.join()
print("subclass local:", counter.count, got)
try:
    local.missing
except AttributeError as e:
    print("AttributeError:", e)
