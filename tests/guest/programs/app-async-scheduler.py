"""A tiny cooperative scheduler: coroutines await sleeps and channel messages; the loop is a heap of wake-up times."""
import heapq


class Sleep:
    def __init__(self, delay):
        self.delay = delay

    def __await__(self):
        yield ('sleep', self.delay)


class Recv:
    def __init__(self, chan):
        self.chan = chan

    def __await__(self):
        while not self.chan.items:
            yield ('wait', self.chan)
        return self.chan.items.pop(0)


class Channel:
    def __init__(self, name):
        self.name = name
        self.items = []
        self.waiters = []

    def send(self, loop, item):
        self.items.append(item)
        for task in self.waiters:
            loop.ready(task)
        self.waiters = []


class Loop:
    def __init__(self):
        self.now = 0
        self.seq = 0
        self.heap = []
        self.results = {}
        self.log = []

    def spawn(self, name, coro):
        self.ready((name, coro))

    def ready(self, task, at=None):
        self.seq += 1
        heapq.heappush(self.heap, (self.now if at is None else at, self.seq, task))

    def run(self):
        while self.heap:
            at, _, task = heapq.heappop(self.heap)
            self.now = at
            name, coro = task
            try:
                kind, arg = coro.send(None)
            except StopIteration as stop:
                self.results[name] = stop.value
                self.log.append((self.now, name, 'done'))
                continue
            if kind == 'sleep':
                self.ready(task, self.now + arg)
            else:
                arg.waiters.append(task)


loop = Loop()
chan = Channel('jobs')


async def worker(ident, count):
    total = 0
    for i in range(count):
        job = await Recv(chan)
        await Sleep(job % 3 + 1)
        total += job * ident
        loop.log.append((loop.now, 'w%d' % ident, job))
    return total


async def producer(n):
    for j in range(n):
        chan.send(loop, j)
        await Sleep(1)
    return n


async def supervisor():
    await Sleep(2)
    first = await helper(5)
    return first * 2


async def helper(k):
    await Sleep(k)
    return k + 1


loop.spawn('p', producer(9))
loop.spawn('w1', worker(1, 5))
loop.spawn('w2', worker(2, 4))
loop.spawn('s', supervisor())
loop.run()
print(loop.now, sorted(loop.results.items()))
for entry in loop.log:
    print(entry)
