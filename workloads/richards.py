# workload: richards
# description: Martin Richards' operating-system scheduler simulation; each thread runs its own instance (object-heavy, call-heavy interpreter benchmark)
# param threads: int(>=1) = 4 -- threads, each running its own scheduler instance
# param iterations: int(>=1) = 1 -- scheduler runs per thread
# param idle_count: int(>=1) = 250 -- the idle task's loop count (10000 is the classic benchmark)
# deterministic: true
# small: threads=2 idle_count=100
#
# The classic benchmark's algorithm (six tasks: idle, worker, two handlers, two devices, passing
# packets), written with all state in a per-instance Scheduler so that threads share only the
# class objects and constants. With idle_count 10000 one run queues 23246 packets and holds 9297
# times (the classic benchmark's check values); KNOWN holds those and the counts of this
# algorithm at the sizes used by default and in tests. Every run must also agree with the first.
import threading
from htmsim import params, roi_begin, roi_end

IDLE = 0
WORKER = 1
HANDLER_A = 2
HANDLER_B = 3
DEVICE_A = 4
DEVICE_B = 5
TASKS = 6
# idle_count -> (packets queued, holds) of one run.
KNOWN = {100: (239, 95), 250: (594, 237), 400: (914, 365), 1000: (2322, 928), 10000: (23246, 9297)}

KIND_DEVICE = 0
KIND_WORK = 1
BUFFER_SIZE = 4


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFFER_SIZE


def append_packet(packet, queue):
    """Appends packet at the end of the queue (a linked list); returns the new head."""
    packet.link = None
    if queue is None:
        return packet
    last = queue
    while last.link is not None:
        last = last.link
    last.link = packet
    return queue


class Task:
    def __init__(self, sched, ident, priority, queue, pending, waiting, holding):
        self.sched = sched
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.pending = pending
        self.waiting = waiting
        self.holding = holding
        self.link = sched.task_list
        sched.task_list = self
        sched.table[ident] = self
        # Per-kind state (the "task records" of the original).
        self.pending_packet = None
        self.control = 1
        self.count = 0
        self.destination = HANDLER_A
        self.work_in = None
        self.device_in = None

    def blocked(self):
        return self.holding or (not self.pending and self.waiting)

    def run_once(self):
        if self.pending and self.waiting and not self.holding:
            packet = self.queue
            self.queue = packet.link
            if self.queue is None:
                self.pending = False
                self.waiting = False
                self.holding = False
            else:
                self.pending = True
                self.waiting = False
                self.holding = False
        else:
            packet = None
        return self.step(packet)

    def wait(self):
        self.waiting = True
        return self

    def hold(self):
        self.sched.hold_count += 1
        self.holding = True
        return self.link

    def release(self, ident):
        other = self.sched.table[ident]
        other.holding = False
        if other.priority > self.priority:
            return other
        return self

    def send(self, packet):
        target = self.sched.table[packet.ident]
        self.sched.packet_count += 1
        packet.link = None
        packet.ident = self.ident
        if target.queue is None:
            target.queue = packet
            target.pending = True
            if target.priority > self.priority:
                return target
        else:
            append_packet(packet, target.queue)
        return self


class IdleTask(Task):
    def step(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.hold()
        if self.control & 1 == 0:
            self.control //= 2
            return self.release(DEVICE_A)
        self.control = (self.control // 2) ^ 0xD008
        return self.release(DEVICE_B)


class WorkerTask(Task):
    def step(self, packet):
        if packet is None:
            return self.wait()
        if self.destination == HANDLER_A:
            self.destination = HANDLER_B
        else:
            self.destination = HANDLER_A
        packet.ident = self.destination
        packet.datum = 0
        for i in range(BUFFER_SIZE):
            self.count += 1
            if self.count > 26:
                self.count = 1
            packet.data[i] = 64 + self.count
        return self.send(packet)


class HandlerTask(Task):
    def step(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work_in = append_packet(packet, self.work_in)
            else:
                self.device_in = append_packet(packet, self.device_in)
        work = self.work_in
        if work is None:
            return self.wait()
        index = work.datum
        if index >= BUFFER_SIZE:
            self.work_in = work.link
            return self.send(work)
        device = self.device_in
        if device is None:
            return self.wait()
        self.device_in = device.link
        device.datum = work.data[index]
        work.datum = index + 1
        return self.send(device)


class DeviceTask(Task):
    def step(self, packet):
        if packet is None:
            packet = self.pending_packet
            if packet is None:
                return self.wait()
            self.pending_packet = None
            return self.send(packet)
        self.pending_packet = packet
        return self.hold()


class Scheduler:
    def __init__(self, idle_count):
        self.table = [None] * TASKS
        self.task_list = None
        self.hold_count = 0
        self.packet_count = 0
        idle = IdleTask(self, IDLE, 1, None, False, False, False)
        idle.count = idle_count
        queue = Packet(Packet(None, 0, KIND_WORK), 0, KIND_WORK)
        WorkerTask(self, WORKER, 1000, queue, True, True, False)
        queue = Packet(Packet(Packet(None, DEVICE_A, KIND_DEVICE), DEVICE_A, KIND_DEVICE), DEVICE_A, KIND_DEVICE)
        HandlerTask(self, HANDLER_A, 2000, queue, True, True, False)
        queue = Packet(Packet(Packet(None, DEVICE_B, KIND_DEVICE), DEVICE_B, KIND_DEVICE), DEVICE_B, KIND_DEVICE)
        HandlerTask(self, HANDLER_B, 3000, queue, True, True, False)
        DeviceTask(self, DEVICE_A, 4000, None, False, True, False)
        DeviceTask(self, DEVICE_B, 5000, None, False, True, False)

    def run(self):
        task = self.task_list
        while task is not None:
            if task.blocked():
                task = task.link
            else:
                task = task.run_once()


def worker(iterations, idle_count, results, tid):
    runs = []
    for i in range(iterations):
        sched = Scheduler(idle_count)
        sched.run()
        runs.append((sched.packet_count, sched.hold_count))
    results[tid] = runs


def main():
    if params["threads"] < 1:
        raise ValueError("threads must be at least 1")
    nthreads = params["threads"]
    idle_count = params["idle_count"]
    if idle_count <= 0 or params["iterations"] <= 0:
        raise ValueError("idle_count and iterations must be positive")
    results = [None] * nthreads
    workers = [threading.Thread(target=worker, args=(params["iterations"], idle_count, results, t))
               for t in range(nthreads)]
    for th in workers:
        th.start()
    roi_begin()
    for th in workers:
        th.join()
    roi_end()
    first = results[0][0]
    want = KNOWN.get(idle_count)
    if want is not None and first != want:
        raise RuntimeError("self-check failed: packets=%d holds=%d, expected %d and %d" % (first + want))
    for t in range(nthreads):
        for run in results[t]:
            if run != first:
                raise RuntimeError("self-check failed: thread %d got %r, thread 0 got %r" % (t, run, first))
    print("ok richards threads=%d runs=%d packets=%d holds=%d" % (nthreads, nthreads * params["iterations"], first[0], first[1]))


main()
