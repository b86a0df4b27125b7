# workload: false-sharing
# description: each thread bumps its own counter byte; adjacent counters share a cache line, padded ones do not
# param threads: int = 4 -- worker threads
# param iters: int = 4000 -- updates per thread
# param padded: bool = false -- give each counter its own cache line
# param line: int = 64 -- cache line size in bytes (the padding)
# deterministic: true
# small: threads=2 iters=400
#
# The counters live in one bytearray, at consecutive bytes or one line apart, so the layout is
# exact whatever the allocator does. No data is shared, so the result never depends on the
# interleaving; only the coherence traffic (and HTM conflicts) change with `padded`.
import threading
from htmsim import params


def worker(buf, offset, n, done, tid):
    for i in range(n):
        buf[offset] = (buf[offset] + 1) & 255
    done[tid] = n


def main():
    nthreads = params["threads"]
    iters = params["iters"]
    stride = params["line"] if params["padded"] else 1
    buf = bytearray(max(nthreads * stride, 1))
    done = [0] * nthreads
    workers = []
    for t in range(nthreads):
        th = threading.Thread(target=worker, args=(buf, t * stride, iters, done, t))
        workers.append(th)
        th.start()
    for th in workers:
        th.join()
    for t in range(nthreads):
        if buf[t * stride] != iters & 255 or done[t] != iters:
            raise RuntimeError("self-check failed: counter %d holds %d, expected %d" % (t, buf[t * stride], iters & 255))
    print("ok false-sharing threads=%d iters=%d" % (nthreads, iters))


main()
