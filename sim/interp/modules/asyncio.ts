/**
 * A small `asyncio` in guest Python, written for htmsim: one event loop with CPython's scheduling
 * order (a FIFO of ready callbacks, a heap of timers; tasks step on `call_soon`, wake on their
 * future's done callback), `run`, `sleep`, `create_task`/`ensure_future`, `gather`, `wait_for`,
 * `Future`/`Task` (cancel, result, exception, done callbacks), `Queue`, `Event`, `Lock`,
 * `Semaphore`, `BoundedSemaphore` (the last three usable with `async with`), `current_task`,
 * `all_tasks`. The loop's clock is virtual: when nothing is ready it jumps to the next timer, so `sleep(d)` orders the program as CPython's would without waiting.
 */
import { pythonModule } from './kit.js';

export const asyncio = pythonModule('asyncio', String.raw`
import heapq as _heapq
from collections import deque as _deque


class CancelledError(BaseException):
    pass


class InvalidStateError(Exception):
    pass


class QueueEmpty(Exception):
    pass


class QueueFull(Exception):
    pass


TimeoutError = TimeoutError

_PENDING = 'PENDING'
_CANCELLED = 'CANCELLED'
_FINISHED = 'FINISHED'

_loop_state = {'running': None, 'current': None, 'default': None}
_task_counter = [0]


class Handle:
    def __init__(self, callback, args):
        self._callback = callback
        self._args = args
        self._cancelled = False

    def cancel(self):
        self._cancelled = True

    def cancelled(self):
        return self._cancelled

    def _run(self):
        self._callback(*self._args)


class TimerHandle(Handle):
    def __init__(self, when, callback, args):
        super().__init__(callback, args)
        self._when = when

    def when(self):
        return self._when


class Future:
    def __init__(self, *, loop=None):
        self._loop = loop if loop is not None else get_event_loop()
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._callbacks = []
        self._cancel_message = None

    def get_loop(self):
        return self._loop

    def done(self):
        return self._state != _PENDING

    def cancelled(self):
        return self._state == _CANCELLED

    def result(self):
        if self._state == _CANCELLED:
            raise CancelledError(*(() if self._cancel_message is None else (self._cancel_message,)))
        if self._state != _FINISHED:
            raise InvalidStateError('Result is not set.')
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self):
        if self._state == _CANCELLED:
            raise CancelledError()
        if self._state != _FINISHED:
            raise InvalidStateError('Exception is not set.')
        return self._exception

    def set_result(self, result):
        if self._state != _PENDING:
            raise InvalidStateError('invalid state')
        self._result = result
        self._state = _FINISHED
        self._schedule_callbacks()

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise InvalidStateError('invalid state')
        if isinstance(exception, type):
            exception = exception()
        if isinstance(exception, StopIteration):
            raise TypeError('StopIteration interacts badly with generators and cannot be raised into a Future')
        self._exception = exception
        self._state = _FINISHED
        self._schedule_callbacks()

    def cancel(self, msg=None):
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def add_done_callback(self, fn):
        if self._state != _PENDING:
            self._loop.call_soon(fn, self)
        else:
            self._callbacks.append(fn)

    def remove_done_callback(self, fn):
        n = len(self._callbacks)
        self._callbacks = [cb for cb in self._callbacks if cb != fn]
        return n - len(self._callbacks)

    def _schedule_callbacks(self):
        callbacks = self._callbacks
        self._callbacks = []
        for cb in callbacks:
            self._loop.call_soon(cb, self)

    def __await__(self):
        if not self.done():
            yield self
        if not self.done():
            raise RuntimeError("await wasn't used with future")
        return self.result()

    __iter__ = __await__

    def __repr__(self):
        return '<%s %s>' % (type(self).__name__, self._state.lower())


class Task(Future):
    def __init__(self, coro, *, loop=None, name=None):
        super().__init__(loop=loop)
        if not iscoroutine(coro):
            raise TypeError('a coroutine was expected, got %r' % (coro,))
        self._coro = coro
        self._fut_waiter = None
        self._must_cancel = False
        _task_counter[0] += 1
        self._name = name if name is not None else 'Task-%d' % _task_counter[0]
        self._loop._tasks.append(self)
        self._loop.call_soon(self._step)

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)

    def get_coro(self):
        return self._coro

    def cancel(self, msg=None):
        if self.done():
            return False
        if self._fut_waiter is not None:
            if self._fut_waiter.cancel(msg=msg):
                return True
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def _step(self, exc=None):
        if self.done():
            return
        if self._must_cancel:
            if not isinstance(exc, CancelledError):
                exc = CancelledError(*(() if self._cancel_message is None else (self._cancel_message,)))
            self._must_cancel = False
        self._fut_waiter = None
        _loop_state['current'] = self
        try:
            if exc is None:
                result = self._coro.send(None)
            else:
                result = self._coro.throw(exc)
        except StopIteration as e:
            if self._must_cancel:
                self._must_cancel = False
                Future.cancel(self, msg=self._cancel_message)
            else:
                Future.set_result(self, e.value)
        except CancelledError as e:
            Future.cancel(self, msg=e.args[0] if e.args else None)
        except (KeyboardInterrupt, SystemExit) as e:
            Future.set_exception(self, e)
            raise
        except BaseException as e:
            Future.set_exception(self, e)
        else:
            if isinstance(result, Future):
                if result is self:
                    self._loop.call_soon(self._step, RuntimeError('Task cannot await on itself: %r' % (self,)))
                else:
                    self._fut_waiter = result
                    result.add_done_callback(self._wakeup)
                    if self._must_cancel:
                        if self._fut_waiter.cancel(msg=self._cancel_message):
                            self._must_cancel = False
            elif result is None:
                self._loop.call_soon(self._step)
            else:
                self._loop.call_soon(self._step, RuntimeError('Task got bad yield: %r' % (result,)))
        finally:
            _loop_state['current'] = None

    def _wakeup(self, future):
        try:
            future.result()
        except BaseException as exc:
            self._step(exc)
        else:
            self._step()

    def __repr__(self):
        return '<Task %s name=%r>' % (self._state.lower(), self._name)


class _Loop:
    def __init__(self):
        self._ready = _deque()
        self._scheduled = []
        self._seq = 0
        self._time = 0.0
        self._tasks = []
        self._closed = False

    def time(self):
        return self._time

    def call_soon(self, callback, *args, context=None):
        h = Handle(callback, args)
        self._ready.append(h)
        return h

    def call_later(self, delay, callback, *args, context=None):
        return self.call_at(self._time + delay, callback, *args)

    def call_at(self, when, callback, *args, context=None):
        h = TimerHandle(when, callback, args)
        self._seq += 1
        _heapq.heappush(self._scheduled, (when, self._seq, h))
        return h

    def create_future(self):
        return Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        return Task(coro, loop=self, name=name)

    def is_running(self):
        return _loop_state['running'] is self

    def is_closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def _run_once(self):
        while self._scheduled and self._scheduled[0][2]._cancelled:
            _heapq.heappop(self._scheduled)
        if not self._ready and self._scheduled:
            self._time = max(self._time, self._scheduled[0][0])
        while self._scheduled and self._scheduled[0][0] <= self._time:
            h = _heapq.heappop(self._scheduled)[2]
            if not h._cancelled:
                self._ready.append(h)
        for _ in range(len(self._ready)):
            h = self._ready.popleft()
            if not h._cancelled:
                h._run()

    def run_until_complete(self, future):
        if self._closed:
            raise RuntimeError('Event loop is closed')
        if _loop_state['running'] is not None:
            raise RuntimeError('This event loop is already running')
        future = ensure_future(future, loop=self)
        _loop_state['running'] = self
        try:
            while not future.done():
                if not self._ready and not self._scheduled:
                    raise RuntimeError('Event loop stopped before Future completed.')
                self._run_once()
        finally:
            _loop_state['running'] = None
        return future.result()

    def run_forever(self):
        raise RuntimeError('htmsim asyncio: run_forever needs a stop(); use run_until_complete')


def iscoroutine(obj):
    return type(obj).__name__ == 'coroutine'


def get_running_loop():
    loop = _loop_state['running']
    if loop is None:
        raise RuntimeError('no running event loop')
    return loop


def get_event_loop():
    loop = _loop_state['running']
    if loop is not None:
        return loop
    if _loop_state['default'] is None:
        _loop_state['default'] = _Loop()
    return _loop_state['default']


def new_event_loop():
    return _Loop()


def set_event_loop(loop):
    _loop_state['default'] = loop


def current_task(loop=None):
    return _loop_state['current']


def all_tasks(loop=None):
    loop = loop if loop is not None else get_running_loop()
    return {t for t in loop._tasks if not t.done()}


def ensure_future(coro_or_future, *, loop=None):
    if isinstance(coro_or_future, Future):
        return coro_or_future
    if iscoroutine(coro_or_future):
        return (loop if loop is not None else get_event_loop()).create_task(coro_or_future)
    if hasattr(type(coro_or_future), '__await__'):
        async def _wrap():
            return await coro_or_future
        return (loop if loop is not None else get_event_loop()).create_task(_wrap())
    raise TypeError('An asyncio.Future, a coroutine or an awaitable is required')


def create_task(coro, *, name=None, context=None):
    return get_running_loop().create_task(coro, name=name)


class _Yield0:
    def __await__(self):
        yield


def _set_result_unless_cancelled(fut, result):
    if not fut.done():
        fut.set_result(result)


async def sleep(delay, result=None):
    if delay <= 0:
        await _Yield0()
        return result
    loop = get_running_loop()
    fut = loop.create_future()
    h = loop.call_later(delay, _set_result_unless_cancelled, fut, result)
    try:
        return await fut
    finally:
        h.cancel()


class _GatheringFuture(Future):
    def __init__(self, children, *, loop):
        super().__init__(loop=loop)
        self._children = children

    def cancel(self, msg=None):
        if self.done():
            return False
        ret = False
        for child in self._children:
            if child.cancel(msg=msg):
                ret = True
        return ret


def gather(*aws, return_exceptions=False):
    loop = _loop_state['running'] or get_event_loop()
    if not aws:
        outer = loop.create_future()
        outer.set_result([])
        return outer
    children = []
    seen = {}
    for a in aws:
        key = id(a)
        if key in seen:
            children.append(seen[key])
            continue
        f = ensure_future(a, loop=loop)
        seen[key] = f
        children.append(f)
    outer = _GatheringFuture(children, loop=loop)
    state = {'done': 0}
    unique = len(seen)

    def _done(fut):
        state['done'] += 1
        if outer.done():
            if not fut.cancelled():
                fut.exception()
            return
        if not return_exceptions:
            if fut.cancelled():
                outer.set_exception(CancelledError())
                return
            exc = fut.exception()
            if exc is not None:
                outer.set_exception(exc)
                return
        if state['done'] == unique:
            results = []
            for c in children:
                if c.cancelled():
                    results.append(CancelledError())
                else:
                    e = c.exception()
                    results.append(e if e is not None else c.result())
            outer.set_result(results)

    for f in seen.values():
        f.add_done_callback(_done)
    return outer


async def wait_for(aw, timeout):
    loop = get_running_loop()
    fut = ensure_future(aw, loop=loop)
    if timeout is None:
        return await fut
    waiter = loop.create_future()
    h = loop.call_later(timeout, _set_result_unless_cancelled, waiter, None)
    fut.add_done_callback(lambda f: _set_result_unless_cancelled(waiter, None))
    try:
        await waiter
    finally:
        h.cancel()
    if fut.done():
        return fut.result()
    fut.cancel()
    try:
        await fut
    except CancelledError:
        pass
    raise TimeoutError()


def _cancel_all(loop):
    pending = [t for t in loop._tasks if not t.done()]
    if not pending:
        return
    for t in pending:
        t.cancel()
    loop.run_until_complete(gather(*pending, return_exceptions=True))


def run(main, *, debug=None):
    if _loop_state['running'] is not None:
        raise RuntimeError('asyncio.run() cannot be called from a running event loop')
    if not iscoroutine(main):
        raise ValueError('a coroutine was expected, got %r' % (main,))
    loop = new_event_loop()
    try:
        set_event_loop(loop)
        return loop.run_until_complete(main)
    finally:
        try:
            _cancel_all(loop)
        finally:
            set_event_loop(None)
            loop.close()


async def _wait_on(waiters):
    # Park the current task on a new future in waiters until someone sets it.
    fut = get_running_loop().create_future()
    waiters.append(fut)
    try:
        await fut
    finally:
        waiters.remove(fut)


class Event:
    def __init__(self):
        self._waiters = _deque()
        self._value = False

    def is_set(self):
        return self._value

    def set(self):
        if not self._value:
            self._value = True
            for fut in self._waiters:
                if not fut.done():
                    fut.set_result(True)

    def clear(self):
        self._value = False

    async def wait(self):
        if not self._value:
            await _wait_on(self._waiters)
        return True


class Lock:
    def __init__(self):
        self._waiters = _deque()
        self._locked = False

    def locked(self):
        return self._locked

    async def acquire(self):
        if not self._locked and all(w.cancelled() for w in self._waiters):
            self._locked = True
            return True
        await _wait_on(self._waiters)
        self._locked = True
        return True

    def release(self):
        if not self._locked:
            raise RuntimeError('Lock is not acquired.')
        self._locked = False
        for fut in self._waiters:
            if not fut.done():
                fut.set_result(True)
                break

    async def __aenter__(self):
        await self.acquire()

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class Semaphore:
    def __init__(self, value=1):
        if value < 0:
            raise ValueError('Semaphore initial value must be >= 0')
        self._value = value
        self._waiters = _deque()

    def locked(self):
        return self._value == 0

    async def acquire(self):
        while self._value <= 0:
            await _wait_on(self._waiters)
        self._value -= 1
        return True

    def release(self):
        self._value += 1
        for fut in self._waiters:
            if not fut.done():
                fut.set_result(True)
                break

    async def __aenter__(self):
        await self.acquire()

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        self._bound_value = value
        super().__init__(value)

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError('BoundedSemaphore released too many times')
        super().release()


class Queue:
    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._queue = _deque()
        self._getters = _deque()
        self._putters = _deque()
        self._unfinished = 0
        self._finished = Event()
        self._finished.set()

    def qsize(self):
        return len(self._queue)

    @property
    def maxsize(self):
        return self._maxsize

    def empty(self):
        return not self._queue

    def full(self):
        return 0 < self._maxsize <= len(self._queue)

    def _wake(self, waiters):
        while waiters:
            w = waiters.popleft()
            if not w.done():
                w.set_result(None)
                break

    async def put(self, item):
        while self.full():
            fut = get_running_loop().create_future()
            self._putters.append(fut)
            await fut
        self.put_nowait(item)

    def put_nowait(self, item):
        if self.full():
            raise QueueFull
        self._queue.append(item)
        self._unfinished += 1
        self._finished.clear()
        self._wake(self._getters)

    async def get(self):
        while self.empty():
            fut = get_running_loop().create_future()
            self._getters.append(fut)
            await fut
        return self.get_nowait()

    def get_nowait(self):
        if self.empty():
            raise QueueEmpty
        item = self._queue.popleft()
        self._wake(self._putters)
        return item

    def task_done(self):
        if self._unfinished <= 0:
            raise ValueError('task_done() called too many times')
        self._unfinished -= 1
        if self._unfinished == 0:
            self._finished.set()

    async def join(self):
        if self._unfinished > 0:
            await self._finished.wait()
`);
