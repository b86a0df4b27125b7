# workload: capacity-read
# description: read-only rtm transactions over kib KiB of a bytearray, one byte per cache line; reports the commit ratio
# param kib: int(>=1) = 64 -- KiB read inside each transaction
# param line: int(>=1) = 64 -- stride in bytes (the cache line size)
# param attempts: int(>=1) = 5 -- transactions tried
# deterministic: true
# small: kib=4 attempts=2
#
# The read-set probe: Haswell tracks transactional reads beyond L1D, so read-only transactions of
# several MiB commit but none larger than the L3. Each attempt folds one byte per line into an
# XOR inside a transaction (or on the fallback path) and checks it. XOR of values below 128 stays
# a small int, so with the small-int cache the loop allocates nothing. Run it with
# `interp.refcount: none` to probe the hardware limit: reference counts are writes, so with them
# the transaction is not read-only and its early writes get evicted by the stream.
import rtm
from htmsim import params, metric, roi_begin, roi_end


def main():
    size = params["kib"] * 1024
    stride = params["line"]
    attempts = params["attempts"]
    if size <= 0 or stride <= 0 or attempts <= 0:
        raise ValueError("kib, line and attempts must be positive")
    buf = bytearray(size)
    want = 0
    for i in range(0, size, stride):
        v = (i // stride) % 127 + 1
        buf[i] = v
        want ^= v
    commits = 0
    capacity = 0
    conflict = 0
    other = 0
    roi_begin()
    for k in range(attempts):
        # Everything the transaction would otherwise allocate or write once and then leave (the
        # range iterator, the accumulator) is made before xbegin: a line written early and then
        # evicted by the read stream would abort it, and the probe is of a read-only transaction.
        lines = iter(range(0, size, stride))
        total = 0
        status = rtm.xbegin()
        if status == rtm.XBEGIN_STARTED:
            for i in lines:
                total ^= buf[i]
            rtm.xend()
            commits += 1
        else:
            if status & rtm.XABORT_CAPACITY:
                capacity += 1
            elif status & rtm.XABORT_CONFLICT:
                conflict += 1
            else:
                other += 1
            total = 0
            for i in range(0, size, stride):
                total ^= buf[i]
        if total != want:
            raise RuntimeError("self-check failed: attempt %d read xor %d, expected %d" % (k, total, want))
    roi_end()
    metric("commits", commits)
    metric("capacity_aborts", capacity)
    metric("conflict_aborts", conflict)
    metric("other_aborts", other)
    metric("commit_ratio", commits / attempts)
    metric("read_lines", size // stride)
    print("ok capacity-read kib=%d lines=%d xor=%d" % (params["kib"], size // stride, want))


main()
