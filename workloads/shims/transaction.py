"""CPython stand-in for the `transaction` module (PyPy's 2012 API).

Without transactional memory PyPy ran the added calls one after another; so does this shim. Every
call added (including calls added while running) runs exactly once, in FIFO order, which is one of
the serial orders the real module may produce.
"""

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


class atomic:
    """`with transaction.atomic():` - a no-op when everything already runs serially."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False
