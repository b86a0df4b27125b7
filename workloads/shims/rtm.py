"""CPython stand-in for the `rtm` module: Intel RTM intrinsics on a CPU without TSX.

xbegin() always reports an abort with status 0 (as an interrupt would), so programs take their
fallback path. The constants have Intel's values (clang's rtmintrin.h).
"""

XBEGIN_STARTED = 0xFFFFFFFF
XABORT_EXPLICIT = 1 << 0
XABORT_RETRY = 1 << 1
XABORT_CONFLICT = 1 << 2
XABORT_CAPACITY = 1 << 3
XABORT_DEBUG = 1 << 4
XABORT_NESTED = 1 << 5


def xabort_code(status):
    return (status >> 24) & 0xFF


def xbegin():
    return 0


def xend():
    # XEND outside a transaction raises #GP on real hardware.
    raise RuntimeError("rtm.xend() outside a transaction")


def xabort(code):
    # XABORT outside a transaction is a no-op.
    if not 0 <= code <= 255:
        raise ValueError("xabort code must be 0..255")


def xtest():
    return False
