/**
 * `concurrent.futures` in guest Python (and the `concurrent` package that holds it): `Future`
 * (result/exception with timeouts, cancel, done callbacks), `Executor` (`map`, context manager),
 * `ThreadPoolExecutor` on guest threads and a `queue.SimpleQueue` of work items (workers started
 * on demand up to `max_workers`, CPython's thread names), `wait` and `as_completed` through waiter
 * objects the futures notify, the exceptions and constants. Timeouts are on the simulated clock.
 *
 * The VM loses a block (a lock wait, a sleep) inside a generator driven by a for loop or a builtin
 * (`list`, `sum`, `sorted`): the generator ends early. So `Executor.map` and `as_completed`,
 * generators in CPython, wait in their own plain frame and return a generator that only replays
 * what they collected (values, then the exception or TimeoutError where CPython would raise it).
 *
 * The VM runs a guest `__enter__`/`__exit__` as a nested call and restarts it from its first
 * line when something in it blocks, so `shutdown` (what `__exit__` calls) repeats harmlessly and
 * never blocks while it holds a lock.
 *
 * CPython joins an executor's workers at interpreter exit even when the program never shuts it
 * down. The VM has no exit hook, so an idle worker waits for work in 1-ms slices and leaves once
 * the main thread has finished and no work is queued (`_main_done`, the one host function);
 * without that a program that never calls `shutdown` would end in a deadlock.
 */
import type { PyDict } from '../dict.js';
import { defineFn, factoryModule, newModule, pythonModule } from './kit.js';

export const concurrent = pythonModule('concurrent', '');

export const concurrentFutures = factoryModule('concurrent.futures', (vm) => {
  const m = newModule(vm, 'concurrent.futures');
  defineFn(vm, m, '_main_done', () => vm.threads.some((t) => t.isMain && t.state === 'done'));
  vm.runSourceModule('concurrent.futures', SOURCE, m.dict as PyDict);
  (vm.moduleOf('concurrent').dict as PyDict).set('futures', m);
  return m;
});

const SOURCE = String.raw`
import threading as _threading
from _threading_sync import Condition as _Condition, Event as _Event
from queue import SimpleQueue as _SimpleQueue, Empty as _Empty
from collections import namedtuple as _namedtuple
from time import monotonic as _time
import sys as _sys
import os as _os

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'
_AS_COMPLETED = '_AS_COMPLETED'

PENDING = 'PENDING'
RUNNING = 'RUNNING'
CANCELLED = 'CANCELLED'
CANCELLED_AND_NOTIFIED = 'CANCELLED_AND_NOTIFIED'
FINISHED = 'FINISHED'

_STATE_TO_DESCRIPTION_MAP = {
    PENDING: 'pending',
    RUNNING: 'running',
    CANCELLED: 'cancelled',
    CANCELLED_AND_NOTIFIED: 'cancelled',
    FINISHED: 'finished',
}


class Error(Exception):
    pass


class CancelledError(Error):
    pass


TimeoutError = TimeoutError


class InvalidStateError(Error):
    pass


class BrokenExecutor(RuntimeError):
    pass


class _Waiter:
    def __init__(self):
        self.event = _Event()
        self.finished_futures = []

    def add_result(self, future):
        self.finished_futures.append(future)

    def add_exception(self, future):
        self.finished_futures.append(future)

    def add_cancelled(self, future):
        self.finished_futures.append(future)


class _AsCompletedWaiter(_Waiter):
    def __init__(self):
        _Waiter.__init__(self)
        self.lock = _threading.Lock()

    def add_result(self, future):
        with self.lock:
            _Waiter.add_result(self, future)
            self.event.set()

    def add_exception(self, future):
        with self.lock:
            _Waiter.add_exception(self, future)
            self.event.set()

    def add_cancelled(self, future):
        with self.lock:
            _Waiter.add_cancelled(self, future)
            self.event.set()


class _FirstCompletedWaiter(_Waiter):
    def add_result(self, future):
        _Waiter.add_result(self, future)
        self.event.set()

    def add_exception(self, future):
        _Waiter.add_exception(self, future)
        self.event.set()

    def add_cancelled(self, future):
        _Waiter.add_cancelled(self, future)
        self.event.set()


class _AllCompletedWaiter(_Waiter):
    def __init__(self, num_pending_calls, stop_on_exception):
        self.num_pending_calls = num_pending_calls
        self.stop_on_exception = stop_on_exception
        self.lock = _threading.Lock()
        _Waiter.__init__(self)

    def _decrement_pending_calls(self):
        with self.lock:
            self.num_pending_calls -= 1
            if not self.num_pending_calls:
                self.event.set()

    def add_result(self, future):
        _Waiter.add_result(self, future)
        self._decrement_pending_calls()

    def add_exception(self, future):
        _Waiter.add_exception(self, future)
        if self.stop_on_exception:
            self.event.set()
        else:
            self._decrement_pending_calls()

    def add_cancelled(self, future):
        _Waiter.add_cancelled(self, future)
        self._decrement_pending_calls()


class _AcquireFutures:
    def __init__(self, futures):
        self.futures = sorted(futures, key=id)

    def __enter__(self):
        for future in self.futures:
            future._condition.acquire()

    def __exit__(self, *args):
        for future in self.futures:
            future._condition.release()


def _create_and_install_waiters(fs, return_when):
    if return_when == _AS_COMPLETED:
        waiter = _AsCompletedWaiter()
    elif return_when == FIRST_COMPLETED:
        waiter = _FirstCompletedWaiter()
    else:
        pending_count = sum(f._state not in [CANCELLED_AND_NOTIFIED, FINISHED] for f in fs)
        if return_when == FIRST_EXCEPTION:
            waiter = _AllCompletedWaiter(pending_count, stop_on_exception=True)
        elif return_when == ALL_COMPLETED:
            waiter = _AllCompletedWaiter(pending_count, stop_on_exception=False)
        else:
            raise ValueError('Invalid return condition: %r' % return_when)
    for f in fs:
        f._waiters.append(waiter)
    return waiter


def _replay(outcomes, error=None):
    for ok, value in outcomes:
        if not ok:
            raise value
        yield value
    if error is not None:
        raise error


def as_completed(fs, timeout=None):
    # Waits here, in a plain frame, and returns a generator that never blocks (see the header).
    if timeout is not None:
        end_time = timeout + _time()
    fs = set(fs)
    total_futures = len(fs)
    with _AcquireFutures(fs):
        finished = set(f for f in fs if f._state in [CANCELLED_AND_NOTIFIED, FINISHED])
        pending = fs - finished
        waiter = _create_and_install_waiters(fs, _AS_COMPLETED)
    order = list(finished)
    order.reverse()
    error = None
    try:
        while pending:
            if timeout is None:
                wait_timeout = None
            else:
                wait_timeout = end_time - _time()
                if wait_timeout < 0:
                    error = TimeoutError('%d (of %d) futures unfinished' % (len(pending), total_futures))
                    break
            waiter.event.wait(wait_timeout)
            with waiter.lock:
                arrived = waiter.finished_futures
                waiter.finished_futures = []
                waiter.event.clear()
            for f in arrived:
                if f in pending:
                    pending.remove(f)
                    order.append(f)
    finally:
        for f in fs:
            with f._condition:
                f._waiters.remove(waiter)
    return _replay([(True, f) for f in order], error)


DoneAndNotDoneFutures = _namedtuple('DoneAndNotDoneFutures', 'done not_done')


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    fs = set(fs)
    with _AcquireFutures(fs):
        done = set(f for f in fs if f._state in [CANCELLED_AND_NOTIFIED, FINISHED])
        not_done = fs - done
        if (return_when == FIRST_COMPLETED) and done:
            return DoneAndNotDoneFutures(done, not_done)
        elif (return_when == FIRST_EXCEPTION) and done:
            if any(f for f in done if not f.cancelled() and f.exception() is not None):
                return DoneAndNotDoneFutures(done, not_done)
        if len(done) == len(fs):
            return DoneAndNotDoneFutures(done, not_done)
        waiter = _create_and_install_waiters(fs, return_when)
    waiter.event.wait(timeout)
    for f in fs:
        with f._condition:
            f._waiters.remove(waiter)
    done.update(waiter.finished_futures)
    return DoneAndNotDoneFutures(done, fs - done)


def _result_or_cancel(fut, timeout=None):
    try:
        try:
            return fut.result(timeout)
        finally:
            fut.cancel()
    finally:
        del fut


class Future:
    def __init__(self):
        self._condition = _Condition()
        self._state = PENDING
        self._result = None
        self._exception = None
        self._waiters = []
        self._done_callbacks = []

    def _invoke_callbacks(self):
        for callback in self._done_callbacks:
            try:
                callback(self)
            except Exception as e:
                _sys.stderr.write('exception calling callback for %r\n' % (self,))
                _sys.stderr.write('%s: %s\n' % (type(e).__name__, e))

    def __repr__(self):
        # Without the condition's lock: CPython's is an RLock, so set_result's error message
        # can take it again; this module's Condition has a plain Lock.
        if self._state == FINISHED:
            if self._exception:
                return '<%s at %#x state=%s raised %s>' % (
                    self.__class__.__name__, id(self), _STATE_TO_DESCRIPTION_MAP[self._state],
                    self._exception.__class__.__name__)
            return '<%s at %#x state=%s returned %s>' % (
                self.__class__.__name__, id(self), _STATE_TO_DESCRIPTION_MAP[self._state],
                self._result.__class__.__name__)
        return '<%s at %#x state=%s>' % (
            self.__class__.__name__, id(self), _STATE_TO_DESCRIPTION_MAP[self._state])

    def cancel(self):
        with self._condition:
            if self._state in [RUNNING, FINISHED]:
                return False
            if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
                return True
            self._state = CANCELLED
            self._condition.notify_all()
        self._invoke_callbacks()
        return True

    def cancelled(self):
        with self._condition:
            return self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]

    def running(self):
        with self._condition:
            return self._state == RUNNING

    def done(self):
        with self._condition:
            return self._state in [CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED]

    def __get_result(self):
        if self._exception:
            raise self._exception
        return self._result

    def add_done_callback(self, fn):
        with self._condition:
            if self._state not in [CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED]:
                self._done_callbacks.append(fn)
                return
        try:
            fn(self)
        except Exception as e:
            _sys.stderr.write('exception calling callback for %r\n' % (self,))
            _sys.stderr.write('%s: %s\n' % (type(e).__name__, e))

    def result(self, timeout=None):
        with self._condition:
            if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
                raise CancelledError()
            elif self._state == FINISHED:
                return self.__get_result()
            self._condition.wait(timeout)
            if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
                raise CancelledError()
            elif self._state == FINISHED:
                return self.__get_result()
            raise TimeoutError()

    def exception(self, timeout=None):
        with self._condition:
            if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
                raise CancelledError()
            elif self._state == FINISHED:
                return self._exception
            self._condition.wait(timeout)
            if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
                raise CancelledError()
            elif self._state == FINISHED:
                return self._exception
            raise TimeoutError()

    def set_running_or_notify_cancel(self):
        with self._condition:
            if self._state == CANCELLED:
                self._state = CANCELLED_AND_NOTIFIED
                for waiter in self._waiters:
                    waiter.add_cancelled(self)
                return False
            elif self._state == PENDING:
                self._state = RUNNING
                return True
            raise RuntimeError('Future in unexpected state')

    def set_result(self, result):
        with self._condition:
            if self._state in {CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED}:
                raise InvalidStateError('{}: {!r}'.format(self._state, self))
            self._result = result
            self._state = FINISHED
            for waiter in self._waiters:
                waiter.add_result(self)
            self._condition.notify_all()
        self._invoke_callbacks()

    def set_exception(self, exception):
        with self._condition:
            if self._state in {CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED}:
                raise InvalidStateError('{}: {!r}'.format(self._state, self))
            self._exception = exception
            self._state = FINISHED
            for waiter in self._waiters:
                waiter.add_exception(self)
            self._condition.notify_all()
        self._invoke_callbacks()


class Executor:
    def submit(self, fn, /, *args, **kwargs):
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        if timeout is not None:
            end_time = timeout + _time()
        fs = [self.submit(fn, *args) for args in zip(*iterables)]
        # The results are awaited here, in map's own frame, and replayed by a generator that
        # never blocks (see the header); the first failure cancels the futures not yet run.
        outcomes = []
        for f in fs:
            try:
                if timeout is None:
                    outcomes.append((True, f.result()))
                else:
                    outcomes.append((True, f.result(end_time - _time())))
            except BaseException as e:
                outcomes.append((False, e))
                for g in fs:
                    g.cancel()
                break
        return _replay(outcomes)

    def shutdown(self, wait=True, *, cancel_futures=False):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False


class _WorkItem:
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
            self = None
        else:
            self.future.set_result(result)


def _next_work(work_queue):
    # The blocking get, in slices so that an executor never shut down lets the program end.
    while True:
        try:
            return work_queue.get(timeout=0.001)
        except _Empty:
            if _main_done():
                return None


def _worker(executor, work_queue, initializer, initargs):
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException:
            _sys.stderr.write('Exception in initializer:\n')
            executor._initializer_failed()
            return
    while True:
        work_item = _next_work(work_queue)
        if work_item is not None:
            work_item.run()
            del work_item
            executor._idle_semaphore_release()
            continue
        # None: the executor is shutting down (or the program ended); wake the next worker.
        work_queue.put(None)
        return


class BrokenThreadPool(BrokenExecutor):
    pass


_counter = [0]


class ThreadPoolExecutor(Executor):
    def __init__(self, max_workers=None, thread_name_prefix='', initializer=None, initargs=()):
        if max_workers is None:
            max_workers = min(32, (_os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError('max_workers must be greater than 0')
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._max_workers = max_workers
        self._work_queue = _SimpleQueue()
        self._idle = 0
        self._idle_lock = _threading.Lock()
        self._threads = set()
        self._thread_list = []
        self._broken = False
        self._shutdown = False
        self._shutdown_lock = _threading.Lock()
        _counter[0] += 1
        self._thread_name_prefix = thread_name_prefix or ('ThreadPoolExecutor-%d' % (_counter[0] - 1))
        self._initializer = initializer
        self._initargs = initargs

    def _idle_semaphore_release(self):
        with self._idle_lock:
            self._idle += 1

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)
            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            f = Future()
            w = _WorkItem(f, fn, args, kwargs)
            self._work_queue.put(w)
            self._adjust_thread_count()
            return f

    def _adjust_thread_count(self):
        with self._idle_lock:
            if self._idle > 0:
                self._idle -= 1
                return
        num_threads = len(self._thread_list)
        if num_threads < self._max_workers:
            thread_name = '%s_%d' % (self._thread_name_prefix or self, num_threads)
            t = _threading.Thread(name=thread_name, target=_worker,
                                  args=(self, self._work_queue, self._initializer, self._initargs))
            t.start()
            self._threads.add(t)
            self._thread_list.append(t)

    def _initializer_failed(self):
        with self._shutdown_lock:
            self._broken = 'A thread initializer failed, the thread pool is not usable anymore'
            while True:
                try:
                    work_item = self._work_queue.get_nowait()
                except _Empty:
                    break
                if work_item is not None:
                    work_item.future.set_exception(BrokenThreadPool(self._broken))

    def shutdown(self, wait=True, *, cancel_futures=False):
        # Safe to run again from the top, and never blocks while holding a lock: called by
        # __exit__, it runs as a nested call that the VM restarts when it blocks (see the header).
        with self._shutdown_lock:
            self._shutdown = True
        if cancel_futures:
            while True:
                try:
                    work_item = self._work_queue.get_nowait()
                except _Empty:
                    break
                if work_item is not None:
                    work_item.future.cancel()
        self._work_queue.put(None)
        if wait:
            for t in self._thread_list:
                t.join()
`
