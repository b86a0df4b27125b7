"""A traffic-light controller and a TCP-like connection state machine driven by enum states."""
from enum import Enum, IntEnum, Flag, auto, unique


@unique
class Light(Enum):
    RED = 'red'
    GREEN = 'green'
    YELLOW = 'yellow'

    def next(self):
        order = list(type(self))
        return order[(order.index(self) + 1) % len(order)]


class Durations(IntEnum):
    RED = 30
    GREEN = 25
    YELLOW = 5


class Conn(Enum):
    CLOSED = auto()
    LISTEN = auto()
    SYN_RCVD = auto()
    ESTABLISHED = auto()
    FIN_WAIT = auto()
    TIME_WAIT = auto()


class Event(Enum):
    OPEN = auto()
    SYN = auto()
    ACK = auto()
    CLOSE = auto()
    TIMEOUT = auto()


TRANSITIONS = {
    (Conn.CLOSED, Event.OPEN): Conn.LISTEN,
    (Conn.LISTEN, Event.SYN): Conn.SYN_RCVD,
    (Conn.SYN_RCVD, Event.ACK): Conn.ESTABLISHED,
    (Conn.ESTABLISHED, Event.CLOSE): Conn.FIN_WAIT,
    (Conn.FIN_WAIT, Event.ACK): Conn.TIME_WAIT,
    (Conn.TIME_WAIT, Event.TIMEOUT): Conn.CLOSED,
}


class Perm(Flag):
    READ = auto()
    WRITE = auto()
    EXEC = auto()


def run_light(seconds):
    state, left, log = Light.RED, Durations[Light.RED.name], []
    for t in range(seconds):
        left -= 1
        if left == 0:
            state = state.next()
            left = Durations[state.name]
            log.append((t, state))
    return log


def run_conn(events):
    state = Conn.CLOSED
    trace = [state.name]
    for ev in events:
        nxt = TRANSITIONS.get((state, ev))
        if nxt is None:
            trace.append('!%s@%s' % (ev.name, state.name))
            continue
        state = nxt
        trace.append(state.name)
    return state, trace


log = run_light(200)
print(len(log), log[:4])
print(sum(Durations), max(Durations), [d.value for d in sorted(Durations)])
final, trace = run_conn([Event.OPEN, Event.SYN, Event.CLOSE, Event.ACK, Event.CLOSE, Event.ACK, Event.TIMEOUT])
print(final, ' -> '.join(trace))
counts = {}
for (src, ev), dst in TRANSITIONS.items():
    counts[dst] = counts.get(dst, 0) + 1
print(sorted((s.name, n) for s, n in counts.items()))
rw = Perm.READ | Perm.WRITE
for p in Perm:
    print(p, p in rw, repr(p))
print(rw, repr(rw), bool(rw & Perm.EXEC), Perm(7))
print(Conn(4), Conn['FIN_WAIT'].value, [c.value for c in Conn])
try:
    Conn(42)
except ValueError as e:
    print('ValueError:', e)
