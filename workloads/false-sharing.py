# workload: false-sharing
# description: each thread bumps its own counter; adjacent counters share cache lines, padded ones do not
# param threads: int(>=1) = 4 -- worker threads
# param iters: int(>=1) = 4000 -- updates per thread
# param padded: bool = false -- keep each counter a cache line away from the next
# param layout: str(objects|bytes) = objects -- counters as small objects allocated back to back, or as bytes of one bytearray
# param line: int(>=1) = 64 -- cache line size in bytes (the padding)
# deterministic: true
# small: threads=2 iters=400
#
# No data is shared, so the result never depends on the interleaving; only coherence traffic and
# HTM conflicts change with `padded`. With layout=objects each counter is its own object (one
# object per thread, as an STM sees it; padding objects between them keep them a line apart);
# with layout=bytes they are bytes of one bytearray, an exact layout whatever the allocator does
# (but one object, so an object-granularity STM sees every update as a conflict).
# Counter values wrap at 256 so that updates never allocate a new int object.
import threading
from htmsim import params, roi_begin, roi_end


class Counter:
    def __init__(self):
        self.n = 0


def bump_object(counter, n, done, tid):
    for i in range(n):
        counter.n = (counter.n + 1) & 255
    done[tid] = n


def bump_byte(buf, offset, n, done, tid):
    for i in range(n):
        buf[offset] = (buf[offset] + 1) & 255
    done[tid] = n


def main():
    if params["threads"] < 1 or params["iters"] < 1 or params["line"] < 1:
        raise ValueError("threads, iters and line must be at least 1")
    nthreads = params["threads"]
    iters = params["iters"]
    padded = params["padded"]
    done = [0] * nthreads
    workers = []
    if params["layout"] == "objects":
        counters = []
        pads = []
        for t in range(nthreads):
            counters.append(Counter())
            if padded:
                pads.append(bytearray(params["line"]))
        for t in range(nthreads):
            workers.append(threading.Thread(target=bump_object, args=(counters[t], iters, done, t)))
    else:
        stride = params["line"] if padded else 1
        buf = bytearray(max(nthreads * stride, 1))
        for t in range(nthreads):
            workers.append(threading.Thread(target=bump_byte, args=(buf, t * stride, iters, done, t)))
    for th in workers:
        th.start()
    roi_begin()
    for th in workers:
        th.join()
    roi_end()
    for t in range(nthreads):
        value = counters[t].n if params["layout"] == "objects" else buf[t * stride]
        if value != iters & 255 or done[t] != iters:
            raise RuntimeError("self-check failed: counter %d holds %d, expected %d" % (t, value, iters & 255))
    print("ok false-sharing threads=%d iters=%d" % (nthreads, iters))


main()
