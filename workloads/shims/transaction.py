"""CPython stand-in for the `transaction` module (PyPy's 2012 API).

Without transactional memory PyPy ran the added calls one after another; so does this shim. Every
call added (including calls added while running) runs exactly once, in FIFO order, which is one of
the serial orders the real module may produce.
"""
import threading

_pending = []


def add(f, *args, **kwargs):
    _pending.append((f, args, kwargs))


def run():
    i = 0
    try:
        while i < len(_pending):
            f, args, kwargs = _pending[i]
            i += 1
            f(*args, **kwargs)
    finally:
        del _pending[:i]


_atomic_lock = threading.RLock()


class atomic:
    """`with transaction.atomic():` - atomic blocks exclude each other through one re-entrant
    lock (CPython may switch threads inside a block, at a loop back-edge or a call)."""

    def __enter__(self):
        _atomic_lock.acquire()
        return self

    def __exit__(self, *exc):
        _atomic_lock.release()
        return False
