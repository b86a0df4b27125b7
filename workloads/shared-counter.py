# workload: shared-counter
# description: every thread increments one shared counter in a call-free loop; exact under gil/stm/htm, loses updates under nogil
# param threads: int(>=1) = 4 -- worker threads
# param iters: int(>=0) = 5000 -- increments per thread
# racy: true
# deterministic: true
# small: threads=2 iters=500
#
# `counter[0] += 1` is a load, an add and a store. The loop body holds no call, so under the GIL
# (which changes hands only at back-edges and calls) and under transactions it never loses an
# update; free threading interleaves the three steps and does.
import threading
from htmsim import params, roi_begin, roi_end

counter = [0]


def worker(n):
    for i in range(n):
        counter[0] += 1


def main():
    if params["threads"] < 1 or params["iters"] < 0:
        raise ValueError("threads must be at least 1 and iters not negative")
    nthreads = params["threads"]
    iters = params["iters"]
    workers = [threading.Thread(target=worker, args=(iters,)) for t in range(nthreads)]
    for th in workers:
        th.start()
    roi_begin()
    for th in workers:
        th.join()
    roi_end()
    want = nthreads * iters
    if counter[0] != want:
        raise RuntimeError("self-check failed: race: counter=%d, expected %d (%d updates lost)"
                           % (counter[0], want, want - counter[0]))
    print("ok shared-counter threads=%d count=%d" % (nthreads, counter[0]))


main()
