/**
 * `_threading_sync` in guest Python: `Condition`, `Event`, `Semaphore`, `BoundedSemaphore`,
 * `Barrier`, `Timer` and `local` on the `_thread` locks, for `queue` and `concurrent.futures`, and
 * re-exported by `threading` (its module `__getattr__` imports this module on first use, so a
 * program that uses only threads and locks simulates no more code than before).
 *
 * A waiter blocks on a lock of its own that `notify` releases, so a wait with no timeout is one
 * blocked acquire the scheduler wakes. A timed wait polls a non-blocking acquire between
 * `time.sleep`s on the simulated clock (0.5 ms doubling to 50 ms, as CPython 2's pure-Python
 * Condition did) and times out on the simulated clock too. (It predates `Lock.acquire`'s timeout
 * and is kept so the recorded figures of programs with timed waits do not move.)
 * `Condition` takes a `Lock` by default where CPython takes an `RLock`: the VM's `RLock` cannot
 * be released to count zero and restored, which `wait` needs.
 */
import { pythonModule } from './kit.js';

export const threadingSync = pythonModule('_threading_sync', String.raw`
from threading import Lock as _Lock, Thread as _Thread, get_ident as _get_ident
from time import monotonic as _time, sleep as _sleep
from collections import deque as _deque


def _timed_acquire(lock, timeout):
    if timeout <= 0:
        return lock.acquire(False)
    endtime = _time() + timeout
    delay = 0.0005
    while True:
        if lock.acquire(False):
            return True
        remaining = endtime - _time()
        if remaining <= 0:
            return False
        delay = min(delay * 2, remaining, 0.05)
        _sleep(delay)


class Condition:
    def __init__(self, lock=None):
        if lock is None:
            lock = _Lock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = _deque()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return '<Condition(%s, %d)>' % (self._lock, len(self._waiters))

    def _is_owned(self):
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        if not self._is_owned():
            raise RuntimeError('cannot wait on un-acquired lock')
        waiter = _Lock()
        waiter.acquire()
        self._waiters.append(waiter)
        self._lock.release()
        gotit = False
        try:
            if timeout is None:
                waiter.acquire()
                gotit = True
            else:
                gotit = _timed_acquire(waiter, timeout)
            return gotit
        finally:
            self._lock.acquire()
            if not gotit:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass

    def wait_for(self, predicate, timeout=None):
        endtime = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = _time() + waittime
                else:
                    waittime = endtime - _time()
                    if waittime <= 0:
                        break
            self.wait(waittime)
            result = predicate()
        return result

    def notify(self, n=1):
        if not self._is_owned():
            raise RuntimeError('cannot notify on un-acquired lock')
        waiters = self._waiters
        while waiters and n > 0:
            waiter = waiters.popleft()
            waiter.release()
            n -= 1

    def notify_all(self):
        self.notify(len(self._waiters))

    notifyAll = notify_all


class Semaphore:
    def __init__(self, value=1):
        if value < 0:
            raise ValueError('semaphore initial value must be >= 0')
        self._cond = Condition(_Lock())
        self._value = value

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        rc = False
        endtime = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    break
                if timeout is not None:
                    if endtime is None:
                        endtime = _time() + timeout
                    else:
                        timeout = endtime - _time()
                        if timeout <= 0:
                            break
                self._cond.wait(timeout)
            else:
                self._value -= 1
                rc = True
        return rc

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            self._value += n
            self._cond.notify(n)

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError('Semaphore released too many times')
            self._value += n
            self._cond.notify(n)


class Event:
    def __init__(self):
        self._cond = Condition(_Lock())
        self._flag = False

    def is_set(self):
        return self._flag

    isSet = is_set

    def set(self):
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        with self._cond:
            signaled = self._flag
            if not signaled:
                signaled = self._cond.wait(timeout)
            return signaled


class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    def __init__(self, parties, action=None, timeout=None):
        if parties < 1:
            raise ValueError('parties must be > 0')
        self._cond = Condition(_Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = 0
        self._count = 0
        self._generation = 0

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            if self._state != 0:
                raise BrokenBarrierError
            gen = self._generation
            index = self._count
            self._count += 1
            if self._count == self._parties:
                try:
                    if self._action:
                        self._action()
                except:
                    self._state = -1
                    self._cond.notify_all()
                    raise
                self._count = 0
                self._generation += 1
                self._cond.notify_all()
                return index
            if not self._cond.wait_for(lambda: self._generation != gen or self._state != 0, timeout):
                self._state = -1
                self._cond.notify_all()
                raise BrokenBarrierError
            if self._state != 0:
                raise BrokenBarrierError
            return index

    def abort(self):
        with self._cond:
            self._state = -1
            self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._count

    @property
    def broken(self):
        return self._state == -1

    def reset(self):
        with self._cond:
            self._state = 0
            self._count = 0
            self._generation += 1
            self._cond.notify_all()


class Timer(_Thread):
    def __init__(self, interval, function, args=None, kwargs=None):
        _Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


_MISSING = object()


class _local:
    # One attribute dict per thread (keyed by thread ident), created on a thread's first use; a
    # subclass's __init__ runs again, with the constructor's arguments, in each new thread.
    def __new__(cls, *args, **kw):
        if (args or kw) and cls.__init__ is object.__init__:
            raise TypeError('Initialization arguments are not supported')
        self = object.__new__(cls)
        object.__setattr__(self, '_local__args', (args, kw))
        object.__setattr__(self, '_local__dicts', {_get_ident(): {}})
        return self

    def _local__dict(self):
        dicts = object.__getattribute__(self, '_local__dicts')
        key = _get_ident()
        d = dicts.get(key)
        if d is None:
            d = dicts[key] = {}
            cls = type(self)
            if cls.__init__ is not object.__init__:
                args, kw = object.__getattribute__(self, '_local__args')
                cls.__init__(self, *args, **kw)
        return d

    def __getattribute__(self, name):
        if name.startswith('_local__'):
            return object.__getattribute__(self, name)
        d = _local._local__dict(self)
        if name == '__dict__':
            return d
        attr = getattr(type(self), name, _MISSING)
        if attr is not _MISSING and hasattr(type(attr), '__set__'):
            return object.__getattribute__(self, name)
        if name in d:
            return d[name]
        if attr is _MISSING:
            raise AttributeError("'%s' object has no attribute '%s'" % (_local_name(self), name))
        return object.__getattribute__(self, name)

    def __setattr__(self, name, value):
        if name == '__dict__':
            raise AttributeError("'%s' object attribute '__dict__' is read-only" % _local_name(self))
        attr = getattr(type(self), name, _MISSING)
        if attr is not _MISSING and hasattr(type(attr), '__set__'):
            return object.__setattr__(self, name, value)
        _local._local__dict(self)[name] = value

    def __delattr__(self, name):
        d = _local._local__dict(self)
        if name not in d:
            raise AttributeError(name)
        del d[name]


_local.__module__ = '_thread'
local = _local


def _local_name(obj):
    return '_thread._local' if type(obj) is _local else type(obj).__name__
`);
