# A three-stage pipeline on bounded queues: producers -> parsers -> an aggregator.
# The output does not depend on the interleaving: totals are order-free and sorted.
import threading
from queue import Queue, PriorityQueue, Empty

N_PRODUCERS = 3
N_PARSERS = 2
LINES_PER_PRODUCER = 40

raw = Queue(maxsize=4)
parsed = Queue(maxsize=4)
done = PriorityQueue()


def producer(pid):
    for i in range(LINES_PER_PRODUCER):
        level = ('INFO', 'WARN', 'ERROR')[(pid * 7 + i) % 3]
        raw.put('%d:%d %s payload=%d' % (pid, i, level, (pid + 1) * i))


def parser():
    while True:
        line = raw.get()
        if line is None:
            raw.task_done()
            break
        head, level, payload = line.split(' ')
        pid, seq = head.split(':')
        parsed.put((int(pid), int(seq), level, int(payload.split('=')[1])))
        raw.task_done()
    parsed.put(None)


def aggregator(result):
    stops = 0
    counts = {}
    total = 0
    while stops < N_PARSERS:
        rec = parsed.get()
        if rec is None:
            stops += 1
            continue
        pid, seq, level, payload = rec
        counts[level] = counts.get(level, 0) + 1
        total += payload
        done.put((pid, seq))
    result['counts'] = counts
    result['total'] = total


result = {}
producers = [threading.Thread(target=producer, args=(p,)) for p in range(N_PRODUCERS)]
parsers = [threading.Thread(target=parser) for _ in range(N_PARSERS)]
agg = threading.Thread(target=aggregator, args=(result,))
for t in producers + parsers + [agg]:
    t.start()
for t in producers:
    t.join()
# Every line is in the queue or taken: one sentinel per parser ends them.
for _ in parsers:
    raw.put(None)
raw.join()
for t in parsers:
    t.join()
agg.join()
try:
    raw.get_nowait()
except Empty:
    print('raw queue drained, unfinished tasks:', raw.unfinished_tasks)
print('counts:', sorted(result['counts'].items()))
print('total payload:', result['total'])
order = []
while not done.empty():
    order.append(done.get())
print('records:', len(order), 'first', order[:3], 'last', order[-2:])
print('per producer:', [sum(1 for p, _ in order if p == k) for k in range(N_PRODUCERS)])
