# A discrete-event simulation of a bank with tellers: a priority queue of events (heapq),
# customers as plain classes, a seeded random arrival process, and summary statistics.
import heapq
import math
import random
from collections import deque


class Customer:
    def __init__(self, ident, arrival, service):
        self.ident = ident
        self.arrival = arrival
        self.service = service
        self.start = None

    def wait(self):
        return self.start - self.arrival


class Bank:
    def __init__(self, tellers, seed):
        self.rng = random.Random(seed)
        self.free = tellers
        self.queue = deque()
        self.events = []
        self.seq = 0
        self.now = 0.0
        self.done = []
        self.max_queue = 0

    def schedule(self, at, kind, customer):
        self.seq += 1
        heapq.heappush(self.events, (at, self.seq, kind, customer))

    def start_service(self, c):
        self.free -= 1
        c.start = self.now
        self.schedule(self.now + c.service, 'leave', c)

    def run(self, customers):
        t = 0.0
        for i in range(customers):
            t += round(-2.0 * math.log(1.0 - self.rng.random()), 3)
            self.schedule(t, 'arrive', Customer(i, t, round(self.rng.uniform(1.0, 7.0), 3)))
        while self.events:
            self.now, _, kind, c = heapq.heappop(self.events)
            if kind == 'arrive':
                if self.free:
                    self.start_service(c)
                else:
                    self.queue.append(c)
                    self.max_queue = max(self.max_queue, len(self.queue))
            else:
                self.done.append(c)
                self.free += 1
                if self.queue:
                    self.start_service(self.queue.popleft())
        return self


for tellers in (1, 2, 3):
    b = Bank(tellers, seed=42).run(200)
    waits = sorted(c.wait() for c in b.done)
    mean = sum(waits) / len(waits)
    print('tellers=%d served=%d mean_wait=%.3f p90=%.3f max_queue=%d end=%.2f' % (
        tellers, len(b.done), mean, waits[int(0.9 * len(waits))], b.max_queue, b.now))
    print('  slowest:', [c.ident for c in heapq.nlargest(3, b.done, key=Customer.wait)])
