# A Richards-like operating-system scheduler: an idle task, a worker, two handlers and two
# devices exchange packets through a priority-ordered task list (after Martin Richards' benchmark).
I_IDLE, I_WORK, I_HANDLERA, I_HANDLERB, I_DEVA, I_DEVB = 1, 2, 3, 4, 5, 6
K_DEV, K_WORK = 1000, 1001
BUFSIZE = 4


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFSIZE

    def append_to(self, lst):
        self.link = None
        if lst is None:
            return self
        p = lst
        while p.link is not None:
            p = p.link
        p.link = self
        return lst


class TaskState:
    def __init__(self):
        self.packet_pending = True
        self.task_waiting = False
        self.task_holding = False

    def is_held_or_waiting(self):
        return self.task_holding or (not self.packet_pending and self.task_waiting)

    def waiting_with_packet(self):
        return self.packet_pending and self.task_waiting and not self.task_holding


class Scheduler:
    def __init__(self):
        self.tasks = {}
        self.list = None
        self.current = None
        self.hold_count = 0
        self.qpkt_count = 0
        self.trace = []

    def add(self, task):
        self.tasks[task.ident] = task
        task.link = self.list
        self.list = task

    def run(self):
        t = self.list
        while t is not None:
            if t.state.is_held_or_waiting():
                t = t.link
            else:
                if len(self.trace) < 40:
                    self.trace.append(str(t.ident))
                self.current = t
                t = t.run_task()

    def find(self, ident):
        return self.tasks[ident]

    def hold_self(self):
        self.hold_count += 1
        self.current.state.task_holding = True
        return self.current.link

    def release(self, ident):
        t = self.find(ident)
        t.state.task_holding = False
        if t.priority > self.current.priority:
            return t
        return self.current

    def wait(self):
        self.current.state.task_waiting = True
        return self.current

    def qpkt(self, pkt):
        t = self.find(pkt.ident)
        self.qpkt_count += 1
        pkt.link = None
        pkt.ident = self.current.ident
        return t.add_packet(pkt, self.current)


class Task:
    def __init__(self, sched, ident, priority, work_in, state):
        self.sched = sched
        self.ident = ident
        self.priority = priority
        self.input = work_in
        self.state = state
        self.link = None
        sched.add(self)

    def add_packet(self, pkt, old):
        if self.input is None:
            self.input = pkt
            self.state.packet_pending = True
            if self.priority > old.priority:
                return self
        else:
            self.input = pkt.append_to(self.input)
        return old

    def run_task(self):
        if self.state.waiting_with_packet():
            pkt = self.input
            self.input = pkt.link
            if self.input is None:
                self.state.packet_pending = False
                self.state.task_waiting = False
            else:
                self.state.packet_pending = True
                self.state.task_waiting = False
        else:
            pkt = None
        return self.fn(pkt)


class IdleTask(Task):
    def __init__(self, sched, count):
        Task.__init__(self, sched, I_IDLE, 0, None, TaskState())
        self.state.packet_pending = False
        self.control = 1
        self.count = count

    def fn(self, pkt):
        self.count -= 1
        if self.count == 0:
            return self.sched.hold_self()
        if self.control & 1 == 0:
            self.control //= 2
            return self.sched.release(I_DEVA)
        self.control = (self.control // 2) ^ 0xd008
        return self.sched.release(I_DEVB)


class WorkTask(Task):
    def __init__(self, sched, work_in):
        Task.__init__(self, sched, I_WORK, 1000, work_in, TaskState())
        self.state.task_waiting = True
        self.dest = I_HANDLERA
        self.count = 0

    def fn(self, pkt):
        if pkt is None:
            return self.sched.wait()
        self.dest = I_HANDLERB if self.dest == I_HANDLERA else I_HANDLERA
        pkt.ident = self.dest
        pkt.datum = 0
        for i in range(BUFSIZE):
            self.count += 1
            if self.count > 26:
                self.count = 1
            pkt.data[i] = ord('A') + self.count - 1
        return self.sched.qpkt(pkt)


class HandlerTask(Task):
    def __init__(self, sched, ident, priority, work_in):
        Task.__init__(self, sched, ident, priority, work_in, TaskState())
        self.state.task_waiting = True
        self.work_in = None
        self.device_in = None

    def fn(self, pkt):
        if pkt is not None:
            if pkt.kind == K_WORK:
                self.work_in = pkt.append_to(self.work_in)
            else:
                self.device_in = pkt.append_to(self.device_in)
        if self.work_in is not None:
            work = self.work_in
            count = work.datum
            if count < BUFSIZE:
                if self.device_in is not None:
                    dev = self.device_in
                    self.device_in = dev.link
                    dev.datum = work.data[count]
                    work.datum = count + 1
                    return self.sched.qpkt(dev)
            else:
                self.work_in = work.link
                return self.sched.qpkt(work)
        return self.sched.wait()


class DeviceTask(Task):
    def __init__(self, sched, ident, priority):
        Task.__init__(self, sched, ident, priority, None, TaskState())
        self.state.packet_pending = False
        self.pending = None
        self.output = []

    def fn(self, pkt):
        if pkt is None:
            if self.pending is None:
                return self.sched.wait()
            p = self.pending
            self.pending = None
            return self.sched.qpkt(p)
        self.pending = pkt
        self.output.append(chr(pkt.datum))
        return self.sched.hold_self()


def richards(count):
    s = Scheduler()
    IdleTask(s, count)
    wkq = Packet(None, 0, K_WORK)
    wkq = Packet(wkq, 0, K_WORK)
    WorkTask(s, wkq)
    for ident, prio in ((I_HANDLERA, 2000), (I_HANDLERB, 3000)):
        q = Packet(None, ident + 2, K_DEV)
        q = Packet(q, ident + 2, K_DEV)
        q = Packet(q, ident + 2, K_DEV)
        HandlerTask(s, ident, prio, q)
    a = DeviceTask(s, I_DEVA, 4000)
    b = DeviceTask(s, I_DEVB, 5000)
    s.run()
    return s, ''.join(a.output), ''.join(b.output)


for count in (50, 300, 600):
    s, a, b = richards(count)
    print(count, s.qpkt_count, s.hold_count, a[:30], b[:30], len(a), len(b))
print(''.join(s.trace))
